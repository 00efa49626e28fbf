//! Unit tests of the schemas: their fields, patterns, messages and conditions.

use serde_json::{Value, json};

use super::*;
use crate::load::overlay::OVERLAY_FIELDS;
use crate::load::record::RECORD_FIELDS;

fn validator(kind: SchemaKind) -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema(kind, None)).unwrap()
}

fn property_names(schema: &Value) -> Vec<&str> {
    let mut names: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn schemas_list_exactly_the_fields_the_loader_accepts() {
    let mut fields = RECORD_FIELDS.to_vec();
    fields.sort_unstable();
    let record = schema(SchemaKind::Record, None);
    assert_eq!(property_names(&record), fields);
    assert_eq!(record["additionalProperties"], false);
    assert_eq!(record["required"], json!(["title", "lang", "status"]));
    let mut fields = OVERLAY_FIELDS.to_vec();
    fields.sort_unstable();
    assert_eq!(property_names(&schema(SchemaKind::Overlay, None)), fields);
}

/// Walks the field definitions of `schema` (not the conditions of `if`/`then`/`allOf`/`not`,
/// which restate fields already defined) and calls `check` with each field's path and schema.
fn walk_fields(path: &str, schema: &Value, check: &mut dyn FnMut(&str, &Value)) {
    if let Some(Value::Object(properties)) = schema.get("properties") {
        for (name, property) in properties {
            let path = format!("{path}.{name}");
            check(&path, property);
            walk_fields(&path, property, check);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(inner @ Value::Object(_)) = schema.get(key) {
            walk_fields(&format!("{path}[]"), inner, check);
        }
    }
    if let Some(Value::Array(choices)) = schema.get("anyOf") {
        for choice in choices {
            walk_fields(path, choice, check);
        }
    }
}

#[test]
fn every_field_has_a_description_and_an_example() {
    let mut lacking = Vec::new();
    let mut fields = 0;
    for kind in SchemaKind::ALL {
        walk_fields(kind.name(), &schema(kind, None), &mut |path, field| {
            fields += 1;
            let described = field["description"].as_str().is_some_and(|d| d.len() > 10);
            let exemplified = field["examples"].as_array().is_some_and(|e| !e.is_empty());
            if !(described && exemplified) {
                lacking.push(path.to_string());
            }
        });
    }
    assert!(fields > 60, "only {fields} fields walked");
    assert!(
        lacking.is_empty(),
        "fields without description or examples: {lacking:?}"
    );
}

/// Every `pattern` anywhere, with the message editors show instead of it.
fn patterns(schema: &Value, out: &mut Vec<(String, Option<String>)>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(pattern)) = map.get("pattern") {
                let message = map
                    .get("patternErrorMessage")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                out.push((pattern.clone(), message));
            }
            map.values().for_each(|value| patterns(value, out));
        }
        Value::Array(items) => items.iter().for_each(|value| patterns(value, out)),
        _ => {}
    }
}

#[test]
fn every_pattern_has_a_message_in_words() {
    for kind in SchemaKind::ALL {
        let mut found = Vec::new();
        patterns(&schema(kind, None), &mut found);
        for (pattern, message) in found {
            let message = message.unwrap_or_else(|| panic!("{pattern} has no message"));
            assert!(
                !message.contains('^') && !message.contains("[0-9]"),
                "{message}"
            );
        }
    }
}

#[test]
fn the_id_is_where_the_site_publishes_the_schema_and_absent_without_a_site() {
    let with = schema(SchemaKind::Config, Some("https://status.example.com/"));
    assert_eq!(with["$id"], "https://status.example.com/schema/config.json");
    let without_slash = schema(SchemaKind::Record, Some("https://example.com/status"));
    assert_eq!(
        without_slash["$id"],
        "https://example.com/status/schema/record.json"
    );
    assert!(schema(SchemaKind::Overlay, None).get("$id").is_none());
    for kind in SchemaKind::ALL {
        let text = to_text(&schema(kind, None));
        assert!(!text.contains(".invalid"), "{}", kind.name());
        assert_eq!(
            schema(kind, None)["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
    }
}

/// The time and duration patterns accept what the parsers accept, spelling by spelling.
#[test]
fn time_and_duration_patterns_follow_the_parsers() {
    let record = validator(SchemaKind::Record);
    let base = json!({"title": "t", "lang": "en", "status": "draft"});
    let with = |field: &str, value: &str| {
        let mut doc = base.clone();
        doc[field] = json!(value);
        doc
    };
    // Every combination of a date, a separator, a clock and a zone, near misses included,
    // bare and padded: the schema must refuse exactly what the loader refuses.
    let dates = [
        "2023-12-17",
        "2023-1-7",
        "23-12-17",
        "2023-13-01",
        "2023-12-32",
        "+2023-12-17",
        "-0000-12-17",
        "2023- 12-17",
        "02023-12-17",
        "2023/12/17",
        "",
    ];
    let separators = ["T", " ", "  ", "\t", "t", "T ", "T\t", ""];
    let clocks = [
        "03:56",
        "3:5",
        "03:56:07",
        "03:56:07.123",
        "23:59:60",
        "24:00",
        "03:56:07.",
        "03: 56",
        "03:56:7",
        "03",
        "",
    ];
    let zones = [
        "",
        "Z",
        "z",
        " Z",
        "\tz",
        "  Z",
        "+01:00",
        "+0100",
        "-05:30",
        " +01:00",
        "\t-0530",
        "  +0100",
        "+01",
        "+01::00",
        "+01: 00",
        "\u{2212}01:00",
        " UTC",
        "+1:00",
    ];
    let mut times = Vec::new();
    for date in dates {
        for separator in separators {
            for clock in clocks {
                for zone in zones {
                    let time = format!("{date}{separator}{clock}{zone}");
                    times.push(format!(" {time} "));
                    times.push(time);
                }
            }
        }
    }
    times.sort();
    times.dedup();
    let (mut accepted, mut refused) = (0, 0);
    for text in &times {
        let text = text.as_str();
        let parsed = crate::model::time::parse(text).and_then(|written| {
            let base = chrono::NaiveDate::from_ymd_opt(2023, 12, 17);
            crate::model::time::resolve(written, chrono_tz::UTC, base)
        });
        assert_eq!(
            record.is_valid(&with("resolved", text)),
            parsed.is_ok(),
            "`{text}`: {parsed:?}"
        );
        match parsed {
            Ok(_) => accepted += 1,
            Err(_) => refused += 1,
        }
    }
    assert!(accepted > 500 && refused > 5000, "{accepted} {refused}");
    let durations = [
        "90s", "18m", "1h30m", "2d4h", "~1.5h", "~ 2h", " 45m ", "1.h", ".5h", "", "~", "18", "m",
        "18x", "30m1h", "1h1h", "1..5h", "-5m", "1h 30m",
    ];
    for text in durations {
        let parsed = crate::model::duration::parse(text);
        assert_eq!(
            record.is_valid(&with("duration", text)),
            parsed.is_ok(),
            "`{text}`: {parsed:?}"
        );
    }
}

#[test]
fn required_unless_draft() {
    let record = validator(SchemaKind::Record);
    let draft = json!({"title": "t", "lang": "en", "status": "draft"});
    assert!(record.is_valid(&draft));
    let mut published = draft.clone();
    published["status"] = json!("published");
    assert!(!record.is_valid(&published));
    published["severity"] = json!("minor");
    assert!(!record.is_valid(&published), "started is still missing");
    published["started"] = json!("2023-12-17T03:56:00Z");
    assert!(record.is_valid(&published));
    published["started"] = Value::Null;
    assert!(!record.is_valid(&published), "an empty `started:` is none");
    let mut maintenance = draft;
    maintenance["status"] = json!("published");
    maintenance["kind"] = json!("maintenance");
    assert!(
        !record.is_valid(&maintenance),
        "a published window has both ends"
    );
    maintenance["scheduled_for"] = json!("2024-03-05 22:00");
    maintenance["scheduled_until"] = json!("2024-03-05 23:30");
    assert!(record.is_valid(&maintenance));
    maintenance["status"] = json!("draft");
    maintenance
        .as_object_mut()
        .unwrap()
        .remove("scheduled_until");
    assert!(record.is_valid(&maintenance), "a draft may lack them");
    let mut incident = published;
    incident["started"] = json!("2023-12-17T03:56:00Z");
    for (field, value) in [
        ("scheduled_for", json!("2024-03-05 22:00")),
        ("cancelled", json!(false)),
    ] {
        incident[field] = value;
        assert!(!record.is_valid(&incident), "{field} on an incident");
        incident[field] = Value::Null;
        assert!(record.is_valid(&incident), "{field} empty");
    }
}

#[test]
fn empty_lists_and_sections_are_as_good_as_absent() {
    let record = validator(SchemaKind::Record);
    let doc = json!({"title": "t", "lang": "en", "status": "draft", "lessons": null, "timeline": null, "affected": null, "summary": null, "title2": null});
    let errors: Vec<String> = record.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 1, "only the unknown field: {errors:?}");
    let overlay = validator(SchemaKind::Overlay);
    assert!(overlay.is_valid(&json!({"lang": "de", "title": null, "lessons": null})));
}

/// Whether `schema` describes a scalar (no mapping, no list), where editors would otherwise
/// print the bare type or every allowed value.
fn is_scalar(schema: &Value) -> bool {
    let types: Vec<&str> = match &schema["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    !types.contains(&"object") && !types.contains(&"array") && schema.get("properties").is_none()
}

#[test]
fn every_scalar_field_says_in_words_what_it_takes() {
    let mut unclear = Vec::new();
    let mut scalars = 0;
    for kind in SchemaKind::ALL {
        walk_fields(kind.name(), &schema(kind, None), &mut |path, field| {
            let mut check = |path: &str, field: &Value| {
                if !is_scalar(field) {
                    return;
                }
                scalars += 1;
                match field["errorMessage"].as_str() {
                    Some(m) if m.len() <= 300 && !m.contains("null") => {}
                    other => unclear.push(format!("{path}: {other:?}")),
                }
            };
            check(path, field);
            if let Some(item @ Value::Object(_)) = field.get("items") {
                check(&format!("{path}[]"), item);
            }
        });
    }
    assert!(scalars > 50, "only {scalars} scalar fields");
    assert!(unclear.is_empty(), "{unclear:#?}");
}

/// The paths of every `not` that is a rule rather than part of an `if`'s condition.
fn rule_nots(path: &str, schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match key.as_str() {
                    "if" => {}
                    // The choices' own messages give way to the anyOf's.
                    "anyOf" if map.contains_key("errorMessage") => {}
                    "not" => out.push(path.to_string()),
                    _ => rule_nots(&format!("{path}/{key}"), value, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                rule_nots(&format!("{path}/{i}"), item, out);
            }
        }
        _ => {}
    }
}

/// yaml-language-server drops a `not`'s errorMessage ("Matches a schema that is not
/// allowed."), so a field a channel may not have is `false` and named on its own key.
#[test]
fn fields_a_channel_may_not_have_are_refused_by_name_not_by_a_not() {
    for kind in SchemaKind::ALL {
        let mut found = Vec::new();
        rule_nots(kind.name(), &schema(kind, None), &mut found);
        assert!(found.is_empty(), "{found:?}");
    }
    let config = validator(SchemaKind::Config);
    let with =
        |channel: Value| json!({ "base_url": "https://s.example.com/", "notify": [channel] });
    let slack = json!({ "kind": "slack", "url_env": "SLACK_URL" });
    assert!(config.is_valid(&with(slack.clone())));
    let mut secret = slack;
    secret["secret_env"] = json!("SECRET");
    assert!(!config.is_valid(&with(secret)));
    let hook = json!({ "kind": "webhook", "url_env": "HOOK_URL", "url": null });
    assert!(config.is_valid(&with(hook.clone())));
    let mut both = hook;
    both["url"] = json!("https://hooks.example.com/x");
    assert!(!config.is_valid(&with(both)));
    let mail = json!({ "kind": "email", "smtp_host_env": "H", "from": "a@example.com", "to": ["b@example.com"], "unsubscribe": "https://s.example.com/u" });
    assert!(config.is_valid(&with(mail.clone())));
    let mut hooked = mail;
    hooked["url_env"] = json!(null);
    assert!(
        !config.is_valid(&with(hooked)),
        "written at all, even empty"
    );
}
