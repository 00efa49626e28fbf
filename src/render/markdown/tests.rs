//! Markdown fields rendered to HTML and to inert Markdown: what stays, what becomes text, and
//! how the budgets hold on hostile input.

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

#[test]
fn markdown_output_joins_wrapped_chinese_and_japanese_lines_too() {
    // GitHub shows a kept line break as a space, inside the sentence.
    assert_eq!(
        to_inert_markdown("本番環境が動作する\nイメージを削除しました。"),
        "本番環境が動作するイメージを削除しました。"
    );
    assert_eq!(
        to_inert_markdown("支付中断约\n一个半小时"),
        "支付中断约一个半小时"
    );
    assert_eq!(
        to_inert_markdown("Docker\nイメージ\n\ntwo\nlines"),
        "Docker\nイメージ\n\ntwo\nlines",
        "a break next to Latin text stays"
    );
    assert_eq!(
        to_inert_line("本番環境が\n動作する", Layout::Line),
        "本番環境が動作する"
    );
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
        "Use `<buildx>` and &lt;b&gt;tag&lt;/b&gt; it.\n\n&lt;script&gt;x&lt;/script&gt;"
    );
    assert_eq!(
        to_inert_markdown("<b onmouseover=alert('x')>hover</b> <https://ok.example>"),
        "&lt;b onmouseover=alert('x')&gt;hover&lt;/b&gt; [https://ok.example](<https://ok.example>)"
    );
    assert_eq!(
        to_inert_markdown("```\nlet a = b < c;\n```\n"),
        "```\nlet a = b < c;\n```"
    );
    assert_eq!(
        to_inert_markdown("a [b](javascript:alert(1)) c [d](https://e.example)"),
        "a b c [d](<https://e.example>)"
    );
}

#[test]
fn inert_markdown_keeps_the_structure() {
    let source = "# Title\n\nSome *emphasis*, **strong** and ~~gone~~ text\nwrapped.\n\n\
                  > quoted\n>\n> - in a list\n\n1. one\n2. two\n   - nested\n\n\
                  | a | b |\n|---|:-:|\n| 1 | `x\\|y` |\n\n    indented code\n";
    let inert = to_inert_markdown(source);
    assert_eq!(
        inert,
        "# Title\n\nSome *emphasis*, **strong** and ~~gone~~ text\nwrapped.\n\n\
         > quoted\n>\n> - in a list\n\n1. one\n2. two\n   - nested\n\n\
         | a | b |\n| --- | :-: |\n| 1 | `x\\|y` |\n\n```\nindented code\n```"
    );
    assert_eq!(to_html(&inert), to_html(source), "the same document");
}

#[test]
fn one_field_cannot_reach_into_another() {
    // A definition and an unclosed fence stay inside the field that holds them.
    let definition = to_inert_markdown("[x]: javascript:alert(1)\n\n[ref][x] and [y]");
    assert_eq!(definition, "ref and \\[y\\]");
    let fence = to_inert_markdown("```\nunclosed <b>");
    assert_eq!(fence, "```\nunclosed <b>\n```");
    let joined = format!(
        "{fence}\n\n{}",
        to_inert_markdown("<script>alert(1)</script>")
    );
    assert_eq!(live_markup(&to_raw_html(&joined)), Vec::<String>::new());
}

#[test]
fn one_line_layouts_join_blocks() {
    assert_eq!(
        to_inert_line("- a\n- b\n\n> c\n\n```\nd|e\n```", Layout::Cell),
        "a b c `d\\|e`"
    );
    assert_eq!(
        to_inert_line("```\nx\n```\nafter", Layout::Line),
        "`x` after"
    );
    assert_eq!(to_inert_line("1. first", Layout::Line), "first");
    assert_eq!(to_inert_line("1\\. first", Layout::Line), "1\\. first");
    assert_eq!(
        to_inert_line("x](javascript:alert(1)) [y", Layout::LinkText),
        "x\\](javascript:alert(1)) \\[y"
    );
    assert_eq!(
        to_inert_line("see [docs](https://d.example)", Layout::LinkText),
        "see docs"
    );
}

#[test]
fn nesting_past_the_budget_is_flattened() {
    let depth = crate::model::markdown::MAX_BLOCK_NESTING;
    let deep = format!("{}x\n", "> ".repeat(depth * 4));
    assert_eq!(to_html(&deep).matches("<blockquote>").count(), depth);
    let inert = to_inert_markdown(&deep);
    assert_eq!(inert, format!("{}x", "> ".repeat(depth)));
    let list = format!("{}x\n", "- ".repeat(depth * 4));
    assert_eq!(to_html(&list).matches("<ul>").count(), depth);
    assert_eq!(
        to_html(&list).matches("<ul>").count(),
        to_html(&list).matches("</ul>").count()
    );
    let many = "*a* ".repeat(MAX_ELEMENTS * 2);
    let html = to_html(&many);
    assert_eq!(
        html.matches("<em>").count(),
        MAX_ELEMENTS - 1,
        "the paragraph counts too"
    );
    assert_eq!(
        html.matches('a').count(),
        MAX_ELEMENTS * 2,
        "the text stays"
    );
}

#[test]
fn the_sanitiser_sees_short_text_nodes_and_the_html_is_unchanged() {
    let text = "a&é<".repeat(1000);
    let events = short_text_nodes(std::iter::once(Event::Text(CowStr::from(text.clone()))));
    let mut joined = String::new();
    for event in events {
        match event {
            Event::Text(piece) => {
                assert!(piece.len() <= TEXT_NODE_BYTES, "{}", piece.len());
                joined.push_str(&piece);
            }
            Event::InlineHtml(comment) => assert_eq!(&*comment, "<!---->"),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(joined, text);
    let expected = format!("<p>{}</p>\n", "a&amp;é&lt;".repeat(1000));
    assert_eq!(to_html(&text), expected, "the comments leave no trace");
}

/// Markdown rendered the way a permissive renderer would: raw HTML kept.
pub(crate) fn to_raw_html(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
    html
}

#[test]
fn hostile_markdown_stays_inert_in_markdown_output() {
    for input in HOSTILE {
        for markdown in [
            to_inert_markdown(input),
            to_inert_line(input, Layout::Line),
            to_inert_line(input, Layout::Cell),
            format!(
                "[{}](<https://ok.example>)",
                to_inert_line(input, Layout::LinkText)
            ),
        ] {
            let html = to_raw_html(&markdown);
            assert_eq!(
                live_markup(&html),
                Vec::<String>::new(),
                "{input} -> {markdown}"
            );
            assert!(!html.contains('<') || !html.contains("<script"), "{html}");
        }
    }
}

#[test]
fn plain_text_leaves_raw_html_out_and_keeps_code() {
    assert_eq!(
        to_plain("Title <script>alert(1)</script> and `<head>`"),
        "Title alert(1) and ＜head>"
    );
    assert_eq!(to_plain("<b onmouseover=x>hover</b>"), "hover");
    assert_eq!(
        to_plain("latency < 5 ms, 15 -> 17"),
        "latency < 5 ms, 15 -> 17"
    );
    // Not HTML to Markdown, but to a browser: defused all the same.
    assert_eq!(
        to_plain("<b onmouseover=alert('x')>hover"),
        "＜b onmouseover=alert('x')>hover"
    );
}
