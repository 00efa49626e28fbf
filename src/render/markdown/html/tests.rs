//! The writer against the sanitiser: on any text, the same bytes as pulldown-cmark's HTML
//! cleaned by ammonia, and nothing ammonia would still change.

use proptest::prelude::*;

use super::super::{SANITIZER, parsed_plain, sanitised_html, to_html, to_inline_html, to_plain};
use super::*;

/// Pieces of Markdown, HTML and hostile payloads, joined at random.
const PIECES: &[&str] = &[
    "a",
    "b",
    "Z",
    "0",
    "1",
    "7",
    "中",
    "イ",
    "é",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\0",
    "\u{a0}",
    "\u{3000}",
    "\u{feff}",
    "\u{202e}",
    "\u{1}",
    "\\",
    "`",
    "``",
    "```",
    "*",
    "**",
    "_",
    "__",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "&",
    "!",
    "#",
    "## ",
    "~",
    "~~",
    "|",
    "-",
    "- ",
    "+ ",
    "* ",
    "=",
    "===",
    "---",
    ".",
    "1. ",
    "2) ",
    "> ",
    "    ",
    ":",
    "\"",
    "'",
    "/",
    "%",
    "?",
    "{{",
    "}}",
    "![",
    "](",
    "[x]: ",
    "<https://a.example/x?y=1&z=2>",
    "<ops@x.example>",
    "https://x.example/a'b\"c",
    "mailto:ops@x.example",
    "javascript:",
    "JaVa\tScRiPt:alert(1)",
    "data:text/html,x",
    "vbscript:x",
    "http://[::1",
    "https://",
    "http://a:99999/",
    "//evil.example",
    "<script>alert(1)</script>",
    "<img src=x onerror=y>",
    "<a href=\"javascript:x\">",
    "</a>",
    "<b>",
    "</p>",
    "<!--",
    "-->",
    "]]>",
    "&amp;",
    "&#x27;",
    "&nbsp;",
    "&lt;script&gt;",
    "&#0;",
    "%41",
    "| a | b |\n|---|---|\n| c | d |",
    "[t](https://t.example \"ti&tle\")",
    "[r][x]\n\n[x]: https://r.example",
    "![i](https://i.example/i.png)",
    "[![i](https://i.example/i.png)](https://o.example)",
    "[l](javascript:alert(1))",
    "[e](</a b>)",
    "<div>\nraw\n</div>",
    "本番環境が\n動作する",
    // Character references the HTML parser would rewrite, Unicode line and space classes,
    // block starts after a line break, and the link forms not above.
    "&#13;",
    "&#x0D;",
    "&#0;",
    "&#x85;",
    "&#xa0;",
    "&#xFFFE;",
    "&bogus;",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{200b}",
    "\u{ad}",
    "\u{b}",
    "\u{c}",
    "\u{1680}",
    "\n- ",
    "\n> ",
    "\n3. ",
    "\n    ",
    "\n```js\"\n",
    "\n# ",
    "\n---\n",
    "  \n",
    "\\\n",
    "[x]",
    "[x][]",
    "\n[x]: /u \"t&#13;\"\n",
    "[u](/u 'x\"y&#13;')",
    "[v](<a b> (p))",
    "<mailto:x@y.example>",
    "<JavaScript:x>",
    "[w](java&#x09;script:x)",
    "[s](/a:b)",
    "- [ ] ",
    "{#x}",
    "$x$",
];

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|pieces| pieces.concat())
}

/// Text as titles and timeline entries are written: words, numbers and punctuation.
fn prose() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,;:!?'\"()/%|#=+@$€é中イ\u{a0}\u{85}\u{ad}\u{feff}\u{200b}\u{202e}\u{2003}\u{2028}\u{3000}-]{0,40}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_writer_gives_the_sanitisers_bytes(markdown in hostile()) {
        let html = to_html(&markdown);
        prop_assert_eq!(&html, &sanitised_html(&markdown), "{:?}", markdown);
        prop_assert_eq!(&SANITIZER.clean(&html).to_string(), &html, "already clean");
        prop_assert_eq!(to_plain(&markdown), parsed_plain(&markdown), "{:?}", markdown);
        prop_assert_eq!(to_inline_html(&markdown), inline_of(&html), "{:?}", markdown);
    }

    #[test]
    fn plain_text_is_escaped_as_the_sanitiser_would(markdown in prose()) {
        let html = to_html(&markdown);
        prop_assert_eq!(&html, &sanitised_html(&markdown), "{:?}", markdown);
        prop_assert_eq!(&SANITIZER.clean(&html).to_string(), &html, "already clean");
        prop_assert_eq!(to_plain(&markdown), parsed_plain(&markdown), "{:?}", markdown);
        prop_assert_eq!(to_inline_html(&markdown), inline_of(&html), "{:?}", markdown);
    }
}

/// What `to_inline_html` made of the whole HTML before it had a plain-text path.
fn inline_of(html: &str) -> String {
    match html
        .trim_end()
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html.to_string(),
    }
}

#[test]
fn plain_text_is_recognised_and_markup_is_not() {
    for plain in [
        "Partial outage of Storage scheduler",
        "Error rate reaches 35\u{a0}%!",
        "2024 was fine",
        "It's #1 | or not = \"maybe\"",
        "服务停止。",
    ] {
        assert!(is_plain(plain), "{plain}");
        assert_eq!(to_html(plain), sanitised_html(plain), "{plain}");
    }
    for markup in [
        "",
        "a *b*",
        "a_b",
        "a `b`",
        "<b>",
        "a & b",
        "[a]",
        "~~a~~",
        "a\\",
        "- a",
        "+ a",
        "# a",
        "> a",
        "= a",
        "12. a",
        "3) a",
        "    code",
        "a  ",
        "two\nlines",
        "tab\there",
    ] {
        assert!(!is_plain(markup), "{markup:?}");
    }
}

#[test]
fn the_writer_escapes_and_checks_like_the_sanitiser() {
    let cases = [
        (
            "see [docs](https://d.example/a&b'c\"d \"T&\u{a0}<\") and <x@y.example>",
            "<p>see <a href=\"https://d.example/a&amp;b'c%22d\" title=\"T&amp;&nbsp;&lt;\" \
             rel=\"noopener noreferrer nofollow\">docs</a> and \
             <a href=\"mailto:x@y.example\" rel=\"noopener noreferrer nofollow\">x@y.example</a></p>\n",
        ),
        (
            "[bad](http://[::1) **b**\u{a0}`<c>`  \nnext",
            "<p><a rel=\"noopener noreferrer nofollow\">bad</a> <strong>b</strong>&nbsp;\
             <code>&lt;c&gt;</code><br>\nnext</p>\n",
        ),
        (
            "1. a\n\n   ---\n3. ```rust\n   x\n   ```",
            "<ol>\n<li>\n<p>a</p>\n<hr>\n</li>\n<li>\n<pre><code>x\n</code></pre>\n</li>\n</ol>\n",
        ),
    ];
    for (markdown, expected) in cases {
        let written = write(super::super::safe_events(markdown), 0);
        assert_eq!(written.as_deref(), Some(expected), "{markdown}");
        assert_eq!(to_html(markdown), expected, "{markdown}");
        assert_eq!(sanitised_html(markdown), expected, "{markdown}");
    }
    assert_eq!(
        to_inline_html("Rollback of `api-v42` *started*"),
        "Rollback of <code>api-v42</code> <em>started</em>"
    );
}

#[test]
fn what_the_writer_does_not_handle_goes_to_the_sanitiser() {
    for markdown in [
        "| a |\n|---|\n| b |",
        "[![i](https://i.example/i.png)](https://o.example)",
        "a\r\nb",
        "a\0b",
    ] {
        let events = super::super::safe_events(markdown);
        if !markdown.contains(['\r', '\0']) {
            assert_eq!(write(events, 0), None, "{markdown:?}");
        }
        assert_eq!(to_html(markdown), sanitised_html(markdown), "{markdown:?}");
    }
}

/// How the fast paths differ from the sanitising one on `markdown`, if they do.
pub(super) fn differences(markdown: &str) -> Vec<&'static str> {
    let html = to_html(markdown);
    let old = sanitised_html(markdown);
    [
        (html != old, "to_html"),
        (SANITIZER.clean(&html).to_string() != html, "not clean"),
        (
            to_inline_html(markdown) != inline_of(&old),
            "to_inline_html",
        ),
        (to_plain(markdown) != parsed_plain(markdown), "to_plain"),
    ]
    .into_iter()
    .filter_map(|(differs, what)| differs.then_some(what))
    .collect()
}

#[test]
fn character_references_to_a_carriage_return_go_to_the_sanitiser() {
    // The HTML parser reads `\r` as `\n`: a writer that kept it gave `<p>a\rb</p>`.
    for markdown in [
        "a&#13;b",
        "a&#xD;&#xA;b",
        "- x&#x0d;",
        "[a](/x \"t&#13;u\")",
        "[a]\n\n[a]: /x 't&#13;'",
    ] {
        assert_eq!(
            write(super::super::safe_events(markdown), 0),
            None,
            "{markdown}"
        );
        assert_eq!(differences(markdown), Vec::<&str>::new(), "{markdown}");
    }
    assert_eq!(to_html("a&#13;b"), "<p>a\nb</p>\n");
}

#[test]
fn long_and_deep_texts_give_the_sanitisers_bytes() {
    let cases = [
        // Past the element budget, and lists whose items are left out.
        "*a* ".repeat(10_010),
        "- a\n".repeat(10_010),
        format!("{}\n```\ncode\n```\n> q\n# h\n---\n", "- x\n".repeat(9_998)),
        // Past the nesting budgets.
        format!("{}a", "> ".repeat(40)),
        format!("{}a", "- ".repeat(40)),
        format!("{}a", "> - 1. ".repeat(15)),
        format!("{}a{}", "*".repeat(70), "*".repeat(70)),
        format!("{}a{}", "[".repeat(40), "](/x)".repeat(40)),
        format!("{}a{}", "~~".repeat(40), "~~".repeat(40)),
        // Text nodes cut for the sanitiser (at 1,024 bytes), also inside a character.
        "&".repeat(3_000),
        format!("{}é{}\n\n# h", "a".repeat(1_023), "b".repeat(10)),
        format!("{}- z", format!("{}\n", "x".repeat(1_023)).repeat(3)),
        format!("`{}`\n\n> q", "&<".repeat(1_000)),
        format!("```\n{}\n```\n- x", "<&>\u{a0}".repeat(800)),
        format!("[a](/x \"{}\") b", "&\"".repeat(1_000)),
        "a".repeat(100_000),
    ];
    for markdown in &cases {
        assert_eq!(
            differences(markdown),
            Vec::<&str>::new(),
            "{:.80?}",
            markdown
        );
    }
}
