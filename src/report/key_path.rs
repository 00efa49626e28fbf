//! What a finding is about, as the YAML key path of the value at its position (`summary`,
//! `actions[1].text`): derived from the finding's span against the parsed file, so that no
//! rule has to carry it. SARIF fingerprints hash it, so that a finding keeps its identity when
//! an identical line elsewhere in the file is fixed.

use crate::diagnostic::Pos;
use crate::load::yaml::{self, Node, Value};

/// A parsed file, for looking up the key paths of positions in it.
pub(crate) struct Document(Option<Node>);

impl Document {
    /// Parses `text` within the usual budgets; a file that does not parse has no key paths.
    pub(crate) fn parse(text: &str) -> Document {
        Document(yaml::parse(text, &yaml::Limits::default()).ok().flatten())
    }

    /// The key path of the innermost key or value that `pos` lies in; empty at the top level
    /// or outside the document.
    pub(crate) fn key_path(&self, pos: Pos) -> String {
        let mut path = String::new();
        let Some(mut node) = self.0.as_ref() else {
            return path;
        };
        'descend: loop {
            match &node.value {
                Value::Map(entries) => {
                    for (key, value) in entries {
                        let on_key = holds(key, pos);
                        if on_key || holds(value, pos) {
                            if !path.is_empty() {
                                path.push('.');
                            }
                            path.push_str(key.as_str().unwrap_or("?"));
                            if on_key {
                                return path;
                            }
                            node = value;
                            continue 'descend;
                        }
                    }
                }
                Value::Seq(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if holds(item, pos) {
                            path.push_str(&format!("[{i}]"));
                            node = item;
                            continue 'descend;
                        }
                    }
                }
                Value::Null | Value::Scalar { .. } => {}
            }
            return path;
        }
    }
}

/// Whether `pos` lies in the node's span (by line and column: findings made without the text
/// at hand have no byte offsets). A zero-width node holds only its own position.
fn holds(node: &Node, pos: Pos) -> bool {
    let at = |p: Pos| (p.line, p.column);
    let (start, end) = (at(node.span.start), at(node.span.end));
    start <= at(pos) && (at(pos) < end || at(pos) == start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Pos {
        Pos {
            line,
            column,
            offset: 0,
        }
    }

    #[test]
    fn positions_name_the_keys_they_are_under() {
        let text =
            "id: x\nsummary: |\n  TODO\nactions:\n  - text: TODO\n    owner: a\n  - text: TODO\n";
        let doc = Document::parse(text);
        assert_eq!(doc.key_path(at(1, 1)), "id");
        assert_eq!(doc.key_path(at(1, 5)), "id");
        assert_eq!(doc.key_path(at(3, 3)), "summary");
        assert_eq!(doc.key_path(at(5, 11)), "actions[0].text");
        assert_eq!(doc.key_path(at(6, 12)), "actions[0].owner");
        assert_eq!(doc.key_path(at(7, 11)), "actions[1].text");
        assert_eq!(Document::parse("[").key_path(at(1, 1)), "");
    }
}
