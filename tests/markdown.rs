//! Markdown in records, end to end: bounded work on bombs within the input limits, and
//! Markdown output that a renderer keeping raw HTML cannot turn into live markup.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Project;
use serde_json::{Value, json};

/// Generous: only a hang fails. Speed is measured by scripts/bench-bombs.sh.
const HANG: Duration = Duration::from_secs(180);
const MAX_RSS_KIB: u64 = 200 * 1024;
/// Near the 2 MiB input limit, with room for the rest of the record.
const BOMB_BYTES: usize = 1_900_000;

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

/// A project whose one published record has `summary` (a block scalar), with `input-limit`
/// at `level`.
fn project(summary: &str, level: &str) -> Project {
    let config = format!(
        "title: Bombs\nbase_url: https://status.example.com/\nlanguages: [en]\n\
         components: []\nlint:\n  input-limit: \"{level}\"\n  missing-section: \"off\"\n"
    );
    let mut record = String::from(
        "title: Bomb\nlang: en\nstatus: published\nseverity: minor\n\
         started: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T11:00:00Z\nsummary: |\n",
    );
    for line in summary.lines() {
        record.push_str("  ");
        record.push_str(line);
        record.push('\n');
    }
    assert!(record.len() < 2 * 1024 * 1024, "{}", record.len());
    Project::new()
        .config(&config)
        .record("2024-01-10-bomb.yaml", record)
}

/// The peak resident memory of a running process so far, in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs hindsight in `dir`; returns exit code, stdout and the peak RSS seen (KiB).
fn run(dir: &Path, args: &[&str]) -> (i32, String, u64) {
    let out = dir.join("stdout");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", common::NOW)
        .stdout(fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut peak = 0;
    let status = loop {
        // VmHWM is a high-water mark: the last reading before exit is the peak.
        peak = peak.max(peak_kib(child.id()).unwrap_or(0));
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            child.kill().unwrap();
            panic!("hindsight {args:?} did not finish in {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = fs::read_to_string(out).unwrap_or_default();
    (status.code().unwrap_or(-1), stdout, peak)
}

/// Lint reports the bomb (or passes it, when it is within the budgets); with the rule off,
/// both renderers finish on it. Every run is bounded in time and memory.
fn assert_bounded(summary: &str, over_budget: bool) {
    let checked = project(summary, "error");
    let (code, stdout, peak) = run(checked.root(), &["lint", "--format", "json"]);
    assert!(peak < MAX_RSS_KIB, "lint: {peak} KiB");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let limits: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "input-limit")
        .collect();
    assert_eq!(limits.len(), usize::from(over_budget), "{report:#}");
    assert_eq!(code, i32::from(over_budget), "{report:#}");
    if over_budget {
        let (code, _, _) = run(
            checked.root(),
            &["render", "incidents/2024-01-10-bomb.yaml"],
        );
        assert_eq!(code, 1, "lint errors stop render");
    }

    let unchecked = project(summary, "off");
    for format in ["html", "md"] {
        let args = [
            "render",
            "incidents/2024-01-10-bomb.yaml",
            "--format",
            format,
        ];
        let (code, stdout, peak) = run(unchecked.root(), &args);
        assert_eq!(code, 0, "render --format {format}");
        assert!(peak < MAX_RSS_KIB, "render --format {format}: {peak} KiB");
        assert!(
            stdout.contains("Bomb"),
            "render --format {format} wrote the page"
        );
    }
}

#[test]
fn nested_block_quotes() {
    assert_bounded(&format!("{} x", repeat_to(">", BOMB_BYTES)), true);
}

#[test]
fn nested_lists_on_one_line() {
    assert_bounded(&format!("{}x", repeat_to("- ", BOMB_BYTES)), true);
}

#[test]
fn nested_lists_indented() {
    let mut summary = String::new();
    for depth in 0.. {
        let line = format!("{}- x\n", "  ".repeat(depth));
        if summary.len() + line.len() + 2 * depth > BOMB_BYTES {
            break;
        }
        summary.push_str(&line);
    }
    assert_bounded(&summary, true);
}

#[test]
fn strikethrough_runs() {
    assert_bounded(&repeat_to("~~a", BOMB_BYTES), true);
}

#[test]
fn emphasis_runs() {
    assert_bounded(&repeat_to("*a", BOMB_BYTES), true);
}

#[test]
fn unclosed_links() {
    assert_bounded(&repeat_to("[a](", BOMB_BYTES), false);
}

#[test]
fn angle_brackets() {
    assert_bounded(&repeat_to("<", BOMB_BYTES), false);
}

#[test]
fn entities() {
    assert_bounded(&repeat_to("&amp;", BOMB_BYTES), false);
}

#[test]
fn wide_table() {
    let columns = BOMB_BYTES / 8;
    let row = |cell: &str| format!("{}|\n", cell.repeat(columns));
    let table = [row("|a"), row("|-"), row("|a"), row("|a")].concat();
    assert_bounded(&table, true);
}

#[test]
fn long_table_with_one_wide_cell() {
    let mut table = format!("|a|b|\n|-|-|\n|{}|y|\n", "w".repeat(BOMB_BYTES / 2));
    table.push_str(&"|x|y|\n".repeat(BOMB_BYTES / 2 / 8));
    assert_bounded(&table, true);
}

#[test]
fn the_finding_points_at_the_level_that_goes_too_deep() {
    let summary = format!("Fine.\n\n{} too deep\n", ">".repeat(40));
    let dir = project(&summary, "error");
    let (code, stdout, _) = run(dir.root(), &["lint", "--format", "json"]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let finding = &report["diagnostics"][0];
    assert_eq!(finding["rule"], "input-limit", "{report:#}");
    // Line 10 of the file is the summary's third line; 2 columns of indentation, then the
    // 33rd `>`.
    assert_eq!(
        (&finding["line"], &finding["column"]),
        (&json!(10), &json!(35))
    );
    assert!(finding["message"].as_str().unwrap().contains("32"));
    assert!(finding["help"].is_string());
}

// ---- inert Markdown output ----

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
    let mut live = common::live_markup(html, None);
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

#[test]
fn translations_are_held_to_the_same_budget() {
    let dir = project("Fine.\n", "error");
    let deep = format!("{} x", ">".repeat(40));
    fs::write(
        dir.path("incidents/2024-01-10-bomb.de.yaml"),
        format!(
            "lang: de\nsummary:\n  source: \"Fine.\\n\"\n  text: {}\n",
            json!(deep)
        ),
    )
    .unwrap();
    let (code, stdout, _) = run(dir.root(), &["lint", "--format", "json"]);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let limits: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "input-limit")
        .collect();
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(limits.len(), 1, "{report:#}");
    assert_eq!(limits[0]["file"], "incidents/2024-01-10-bomb.de.yaml");
    // `  text: "` and then the 33rd `>`.
    assert_eq!(
        (&limits[0]["line"], &limits[0]["column"]),
        (&json!(4), &json!(42))
    );
}
