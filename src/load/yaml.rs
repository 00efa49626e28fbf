//! YAML text -> a tree of nodes that remember where they were written, within input budgets.
//!
//! This is the only module that talks to the YAML parser. Everything above it works on
//! [`Node`]s, so a parser change stays here. Budgets (size, depth, node count after alias
//! expansion, one document per file) are enforced while the events stream in, so hostile
//! input is refused after reading only as much as it takes to see that it is hostile.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Marker, Parser, ScalarStyle};

use crate::diagnostic::{Finding, Pos, Span};
use crate::model::RuleId;
use crate::model::chars::{all_xml, is_xml_char};
use position::Cursor;
pub(crate) use position::pos_of_offset;
use text::binary_file;
pub(crate) use text::{decode, is_binary, too_large};

mod position;
mod text;

/// Resource budgets for one file.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_depth: usize,
    /// Nodes in the tree after aliases are expanded: what stops a "billion laughs".
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 2 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 100_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// `~`, `null`, or nothing at all after a key.
    Null,
    Scalar {
        text: String,
        /// Quoted and block scalars are always strings; plain ones may be numbers or booleans.
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    pub(crate) fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "nothing",
            Value::Scalar { .. } => "a scalar",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// Parses one YAML document. `Ok(None)` is an empty file (or one holding only comments).
pub(crate) fn parse(text: &str, limits: &Limits) -> Result<Option<Node>, Finding> {
    if text.len() > limits.max_bytes {
        return Err(too_large(text.len(), limits));
    }
    // The byte scan first: nearly every file is all XML characters, and so has no NUL.
    if !all_xml(text) {
        if let Some(at) = text.find('\0') {
            return Err(binary_file(pos_of_offset(text, at)));
        }
        if let Some((at, c)) = text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
            return Err(super::characters::written(text, at, c));
        }
    }
    Builder::new(text, limits).run()
}

/// The position of a parser marker, with its byte offset.
fn marker_pos(cursor: &mut Cursor<'_>, text: &str, marker: &Marker) -> Pos {
    let offset = match marker.byte_offset() {
        Some(offset) => offset.min(text.len()),
        // Parsers over a `str` give byte offsets; this is what to do if one ever does not.
        None => {
            let line = marker.line().max(1);
            let start = if line == 1 {
                0
            } else {
                text.match_indices('\n')
                    .nth(line - 2)
                    .map_or(text.len(), |(at, _)| at + 1)
            };
            text[start..]
                .char_indices()
                .nth(marker.col())
                .map_or(text.len(), |(i, _)| start + i)
        }
    };
    cursor.pos(offset)
}

enum Frame {
    Seq {
        items: Vec<Node>,
        start: Pos,
        anchor: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        pending_key: Option<Node>,
        start: Pos,
        anchor: usize,
    },
}

struct Builder<'a> {
    text: &'a str,
    limits: &'a Limits,
    cursor: Cursor<'a>,
    /// Whether the parser's lines and columns are hindsight's (see [`Builder::position`]).
    parser_counts: bool,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    documents: usize,
    root: Option<Node>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, limits: &'a Limits) -> Self {
        Builder {
            text,
            limits,
            cursor: Cursor::new(text),
            parser_counts: memchr::memchr(b'\r', text.as_bytes()).is_none()
                && memchr::memmem::find(text.as_bytes(), "\u{feff}".as_bytes()).is_none(),
            stack: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            documents: 0,
            root: None,
        }
    }

    fn run(mut self) -> Result<Option<Node>, Finding> {
        for event in Parser::new_from_str(self.text) {
            let (event, span) = event.map_err(|error| {
                let pos = marker_pos(&mut self.cursor, self.text, error.marker());
                if error.info().contains("recursion limit") {
                    return Finding::new(RuleId::InputLimit, Span::point(pos), format!("the YAML nests deeper than {} levels", self.limits.max_depth))
                        .help("an incident record needs only a few levels; flatten this structure");
                }
                Finding::new(RuleId::YamlSyntax, Span::point(pos), format!("invalid YAML: {}", error.info()))
                    .help("fix the YAML syntax here; indentation and unquoted `: ` or `#` inside text are the usual causes")
            })?;
            let start = self.position(&span.start);
            let end = self.position(&span.end);
            let span = Span { start, end };
            match event {
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
                Event::Anchor(..) | Event::UnresolvedAlias(..) => {}
                Event::DocumentStart(..) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return Err(Finding::new(
                            RuleId::YamlSyntax,
                            span,
                            "a second YAML document starts here; a record file holds exactly one",
                        )
                        .help("move the second document into a file of its own, or remove the `---` line"));
                    }
                }
                Event::Scalar(text, style, anchor, _tag) => {
                    let plain = matches!(style, ScalarStyle::Plain);
                    let value = if plain && matches!(&*text, "" | "~" | "null" | "Null" | "NULL") {
                        Value::Null
                    } else {
                        Value::Scalar {
                            text: text.into_owned(),
                            plain,
                        }
                    };
                    // A block scalar's end marker is where the next key starts: the value
                    // ends at its last character, so reports never reach into that key.
                    let span = Span {
                        start,
                        end: self.content_end(start, end),
                    };
                    self.count(1, span)?;
                    self.push(Node { value, span }, anchor)?;
                }
                Event::Alias(id) => {
                    let Some(target) = self.anchors.get(&id) else {
                        return Err(Finding::new(
                            RuleId::YamlSyntax,
                            span,
                            "this alias names no anchor defined before it",
                        ));
                    };
                    // Budget first: the copy itself is what an alias bomb is made of.
                    let size = count_nodes(target);
                    self.count(size, span)?;
                    let mut node = self.anchors[&id].clone();
                    node.span = span;
                    self.push(node, 0)?;
                }
                Event::SequenceStart(_, anchor, _) => {
                    self.open(span)?;
                    self.stack.push(Frame::Seq {
                        items: Vec::new(),
                        start,
                        anchor,
                    });
                }
                Event::MappingStart(_, anchor, _) => {
                    self.open(span)?;
                    self.stack.push(Frame::Map {
                        entries: Vec::new(),
                        pending_key: None,
                        start,
                        anchor,
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let frame = self.stack.pop().ok_or_else(|| {
                        Finding::new(RuleId::YamlSyntax, span, "unbalanced YAML structure")
                    })?;
                    let (value, start, anchor) = match frame {
                        Frame::Seq {
                            items,
                            start,
                            anchor,
                        } => (Value::Seq(items), start, anchor),
                        Frame::Map {
                            entries,
                            start,
                            anchor,
                            ..
                        } => (Value::Map(entries), start, anchor),
                    };
                    // A block collection ends (a zero-width event) where the next key or
                    // item starts, past any blank and comment lines: it ends at its last
                    // value. A flow collection's end event is its `]` or `}`.
                    let last = match &value {
                        Value::Seq(items) => items.last().map(|n| n.span.end),
                        Value::Map(entries) => entries.last().map(|(_, v)| v.span.end),
                        _ => None,
                    };
                    let end = match last {
                        Some(last) if span.start.offset == span.end.offset => last.max(start),
                        _ => end,
                    };
                    self.push(
                        Node {
                            value,
                            span: Span { start, end },
                        },
                        anchor,
                    )?;
                }
                #[allow(unreachable_patterns)]
                _ => {}
            }
        }
        Ok(self.root)
    }

    /// The position of an event's marker. The parser counts lines and characters as
    /// [`pos_of_offset`] does, except at a carriage return (a line break of its own) and a
    /// byte order mark (no column): only in a text with either does the cursor count them.
    fn position(&mut self, marker: &Marker) -> Pos {
        let offset = marker
            .byte_offset()
            .filter(|&offset| offset <= self.text.len());
        let Some(offset) = offset.filter(|_| self.parser_counts) else {
            return marker_pos(&mut self.cursor, self.text, marker);
        };
        let pos = Pos {
            line: marker.line(),
            column: marker.col() + 1,
            offset,
        };
        #[cfg(debug_assertions)]
        assert_eq!(self.cursor.pos(offset), pos, "the parser's count differs");
        self.cursor.seat(pos);
        pos
    }

    /// `end` moved back over the line breaks and blanks that close a value, not before `start`.
    fn content_end(&mut self, start: Pos, end: Pos) -> Pos {
        let text = self.text.get(start.offset..end.offset).unwrap_or("");
        let kept = text.trim_end_matches([' ', '\t', '\r', '\n']).len();
        if kept == text.len() {
            return end;
        }
        self.cursor.pos(start.offset + kept)
    }

    fn open(&mut self, span: Span) -> Result<(), Finding> {
        self.count(1, span)?;
        if self.stack.len() >= self.limits.max_depth {
            return Err(Finding::new(
                RuleId::InputLimit,
                span,
                format!(
                    "the YAML nests deeper than {} levels",
                    self.limits.max_depth
                ),
            )
            .help("an incident record needs only a few levels; flatten this structure"));
        }
        Ok(())
    }

    fn count(&mut self, nodes: usize, span: Span) -> Result<(), Finding> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > self.limits.max_nodes {
            return Err(Finding::new(
                RuleId::InputLimit,
                span,
                format!(
                    "the document expands to more than {} YAML nodes (aliases count once per use)",
                    self.limits.max_nodes
                ),
            )
            .help("remove the aliases (`*name`) that repeat large parts of the document"));
        }
        Ok(())
    }

    fn push(&mut self, node: Node, anchor: usize) -> Result<(), Finding> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => *pending_key = Some(node),
                Some(key) => entries.push((key, node)),
            },
        }
        Ok(())
    }
}

fn count_nodes(node: &Node) -> usize {
    match &node.value {
        Value::Null | Value::Scalar { .. } => 1,
        Value::Seq(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| count_nodes(k) + count_nodes(v))
                .sum::<usize>()
        }
    }
}

#[cfg(test)]
mod tests;
