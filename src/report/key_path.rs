//! What a finding is about, as the YAML key path of the value at its position (`summary`,
//! `actions[1].text`): derived from the finding's span against the parsed file, so that no
//! rule has to carry it. SARIF fingerprints hash its [`Document::identity_path`], which names
//! a list item by what it says rather than where it stands, so that a finding keeps its
//! identity when an identical line elsewhere in the file is fixed or an item is added above.

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
    #[cfg(test)]
    pub(crate) fn key_path(&self, pos: Pos) -> String {
        self.path(pos, |i, _| i.to_string())
    }

    /// [`Self::key_path`] with each list item named by a stable sibling instead of its
    /// position (`actions[Add an alert].owner`, `timeline[2024-03-01T10:00:00Z].text`): see
    /// [`item_name`]. Two items that nothing tells apart are both `[]`.
    pub(crate) fn identity_path(&self, pos: Pos) -> String {
        self.path(pos, |_, item| item_name(item))
    }

    fn path(&self, pos: Pos, name: impl Fn(usize, &Node) -> String) -> String {
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
                            path.push_str(&format!("[{}]", name(i, item)));
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

/// The longest name an item gets, in characters: enough to tell actions apart.
const NAME_MAX: usize = 40;

/// What identifies a list item that is a map whatever its position: a timeline entry's `at`,
/// an action's `text`, else its first field with a scalar value; with blanks normalised and
/// cut to [`NAME_MAX`] characters. Empty for an item that is no map or has no such field.
fn item_name(item: &Node) -> String {
    let Value::Map(entries) = &item.value else {
        return String::new();
    };
    let field = |name: &str| {
        entries
            .iter()
            .find(|(key, _)| key.as_str() == Some(name))
            .and_then(|(_, value)| value.as_str())
    };
    let text = field("at")
        .or_else(|| field("text"))
        .or_else(|| entries.iter().find_map(|(_, value)| value.as_str()))
        .unwrap_or("");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    words.chars().take(NAME_MAX).collect()
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

    use crate::diagnostic::pos_at as at;

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

    #[test]
    fn list_items_are_named_by_a_stable_sibling() {
        let text = "actions:\n  - owner: TODO\n    text: \"Add  an\n      alert\"\n  - status: todo\n    owner: TODO\n  - owner: {}\ntimeline:\n  - text: x\n    at: 2024-03-01T10:00:00Z\nlessons:\n  - TODO\n";
        let doc = Document::parse(text);
        assert_eq!(doc.identity_path(at(2, 14)), "actions[Add an alert].owner");
        assert_eq!(doc.identity_path(at(6, 12)), "actions[todo].owner");
        assert_eq!(doc.identity_path(at(7, 5)), "actions[].owner");
        assert_eq!(
            doc.identity_path(at(9, 11)),
            "timeline[2024-03-01T10:00:00Z].text"
        );
        assert_eq!(doc.identity_path(at(12, 5)), "lessons[]");
        let long = format!("actions:\n  - text: {}\n", "a".repeat(100));
        assert_eq!(
            Document::parse(&long).identity_path(at(2, 11)),
            format!("actions[{}].text", "a".repeat(NAME_MAX))
        );
    }
}
