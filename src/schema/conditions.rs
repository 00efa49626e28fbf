//! The conditions of the record schema: which fields a record needs or may not have,
//! by its `status` and `kind` (lint's `missing-field` and `maintenance-window`).

use serde_json::{Value, json};

use super::parts::required_because;

/// Adds the conditions to the record's `schema`.
pub(super) fn apply(schema: &mut Value) {
    schema["if"] = unless_draft();
    let rule = |field: &str| {
        let message =
            format!("`{field}` is required unless `status: draft` (or `kind: maintenance`)");
        required_because(field, &message)
    };
    schema["then"] = json!({ "allOf": [rule("severity"), rule("started")] });
    schema["allOf"] = json!([maintenance_window(), incident_has_no_window()]);
}

/// The maintenance fields, which mean nothing on an incident.
const WINDOW_FIELDS: [&str; 4] = [
    "scheduled_for",
    "scheduled_until",
    "auto_complete",
    "cancelled",
];

/// A published maintenance needs both ends of its window (`maintenance-window`): written,
/// and not empty; an unreadable value is left to the field's own pattern, as lint leaves it
/// to `invalid-time`.
fn maintenance_window() -> Value {
    let ends: Vec<Value> = ["scheduled_for", "scheduled_until"]
        .iter()
        .map(|field| {
            let message = format!("this published maintenance has no `{field}`: add when the planned work begins and ends");
            json!({
                "required": [field],
                "properties": { *field: { "type": "string", "errorMessage": message } },
                "errorMessage": message,
            })
        })
        .collect();
    json!({
        "if": {
            "required": ["kind", "status"],
            "properties": { "kind": { "const": "maintenance" }, "status": { "const": "published" } },
        },
        "then": { "allOf": ends },
    })
}

/// An incident (written so, or not written) may leave the maintenance fields empty, no more
/// (`maintenance-window`): most likely `kind: maintenance` was forgotten.
fn incident_has_no_window() -> Value {
    let banned: serde_json::Map<String, Value> = WINDOW_FIELDS
        .iter()
        .map(|field| {
            let message = format!("`{field}` is a maintenance field, but this record is an incident: add `kind: maintenance`, or remove `{field}`");
            (field.to_string(), json!({ "type": "null", "errorMessage": message }))
        })
        .collect();
    json!({
        "if": { "properties": { "kind": { "enum": ["incident", null] } } },
        "then": { "properties": banned },
    })
}

/// A record that is no draft, of kind incident (written so, or not written): the loader
/// requires its `severity` and `started`. A record of an unreadable kind is not held to it.
fn unless_draft() -> Value {
    json!({
        "required": ["status"],
        "properties": {
            "status": { "not": { "const": "draft" } },
            "kind": { "enum": ["incident", null] },
        },
    })
}
