//! The schema of the site configuration (`site/config.yaml`), as src/load/config.rs and
//! src/load/notify.rs read it.

use serde_json::{Value, json};

use super::parts::{doc, keyword, list, object, pattern, text, words, zone};
use crate::model::{Keyword, Lang, RuleId, RuleLevel};

/// `base_url` as `load::config::is_base_url` accepts it: http(s), a host, no white space,
/// control characters, quotes, angle brackets, backslashes or backticks.
pub(super) const URL: &str = "^https?://[^/?#\\s\\u0000-\\u001f\\u007f-\\u009f\"<>\\\\`]+([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f\"<>\\\\`]*)?$";

pub(super) fn schema() -> Value {
    let properties = vec![
        (
            "title",
            doc(
                localized(true),
                "The site's title: one text, or one per language (`{en: …, de: …}`).",
                json!(["Example Status", { "en": "Example Status", "de": "Example-Status" }]),
            ),
        ),
        (
            "base_url",
            doc(
                pattern(
                    URL,
                    "an absolute http(s) address without spaces, like `https://status.example.com/`",
                    false,
                ),
                "The public address the site is served from: canonical links, feeds, the sitemap and the published schemas use it. Required.",
                json!(["https://status.example.com/"]),
            ),
        ),
        (
            "languages",
            doc(
                json!({ "type": ["array", "null"], "items": keyword::<Lang>(false), "uniqueItems": true }),
                "The site's languages, each once; the first is the default (en when absent).",
                json!([["en", "de", "ja", "zh"]]),
            ),
        ),
        (
            "timezone",
            doc(
                zone(true),
                "The IANA zone the site shows times in and reads records' local times in (UTC when absent).",
                json!(["UTC", "Europe/Berlin"]),
            ),
        ),
        ("components", components()),
        ("lint", lint()),
        ("notify", super::notify::channels()),
    ];
    let mut schema = object(properties, &["base_url"]);
    // An empty file is a site with every default (and no findings).
    schema["type"] = json!(["object", "null"]);
    schema["title"] = "hindsight site configuration".into();
    schema["description"] = "The status site's configuration: site/config.yaml".into();
    schema
}

/// A text given once for every language, or per language.
pub(super) fn localized(optional: bool) -> Value {
    let per_language = json!({
        "type": "object",
        "propertyNames": keyword::<Lang>(false),
        "additionalProperties": text(false),
    });
    let mut choices = vec![text(false), per_language];
    if optional {
        choices.push(json!({ "type": "null" }));
    }
    json!({
        "anyOf": choices,
        "errorMessage": "a text, or one text per language: `{en: Status, de: Status}`",
    })
}

fn components() -> Value {
    let id = json!({
        "anyOf": [
            {
                "type": "string",
                "pattern": "^[a-z0-9-]{1,100}$",
                "patternErrorMessage": "a component id: lowercase ASCII letters, digits and `-`, at most 100 characters (it names files of the site)",
            },
            // Read as its spelling (`404`, `true`), which is a valid id.
            { "type": ["integer", "boolean"] },
        ],
        "errorMessage": "a component id: lowercase ASCII letters, digits and `-`, at most 100 characters",
    });
    let component = object(
        vec![
            (
                "id",
                doc(
                    id,
                    "The id records use under `affected`: lowercase ASCII letters, digits and `-`, at most 100 characters. Required.",
                    json!(["logto-core"]),
                ),
            ),
            (
                "name",
                doc(
                    localized(true),
                    "The name readers see: one text, or one per language (the id when absent).",
                    json!(["Logto core", { "en": "Sign-in", "de": "Anmeldung" }]),
                ),
            ),
            (
                "group",
                doc(
                    localized(true),
                    "The group the component is listed under.",
                    json!(["Logto"]),
                ),
            ),
            (
                "description",
                doc(
                    localized(true),
                    "A line about the component, shown on its page.",
                    json!(["Sign-in and the admin console"]),
                ),
            ),
        ],
        &["id"],
    );
    doc(
        list(component),
        "The components the status page shows, each with a unique id.",
        json!([[{ "id": "logto-core", "name": "Logto core", "group": "Logto" }]]),
    )
}

fn lint() -> Value {
    let fixed: serde_json::Map<String, Value> = crate::check::FIXED
        .iter()
        .map(|rule| {
            let schema = json!({
                "const": "error",
                "errorMessage": format!("`{rule}` cannot be changed: the build fails on what it reports"),
                "description": format!("`{rule}` stays an error: the build fails on what it reports, so lint must too."),
                "examples": ["error"],
            });
            (rule.to_string(), schema)
        })
        .collect();
    doc(
        json!({
            "type": ["object", "null"],
            "propertyNames": words(<RuleId as Keyword>::NAMES, false),
            "properties": fixed,
            "additionalProperties": keyword::<RuleLevel>(false),
        }),
        "Per-rule severity: a rule name (`hindsight rules` lists them) -> error, warning, info or off.",
        json!([{ "duration-mismatch": "error", "placeholder-text": "off" }]),
    )
}
