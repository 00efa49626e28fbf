//! Markdown fields made safe: to HTML (pulldown-cmark, written clean or sanitised by ammonia)
//! and to inert Markdown.
//!
//! Incident text is written by many hands and published: raw HTML in it is shown as text,
//! links keep only http, https and mailto, and the HTML is sanitised once more at the end.
//! Every function here does work linear in its input: nesting past the budget of
//! [`crate::model::markdown`] is flattened, so the renderers stay fast even on text that
//! lint would refuse.

pub(crate) mod escape;
mod html;
mod inert;
mod text;

use std::collections::HashSet;
use std::iter::Peekable;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd};

pub(crate) use inert::Layout;
pub use text::to_text;

use crate::model::markdown::{MAX_ELEMENTS, Nesting, options};

const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Whether a link target may stay a link: a relative reference or an allowed scheme.
pub(crate) fn allowed_url(url: &str) -> bool {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match trimmed.split_once(':') {
        // A colon after a `/`, `?` or `#` is part of a relative path, not a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => ALLOWED_SCHEMES
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed)),
        _ => true,
    }
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(ALLOWED_SCHEMES.iter().copied().collect::<HashSet<_>>())
        .link_rel(Some(html::LINK_REL));
    builder
});

/// The parser's events with every block quote, list, emphasis or link that opens past its
/// nesting budget, and every element past the element budget, left out (its content stays,
/// one level up).
pub(crate) fn bounded<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    // Per open tag: what it counts against, and whether it was kept.
    let mut open: Vec<(Option<Nesting>, bool)> = Vec::new();
    let (mut block, mut inline, mut elements) = (0usize, 0usize, 0usize);
    events.filter(move |event| match event {
        Event::Start(_) if elements >= MAX_ELEMENTS => {
            open.push((None, false));
            false
        }
        Event::Start(tag) => {
            elements += 1;
            let nesting = Nesting::of(tag);
            let depth = match nesting {
                Some(Nesting::Block) => &mut block,
                Some(Nesting::Inline) => &mut inline,
                _ => {
                    // The items of a list left out go with it.
                    let orphan = matches!(tag, Tag::Item)
                        && matches!(open.last(), Some((Some(Nesting::Block), false)));
                    open.push((None, !orphan));
                    return !orphan;
                }
            };
            let kept = nesting.is_some_and(|n| *depth < n.budget());
            if kept {
                *depth += 1;
            }
            open.push((nesting, kept));
            kept
        }
        Event::End(_) => {
            let (nesting, kept) = open.pop().unwrap_or((None, true));
            match nesting {
                Some(Nesting::Block) if kept => block -= 1,
                Some(Nesting::Inline) if kept => inline -= 1,
                _ => {}
            }
            kept
        }
        _ => true,
    })
}

fn parse(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    bounded(Parser::new_ext(markdown, options()))
}

/// A Markdown field as sanitised HTML.
///
/// Plain text is escaped, and most other text written by [`html::write`], which emits only
/// what the sanitiser would keep; what it does not handle goes through the sanitiser.
pub fn to_html(markdown: &str) -> String {
    if html::is_plain(markdown) {
        return html::plain_paragraph(markdown);
    }
    // The HTML parser rewrites carriage returns and drops NULs: left to it.
    if !markdown.contains(['\r', '\0'])
        && let Some(html) = html::write(safe_events(markdown), markdown.len() * 3 / 2)
    {
        return html;
    }
    sanitised_html(markdown)
}

/// The parser's events with raw HTML as text, links and images only to allowed URLs, and
/// images as links to them.
fn safe_events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    let mut in_dropped_link = false;
    let events = parse(markdown).filter_map(move |event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::Link { dest_url, .. }) if !allowed_url(&dest_url) => {
            in_dropped_link = true;
            None
        }
        Event::End(TagEnd::Link) if in_dropped_link => {
            in_dropped_link = false;
            None
        }
        // Images would be fetched when the page is viewed: link to them instead.
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => Some(if allowed_url(&dest_url) {
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                title,
                id: CowStr::Borrowed(""),
            })
        } else {
            in_dropped_link = true;
            return None;
        }),
        Event::End(TagEnd::Image) if in_dropped_link => {
            in_dropped_link = false;
            None
        }
        Event::End(TagEnd::Image) => Some(Event::End(TagEnd::Link)),
        other => Some(other),
    });
    join_cjk_lines(events)
}

/// A Markdown field through pulldown-cmark's HTML writer and the sanitiser.
pub(crate) fn sanitised_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, short_text_nodes(safe_events(markdown)));
    SANITIZER.clean(&html).to_string()
}

/// The longest run of text the sanitiser sees as one node.
const TEXT_NODE_BYTES: usize = 1024;

/// Text cut into nodes of at most [`TEXT_NODE_BYTES`] by empty comments, which the sanitiser
/// removes without a trace. Its serialiser scans from every `&` to the next `<` or `>` in
/// the same text node, so one long text node full of `&` costs time quadratic in its length.
fn short_text_nodes<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    let mut run = 0usize;
    events.flat_map(move |event| {
        let Event::Text(text) = &event else {
            run = 0;
            return vec![event];
        };
        if run + text.len() <= TEXT_NODE_BYTES {
            run += text.len();
            return vec![event];
        }
        let mut pieces = Vec::new();
        let mut rest: &str = text;
        while run + rest.len() > TEXT_NODE_BYTES {
            let cut = rest.floor_char_boundary(TEXT_NODE_BYTES - run);
            if cut > 0 {
                pieces.push(Event::Text(CowStr::from(rest[..cut].to_string())));
            }
            pieces.push(Event::InlineHtml(CowStr::Borrowed("<!---->")));
            rest = &rest[cut..];
            run = 0;
        }
        run = rest.len();
        pieces.push(Event::Text(CowStr::from(rest.to_string())));
        pieces
    })
}

/// The text of a Markdown field without its markup (for `<title>` and feeds).
pub fn to_plain(markdown: &str) -> String {
    if html::is_plain(markdown) {
        return words(markdown);
    }
    parsed_plain(markdown)
}

/// [`to_plain`] from the parser's events.
fn parsed_plain(markdown: &str) -> String {
    let mut plain = String::with_capacity(markdown.len());
    for event in join_cjk_lines(parse(markdown)) {
        match event {
            Event::Text(text) | Event::Code(text) => plain.push_str(&text),
            // Raw HTML is markup, not text: a client that shows plain text as HTML (many
            // Statuspage widgets do with `body`) must get no tag from a record.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => plain.push(' '),
            _ => {}
        }
    }
    defuse_tags(&words(&plain))
}

/// The words of `text` joined by single spaces.
fn words(text: &str) -> String {
    let mut words = text.split_whitespace();
    let mut joined = String::with_capacity(text.len());
    joined.push_str(words.next().unwrap_or_default());
    for word in words {
        joined.push(' ');
        joined.push_str(word);
    }
    joined
}

/// Whether `<` followed by `next` could open an HTML tag, comment or declaration.
pub(crate) fn opens_tag(next: char) -> bool {
    next.is_ascii_alphabetic() || "/!?".contains(next)
}

/// `text` with every `<` that could open a tag in its full-width form `＜`: plain text that a
/// client shows as HTML (Statuspage widgets with `body`, calendar apps with DESCRIPTION) can
/// then hold no tag from a record, while `a -> b` and `< 100 ms` stay as written.
pub(crate) fn defuse_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|&next| opens_tag(next)) {
            out.push('＜');
        } else {
            out.push(c);
        }
    }
    out
}

/// A line break inside a paragraph reads as a space, but Chinese and Japanese put none
/// between words: a break between two wide characters is dropped, so that a wrapped line in
/// the YAML does not leave a gap in the sentence.
fn join_cjk_lines<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    JoinCjk {
        events: events.peekable(),
        last_char: None,
    }
}

struct JoinCjk<'a, I: Iterator<Item = Event<'a>>> {
    events: Peekable<I>,
    /// The last character of the event given out last, if it was text.
    last_char: Option<char>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for JoinCjk<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.events.next()?;
            if matches!(event, Event::SoftBreak)
                && self.last_char.is_some_and(is_wide)
                && self
                    .events
                    .peek()
                    .and_then(|e| edge_char(e, true))
                    .is_some_and(is_wide)
            {
                continue;
            }
            self.last_char = edge_char(&event, false);
            return Some(event);
        }
    }
}

fn edge_char(event: &Event, first: bool) -> Option<char> {
    match event {
        Event::Text(text) | Event::Code(text) if first => text.chars().next(),
        Event::Text(text) | Event::Code(text) => text.chars().next_back(),
        _ => None,
    }
}

fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// A one-paragraph Markdown text (a title, a timeline entry) as sanitised inline HTML.
pub fn to_inline_html(markdown: &str) -> String {
    if html::is_plain(markdown) {
        return html::escaped(markdown);
    }
    let html = to_html(markdown);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// A Markdown field as Markdown that another renderer cannot turn into live markup.
pub fn to_inert_markdown(markdown: &str) -> String {
    inert::render(markdown, Layout::Blocks)
}

/// A Markdown field as one line of inert Markdown laid out for `layout`.
pub(crate) fn to_inert_line(markdown: &str, layout: Layout) -> String {
    inert::render(markdown, layout)
}

#[cfg(test)]
pub(crate) mod tests;
