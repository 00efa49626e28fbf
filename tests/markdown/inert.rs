//! Inert Markdown output: hostile text in every field of a record and of the configuration
//! cannot become live markup when the Markdown page goes through a renderer that keeps raw
//! HTML.

use serde_json::json;

use crate::common::{self, Project};

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<a href=\"javascript:alert(1)\">a</a>",
    "<scr<script>ipt>alert(1)</script>",
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a](java\tscript:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](&#x6A;avascript&colon;alert(1))",
    "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "[a](vbscript:msgbox(1))",
    "![a](javascript:alert(1))",
    "<javascript:alert(1)>",
    "x](javascript:alert(1)) [y",
    "[ref][evil] [evil]",
    "[evil]: javascript:alert(1)",
    "```\nunclosed fence",
    "~~~\nunclosed tilde fence",
    "]]> --> <!-- {{ x }} {% if y %} ${z}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<div onclick=alert(1)>\n\nblock\n\n</div>",
    "    <script>indented code</script>",
    "| a | <script>x</script> |\n|---|---|\n| <img src=x onerror=y> | b |",
];

fn hostile(index: usize) -> String {
    PAYLOADS[index % PAYLOADS.len()].to_string()
}

/// A record with a payload in every text field, and a config with payloads in component
/// names; JSON strings are valid YAML and keep every character.
fn hostile_project(offset: usize) -> Project {
    let h = |i: usize| json!(hostile(offset + i)).to_string();
    let config = format!(
        "title: Hostile\nbase_url: https://status.example.com/\nlanguages: [en]\n\
             components:\n  - id: api\n    name: {}\n  - id: web\n    name: {{en: {}}}\n\
             lint:\n  placeholder-text: \"off\"\n",
        h(20),
        h(21)
    );
    let record = format!(
        "title: {}\nlang: en\nstatus: published\nseverity: major\n\
         affected:\n  api: major_outage\n  web: degraded_performance\n\
         started: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T11:00:00Z\n\
         summary: {}\nimpact: {}\nwhat_happened: {}\nroot_cause: {}\ntrigger: {}\n\
         detection: {}\nresolution: {}\n\
         timeline:\n  - at: 2024-01-10T10:00:00Z\n    text: {}\n\
         \x20 - at: 2024-01-10T10:30:00Z\n    text: {}\n    status: identified\n\
         lessons:\n  - {}\n  - {}\n\
         actions:\n  - text: {}\n    status: todo\n    owner: {}\n    link: {}\n\
         \x20 - text: {}\n    status: done\n    owner: {}\n    link: https://ok.example/1\n\
         authors: [{}, {}]\n",
        h(0),
        h(1),
        h(2),
        h(3),
        h(4),
        h(5),
        h(6),
        h(7),
        h(8),
        h(9),
        h(10),
        h(11),
        h(12),
        h(13),
        json!(format!("https://ok.example/{}", hostile(offset + 14))),
        h(15),
        h(16),
        h(17),
        h(18),
    );
    Project::new()
        .config(&config)
        .record("2024-01-10-hostile.yaml", record)
}

/// The Markdown page of the project's record, as HTML from a renderer that keeps raw HTML.
fn markdown_as_html(project: &Project) -> (String, String) {
    let output = project.render(&["incidents/2024-01-10-hostile.yaml", "--format", "md"]);
    let markdown = output.stdout;
    assert_eq!(output.code, 0, "{}\n{markdown}", output.stderr);
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(
        &markdown,
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
    );
    pulldown_cmark::html::push_html(&mut html, parser);
    (markdown, html)
}

/// Whether a renderer would produce live markup from this HTML: the shared check, plus the
/// schemes it leaves to the sanitiser.
fn live(html: &str) -> Vec<String> {
    let mut live = common::live_markup(html, &[]);
    let page = scraper::Html::parse_fragment(html);
    for node in page.tree.nodes() {
        if let Some(element) = node.value().as_element() {
            for (attribute, value) in element.attrs() {
                let value = value.trim().to_lowercase();
                if ["href", "src"].contains(&attribute)
                    && !(value.starts_with("https://")
                        || value.starts_with("http://")
                        || value.starts_with("mailto:"))
                {
                    live.push(format!("{attribute}={value}"));
                }
            }
        }
    }
    live
}

#[test]
fn hostile_text_in_every_field_stays_inert_in_markdown_output() {
    // Each payload visits each field once across the runs.
    for offset in 0..PAYLOADS.len() {
        let dir = hostile_project(offset);
        let (markdown, html) = markdown_as_html(&dir);
        assert_eq!(live(&html), Vec::<String>::new(), "{markdown}\n---\n{html}");
        assert!(!html.contains("<script"), "{markdown}\n---\n{html}");
        assert!(!html.contains("<div"), "{markdown}\n---\n{html}");
    }
}

/// A record with `fields` (YAML lines) added to a minimal published one; its Markdown page
/// as HTML. `invalid-value` is off: the renderer must be safe without the lint.
fn page_with(fields: &str, config_components: &str) -> (String, String) {
    let project = Project::new()
        .config(&format!(
            "title: T\nbase_url: https://status.example.com/\nlanguages: [en]\n\
             components:\n{config_components}lint:\n  missing-section: \"off\"\n  invalid-value: \"off\"\n"
        ))
        .record(
            "2024-01-10-hostile.yaml",
            format!(
                "title: T\nlang: en\nstatus: published\nseverity: minor\n\
                 started: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T11:00:00Z\n{fields}"
            ),
        );
    markdown_as_html(&project)
}

const NO_COMPONENTS: &str = "  - id: api\n    name: API\n";

#[test]
fn owner_cannot_add_markup() {
    let (markdown, html) = page_with(
        "actions:\n  - text: fix\n    status: todo\n    owner: \"<img src=x onerror=alert(1)> [a](javascript:alert(1))\"\n",
        NO_COMPONENTS,
    );
    assert_eq!(live(&html), Vec::<String>::new(), "{markdown}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; [a](javascript:alert(1))"));
}

#[test]
fn authors_cannot_add_markup() {
    let (markdown, html) = page_with(
        "authors: [\"<script>alert(1)</script>\", \"[a](javascript:alert(1))\"]\n",
        NO_COMPONENTS,
    );
    assert_eq!(live(&html), Vec::<String>::new(), "{markdown}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}

#[test]
fn component_names_cannot_add_markup() {
    let (markdown, html) = page_with(
        "affected:\n  api: major_outage\n",
        "  - id: api\n    name: \"<svg onload=alert(1)> [a](javascript:alert(1))\"\n",
    );
    assert_eq!(live(&html), Vec::<String>::new(), "{markdown}");
    assert!(html.contains("&lt;svg onload=alert(1)&gt;"), "{html}");
}

#[test]
fn action_text_cannot_break_out_of_its_link() {
    let (markdown, html) = page_with(
        "actions:\n  - text: \"x](javascript:alert(1)) [y\"\n    status: todo\n    link: https://ok.example/1\n",
        NO_COMPONENTS,
    );
    assert_eq!(live(&html), Vec::<String>::new(), "{markdown}");
    assert!(
        html.contains("<a href=\"https://ok.example/1\">x](javascript:alert(1)) [y</a>"),
        "{html}"
    );
}

#[test]
fn action_link_with_another_scheme_is_dropped() {
    let (markdown, html) = page_with(
        "actions:\n  - text: fix\n    status: todo\n    link: \"javascript:alert(1)\"\n",
        NO_COMPONENTS,
    );
    assert_eq!(live(&html), Vec::<String>::new(), "{markdown}");
    assert!(!markdown.contains("javascript"), "{markdown}");
    assert!(!html.contains("<a"), "{html}");
}

#[test]
fn a_definition_in_one_field_is_not_used_by_another() {
    let (markdown, html) = page_with(
        "summary: \"[evil]: javascript:alert(1)\"\nimpact: \"[click][evil]\"\n",
        NO_COMPONENTS,
    );
    assert_eq!(live(&html), Vec::<String>::new(), "{markdown}");
    assert!(!html.contains("<a"), "{html}");
}

#[test]
fn an_unclosed_fence_does_not_swallow_later_fields() {
    let (markdown, html) = page_with(
        "summary: \"```\\nunclosed\"\nimpact: \"*emphasis* and <script>alert(1)</script>\"\n",
        NO_COMPONENTS,
    );
    assert_eq!(live(&html), Vec::<String>::new(), "{markdown}");
    assert!(
        html.contains("<em>emphasis</em>"),
        "the impact is its own text: {html}"
    );
}
