//! Characters XML 1.0 forbids, found in the loaded YAML tree and pointed at where they are
//! written: the character itself, or the escape (`"\x01"`) that produces it.

use std::collections::HashSet;

use super::yaml::{Node, Value, pos_of_offset};
use crate::diagnostic::{Finding, Span};
use crate::model::RuleId;
use crate::model::chars::{all_xml, code_point, is_xml_char};

/// A finding for every forbidden character in the keys and values under `root`.
pub(crate) fn check(text: &str, root: &Node) -> Vec<Finding> {
    // A value holds the characters written in the text, line breaks and spaces from folding,
    // and what a double-quoted escape stands for; the parser refused a text that writes a
    // forbidden character itself (see [`written`]). So without a backslash there is nothing
    // to find, and most files have none.
    if memchr::memchr(b'\\', text.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut scan = Scan {
        text,
        seen: HashSet::new(),
        findings: Vec::new(),
    };
    scan.node(root, &mut Vec::new());
    scan.findings
}

struct Scan<'a> {
    text: &'a str,
    /// Offsets already reported: an alias repeats the nodes of its anchor.
    seen: HashSet<usize>,
    findings: Vec<Finding>,
}

impl Scan<'_> {
    /// `path` holds the keys down to `node`; it is joined only for a finding, since nearly
    /// every file has none.
    fn node<'n>(&mut self, node: &'n Node, path: &mut Vec<&'n str>) {
        match &node.value {
            Value::Null => {}
            Value::Scalar { text, .. } => self.scalar(node.span, text, path),
            Value::Seq(items) => items.iter().for_each(|item| self.node(item, path)),
            Value::Map(entries) => {
                for (key, value) in entries {
                    let name = key.as_str().unwrap_or_default();
                    // An empty key (or one that is not a string) adds nothing to the path.
                    let named = !name.is_empty();
                    if named {
                        path.push(name);
                    }
                    self.node(key, path);
                    self.node(value, path);
                    if named {
                        path.pop();
                    }
                }
            }
        }
    }

    fn scalar(&mut self, span: Span, value: &str, path: &[&str]) {
        if all_xml(value) {
            return;
        }
        let Some(bad) = value.chars().find(|&c| !is_xml_char(c)) else {
            return;
        };
        let start = span.start.offset;
        let written = self.text.get(start..span.end.offset).unwrap_or_default();
        // Written characters were refused before parsing (see [`written`]): here they come
        // from escapes, which only double-quoted scalars have.
        let mut found = if written.starts_with('"') {
            escapes(written)
        } else {
            Vec::new()
        };
        found.retain(|hit| value.contains(hit.char));
        if found.is_empty() {
            // Written some way not recognised here: the whole value, never silence.
            found.push(Hit {
                offset: 0,
                len: written.len(),
                char: bad,
            });
        }
        for hit in found {
            if !self.seen.insert(start + hit.offset) {
                continue;
            }
            let span = Span {
                start: pos_of_offset(self.text, start + hit.offset),
                end: pos_of_offset(self.text, start + hit.offset + hit.len),
            };
            let field = path.join(".");
            let what = if field.is_empty() {
                "this value".to_string()
            } else {
                format!("`{field}`")
            };
            self.findings.push(
                Finding::new(
                    RuleId::InvalidCharacter,
                    span,
                    format!(
                        "{what} contains the control character {}, which XML cannot carry",
                        code_point(hit.char)
                    ),
                )
                .help(
                    "delete it, or replace it with the text it stands for (a space, a dash, a line break)",
                ),
            );
        }
    }
}

/// A forbidden character written as itself at `offset`. YAML cannot carry it either, so the
/// file is not parsed further; the loader reports the first one.
pub(crate) fn written(text: &str, offset: usize, c: char) -> Finding {
    let span = Span {
        start: pos_of_offset(text, offset),
        end: pos_of_offset(text, offset + c.len_utf8()),
    };
    Finding::new(
        RuleId::InvalidCharacter,
        span,
        format!(
            "the file contains the control character {}, which neither YAML nor XML can carry",
            code_point(c)
        ),
    )
    .help("delete it, or replace it with the text it stands for (a space, a dash, a line break); most editors show it only with invisible characters made visible")
}

/// A forbidden character at `offset` (bytes into the written scalar), `len` bytes long there.
#[derive(Debug, PartialEq)]
struct Hit {
    offset: usize,
    len: usize,
    char: char,
}

/// Forbidden characters in a double-quoted scalar, literal or escaped (YAML 1.2 §5.7).
fn escapes(written: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut chars = written.char_indices().skip(1).peekable();
    while let Some((offset, c)) = chars.next() {
        if c == '"' {
            break;
        }
        if c != '\\' {
            if !is_xml_char(c) {
                hits.push(Hit {
                    offset,
                    len: c.len_utf8(),
                    char: c,
                });
            }
            continue;
        }
        let Some((_, kind)) = chars.next() else {
            break;
        };
        let digits = match kind {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        let (decoded, end) = if digits > 0 {
            let mut end = offset + 2;
            let mut hex = String::new();
            for _ in 0..digits {
                match chars.peek() {
                    Some(&(at, digit)) if digit.is_ascii_hexdigit() => {
                        hex.push(digit);
                        end = at + 1;
                        chars.next();
                    }
                    _ => break,
                }
            }
            let decoded = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
            (decoded, end)
        } else {
            let decoded = match kind {
                '0' => Some('\0'),
                'a' => Some('\u{7}'),
                'b' => Some('\u{8}'),
                'v' => Some('\u{B}'),
                'f' => Some('\u{C}'),
                'e' => Some('\u{1B}'),
                _ => None,
            };
            (decoded, offset + 1 + kind.len_utf8())
        };
        if let Some(decoded) = decoded.filter(|&d| !is_xml_char(d)) {
            hits.push(Hit {
                offset,
                len: end - offset,
                char: decoded,
            });
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{Limits, parse};

    fn findings(text: &str) -> Vec<Finding> {
        let root = parse(text, &Limits::default()).unwrap().unwrap();
        check(text, &root)
    }

    fn places(text: &str) -> Vec<(usize, usize, usize, String)> {
        findings(text)
            .into_iter()
            .map(|f| {
                (
                    f.span.start.line,
                    f.span.start.column,
                    f.span.end.column,
                    f.message,
                )
            })
            .collect()
    }

    #[test]
    fn escapes_are_pointed_at_with_the_code_point_and_field() {
        let found = places("title: ok\nsummary: \"a\\x01b \\u000B \\e\"\n");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[0].0, found[0].1, found[0].2), (2, 12, 16));
        assert!(found[0].3.contains("`summary`") && found[0].3.contains("U+0001"));
        assert_eq!((found[1].1, found[1].2), (18, 24));
        assert!(found[1].3.contains("U+000B"));
        assert!(found[2].3.contains("U+001B"));
    }

    #[test]
    fn allowed_escapes_and_escaped_backslashes_are_quiet() {
        assert!(findings("a: \"tab\\t nl\\n \\\\x01 \\x41 \\u00e9 \\N \\L \\_\"\n").is_empty());
        assert!(findings("a: plain text\nb: |\n  block ü\n").is_empty());
    }

    #[test]
    fn nested_fields_and_unicode_escapes_beyond_the_bmp() {
        let found = places("timeline:\n  - at: 2023-12-17\n    text: \"x\\uFFFE y\\U0000FFFF\"\n");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (3, 13));
        assert!(found[0].3.contains("`timeline.text`") && found[0].3.contains("U+FFFE"));
        assert!(found[1].3.contains("U+FFFF"));
    }

    #[test]
    fn empty_and_non_string_keys_add_nothing_to_the_field_path() {
        let found = places("\"\": {x: \"\\x01\"}\na: {\"\": {b: \"\\x01\"}}\n[k]: \"\\x01\"\n");
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].3.starts_with("`x` "), "{found:?}");
        assert!(found[1].3.starts_with("`a.b` "), "{found:?}");
        assert!(found[2].3.starts_with("this value "), "{found:?}");
    }

    #[test]
    fn written_characters_stop_the_file_at_their_place() {
        for (text, column) in [
            ("a: x\u{1}y\n", 5),
            ("a: 'x\u{1}y'\n", 6),
            ("a: \"x\u{B}y\"\n", 6),
            ("a: ok\nb: |\n  x\u{1F}y\n", 4),
            ("# comment \u{7}\na: b\n", 11),
            ("a: x\u{FFFF}\n", 5),
        ] {
            let error = parse(text, &Limits::default()).unwrap_err();
            assert_eq!(error.rule, RuleId::InvalidCharacter, "{text:?}");
            assert_eq!(error.span.start.column, column, "{text:?}");
            let c = text[error.span.start.offset..].chars().next().unwrap();
            assert!(error.message.contains(&code_point(c)), "{error:?}");
        }
    }

    #[test]
    fn an_alias_does_not_report_its_anchor_twice() {
        let found = findings("a: &x \"\\x01\"\nb: [*x]\nc: *x\n");
        assert_eq!(
            found.len(),
            3,
            "the uses are reported where they are: {found:?}"
        );
        let found = findings("a: &x {t: \"\\x01\"}\nb: *x\n");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
