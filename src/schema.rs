//! JSON Schemas of records and overlays, generated from the model, for editors and validators.

use schemars::schema_for;

use crate::model::{Overlay, Record};

/// The JSON Schema (2020-12) of an incident record.
pub fn record_schema() -> serde_json::Value {
    let mut schema = schema_for!(Record).to_value();
    schema["$id"] = "https://hindsight.invalid/schema/record.json".into();
    schema
}

/// The JSON Schema (2020-12) of a translation overlay.
pub fn overlay_schema() -> serde_json::Value {
    let mut schema = schema_for!(Overlay).to_value();
    schema["$id"] = "https://hindsight.invalid/schema/overlay.json".into();
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::record::RECORD_FIELDS;

    #[test]
    fn record_schema_lists_exactly_the_fields_the_loader_accepts() {
        let schema = record_schema();
        let mut properties: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut fields = RECORD_FIELDS.to_vec();
        properties.sort_unstable();
        fields.sort_unstable();
        assert_eq!(properties, fields);
        assert_eq!(schema["additionalProperties"], false);
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(required, ["title", "lang", "status"]);
    }

    #[test]
    fn keyword_fields_are_enums() {
        let schema = record_schema().to_string();
        assert!(schema.contains("\"major_outage\""));
        assert!(schema.contains("\"published\""));
    }
}
