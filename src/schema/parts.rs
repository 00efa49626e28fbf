//! The building blocks of the schemas: each mirrors one way the loader (src/load/fields.rs)
//! reads a value, so a field's schema accepts exactly what its reader accepts.
//!
//! Everything is inlined (no `$ref`): editors resolve it without a second look-up, and
//! the schemas stay readable one field at a time.

use serde_json::{Map, Value, json};

use crate::model::Keyword;

/// The JSON types of a YAML scalar: the loader reads numbers and booleans as their
/// spelling (`title: 404` is the text "404"), and YAML 1.2 editors see them typed.
const SCALAR: [&str; 3] = ["string", "number", "boolean"];

/// A text field: any scalar; `null` (an empty value) where the field is optional, because
/// the loader treats `field:` with nothing after it as absent. `errorMessage` replaces
/// yaml-language-server's "Incorrect type. Expected one of string, number, boolean".
pub(super) fn text(optional: bool) -> Value {
    let mut types: Vec<&str> = SCALAR.to_vec();
    let message = if optional {
        types.push("null");
        "text (a word, a sentence or a number), not a list or a mapping; leave it empty if there is none"
    } else {
        "text (a word, a sentence or a number), not empty, not a list or a mapping"
    };
    json!({ "type": types, "errorMessage": message })
}

/// One of the words of `K`, spelled exactly.
pub(super) fn keyword<K: Keyword>(optional: bool) -> Value {
    words(K::NAMES, optional)
}

/// One of `names`, spelled exactly. The message lists them in words, as editors otherwise
/// list `null` among the valid values of an optional field.
pub(super) fn words(names: &[&str], optional: bool) -> Value {
    let listed: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    let message = format!("one of {}, spelled exactly", listed.join(", "));
    let mut values: Vec<Value> = names.iter().map(|name| json!(name)).collect();
    if optional {
        values.push(Value::Null);
    }
    json!({ "enum": values, "errorMessage": message })
}

/// A string matching `regex`, with `message` shown by editors in place of the regex
/// (`patternErrorMessage` is yaml-language-server's and VS Code's keyword for it).
pub(super) fn pattern(regex: &str, message: &str, optional: bool) -> Value {
    let types: &[&str] = if optional {
        &["string", "null"]
    } else {
        &["string"]
    };
    // `errorMessage` for a wrong type (`duration: 55`, `detected: [09:20]`).
    json!({ "type": types, "pattern": regex, "patternErrorMessage": message, "errorMessage": message })
}

/// `true` or `false`: the loader compares the spelling (YAML 1.2's `True`, `FALSE`, …), so a
/// quoted `"true"` is as good.
pub(super) fn flag() -> Value {
    let spellings = ["true", "True", "TRUE", "false", "False", "FALSE"];
    let mut values = vec![json!(true), json!(false), Value::Null];
    values.extend(spellings.iter().map(|word| json!(word)));
    json!({ "enum": values, "errorMessage": "`true` or `false`" })
}

/// A list of `item`s, or nothing.
pub(super) fn list(item: Value) -> Value {
    json!({ "type": ["array", "null"], "items": item })
}

/// A mapping of exactly `properties`, of which `required` must be given and not empty.
pub(super) fn object(properties: Vec<(&str, Value)>, required: &[&str]) -> Value {
    let properties: Map<String, Value> = properties
        .into_iter()
        .map(|(name, schema)| (name.to_string(), schema))
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// `schema` with what editors show on hover and offer on completion.
pub(super) fn doc(mut schema: Value, description: &str, examples: Value) -> Value {
    schema["description"] = description.into();
    schema["examples"] = match examples {
        Value::Array(_) => examples,
        one => Value::Array(vec![one]),
    };
    schema
}

/// The property `name`, given and not empty: the condition of "required unless …" rules.
pub(super) fn given(name: &str) -> Value {
    json!({ "required": [name], "properties": { name: { "not": { "type": "null" } } } })
}

/// [`given`] as a rule, with `message` for editors when the property is missing.
/// An empty value is refused by type, not by a `not`, whose message editors drop.
pub(super) fn required_because(name: &str, message: &str) -> Value {
    let given = ["string", "number", "boolean", "array", "object"];
    json!({
        "required": [name],
        "properties": { name: { "type": given, "errorMessage": message } },
        "errorMessage": message,
    })
}

// The patterns, derived from what the loader's parsers accept (model::time and
// model::duration; chrono reads one or two digits for every field but the year).
const MONTH: &str = "(0?[1-9]|1[0-2])";
const DAY: &str = "(0?[1-9]|[12][0-9]|3[01])";
const CLOCK: &str = "([01]?[0-9]|2[0-3]):[0-5]?[0-9](:([0-5]?[0-9]|60)(\\.[0-9]+)?)?";
/// A space or tab may come before the zone (`2026-11-24 09:12:00 +0100`, as `git log
/// --date=iso` writes it); the loader closes it up.
const OFFSET: &str = "([ \\t]*([Zz]|[+-][0-9]{2}:?[0-9]{2}))";

/// A date as `YYYY-MM-DD`.
pub(super) fn date_regex() -> String {
    format!("^\\s*[0-9]{{1,4}}-{MONTH}-{DAY}\\s*$")
}

/// The forms of DESIGN.md §2 with a date: RFC 3339, a local date-time (`T` or, after a
/// full ten-character date, a space), a date.
fn dated_forms() -> String {
    let date = format!("[0-9]{{1,4}}-{MONTH}-{DAY}");
    // The loader reads a space as `T` only at the eleventh byte, after a full date.
    let date10 = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    format!("{date}T{CLOCK}{OFFSET}?|{date10} {CLOCK}{OFFSET}?|{date}")
}

/// Any time form, a time of day (`14:10`) included.
pub(super) fn time_regex() -> String {
    format!("^\\s*({}|{CLOCK})\\s*$", dated_forms())
}

/// A time form with a date: what `started` and `scheduled_for` need, having no entry before.
pub(super) fn dated_time_regex() -> String {
    format!("^\\s*({})\\s*$", dated_forms())
}

/// `90s`, `18m`, `1h30m`, `2d4h`, `~1.5h`: units from largest to smallest, each once.
pub(super) fn duration_regex() -> String {
    let number = "([0-9]+\\.?[0-9]*|\\.[0-9]+)";
    let unit = |u: char| format!("{number}{u}");
    let (d, h, m, s) = (unit('d'), unit('h'), unit('m'), unit('s'));
    let body = format!("{d}({h})?({m})?({s})?|{h}({m})?({s})?|{m}({s})?|{s}");
    format!("^\\s*(~\\s*)?({body})\\s*$")
}

pub(super) const TIME_MESSAGE: &str = "a time: `2023-12-17T03:56:00Z` (with offset), `2023-12-17 03:56` (in the record's timezone), `2023-12-17` (the day only) or `03:56` (on the date of the entry before)";
pub(super) const DATED_TIME_MESSAGE: &str = "a time with a date: `2023-12-17T03:56:00Z` (with offset), `2023-12-17 03:56` (in the record's timezone) or `2023-12-17` (the day only)";
pub(super) const DURATION_MESSAGE: &str = "a duration: a number and a unit (d, h, m, s), largest first, each once: `45m`, `2h`, `1h30m`, `2d4h`; `~` in front marks it approximate (`~1.5h`)";
pub(super) const DATE_MESSAGE: &str = "a date: `2024-01-15` (year, month, day)";

/// Every IANA zone name chrono-tz knows, which is what the loader accepts.
pub(super) fn zone(optional: bool) -> Value {
    let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    let mut schema = words(&names, optional);
    // Not the 600 names, which editors would print in full.
    schema["errorMessage"] = "an IANA time zone name, spelled exactly: `UTC`, `Europe/Berlin`, `America/New_York`, `Asia/Tokyo`".into();
    schema
}
