//! A Markdown field re-written as Markdown that no renderer can turn into live markup.
//!
//! Each field is parsed as a document of its own and written back from the parser's events,
//! so nothing in one field (a link reference definition, an unclosed code fence) can reach
//! another. Every text goes through [`escape`]; raw HTML becomes text; links keep only
//! http, https and mailto destinations and become their text otherwise; reference links are
//! resolved in place; code fences are always closed.

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd, TextMergeStream,
};

mod lines;

use super::escape::{self, Place};
use super::{bounded, join_cjk_lines};
use crate::model::markdown::options;
use lines::{Container, List, Sep, Writer};

/// How the field is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Blocks, as written.
    Blocks,
    /// One line (a title, a list item): blocks are joined with spaces.
    Line,
    /// One line inside a table cell.
    Cell,
    /// One line of link text: links inside become their text.
    LinkText,
}

/// `markdown` as inert Markdown in `layout`.
pub(crate) fn render(markdown: &str, layout: Layout) -> String {
    let mut writer = Writer {
        out: String::with_capacity(markdown.len() + markdown.len() / 4),
        layout,
        place: if layout == Layout::Blocks {
            Place::Inline
        } else {
            Place::Cell
        },
        containers: Vec::new(),
        lists: Vec::new(),
        links: Vec::new(),
        pending: Sep::None,
        at_line_start: true,
        line_start: true,
        inline_run: false,
        heading: false,
        code: None,
        table: Vec::new(),
    };
    // Merged, so that the first characters of a line are seen together (`1`, then `. x`);
    // after CJK lines are joined, as in HTML, since a renderer shows a kept break as a space.
    let events = join_cjk_lines(bounded(Parser::new_ext(markdown, options())));
    for event in TextMergeStream::new(events) {
        writer.event(event);
    }
    let mut out = writer.out;
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

impl Writer {
    pub(super) fn one_line(&self) -> bool {
        self.layout != Layout::Blocks
    }

    fn event(&mut self, event: Event) {
        if let Some((_, code)) = self.code.as_mut() {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => self.code_block(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => self.text(&text),
            Event::Code(code) => {
                self.prefix();
                escape::code_span_into(&mut self.out, &code, self.place);
            }
            Event::SoftBreak => self.newline(false),
            Event::HardBreak => self.newline(true),
            Event::Rule => {
                self.block();
                if !self.one_line() {
                    self.prefix();
                    self.out.push_str("---");
                }
                self.pending = Sep::Blank;
            }
            Event::InlineMath(text) | Event::DisplayMath(text) | Event::FootnoteReference(text) => {
                self.text(&text)
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => {
                if let Some(list) = self.parent_list() {
                    list.loose = true;
                }
                self.block();
            }
            Tag::Heading { level, .. } => {
                self.block();
                self.prefix();
                if !self.one_line() {
                    self.out.push_str(&"#".repeat(heading_level(level)));
                    self.out.push(' ');
                    self.heading = true;
                    self.line_start = true;
                }
            }
            Tag::BlockQuote(_) => {
                self.block();
                if !self.one_line() {
                    self.containers.push(Container::Quote);
                }
            }
            Tag::CodeBlock(kind) => {
                self.block();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+' | '.'))
                        .collect(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((info, String::new()));
            }
            Tag::List(start) => {
                self.block();
                self.lists.push(List {
                    next: start,
                    loose: false,
                    items: 0,
                });
            }
            Tag::Item => {
                let (marker, loose, first) = match self.lists.last_mut() {
                    Some(list) => {
                        let marker = match list.next.as_mut() {
                            Some(n) => {
                                let marker = format!("{n}. ");
                                *n += 1;
                                marker
                            }
                            None => "- ".to_string(),
                        };
                        list.items += 1;
                        (marker, list.loose, list.items == 1)
                    }
                    None => ("- ".to_string(), false, true),
                };
                if !first {
                    self.pending =
                        self.pending
                            .max_with(if loose { Sep::Blank } else { Sep::Line });
                }
                self.flush_pending();
                if !self.one_line() {
                    self.containers.push(Container::Item {
                        width: marker.len(),
                        marker: Some(marker),
                    });
                }
                self.inline_run = false;
            }
            Tag::Table(alignments) => {
                self.block();
                self.table = alignments;
            }
            Tag::TableHead | Tag::TableRow => {
                self.flush_pending();
                self.prefix();
                if !self.one_line() {
                    self.out.push('|');
                }
            }
            Tag::TableCell => {
                self.prefix();
                self.out.push(' ');
                self.place = Place::Cell;
                self.line_start = false;
            }
            Tag::Emphasis => self.delimiter("*"),
            Tag::Strong => self.delimiter("**"),
            Tag::Strikethrough => self.delimiter("~~"),
            Tag::Superscript | Tag::Subscript => {}
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                let url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                // Links cannot nest; the outer one wins, as it reads in the source.
                let nested = self.links.iter().any(Option::is_some);
                let dest = escape::link_destination(&url)
                    .filter(|_| self.layout != Layout::LinkText && !nested);
                if dest.is_some() {
                    self.prefix();
                    self.out.push('[');
                    self.line_start = false;
                }
                self.links.push(dest);
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.block(),
        }
    }
}

impl Writer {
    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.heading = false;
                self.pending = Sep::Blank;
            }
            TagEnd::BlockQuote(_) => {
                if !self.one_line() {
                    self.containers.pop();
                }
                self.pending = Sep::Blank;
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.pending = Sep::Blank;
            }
            TagEnd::Item => {
                if !self.one_line() {
                    // An empty item still shows its marker.
                    if let Some(Container::Item {
                        marker: Some(_), ..
                    }) = self.containers.last()
                    {
                        self.prefix();
                    }
                    self.containers.pop();
                }
            }
            TagEnd::TableHead => {
                if !self.one_line() {
                    self.out.push('\n');
                    self.at_line_start = true;
                    self.prefix();
                    self.out.push('|');
                    for alignment in &self.table {
                        self.out.push_str(match alignment {
                            Alignment::None => " --- |",
                            Alignment::Left => " :-- |",
                            Alignment::Center => " :-: |",
                            Alignment::Right => " --: |",
                        });
                    }
                }
                self.pending = Sep::Line;
            }
            TagEnd::TableRow => self.pending = Sep::Line,
            TagEnd::TableCell => {
                if self.one_line() {
                    self.pending = self.pending.max_with(Sep::Line);
                } else {
                    self.out.push_str(" |");
                }
                if self.layout == Layout::Blocks {
                    self.place = Place::Inline;
                }
            }
            TagEnd::Emphasis => self.delimiter("*"),
            TagEnd::Strong => self.delimiter("**"),
            TagEnd::Strikethrough => self.delimiter("~~"),
            TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Link | TagEnd::Image => {
                if let Some(dest) = self.links.pop().flatten() {
                    self.out.push_str("](<");
                    self.out.push_str(&dest);
                    self.out.push_str(">)");
                }
            }
            TagEnd::Table => {
                self.table.clear();
                self.pending = Sep::Blank;
            }
            _ => {
                self.inline_run = false;
                self.pending = Sep::Blank;
            }
        }
    }

    fn text(&mut self, text: &str) {
        for (index, line) in text.split('\n').enumerate() {
            if index > 0 {
                self.newline(false);
            }
            if line.is_empty() {
                continue;
            }
            self.prefix();
            if self.heading {
                let mut escaped = String::with_capacity(line.len());
                escape::text_into(&mut escaped, line, self.place, self.line_start);
                self.out.push_str(&escaped.replace('#', "\\#"));
            } else {
                escape::text_into(&mut self.out, line, self.place, self.line_start);
            }
            self.line_start = false;
            self.inline_run = true;
        }
    }
}

fn heading_level(level: HeadingLevel) -> usize {
    level as usize
}
