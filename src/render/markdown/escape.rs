//! The one escaping function per place where text lands in Markdown output: inline text,
//! table cell, link text and link destination.
//!
//! Markdown renderers disagree on a lot, but all of them read a backslash before ASCII
//! punctuation, and an HTML entity, as a literal character. So every character that could
//! open markup is written one of those two ways, and nothing in the text can start a tag,
//! a link, emphasis, a code span or a block.

/// Where escaped text is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Running text (also link text: brackets are escaped, so it cannot close the link).
    Inline,
    /// A table cell: no line breaks.
    Cell,
}

/// Appends `text` so that it reads as exactly these characters. `line_start` says that the
/// text begins a line, where `-`, `+`, `=`, `#` and `1.` would start a block.
pub(crate) fn text_into(out: &mut String, text: &str, place: Place, line_start: bool) {
    let mut rest = text;
    if line_start {
        let marker = block_marker(text);
        if marker > 0 {
            out.push_str(&text[..marker - 1]);
            out.push('\\');
            out.push_str(&text[marker - 1..marker]);
            rest = &text[marker..];
        }
    }
    for c in rest.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' if place == Place::Cell => out.push(' '),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
}

/// How many bytes at the start of a line's `text` would open a block (a list item, a
/// heading, a rule or an underline); the last of them is the one to escape. Zero if none.
fn block_marker(text: &str) -> usize {
    let bytes = text.as_bytes();
    let ends_marker = |at: usize| matches!(bytes.get(at), None | Some(b' ' | b'\t'));
    let run = |b: u8| bytes.iter().take_while(|&&c| c == b).count();
    let only = |allowed: &[u8]| bytes.iter().all(|c| allowed.contains(c));
    match bytes.first() {
        Some(b'-') if ends_marker(1) || only(b"- \t") => 1,
        Some(b'+') if ends_marker(1) => 1,
        Some(b'=') if only(b"= \t") => 1,
        Some(b'#') if run(b'#') <= 6 && ends_marker(run(b'#')) => 1,
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|c| c.is_ascii_digit()).count();
            let delimited = digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')'));
            if delimited && ends_marker(digits + 1) {
                digits + 1
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// Plain text (an owner, an author, a component name) as one line of inert Markdown that
/// also fits in a table cell.
pub(crate) fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // A no-break space (`19\u{a0}Minuten`, `99,62\u{a0}%`) is kept: it says where a line
    // must not break, and it breaks no table cell.
    let line = text
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    text_into(&mut out, &line, Place::Cell, false);
    out
}

/// A code span holding `code` literally: a backtick run longer than any inside it.
pub(crate) fn code_span_into(out: &mut String, code: &str, place: Place) {
    let fence = "`".repeat(longest_run(code, '`') + 1);
    let pad = code.starts_with(['`', ' ']) || code.ends_with(['`', ' ']);
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    for c in code.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            // GitHub splits table rows before it reads code spans.
            '|' if place == Place::Cell => out.push_str("\\|"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// The longest run of `c` in `text`.
pub(crate) fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

const SCHEMES: &[&str] = &["http://", "https://", "mailto:"];

/// A link destination to write between `<` and `>`, or `None` when the link must not stay a
/// link: only http, https and mailto URLs survive. Whitespace, control characters, `<`, `>`
/// and `\` are percent-encoded, so the URL cannot end early or take another scheme.
pub(crate) fn link_destination(url: &str) -> Option<String> {
    let allowed = SCHEMES.iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    });
    if !allowed || url.len() <= url.find(':').unwrap_or(0) + 1 {
        return None;
    }
    let mut out = String::with_capacity(url.len() + 8);
    for (index, c) in url.char_indices() {
        match c {
            '<' | '>' | '\\' | '"' | '\'' | '`' => out.push_str(&format!("%{:02X}", c as u32)),
            // `&lt;` would be read back as `<`: keep an ampersand an ampersand.
            '&' if looks_like_entity(&url[index + 1..]) => out.push_str("%26"),
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    Some(out)
}

fn looks_like_entity(after: &str) -> bool {
    let name = after
        .bytes()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && after.as_bytes().get(name) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(text: &str, line_start: bool) -> String {
        let mut out = String::new();
        text_into(&mut out, text, Place::Inline, line_start);
        out
    }

    #[test]
    fn markup_characters_become_literal() {
        assert_eq!(
            inline("a <b> & *c* _d_ `e` [f](g) ~~h~~ | \\", false),
            "a &lt;b&gt; &amp; \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\~\\~h\\~\\~ \\| \\\\"
        );
        assert_eq!(inline("It's fine! #1, 2.5", false), "It's fine! #1, 2.5");
    }

    #[test]
    fn block_starts_are_escaped_only_at_line_start() {
        assert_eq!(inline("- item", true), "\\- item");
        assert_eq!(inline("12. item", true), "12\\. item");
        assert_eq!(inline("3) item", true), "3\\) item");
        assert_eq!(inline("# heading", true), "\\# heading");
        assert_eq!(inline("===", true), "\\===");
        assert_eq!(inline("---", true), "\\---");
        assert_eq!(inline("1.5 hours", true), "1.5 hours");
        assert_eq!(inline("-1 degrees", true), "-1 degrees");
        assert_eq!(inline("#1 priority", true), "#1 priority");
        assert_eq!(inline("== a", true), "== a");
        assert_eq!(inline("- not at start", false), "- not at start");
        assert_eq!(inline("2023 was fine", true), "2023 was fine");
    }

    #[test]
    fn plain_text_is_one_escaped_line() {
        assert_eq!(plain("ops |\nteam <x>"), "ops \\| team &lt;x&gt;");
        assert_eq!(
            plain("x](javascript:alert(1)) [y"),
            "x\\](javascript:alert(1)) \\[y"
        );
        // A German duration keeps its no-break space; a line break still becomes a space.
        assert_eq!(
            plain("19\u{a0}Minuten\n\t 99,62\u{a0}%"),
            "19\u{a0}Minuten 99,62\u{a0}%"
        );
    }

    #[test]
    fn code_spans_hold_backticks_and_pipes() {
        let mut out = String::new();
        code_span_into(&mut out, "a `b` c", Place::Inline);
        assert_eq!(out, "``a `b` c``");
        out.clear();
        code_span_into(&mut out, "`x|y", Place::Cell);
        assert_eq!(out, "`` `x\\|y ``");
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        assert_eq!(
            link_destination("https://example.com/a b?x=1&y=2"),
            Some("https://example.com/a%20b?x=1&y=2".into())
        );
        assert_eq!(
            link_destination("HTTP://x.example/<script>"),
            Some("HTTP://x.example/%3Cscript%3E".into())
        );
        assert_eq!(
            link_destination("mailto:ops@example.com"),
            Some("mailto:ops@example.com".into())
        );
        assert_eq!(
            link_destination("https://x.example/?a&lt;b"),
            Some("https://x.example/?a%26lt;b".into())
        );
        for bad in [
            "javascript:alert(1)",
            " https://x.example",
            "java\tscript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "/relative",
            "https:",
            "",
        ] {
            assert_eq!(link_destination(bad), None, "{bad}");
        }
    }
}
