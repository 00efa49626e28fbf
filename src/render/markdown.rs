//! Markdown fields made safe: to HTML (pulldown-cmark, then ammonia) and to inert Markdown.
//!
//! Incident text is written by many hands and published: raw HTML in it is shown as text,
//! links keep only http, https and mailto, and the HTML is sanitised once more at the end.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

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
        .link_rel(Some("noopener noreferrer nofollow"));
    builder
});

/// A Markdown field as sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let mut in_dropped_link = false;
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
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
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, join_cjk_lines(events).into_iter());
    SANITIZER.clean(&html).to_string()
}

/// The text of a Markdown field without its markup (for `<title>` and feeds).
pub fn to_plain(markdown: &str) -> String {
    let mut plain = String::with_capacity(markdown.len());
    for event in join_cjk_lines(Parser::new_ext(markdown, options())) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                plain.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => plain.push(' '),
            _ => {}
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line break inside a paragraph reads as a space, but Chinese and Japanese put none
/// between words: a break between two wide characters is dropped, so that a wrapped line in
/// the YAML does not leave a gap in the sentence.
fn join_cjk_lines<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let events: Vec<Event<'a>> = events.collect();
    let mut joined = Vec::with_capacity(events.len());
    for (index, event) in events.iter().enumerate() {
        if matches!(event, Event::SoftBreak) {
            let before = joined.last().and_then(|e| edge_char(e, false));
            let after = events.get(index + 1).and_then(|e| edge_char(e, true));
            if before.is_some_and(is_wide) && after.is_some_and(is_wide) {
                continue;
            }
        }
        joined.push(event.clone());
    }
    joined
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

/// A Markdown field as Markdown that another renderer cannot turn into live markup: every
/// `<` outside code and autolinks is escaped (renderers disagree on what counts as an HTML
/// tag, so none is trusted), and links with other schemes become their text.
pub fn to_inert_markdown(markdown: &str) -> String {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut protected: Vec<Range<usize>> = Vec::new();
    let mut dropped_link: Option<(Range<usize>, String)> = None;
    let mut code_block: Option<usize> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !allowed_url(&dest_url) =>
            {
                dropped_link = Some((range, String::new()));
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => protected.push(range),
            Event::Start(Tag::CodeBlock(_)) => code_block = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(start) = code_block.take() {
                    protected.push(start..range.end);
                }
            }
            Event::Code(text) => {
                if let Some((_, collected)) = dropped_link.as_mut() {
                    collected.push_str(&text);
                } else {
                    protected.push(range);
                }
            }
            Event::Text(text) => {
                if let Some((_, collected)) = dropped_link.as_mut() {
                    collected.push_str(&text);
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((range, text)) = dropped_link.take() {
                    edits.push((range, text.replace('<', "&lt;")));
                }
            }
            _ => {}
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    let escape = |from: usize, to: usize, out: &mut String| {
        let mut at = from;
        for (index, _) in markdown[from..to].match_indices('<') {
            let index = from + index;
            if protected.iter().any(|p| p.contains(&index)) {
                continue;
            }
            out.push_str(&markdown[at..index]);
            out.push_str("&lt;");
            at = index + 1;
        }
        out.push_str(&markdown[at..to]);
    };
    let mut out = String::with_capacity(markdown.len());
    let mut last = 0;
    for (range, replacement) in edits {
        if range.start < last {
            continue;
        }
        escape(last, range.start, &mut out);
        out.push_str(&replacement);
        last = range.end;
    }
    escape(last, markdown.len(), &mut out);
    out
}

/// Plain text (a component name, an author) made safe to place in Markdown.
pub fn escape_plain(text: &str) -> String {
    text.replace('<', "&lt;")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn wrapped_chinese_and_japanese_lines_join_without_a_space() {
        assert_eq!(
            to_html("本番環境が動作する\nイメージを削除"),
            "<p>本番環境が動作するイメージを削除</p>\n"
        );
        assert_eq!(to_plain("服务停止。\n我们"), "服务停止。我们");
        assert_eq!(
            to_plain("Docker\nイメージ"),
            "Docker イメージ",
            "a space stays next to Latin text"
        );
        assert_eq!(to_html("two\nlines"), "<p>two\nlines</p>\n");
    }

    const HOSTILE: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( java\tscript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=https://evil.example></iframe>",
        "[x]: javascript:alert(1)\n\n[ref][x]",
        "<https://ok.example>",
    ];

    /// Every element and attribute of an HTML fragment that could run or fetch something.
    pub(crate) fn live_markup(html: &str) -> Vec<String> {
        let fragment = scraper::Html::parse_fragment(html);
        let mut live = Vec::new();
        for node in fragment.tree.nodes() {
            let Some(element) = node.value().as_element() else {
                continue;
            };
            let name = element.name();
            if [
                "script", "img", "svg", "iframe", "object", "embed", "style", "math",
            ]
            .contains(&name)
            {
                live.push(format!("<{name}>"));
            }
            for (attribute, value) in element.attrs() {
                let value = value.trim().to_lowercase();
                if attribute.starts_with("on")
                    || ((attribute == "href" || attribute == "src")
                        && (value.starts_with("javascript:") || value.starts_with("data:")))
                {
                    live.push(format!("{attribute}={value}"));
                }
            }
        }
        live
    }

    #[test]
    fn hostile_markdown_never_becomes_live_html() {
        for input in HOSTILE {
            let html = to_html(input);
            assert_eq!(
                live_markup(&html),
                Vec::<String>::new(),
                "{input} -> {html}"
            );
        }
        assert!(!live_markup("<a href=\"javascript:x\" onclick=\"y\">").is_empty());
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        assert_eq!(
            to_html("a <b>bold</b> claim"),
            "<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n"
        );
    }

    #[test]
    fn good_links_stay_and_bad_links_become_text() {
        assert_eq!(
            to_inline_html("see [the issue](https://example.com/1)"),
            "see <a href=\"https://example.com/1\" rel=\"noopener noreferrer nofollow\">the issue</a>"
        );
        assert_eq!(to_inline_html("[click](javascript:alert(1))"), "click");
        assert_eq!(
            to_inline_html("![diagram](https://example.com/d.png)"),
            "<a href=\"https://example.com/d.png\" rel=\"noopener noreferrer nofollow\">diagram</a>"
        );
    }

    #[test]
    fn inert_markdown_keeps_text_and_escapes_markup() {
        assert_eq!(
            to_inert_markdown("Use `<buildx>` and <b>tag</b> it.\n\n<script>x</script>\n"),
            "Use `<buildx>` and &lt;b>tag&lt;/b> it.\n\n&lt;script>x&lt;/script>\n"
        );
        assert_eq!(
            to_inert_markdown("<b onmouseover=alert('x')>hover</b> <https://ok.example>"),
            "&lt;b onmouseover=alert('x')>hover&lt;/b> <https://ok.example>"
        );
        assert_eq!(
            to_inert_markdown("```\nlet a = b < c;\n```\n"),
            "```\nlet a = b < c;\n```\n"
        );
        assert_eq!(
            to_inert_markdown("a [b](javascript:alert(1)) c [d](https://e.example)"),
            "a b c [d](https://e.example)"
        );
    }
}
