//! Characters XML forbids, end to end: lint points at them in records, overlays and the
//! config, build refuses them, XML outputs never carry them, and `translate` writes overlays
//! that read back exactly and never one the loader would refuse.

mod common;

use std::fs;

use chrono::{TimeZone, Utc};
use common::{Project, edit, hindsight, run};
use icalendar::Component as _;
use serde_json::Value;

const RECORD: &str = "incidents/2024-01-10-api-errors.yaml";
const OVERLAY: &str = "incidents/2024-01-10-api-errors.de.yaml";

/// A clean project: one published record and a site configuration.
fn project() -> Project {
    Project::fixture("rules/invalid-character/pass")
}

/// (file, line, column, end column, message) of each `invalid-character` error.
fn invalid(diagnostics: &[Value]) -> Vec<(String, u64, u64, u64, String)> {
    diagnostics
        .iter()
        .filter(|d| d["rule"] == "invalid-character")
        .map(|d| {
            assert_eq!(d["severity"], "error");
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["end_column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn escaped_control_characters_are_errors_at_their_escape_in_records_overlays_and_config() {
    let dir = project();
    let root = dir.root();
    edit(
        &root.join(RECORD),
        "title: API returns errors",
        "title: \"API\\x01 returns errors\"",
    );
    edit(
        &root.join("site/config.yaml"),
        "name: Public API",
        "name: \"Public\\vAPI\"",
    );
    fs::write(
        root.join(OVERLAY),
        "lang: de\ntitle:\n  source: \"API\\x01 returns errors\"\n  text: \"API liefert\\u000C Fehler\"\n",
    )
    .unwrap();
    let (code, diagnostics) = dir.lint_json();
    assert_eq!(code, 1);
    let found = invalid(&diagnostics);
    assert_eq!(found.len(), 4, "{diagnostics:#?}");
    let expect = [
        (OVERLAY, 3, 15, 19, "`title.source`", "U+0001"),
        (OVERLAY, 4, 21, 27, "`title.text`", "U+000C"),
        (RECORD, 1, 12, 16, "`title`", "U+0001"),
        ("site/config.yaml", 4, 18, 20, "`components.name`", "U+000B"),
    ];
    for ((file, line, column, end, message), (e_file, e_line, e_column, e_end, field, point)) in
        found.iter().zip(expect)
    {
        assert_eq!(
            (file.as_str(), *line, *column, *end),
            (e_file, e_line, e_column, e_end),
            "{message}"
        );
        assert!(
            message.contains(field) && message.contains(point),
            "{message}"
        );
    }
    let (code, _, err) = run(hindsight(root).args(["build", "--out", "public"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("the site was not built"), "{err}");
    assert!(!root.join("public").exists());
}

#[test]
fn a_raw_control_character_is_named_at_its_place() {
    let dir = project();
    edit(
        &dir.root().join(RECORD),
        "Most requests failed.",
        "Most\u{1B} requests failed.",
    );
    let (code, diagnostics) = dir.lint_json();
    assert_eq!(code, 1);
    let found = invalid(&diagnostics);
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    let (_, line, column, _, message) = &found[0];
    assert_eq!((*line, *column), (17, 7));
    assert!(message.contains("U+001B"), "{message}");
}

/// The whole site built through the library, skipping lint as a library caller may.
#[test]
fn without_lint_every_xml_output_is_still_well_formed() {
    let dir = Project::fixture("build/uptime");
    let root = dir.root();
    let record = root.join("incidents/2026-11-20-api-down.yaml");
    let text = fs::read_to_string(&record).unwrap();
    let hostile = text
        .lines()
        .map(|line| match line.split_once(": ") {
            Some((key, value)) if ["title", "summary", "impact", "  - text"].contains(&key) => {
                format!(
                    "{key}: \"{}\\x01\\v\\uFFFE\\e\"",
                    value.replace('"', "\\\"")
                )
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(hostile.contains("\\x01"), "{hostile}");
    fs::write(&record, hostile + "\n").unwrap();
    edit(
        &root.join("site/config.yaml"),
        "name: {en: API,",
        "name: {en: \"A\\x02PI\",",
    );
    // A maintenance window too: its text reaches the calendars, whose format has its own
    // escapes and line rules.
    fs::write(
        root.join("incidents/2026-11-25-hostile-window.yaml"),
        concat!(
            "title: \"Up<b>grade\\x01\\v\\e;,\\\\\\r\\nnext\\u2028line\"\n",
            "lang: en\nstatus: published\nkind: maintenance\n",
            "affected:\n  api: under_maintenance\ntimezone: UTC\n",
            "scheduled_for: 2026-11-25 10:00\nscheduled_until: 2026-11-25 11:00\n",
            "summary: \"x\\x01\\u0085y\\r\\n\\tz ]]> --> END:VEVENT\"\n",
        ),
    )
    .unwrap();
    let sources = hindsight::discover::discover(root, &[]).unwrap();
    let corpus = hindsight::load::load(&sources).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let report = hindsight::check::check(&corpus, now);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.finding.rule.as_str() == "invalid-character")
    );
    let assets = hindsight::build::SiteAssets::load(root).unwrap();
    let built = hindsight::build::build(&corpus, &assets, now, &hindsight::build::Quiet).unwrap();
    let artifacts = built.artifacts().unwrap();
    let (mut xml, mut calendars) = (0, 0);
    for artifact in &artifacts {
        let text = String::from_utf8_lossy(&artifact.bytes);
        if artifact.path.ends_with(".json") {
            // JSON carries any character, escaped where it must be.
            serde_json::from_str::<Value>(&text).unwrap();
            continue;
        }
        assert!(
            !text.contains(['\u{1}', '\u{2}', '\u{B}', '\u{1B}', '\u{FFFE}']),
            "{}",
            artifact.path
        );
        if artifact.path.ends_with(".ics") {
            for line in text.split_terminator("\r\n") {
                assert!(line.len() <= 75 && !line.contains(['\r', '\n']), "{line:?}");
            }
            let calendar: icalendar::Calendar = text.parse().unwrap();
            let [icalendar::CalendarComponent::Event(event)] = &calendar.components[..] else {
                panic!("{}: one event: {text}", artifact.path);
            };
            let summary = event.get_summary().unwrap();
            assert!(
                summary.starts_with("Upgrade") && summary.contains(";, next line"),
                "{summary:?}"
            );
            assert!(
                event
                    .get_description()
                    .unwrap()
                    .contains("z ]]> --> END:VEVENT")
            );
            assert!(!summary.contains(|c: char| c.is_control()), "{summary:?}");
            calendars += 1;
            continue;
        }
        if [".atom", ".svg", ".xml"]
            .iter()
            .any(|ext| artifact.path.ends_with(ext))
        {
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", artifact.path));
            xml += 1;
        }
    }
    assert_eq!(
        xml,
        4 * (1 + 3 + 4) + 2,
        "feeds of the language and its 3 components, badges of the page and 3 components, sitemap, favicon"
    );
    assert_eq!(calendars, 4);
    let feed = artifacts.iter().find(|a| a.path == "en/feed.atom").unwrap();
    let feed = String::from_utf8_lossy(&feed.bytes);
    assert!(feed.contains("label=\"API\""));
    // One element a line, as written: the template's comment used to eat the line break.
    assert!(feed.contains("</generator>\n<entry>"), "{feed}");
}

#[test]
fn translate_writes_awkward_characters_so_that_they_read_back() {
    let dir = project();
    let root = dir.root();
    // DEL, C1 controls, NEL, line and paragraph separators, BOM: all allowed in XML, all
    // changed or refused by YAML readers when written raw.
    edit(
        &root.join(RECORD),
        "title: API returns errors",
        "title: \"API\\x7F returns\\x80 errors\\N\\x9F \\L\\P\\uFEFF end \"",
    );
    edit(
        &root.join(RECORD),
        "  - Validate configuration before it ships.",
        "  - \"tab\\tand\\u2028line\\nbreak \"",
    );
    let (code, out, err) = run(hindsight(root).args(["translate", RECORD, "--to", "de"]));
    assert_eq!(code, 0, "{out}{err}");
    let (_, diagnostics) = dir.lint_json();
    let problems: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error" || d["rule"] == "translation-stale")
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    // Refreshing what it wrote changes nothing.
    let first = fs::read(root.join(OVERLAY)).unwrap();
    let (code, _, err) = run(hindsight(root).args(["translate", RECORD, "--to", "de"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read(root.join(OVERLAY)).unwrap(), first);
}

#[test]
fn an_overlay_carrying_a_fixed_records_old_control_character_can_still_be_refreshed() {
    let dir = project();
    let root = dir.root();
    edit(
        &root.join(RECORD),
        "title: API returns errors",
        "title: \"API\\x01 returns errors\"",
    );
    let (code, _, err) = run(hindsight(root).args(["translate", RECORD, "--to", "de"]));
    assert_eq!(code, 0, "{err}");
    edit(
        &root.join(RECORD),
        "title: \"API\\x01 returns errors\"",
        "title: API returns errors",
    );
    let (code, _, err) = run(hindsight(root).args(["translate", RECORD, "--to", "de"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("refreshed"), "{err}");
    // Only the earlier text, kept for the translator as `previous`, still holds it.
    let (_, diagnostics) = dir.lint_json();
    let found = invalid(&diagnostics);
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    assert!(found[0].4.contains("`title.previous`"), "{found:?}");
}

#[test]
fn a_refresh_over_the_input_limit_writes_nothing_and_says_so() {
    let dir = project();
    let root = dir.root();
    // A long summary, translated: the overlay holds it twice and stays under 2 MiB.
    let paragraph = "The API returned errors for most requests during the deploy window. ";
    // One long paragraph: a Markdown list of 12,000 items would pass the element budget.
    let lines: Vec<String> = (0..12_000)
        .map(|i| format!("  Line {i}: {paragraph}"))
        .collect();
    let summary = lines.join("\n");
    edit(
        &root.join(RECORD),
        "summary: |\n  The API returned errors for 30 minutes.",
        &format!("summary: |\n{summary}"),
    );
    let (code, _, err) = run(hindsight(root).args(["translate", RECORD, "--to", "de"]));
    assert_eq!(code, 0, "{err}");
    let overlay = root.join(OVERLAY);
    let created = fs::read_to_string(&overlay).unwrap();
    let summary_text = created.find("\nsummary:\n").unwrap()
        + created[created.find("\nsummary:\n").unwrap()..]
            .find("\n  text: \"\"\n")
            .unwrap();
    let german = summary
        .replace("The API", "Die API")
        .replace("\n  ", "\n    ");
    let translated = format!(
        "{}\n  text: |\n  {german}\n{}",
        &created[..summary_text],
        &created[summary_text + "\n  text: \"\"\n".len()..]
    );
    fs::write(&overlay, &translated).unwrap();
    assert!(translated.len() < 2 * 1024 * 1024, "{}", translated.len());
    let (code, diagnostics) = dir.lint_json();
    assert!(
        diagnostics.iter().all(|d| d["severity"] != "error"),
        "{code} {diagnostics:#?}"
    );
    // The summary changes: source, previous and text would be three copies.
    edit(&root.join(RECORD), "  Line 0: The API", "  Line 0: An API");
    let (code, out, err) = run(hindsight(root).args(["translate", RECORD, "--to", "de"]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains(OVERLAY)
            && err.contains("2097152 bytes")
            && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&overlay).unwrap(), translated);
}
