//! The layouts an edit refuses to touch: anchors, aliases, tags and flow collections, where
//! inserting a line could change what other parts of the document mean.

use super::lines::line_start;
use crate::load::yaml::{Node, Value};

/// The anchor, alias or tag written on `node` or anything inside it, if any: an edit next to
/// one could change what other parts of the document mean. `key` is the key `node` is the
/// value of: what stands between them counts too.
pub(super) fn decorated(text: &str, key: Option<&Node>, node: &Node) -> bool {
    let start = node.span.start.offset;
    let from = key.map_or_else(
        || line_start(text, start),
        |key| key.span.end.offset.min(start),
    );
    let gap_marked = text[from..start]
        .lines()
        .map(|line| line.split(" #").next().unwrap_or(""))
        .any(|line| {
            line.split_whitespace()
                .any(|token| token.starts_with(['&', '!', '*']))
        });
    if gap_marked || text[start..].starts_with(['*', '&', '!']) {
        return true;
    }
    match &node.value {
        Value::Seq(items) => items.iter().any(|item| decorated(text, None, item)),
        Value::Map(entries) => entries
            .iter()
            .any(|(k, v)| decorated(text, None, k) || decorated(text, Some(k), v)),
        Value::Null | Value::Scalar { .. } => false,
    }
}

pub(super) fn is_flow(text: &str, node: &Node) -> bool {
    matches!(node.value, Value::Seq(_) | Value::Map(_))
        && text[node.span.start.offset..].starts_with(['[', '{'])
}
