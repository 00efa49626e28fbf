//! Where an edit goes in the record's text: line starts and ends, the end of a value (with
//! what a block scalar keeps), indentation, and the `# key:` hints templates leave.

use super::newline;
use crate::load::yaml::{Node, Value};

pub(super) fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Just past the line ending of the line holding `offset` (the end of the text on the last line).
pub(super) fn next_line(text: &str, offset: usize) -> usize {
    if offset > 0 && text.as_bytes()[offset - 1] == b'\n' {
        return offset;
    }
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

/// Where the last value inside `node` ends: a leaf's end, since a collection's end marker may
/// already stand on the next key's line.
pub(super) fn leaf_end(node: &Node) -> usize {
    last_leaf(node).span.end.offset
}

/// Where the line after `node` starts: the place to insert a sibling after it. Blank lines a
/// block scalar swallowed stay after the insertion, with whatever they separated, unless the
/// scalar keeps them (`|+`) as part of its text.
pub(super) fn after(text: &str, key: &Node, value: &Node) -> usize {
    let mut at = next_line(text, leaf_end(value).max(key.span.end.offset));
    if keeps_trailing_lines(text, value) {
        // The blank lines after a `|+` scalar are part of its text: the sibling goes after them.
        while at < text.len() {
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
            if !text[at..end].trim().is_empty() {
                break;
            }
            at = end;
        }
        return at;
    }
    while at > 0 {
        let start = line_start(text, at - 1);
        if start == 0 || !text[start..at].trim().is_empty() {
            break;
        }
        at = start;
    }
    at
}

/// Whether the last scalar in `node` is a block scalar with keep chomping (`|+`, `>2+`). Its
/// span may start at the header or at the text below it, so both places are looked at.
pub(super) fn keeps_trailing_lines(text: &str, node: &Node) -> bool {
    let keeps = |header: &str| header.starts_with(['|', '>']) && header.contains('+');
    let leaf = last_leaf(node);
    let start = leaf.span.start.offset;
    let line = &text[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    if keeps(line.split(" #").next().unwrap_or("").trim()) {
        return true;
    }
    // The header ends the line before the text: its last word, before any comment.
    let before = text[..start].trim_end();
    let header_line = &before[line_start(before, before.len())..];
    let header_line = header_line.split(" #").next().unwrap_or("").trim_end();
    header_line.rsplit([' ', '\t']).next().is_some_and(keeps)
}

pub(super) fn last_leaf(node: &Node) -> &Node {
    match &node.value {
        Value::Seq(items) => items.last().map_or(node, last_leaf),
        Value::Map(entries) => entries.last().map_or(node, |(_, value)| last_leaf(value)),
        Value::Null | Value::Scalar { .. } => node,
    }
}

/// Inserts `lines` (each without its line ending) at a line start, adding the line ending
/// the text lacks when the insertion comes after an unterminated last line.
pub(super) fn insert_lines(text: &str, at: usize, lines: &[String]) -> String {
    let nl = newline(text);
    let mut out = String::with_capacity(text.len() + 128);
    out.push_str(&text[..at]);
    if at > 0 && !text[..at].ends_with('\n') {
        out.push_str(nl);
    }
    for line in lines {
        out.push_str(line);
        out.push_str(nl);
    }
    out.push_str(&text[at..]);
    out
}

pub(super) fn key_indent(text: &str, key: &Node) -> String {
    let start = match line_start(text, key.span.start.offset) {
        // A byte order mark is no indentation.
        0 if text.starts_with('\u{feff}') => '\u{feff}'.len_utf8(),
        start => start,
    };
    " ".repeat(key.span.start.offset - start)
}

/// Where a template left `# key:` with no value at the start of a line, to be filled in: the
/// value takes that line's place instead of being added elsewhere with the hint left behind.
pub(super) fn commented_key(text: &str, indent: &str, key: &str) -> Option<(usize, usize)> {
    let wanted = format!("{indent}# {key}:");
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == wanted {
            return Some((start, start + content.len()));
        }
        start += line.len();
    }
    None
}
