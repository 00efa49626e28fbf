//! Byte-preserving edits of a record's YAML text: pure functions from text to text.
//!
//! Every edit finds its place through the source positions the YAML reader records and
//! inserts or replaces only the lines it is about; every other byte (comments, order,
//! quoting, blank lines, line endings) stays. A layout these functions cannot edit safely
//! (flow collections, anchors and aliases) is refused with what to change, never guessed at.
//! [`update`] puts them together for `hindsight update` and `hindsight resolve`, and checks
//! the result by reading it back.

mod layout;
mod lines;
pub mod overlay;
mod policy;
mod scalar;
pub mod update;
mod verify;
mod when;

use std::fmt;

use crate::load::yaml::{Limits, Node, Value, parse};

use layout::{decorated, is_flow};
use lines::{after, commented_key, insert_lines, key_indent, leaf_end, line_start, next_line};
pub(crate) use scalar::scalar;

/// Why a text was not edited: a sentence saying what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

fn refuse<T>(message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal(message.into()))
}

/// The file's own line ending: CRLF when it uses CRLF.
pub(crate) fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

fn root(text: &str) -> Result<Vec<(Node, Node)>, Refusal> {
    let root = parse(text, &Limits::default()).map_err(|finding| {
        Refusal(format!(
            "the record does not read as YAML: {}",
            finding.message
        ))
    })?;
    match root {
        Some(Node {
            value: Value::Map(entries),
            span,
        }) => {
            if text[span.start.offset..].starts_with('{') {
                return refuse(
                    "the record is written as one flow mapping `{…}`; write it as one `key: value` per line",
                );
            }
            Ok(entries)
        }
        _ => refuse("the record is not a mapping of `key: value` lines"),
    }
}

fn find<'a>(entries: &'a [(Node, Node)], key: &str) -> Option<&'a (Node, Node)> {
    entries.iter().find(|(k, _)| k.as_str() == Some(key))
}

/// Appends a mapping to the top-level list `list` (`timeline`), after its last item and with
/// the same indentation, dash and key order; keys the last item lacks follow in `fields` order.
/// A missing or empty list is started after the last of the keys `after_keys` (else at the end).
pub fn append_to_list(
    text: &str,
    list: &str,
    fields: &[(&str, String)],
    after_keys: &[&str],
) -> Result<String, Refusal> {
    let entries = root(text)?;
    let nl = newline(text);
    let Some((key, value)) = find(&entries, list) else {
        let (at, indent) = place_after(text, &entries, after_keys);
        let mut lines = vec![format!("{indent}{list}:")];
        lines.extend(item_lines(&format!("{indent}  - "), fields, nl));
        return Ok(insert_lines(text, at, &lines));
    };
    if decorated(text, Some(key), value) {
        return refuse(format!(
            "`{list}` uses YAML anchors, aliases or tags (`&`, `*`, `!`); write its entries out in full to edit it with hindsight"
        ));
    }
    match &value.value {
        Value::Null => {
            let at = next_line(text, key.span.end.offset);
            let prefix = format!("{}  - ", key_indent(text, key));
            Ok(insert_lines(text, at, &item_lines(&prefix, fields, nl)))
        }
        Value::Seq(_) if is_flow(text, value) => refuse(format!(
            "`{list}` is a flow list `[…]`; write it as a block list, one `- at: …` entry per line, to edit it with hindsight"
        )),
        Value::Seq(items) => {
            let Some(last) = items.last() else {
                return refuse(format!("`{list}` is empty but not written as a block list"));
            };
            let Value::Map(last_entries) = &last.value else {
                return refuse(format!(
                    "the last entry of `{list}` is not a mapping of `key: value` lines"
                ));
            };
            if is_flow(text, last) || last_entries.is_empty() {
                return refuse(format!(
                    "the last entry of `{list}` is a flow mapping `{{…}}`; write it as `- key: value` lines to edit it with hindsight"
                ));
            }
            let first_key = &last_entries[0].0;
            let start = first_key.span.start.offset;
            let prefix = &text[line_start(text, start)..start];
            let dash = prefix.trim_start_matches(' ');
            if !(dash.starts_with('-') && dash[1..].chars().all(|c| c == ' ')) || dash.len() < 2 {
                return refuse(format!(
                    "the last entry of `{list}` does not start with `- key: value` on one line; write it that way to edit it with hindsight"
                ));
            }
            let order: Vec<&str> = last_entries
                .iter()
                .filter_map(|(k, _)| k.as_str())
                .collect();
            let mut ordered: Vec<(&str, String)> = Vec::new();
            for name in &order {
                if let Some(field) = fields.iter().find(|(k, _)| k == name) {
                    ordered.push(field.clone());
                }
            }
            for field in fields {
                if !order.contains(&field.0) {
                    ordered.push(field.clone());
                }
            }
            let at = after(text, first_key, last);
            Ok(insert_lines(text, at, &item_lines(prefix, &ordered, nl)))
        }
        _ => refuse(format!("`{list}` must be a list")),
    }
}

fn item_lines(prefix: &str, fields: &[(&str, String)], nl: &str) -> Vec<String> {
    let indent = prefix.len();
    let pad = " ".repeat(indent);
    fields
        .iter()
        .enumerate()
        .map(|(i, (key, value))| {
            let lead = if i == 0 { prefix } else { pad.as_str() };
            format!("{lead}{key}: {}", scalar(value, indent, nl))
        })
        .collect()
}

/// Where a new top-level key goes: on the line after the last of `after_keys` present (with its
/// indentation), else at the end of the text.
fn place_after(text: &str, entries: &[(Node, Node)], after_keys: &[&str]) -> (usize, String) {
    let found = after_keys.iter().rev().find_map(|name| find(entries, name));
    match found {
        Some((key, value)) => (after(text, key, value), key_indent(text, key)),
        None => (text.len(), String::new()),
    }
}

/// Sets the top-level scalar `key` to `value`: replaces the value where it is written (keeping
/// any comment after it), or adds `key: value` after the last of `after_keys` present.
pub fn set_value(
    text: &str,
    key: &str,
    value: &str,
    after_keys: &[&str],
) -> Result<String, Refusal> {
    let entries = root(text)?;
    let nl = newline(text);
    match find(&entries, key) {
        None => {
            let indent = entries
                .first()
                .map_or_else(String::new, |(first, _)| key_indent(text, first));
            let line = format!("{indent}{key}: {}", scalar(value, indent.len(), nl));
            let inside = |at: usize| {
                entries
                    .iter()
                    .any(|(k, v)| k.span.start.offset < at && at < leaf_end(v))
            };
            if let Some((start, end)) =
                commented_key(text, &indent, key).filter(|(start, _)| !inside(*start))
            {
                return Ok(format!("{}{line}{}", &text[..start], &text[end..]));
            }
            let (at, indent) = place_after(text, &entries, after_keys);
            let line = format!("{indent}{key}: {}", scalar(value, indent.len(), nl));
            Ok(insert_lines(text, at, &[line]))
        }
        Some((key_node, node)) => replace_scalar(text, key_node, node, key, value),
    }
}

fn replace_scalar(
    text: &str,
    key_node: &Node,
    node: &Node,
    key: &str,
    value: &str,
) -> Result<String, Refusal> {
    if decorated(text, Some(key_node), node) {
        return refuse(format!(
            "`{key}` uses a YAML anchor, alias or tag; write its value out to edit it with hindsight"
        ));
    }
    let nl = newline(text);
    let indent = key_indent(text, key_node).len();
    let written = scalar(value, indent, nl);
    let (start, end) = match &node.value {
        // Nothing written: the value goes right after the colon, before any comment.
        Value::Null => {
            let colon = text[key_node.span.end.offset..]
                .find(':')
                .map(|i| key_node.span.end.offset + i + 1)
                .ok_or_else(|| Refusal(format!("cannot find the `:` after `{key}`")))?;
            let line_end = text[colon..]
                .find(['\r', '\n'])
                .map_or(text.len(), |i| colon + i);
            let comment = text[colon..line_end]
                .find('#')
                .map_or(line_end, |i| colon + i);
            let spelled = text[colon..comment].trim_end();
            if !matches!(spelled.trim_start(), "" | "~" | "null" | "Null" | "NULL") {
                return refuse(format!("cannot find where the value of `{key}` is written"));
            }
            let tail = &text[colon + spelled.len()..];
            return Ok(format!("{} {written}{tail}", &text[..colon]));
        }
        Value::Scalar { .. } if node.span.start.line == node.span.end.line => {
            (node.span.start.offset, node.span.end.offset)
        }
        _ => {
            return refuse(format!(
                "`{key}` is not a one-line value; write it as `{key}: …` on one line"
            ));
        }
    };
    Ok(format!("{}{written}{}", &text[..start], &text[end..]))
}

/// Sets `id: value` in the top-level block mapping `map` (`affected`): replaces the value in
/// place, or adds the entry after the last one; a missing map is added after `after_keys`.
pub fn set_in_map(
    text: &str,
    map: &str,
    id: &str,
    value: &str,
    after_keys: &[&str],
) -> Result<String, Refusal> {
    let entries = root(text)?;
    let nl = newline(text);
    let Some((key, node)) = find(&entries, map) else {
        let (at, indent) = place_after(text, &entries, after_keys);
        let lines = [
            format!("{indent}{map}:"),
            format!(
                "{indent}  {}: {}",
                scalar(id, indent.len() + 2, nl),
                scalar(value, indent.len() + 2, nl)
            ),
        ];
        return Ok(insert_lines(text, at, &lines));
    };
    if decorated(text, Some(key), node) {
        return refuse(format!(
            "`{map}` uses YAML anchors, aliases or tags; write it out in full to edit it with hindsight"
        ));
    }
    match &node.value {
        Value::Null => {
            let at = next_line(text, key.span.end.offset);
            let indent = key_indent(text, key).len() + 2;
            let line = format!(
                "{}{}: {}",
                " ".repeat(indent),
                scalar(id, indent, nl),
                scalar(value, indent, nl)
            );
            Ok(insert_lines(text, at, &[line]))
        }
        Value::Map(_) if is_flow(text, node) => refuse(format!(
            "`{map}` is a flow mapping `{{…}}`; write one `id: status` line per component to edit it with hindsight"
        )),
        Value::Map(pairs) => match pairs.iter().find(|(k, _)| k.as_str() == Some(id)) {
            Some((k, v)) => replace_scalar(text, k, v, id, value),
            None => {
                let (last_key, last_value) = pairs.last().expect("a block mapping has an entry");
                let indent = key_indent(text, last_key);
                let line = format!(
                    "{indent}{}: {}",
                    scalar(id, indent.len(), nl),
                    scalar(value, indent.len(), nl)
                );
                Ok(insert_lines(
                    text,
                    after(text, last_key, last_value),
                    &[line],
                ))
            }
        },
        _ => refuse(format!("`{map}` must be a mapping")),
    }
}

#[cfg(test)]
mod tests;
