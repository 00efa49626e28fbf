//! The variants the agreement test writes of each document: wrong values, near misses of
//! times and durations, and every field removed, emptied or given another value.

use serde_json::{Value, json};

/// Values of the wrong type (or the wrong word) for any field.
fn wrong_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(12345),
        json!(true),
        json!("zz-not-a-keyword"),
        json!(["x"]),
        json!({ "x": "y" }),
    ]
}

/// `value` as YAML in flow style, each string plain where YAML reads it back as written
/// or as the number, boolean or null it looks like.
pub(super) fn plain_yaml(value: &Value) -> String {
    let plain = |text: &str| {
        let first = text.chars().next();
        first.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '~' | '+'))
            && !text.ends_with([' ', ':'])
            && !text.contains(": ")
            && !text.contains(" #")
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " _.:/+-~@".contains(c))
    };
    match value {
        Value::String(text) if plain(text) => text.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(plain_yaml).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            let pairs: Vec<String> = map
                .iter()
                .map(|(key, value)| format!("{}: {}", plain_yaml(&json!(key)), plain_yaml(value)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
        other => other.to_string(),
    }
}

/// Near misses for a field with a pattern, from the grammar of times and durations:
/// accepted and refused spellings side by side, each written as a string.
fn near_misses() -> Vec<Value> {
    let mut out = Vec::new();
    for date in ["2023-12-17", "+2023-12-17"] {
        for separator in ["T", " ", "  "] {
            for zone in ["", " +01:00", "+01::00"] {
                out.push(json!(format!("{date}{separator}03:56{zone}")));
            }
        }
    }
    for other in [
        "2023-12-17",
        "2023-1-7",
        "2023-12-32",
        "+2023-12-17",
        "2023-12-17T24:00",
        "3:56:07.5",
        "45m",
        "1h30m",
        "~1.5h",
        "~ 2h",
        "1.h",
        "30m1h",
        "1h 30m",
        "18",
        "2d4h",
        "-5m",
    ] {
        out.push(json!(other));
    }
    out
}

/// Every variant of `value` with one member or list item removed, emptied or replaced by a
/// value of the wrong type, or one field (present or not) set to each example its schema
/// (`schema`, the schema of `value`) gives; down to `depth` levels, the first item of a list.
pub(super) fn mutations(value: &Value, schema: &Value, depth: usize, out: &mut Vec<Value>) {
    if depth == 0 {
        return;
    }
    let none = Value::Null;
    match value {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            for (key, member) in map {
                let mut removed = map.clone();
                removed.remove(key);
                out.push(Value::Object(removed));
                for replacement in wrong_values() {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), replacement);
                    out.push(Value::Object(changed));
                }
                let inner_schema = properties.and_then(|p| p.get(key)).unwrap_or(&none);
                let mut inner = Vec::new();
                mutations(member, inner_schema, depth - 1, &mut inner);
                for variant in inner {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), variant);
                    out.push(Value::Object(changed));
                }
            }
            for (key, property) in properties.into_iter().flatten() {
                let patterned = property.get("pattern").is_some();
                let misses = if patterned { near_misses() } else { Vec::new() };
                for example in property["examples"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .chain(&misses)
                {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), example.clone());
                    out.push(Value::Object(changed));
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let mut removed = items.clone();
            removed.remove(0);
            out.push(Value::Array(removed));
            for replacement in wrong_values() {
                let mut changed = items.clone();
                changed[0] = replacement;
                out.push(Value::Array(changed));
            }
            let mut inner = Vec::new();
            mutations(
                &items[0],
                schema.get("items").unwrap_or(&none),
                depth - 1,
                &mut inner,
            );
            for variant in inner {
                let mut changed = items.clone();
                changed[0] = variant;
                out.push(Value::Array(changed));
            }
        }
        _ => {}
    }
}
