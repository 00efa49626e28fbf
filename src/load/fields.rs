//! Reading typed fields out of YAML nodes, collecting every problem instead of stopping at one.

use super::yaml::{Limits, Node, Value};
use crate::diagnostic::{Finding, Span};
use crate::model::{Keyword, RuleId, Spanned};

/// The entries of one YAML mapping whose keys were checked against the known field names.
pub(crate) struct Map<'n> {
    pub span: Span,
    /// Known fields only, each once, so never longer than the list of field names: a search
    /// through them is quicker than hashing every key of every mapping.
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> Map<'n> {
    fn entry(&self, name: &str) -> Option<(&'n Node, &'n Node)> {
        find(&self.entries, name)
    }

    /// The value of `name`, unless it is absent or written as null.
    pub(crate) fn get(&self, name: &str) -> Option<&'n Node> {
        self.entry(name)
            .map(|(_, value)| value)
            .filter(|value| value.value != Value::Null)
    }

    pub(crate) fn key_span(&self, name: &str) -> Option<Span> {
        self.entry(name).map(|(key, _)| key.span)
    }
}

fn find<'n>(entries: &[(&'n str, &'n Node, &'n Node)], name: &str) -> Option<(&'n Node, &'n Node)> {
    entries
        .iter()
        .find(|(field, ..)| *field == name)
        .map(|&(_, key, value)| (key, value))
}

/// Collects findings while fields are read.
#[derive(Default)]
pub(crate) struct Reader {
    pub findings: Vec<Finding>,
}

impl Reader {
    pub(crate) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// The document's root, or `None` with a finding saying why there is none
    /// (a syntax or budget problem, or an empty `what` file and how to start one).
    pub(crate) fn document(
        &mut self,
        text: &str,
        limits: &Limits,
        what: &str,
        empty_help: &str,
    ) -> Option<Node> {
        match super::yaml::parse(text, limits) {
            Ok(Some(root)) => {
                self.findings.extend(super::characters::check(text, &root));
                Some(root)
            }
            Ok(None) => {
                self.push(
                    Finding::new(
                        RuleId::MissingField,
                        Span::file_start(),
                        format!("the {what} is empty"),
                    )
                    .help(empty_help),
                );
                None
            }
            Err(finding) => {
                self.push(finding);
                None
            }
        }
    }

    /// Reads a mapping and reports keys that are unknown, duplicated or not text.
    pub(crate) fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        known: &[&str],
    ) -> Option<Map<'n>> {
        let Value::Map(pairs) = &node.value else {
            self.push(
                Finding::new(
                    RuleId::InvalidValue,
                    node.span,
                    format!(
                        "{what} must be a mapping of `field: value` lines, found {}",
                        node.kind_name()
                    ),
                )
                .help(format!("known fields: {}", known.join(", "))),
            );
            return None;
        };
        let mut entries = Vec::with_capacity(pairs.len().min(known.len()));
        for (key, value) in pairs {
            let Some(name) = key.as_str() else {
                self.push(Finding::new(
                    RuleId::UnknownField,
                    key.span,
                    format!(
                        "a key in {what} must be a field name, found {}",
                        key.kind_name()
                    ),
                ));
                continue;
            };
            if !known.contains(&name) {
                let mut finding = Finding::new(
                    RuleId::UnknownField,
                    key.span,
                    format!("unknown field `{name}` in {what}"),
                );
                finding = match suggest(name, known) {
                    Some(best) => finding.help(format!("did you mean `{best}`?")),
                    None => finding.help(format!("known fields: {}", known.join(", "))),
                };
                self.push(finding);
                continue;
            }
            if let Some((first, _)) = find(&entries, name) {
                self.push(
                    Finding::new(
                        RuleId::YamlSyntax,
                        key.span,
                        format!(
                            "`{name}` is given twice in {what} (first on line {})",
                            first.span.start.line
                        ),
                    )
                    .help("keep one of the two; YAML mappings cannot repeat a key"),
                );
                continue;
            }
            entries.push((name, key, value));
        }
        Some(Map {
            span: node.span,
            entries,
        })
    }

    /// A field that must be present and not null.
    pub(crate) fn required<'n>(
        &mut self,
        map: &Map<'n>,
        name: &str,
        what: &str,
        help: &str,
    ) -> Option<&'n Node> {
        let value = map.get(name);
        if value.is_none() {
            let span = map.key_span(name).unwrap_or(Span::point(map.span.start));
            self.push(
                Finding::new(
                    RuleId::MissingField,
                    span,
                    format!("{what} has no `{name}`"),
                )
                .help(help.to_string()),
            );
        }
        value
    }

    /// A scalar read as text (YAML numbers and booleans become their spelling).
    pub(crate) fn text(&mut self, node: &Node, field: &str) -> Option<Spanned<String>> {
        match &node.value {
            Value::Scalar { text, .. } => Some(Spanned::new(text.clone(), node.span)),
            _ => {
                self.push(Finding::new(
                    RuleId::InvalidValue,
                    node.span,
                    format!("`{field}` must be text, found {}", node.kind_name()),
                ).help("write the text on the same line, or after `|` on the lines below, indented"));
                None
            }
        }
    }

    pub(crate) fn optional_text(&mut self, map: &Map<'_>, field: &str) -> Option<Spanned<String>> {
        map.get(field).and_then(|node| self.text(node, field))
    }

    pub(crate) fn keyword<K: Keyword>(&mut self, node: &Node, field: &str) -> Option<Spanned<K>> {
        let text = self.text(node, field)?;
        match K::parse(&text.value) {
            Some(value) => Some(Spanned::new(value, text.span)),
            None => {
                let mut finding = Finding::new(
                    RuleId::InvalidValue,
                    text.span,
                    format!("`{}` is not a valid `{field}`", text.value),
                );
                finding = match suggest(&text.value, K::NAMES) {
                    Some(best) => finding.help(format!(
                        "did you mean `{best}`? expected one of: {}",
                        K::NAMES.join(", ")
                    )),
                    None => finding.help(format!("expected one of: {}", K::NAMES.join(", "))),
                };
                self.push(finding);
                None
            }
        }
    }

    pub(crate) fn optional_keyword<K: Keyword>(
        &mut self,
        map: &Map<'_>,
        field: &str,
    ) -> Option<Spanned<K>> {
        map.get(field).and_then(|node| self.keyword(node, field))
    }

    /// A flag: `true` or `false`, in any of YAML 1.2's spellings (`True`, `FALSE`), which
    /// editors read as booleans too.
    pub(crate) fn boolean(&mut self, map: &Map<'_>, field: &str) -> bool {
        let Some(node) = map.get(field) else {
            return false;
        };
        match node.as_str().and_then(boolean_word) {
            Some(value) => value,
            None => {
                self.push(Finding::new(
                    RuleId::InvalidValue,
                    node.span,
                    format!("`{field}` must be `true` or `false`"),
                ));
                false
            }
        }
    }

    /// A list field; a single value where a list is expected is reported, not guessed at.
    pub(crate) fn list<'n>(&mut self, map: &Map<'n>, field: &str) -> &'n [Node] {
        match map.get(field) {
            None => &[],
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => items,
            Some(node) => {
                self.push(
                    Finding::new(
                        RuleId::InvalidValue,
                        node.span,
                        format!("`{field}` must be a list, found {}", node.kind_name()),
                    )
                    .help("write each item on its own line, starting with `- `"),
                );
                &[]
            }
        }
    }
}

/// The closest known name, if it is close enough to be what was meant.
pub(crate) fn suggest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), *candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The value of a YAML 1.2 core-schema boolean spelled `text`.
pub(crate) fn boolean_word(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_near_misses_only() {
        let known = ["title", "timeline", "timezone", "resolved", "root_cause"];
        assert_eq!(suggest("titel", &known), Some("title"));
        assert_eq!(suggest("timline", &known), Some("timeline"));
        assert_eq!(suggest("rootcause", &known), Some("root_cause"));
        assert_eq!(suggest("banana", &known), None);
    }

    /// YAML 1.2 editors read `True` and `FALSE` as booleans; so does the loader.
    #[test]
    fn flags_take_every_yaml_1_2_spelling_of_a_boolean() {
        let flag = |text: &str| {
            let yaml = format!("title: t\nlang: en\nstatus: draft\ncancelled: {text}\n");
            let (_, findings) = crate::load::record::parse(
                "2024-01-01-x",
                &yaml,
                &crate::load::record::RecordContext::default(),
            );
            findings
                .iter()
                .any(|f| f.message.contains("must be `true` or `false`"))
        };
        for good in [
            "true", "True", "TRUE", "false", "False", "FALSE", "\"true\"",
        ] {
            assert!(!flag(good), "{good}");
        }
        for bad in ["yes", "1", "tRUE", "on"] {
            assert!(flag(bad), "{bad}");
        }
    }
}
