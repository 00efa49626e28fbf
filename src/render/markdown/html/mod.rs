//! Markdown to HTML that is clean by construction: the sanitiser's output, written directly.
//!
//! Every title, timeline entry, action and lesson used to go through pulldown-cmark's HTML
//! writer and then ammonia (a full HTML parse, tree and serialisation), per language and per
//! page. This writer takes the same events and emits what ammonia would have left: a fixed
//! set of tags (`p h1-h6 blockquote pre code ul ol li em strong del a br hr`), every text
//! and attribute escaped as ammonia's serialiser escapes it, links checked with ammonia's
//! URL rule and given the same `rel`. Anything outside that set (a table, a link in a link,
//! an unbalanced end, a carriage return or NUL that the HTML parser would rewrite, written
//! as such or as a character reference) makes it give up, and the caller takes the
//! sanitising path: the property tests in `tests.rs` check both ways give the same bytes.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// The `rel` the sanitiser gives every link.
pub(super) const LINK_REL: &str = "noopener noreferrer nofollow";

/// Whether `markdown` is one line of text in which no character can open Markdown or HTML:
/// its HTML is the text, escaped, in a paragraph.
///
/// Inline syntax needs one of `` \ ` * _ [ ] < > & ~ `` (emphasis, code, links, images,
/// autolinks, raw HTML, entities, escapes, strikethrough, hard breaks); `!`, `|`, `#`, `=`
/// and digits only matter with one of those or at the start of a line or of another line
/// (an image's `![`, a table's delimiter row, a heading, an underline, a list item). So the
/// text is plain when it has none of the former, no line break or other control character,
/// no space or tab at either end (indented code, trimmed text) and does not begin a block
/// (`-`, `+`, `*`, `=`, `#`, `>`, or digits followed by `.` or `)`).
pub(crate) fn is_plain(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let special = |b: &u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'~' | 0x7f
        ) || *b < b' '
    };
    if bytes.iter().any(special)
        || matches!(first, b' ' | b'-' | b'+' | b'=' | b'#')
        || bytes.last() == Some(&b' ')
    {
        return false;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    !(digits > 0 && matches!(bytes.get(digits), Some(b'.' | b')')))
}

/// The sanitised HTML of a text for which [`is_plain`] holds.
pub(super) fn plain_paragraph(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 9);
    html.push_str("<p>");
    escape_into(&mut html, text, false);
    html.push_str("</p>\n");
    html
}

/// The same without the paragraph: the text escaped.
pub(super) fn escaped(text: &str) -> String {
    let mut html = String::with_capacity(text.len());
    escape_into(&mut html, text, false);
    html
}

/// The events of a field (raw HTML already turned into text, images into links) as the
/// HTML the sanitiser would make of pulldown-cmark's; `None` when they hold anything this
/// writer leaves to the sanitiser.
pub(super) fn write<'a>(
    events: impl Iterator<Item = Event<'a>>,
    capacity: usize,
) -> Option<String> {
    let mut writer = Writer {
        out: String::with_capacity(capacity),
        end_newline: true,
        open: Vec::new(),
        in_link: false,
    };
    for event in events {
        writer.event(event)?;
    }
    writer.open.is_empty().then_some(writer.out)
}

struct Writer {
    out: String,
    /// Whether the output ends with a line break (pulldown-cmark's layout of blocks).
    end_newline: bool,
    /// The end each open tag expects.
    open: Vec<TagEnd>,
    in_link: bool,
}

impl Writer {
    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    /// A block's opening tag, on a line of its own.
    fn block(&mut self, tag: &str) {
        if !self.end_newline {
            self.out.push('\n');
        }
        self.write(tag);
    }

    fn event(&mut self, event: Event) -> Option<()> {
        match event {
            Event::Start(tag) => self.start(tag)?,
            Event::End(tag) => {
                if self.open.pop() != Some(tag) {
                    return None;
                }
                self.end(tag)?;
            }
            Event::Text(text) => {
                parsed_as_is(&text)?;
                escape_into(&mut self.out, &text, false);
                self.end_newline = text.ends_with('\n');
            }
            Event::Code(text) => {
                parsed_as_is(&text)?;
                self.out.push_str("<code>");
                escape_into(&mut self.out, &text, false);
                self.write("</code>");
            }
            Event::SoftBreak => self.write("\n"),
            Event::HardBreak => self.write("<br>\n"),
            Event::Rule => self.block("<hr>\n"),
            _ => return None,
        }
        Some(())
    }

    fn start(&mut self, tag: Tag) -> Option<()> {
        let end = tag.to_end();
        match tag {
            Tag::Paragraph => self.block("<p>"),
            Tag::Heading {
                level,
                id: None,
                classes,
                attrs,
            } if classes.is_empty() && attrs.is_empty() => self.block(&format!("<{level}>")),
            Tag::BlockQuote(None) => self.block("<blockquote>\n"),
            Tag::CodeBlock(_) => self.block("<pre><code>"),
            Tag::List(Some(1)) => self.block("<ol>\n"),
            Tag::List(Some(start)) => self.block(&format!("<ol start=\"{start}\">\n")),
            Tag::List(None) => self.block("<ul>\n"),
            Tag::Item => self.block("<li>"),
            Tag::HtmlBlock => {}
            Tag::Emphasis => self.write("<em>"),
            Tag::Strong => self.write("<strong>"),
            Tag::Strikethrough => self.write("<del>"),
            // A link in a link is taken apart by the HTML parser: left to it.
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } if !self.in_link => {
                self.in_link = true;
                self.out.push_str("<a");
                let mailto = if link_type == LinkType::Email {
                    "mailto:"
                } else {
                    ""
                };
                let (attribute, value) = href(mailto, &dest_url);
                if url_kept(&value) {
                    self.out.push_str(" href=\"");
                    self.out.push_str(&attribute);
                    self.out.push('"');
                }
                parsed_as_is(&title)?;
                if !title.is_empty() {
                    self.out.push_str(" title=\"");
                    escape_into(&mut self.out, &title, true);
                    self.out.push('"');
                }
                self.write(&format!(" rel=\"{LINK_REL}\">"));
            }
            _ => return None,
        }
        self.open.push(end);
        Some(())
    }

    fn end(&mut self, tag: TagEnd) -> Option<()> {
        match tag {
            TagEnd::Paragraph => self.write("</p>\n"),
            TagEnd::Heading(level) => self.write(&format!("</{level}>\n")),
            TagEnd::BlockQuote(_) => self.write("</blockquote>\n"),
            TagEnd::CodeBlock => self.write("</code></pre>\n"),
            TagEnd::List(true) => self.write("</ol>\n"),
            TagEnd::List(false) => self.write("</ul>\n"),
            TagEnd::Item => self.write("</li>\n"),
            TagEnd::HtmlBlock => {}
            TagEnd::Emphasis => self.write("</em>"),
            TagEnd::Strong => self.write("</strong>"),
            TagEnd::Strikethrough => self.write("</del>"),
            TagEnd::Link => {
                self.in_link = false;
                self.write("</a>");
            }
            _ => return None,
        }
        Some(())
    }
}

/// `Some` when the HTML parser keeps `text` as it is: it turns a carriage return into a line
/// feed and drops NULs, and one can reach a text or a title with no `\r` in the Markdown,
/// from a character reference (`a&#13;b`).
fn parsed_as_is(text: &str) -> Option<()> {
    (!text.contains(['\r', '\0'])).then_some(())
}

/// Appends `text` escaped as the sanitiser's serialiser escapes it: `&`, `<`, `>` and the
/// no-break space always, `"` in an attribute value.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let mut rest = text;
    while let Some(at) =
        rest.find(|c: char| matches!(c, '&' | '<' | '>' | '\u{a0}') || (attribute && c == '"'))
    {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or_default();
        out.push_str(match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            _ => "&nbsp;",
        });
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// ASCII bytes pulldown-cmark leaves as they are in a link destination (its `HREF_SAFE`);
/// every other byte is percent-encoded, but `&` and `'`, which it writes as entities.
fn href_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%()*+,-./:;=?@^_~".contains(&b)
}

/// A link destination as the sanitiser writes it in `href`, and the URL it checks (the
/// attribute's value): pulldown-cmark's percent-encoding, with `&` escaped in the former.
fn href(prefix: &str, url: &str) -> (String, String) {
    let mut attribute = String::with_capacity(prefix.len() + url.len() + 8);
    let mut value = String::with_capacity(prefix.len() + url.len());
    for b in prefix.bytes().chain(url.bytes()) {
        match b {
            b'&' => {
                attribute.push_str("&amp;");
                value.push('&');
            }
            b'\'' => {
                attribute.push('\'');
                value.push('\'');
            }
            b if b < 0x80 && href_safe(b) => {
                attribute.push(b as char);
                value.push(b as char);
            }
            b => {
                let hex = format!("%{b:02X}");
                attribute.push_str(&hex);
                value.push_str(&hex);
            }
        }
    }
    (attribute, value)
}

/// Whether the sanitiser keeps an `href` of this value: an absolute URL of an allowed
/// scheme, or a relative one.
fn url_kept(value: &str) -> bool {
    match url::Url::parse(value) {
        Ok(url) => super::ALLOWED_SCHEMES.contains(&url.scheme()),
        Err(error) => error == url::ParseError::RelativeUrlWithoutBase,
    }
}

#[cfg(test)]
mod project_texts;
#[cfg(test)]
mod tests;
