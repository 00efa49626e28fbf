//! The schema of a translation overlay (`incidents/<id>.<lang>.yaml`), as
//! src/load/overlay.rs reads it.

use serde_json::{Value, json};

use super::parts::{doc, keyword, list, object, text};
use crate::model::{Lang, OverlayList, TextField};

pub(super) fn schema() -> Value {
    let mut properties = vec![(
        "lang",
        doc(
            keyword::<Lang>(false),
            "The language of the translations in this file: en, de, ja or zh. Required.",
            json!(["de"]),
        ),
    )];
    for field in TextField::ALL {
        let mut pair = pair(field.key());
        pair["type"] = json!(["object", "null"]);
        properties.push((field.key(), pair));
    }
    for list_field in OverlayList::ALL {
        let name = list_field.name();
        properties.push((
            name,
            doc(
                list(pair(name)),
                &format!(
                    "The translations of the record's `{name}`, in its order: one source/text pair per item."
                ),
                json!([[{ "source": "Never ship a deletion workflow without a dry run.", "text": "Nie einen Löschablauf ohne Probelauf ausliefern." }]]),
            ),
        ));
    }
    let mut schema = object(properties, &["lang"]);
    schema["title"] = "hindsight translation overlay".into();
    schema["description"] =
        "The translation of an incident record's text: incidents/<id>.<lang>.yaml".into();
    schema
}

/// One translated text: the record's text it was made from, and the translation.
fn pair(field: &str) -> Value {
    let pair = object(
        vec![
            (
                "source",
                doc(
                    text(false),
                    "The record's text this translation was made from; when the record's text changes, the translation is stale. Required.",
                    json!(["Docker image not found"]),
                ),
            ),
            (
                "text",
                doc(
                    text(true),
                    "The translation; empty while untranslated.",
                    json!(["Docker-Image nicht gefunden"]),
                ),
            ),
            (
                "previous",
                doc(
                    text(true),
                    "The source text an earlier translation was made from (written by `hindsight translate` when the source changed).",
                    json!(["Docker image missing"]),
                ),
            ),
        ],
        &["source"],
    );
    doc(
        pair,
        &format!(
            "The translation of the record's `{field}`: its source text and the translated text."
        ),
        json!([{ "source": "Docker image not found", "text": "Docker-Image nicht gefunden" }]),
    )
}
