//! How inert Markdown is laid out in lines: the container prefixes (`> `, list markers and
//! their indentation), the separators between blocks, and one-line layouts.

use super::Layout;
use pulldown_cmark::Alignment;

use crate::render::markdown::escape::{self, Place};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    None,
    Line,
    Blank,
}

pub(super) enum Container {
    Quote,
    Item {
        width: usize,
        marker: Option<String>,
    },
}

pub(super) struct List {
    pub(super) next: Option<u64>,
    pub(super) loose: bool,
    pub(super) items: usize,
}

pub(super) struct Writer {
    pub(super) out: String,
    pub(super) layout: Layout,
    pub(super) place: Place,
    pub(super) containers: Vec<Container>,
    pub(super) lists: Vec<List>,
    /// Per open link or image: its destination, when it is written as a link.
    pub(super) links: Vec<Option<String>>,
    pub(super) pending: Sep,
    /// The container prefix of the current line is still to be written.
    pub(super) at_line_start: bool,
    /// Nothing but the container prefix is on the current line yet.
    pub(super) line_start: bool,
    /// Inline text was written since the last block boundary (a tight list item's text).
    pub(super) inline_run: bool,
    pub(super) heading: bool,
    /// The text of the code block being read, written whole at its end.
    pub(super) code: Option<(String, String)>,
    pub(super) table: Vec<Alignment>,
}

impl Writer {
    pub(super) fn newline(&mut self, hard: bool) {
        if self.one_line() || self.heading || self.place == Place::Cell {
            self.prefix();
            self.out.push(' ');
            self.line_start = false;
            return;
        }
        if hard {
            self.prefix();
            self.out.push('\\');
        }
        self.pending = self.pending.max_with(Sep::Line);
    }

    /// A block begins: the separator it needs is written.
    pub(super) fn block(&mut self) {
        if self.inline_run {
            self.pending = self.pending.max_with(Sep::Line);
        }
        self.flush_pending();
        self.inline_run = false;
    }

    pub(super) fn flush_pending(&mut self) {
        let pending = std::mem::replace(&mut self.pending, Sep::None);
        if pending == Sep::None || self.out.is_empty() {
            return;
        }
        if self.one_line() {
            if !self.out.ends_with(' ') {
                self.out.push(' ');
            }
            return;
        }
        self.out.push('\n');
        if pending == Sep::Blank {
            let start = self.out.len();
            for container in &self.containers {
                match container {
                    Container::Quote => self.out.push_str("> "),
                    Container::Item { width, .. } => {
                        self.out.extend(std::iter::repeat_n(' ', *width))
                    }
                }
            }
            let kept = self.out[start..].trim_end().len();
            self.out.truncate(start + kept);
            self.out.push('\n');
        }
        self.at_line_start = true;
    }

    /// Writes the container prefix if the line has none yet.
    pub(super) fn prefix(&mut self) {
        self.flush_pending();
        if !self.at_line_start {
            return;
        }
        self.at_line_start = false;
        // In a cell or link text, the first characters cannot open a block.
        self.line_start = matches!(self.layout, Layout::Blocks | Layout::Line);
        if self.one_line() {
            return;
        }
        for container in &mut self.containers {
            match container {
                Container::Quote => self.out.push_str("> "),
                Container::Item { width, marker } => match marker.take() {
                    Some(marker) => self.out.push_str(&marker),
                    None => self.out.extend(std::iter::repeat_n(' ', *width)),
                },
            }
        }
    }

    pub(super) fn delimiter(&mut self, delimiter: &str) {
        self.prefix();
        self.out.push_str(delimiter);
        self.line_start = false;
    }

    pub(super) fn code_block(&mut self) {
        let Some((info, code)) = self.code.take() else {
            return;
        };
        let code = code.strip_suffix('\n').unwrap_or(&code);
        self.prefix();
        if self.one_line() {
            escape::code_span_into(&mut self.out, code, self.place);
            self.line_start = false;
        } else {
            // Longer than any backtick run inside, so nothing in the code can close it.
            let fence = "`".repeat(3.max(escape::longest_run(code, '`') + 1));
            self.out.push_str(&fence);
            self.out.push_str(&info);
            for line in code.split('\n') {
                self.out.push('\n');
                self.at_line_start = true;
                self.prefix();
                self.out
                    .extend(line.chars().filter(|c| !c.is_control() || *c == '\t'));
            }
            self.out.push('\n');
            self.at_line_start = true;
            self.prefix();
            self.out.push_str(&fence);
        }
        self.pending = Sep::Blank;
    }

    /// The list whose item directly holds the block that starts now.
    pub(super) fn parent_list(&mut self) -> Option<&mut List> {
        match self.containers.last() {
            Some(Container::Item { .. }) => self.lists.last_mut(),
            _ => None,
        }
    }
}

impl Sep {
    pub(super) fn max_with(self, other: Sep) -> Sep {
        match (self, other) {
            (Sep::Blank, _) | (_, Sep::Blank) => Sep::Blank,
            (Sep::Line, _) | (_, Sep::Line) => Sep::Line,
            _ => Sep::None,
        }
    }
}
