//! Hostile and broken input: every case is a finding with a position and exit 1, never a panic or a hang.

mod common;

use std::fs;

use common::Project;
use serde_json::Value;

/// An empty project: incidents/ and a site configuration with nothing to find.
fn project() -> Project {
    Project::new().config("base_url: https://status.example.com/\n")
}

/// Lints a project whose only record has `content`; returns the exit code and the one diagnostic.
fn lint_record(content: &[u8]) -> (i32, Value) {
    lint_dir(&project().record("2024-01-10-hostile.yaml", content))
}

fn lint_dir(dir: &Project) -> (i32, Value) {
    let (code, diagnostics) = dir.lint_json();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    (code, diagnostics[0].clone())
}

fn assert_finding(result: (i32, Value), rule: &str, line: u64, column: u64, message: &str) {
    let (code, diagnostic) = result;
    assert_eq!(code, 1);
    assert_eq!(diagnostic["rule"], rule, "{diagnostic:#}");
    assert_eq!(diagnostic["file"], "incidents/2024-01-10-hostile.yaml");
    assert_eq!(
        (diagnostic["line"].as_u64(), diagnostic["column"].as_u64()),
        (Some(line), Some(column)),
        "{diagnostic:#}"
    );
    assert!(
        diagnostic["message"].as_str().unwrap().contains(message),
        "{diagnostic:#}"
    );
    assert!(
        diagnostic["help"].is_string(),
        "every hostile-input finding says how to fix it"
    );
}

#[test]
fn fifty_megabyte_file_is_refused_without_reading_it() {
    let dir = project();
    let file = fs::File::create(dir.path("incidents/2024-01-10-hostile.yaml")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    assert_finding(lint_dir(&dir), "input-limit", 1, 1, "52428800 bytes");
}

#[test]
fn billion_laughs_is_stopped() {
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..=9u8 {
        let (prev, name) = ((b'a' + level - 1) as char, (b'a' + level) as char);
        let refs = vec![format!("*{prev}"); 10].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let (code, diagnostic) = lint_record(bomb.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(diagnostic["rule"], "input-limit");
    assert!(diagnostic["message"].as_str().unwrap().contains("aliases"));
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let deep = format!("title: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let (code, diagnostic) = lint_record(deep.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(diagnostic["rule"], "input-limit");
    assert_eq!(diagnostic["line"], 1);

    let block: String = (0..10_000)
        .map(|depth| format!("{}- \n", " ".repeat(depth)))
        .collect();
    assert_eq!(lint_record(block.as_bytes()).1["rule"], "input-limit");
}

#[test]
fn invalid_utf8_points_at_the_byte() {
    assert_finding(
        lint_record(b"title: ok\nlang: en\nstatus: \xc3\x28draft\n"),
        "yaml-syntax",
        3,
        9,
        "not valid UTF-8",
    );
}

#[test]
fn binary_file_is_named_as_such() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8; 64]);
    let (code, diagnostic) = lint_record(&png);
    assert_eq!(code, 1);
    assert_eq!(diagnostic["rule"], "yaml-syntax");
}

#[test]
fn text_with_nul_bytes_is_binary() {
    assert_finding(
        lint_record(b"title: ok\n\0\0\0"),
        "yaml-syntax",
        1,
        1,
        "binary",
    );
}

#[test]
fn empty_file_is_a_missing_record() {
    assert_finding(lint_record(b""), "missing-field", 1, 1, "empty");
    assert_finding(
        lint_record(b"# only a comment\n"),
        "missing-field",
        1,
        1,
        "empty",
    );
}

#[test]
fn several_documents_are_refused_at_the_second() {
    let stream = b"title: a\nlang: en\nstatus: draft\n---\ntitle: b\nlang: en\nstatus: draft\n";
    assert_finding(
        lint_record(stream),
        "yaml-syntax",
        4,
        1,
        "second YAML document",
    );
}

#[test]
fn wrong_top_level_shape_is_a_finding() {
    assert_finding(
        lint_record(b"- just\n- a list\n"),
        "invalid-value",
        1,
        1,
        "must be a mapping",
    );
    assert_finding(
        lint_record(b"42\n"),
        "invalid-value",
        1,
        1,
        "must be a mapping",
    );
}

#[test]
fn unclosed_quote_is_a_syntax_error_with_position() {
    assert_finding(
        lint_record(b"title: \"never closed\nlang: en\n"),
        "yaml-syntax",
        1,
        8,
        "unclosed quote",
    );
}

#[test]
fn binary_file_is_reported_by_name_without_its_bytes() {
    let dir = project();
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec();
    elf.extend([0xe8u8, 0x98, 0x49, 0x00, 0xff]);
    fs::write(dir.path("incidents/2024-01-10-hostile.yaml"), elf).unwrap();
    let output = dir.lint(&[]);
    let out = output.stdout;
    assert_eq!(output.code, 1);
    assert!(out.starts_with("error[yaml-syntax]: the file contains a NUL byte: it looks like a binary file, not YAML\n--> incidents/2024-01-10-hostile.yaml:1:1\n"), "{out}");
    assert!(!out.contains("ELF"), "{out}");
}

/// An overlay and its record at the size limit, where no pair's source matches an entry (each
/// pair is then the stale translation of the entry at its position): matching each pair by
/// scanning every entry was quadratic (37 s in a debug build, now about 2 s).
/// The timeout only guards against that coming back.
#[test]
fn largest_overlay_against_largest_record_is_linted_in_seconds() {
    let dir = project();
    let pad = "x".repeat(80);
    let mut record =
        String::from("title: Big\nlang: en\nstatus: draft\nstarted: 2024-01-10\ntimeline:\n");
    let mut overlay = String::from("lang: de\ntimeline:\n");
    for i in 0..16_000 {
        record.push_str(&format!("  - at: 2024-01-10\n    text: {pad}{i:06}a\n"));
        overlay.push_str(&format!("  - source: {pad}{i:06}b\n    text: t\n"));
    }
    assert!(record.len() < 2 << 20 && overlay.len() < 2 << 20);
    fs::write(dir.path("incidents/2024-01-10-big.yaml"), record).unwrap();
    fs::write(dir.path("incidents/2024-01-10-big.de.yaml"), overlay).unwrap();
    let output = dir.lint(&["--format", "json"]);
    assert_eq!(output.code, 0, "{}", output.stderr);
    let stale = output
        .diagnostics()
        .iter()
        .filter(|d| d["rule"] == "translation-stale")
        .count();
    assert_eq!(stale, 16_000);
}

/// Lints `record` as the only file of a project, within a timeout that only guards against
/// a hang; returns the exit code and the number of findings of `rule`.
fn lint_quickly(record: &str, rule: &str) -> (Option<i32>, usize) {
    assert!(record.len() < 2 << 20);
    let dir = project();
    fs::write(dir.path("incidents/2024-01-10-big.yaml"), record).unwrap();
    let output = dir.lint(&["--format", "json"]);
    let report: Value = serde_json::from_str(&output.stdout).unwrap_or_default();
    let count = report["diagnostics"]
        .as_array()
        .map_or(0, |all| all.iter().filter(|d| d["rule"] == rule).count());
    (Some(output.code), count)
}

const PUBLISHED: &str = "title: Big\nlang: en\nstatus: published\nseverity: minor\nstarted: 2024-01-10T00:00:00Z\nresolved: 2024-01-10T01:00:00Z\nimpact: i\nroot_cause: r\nresolution: r\nactions: [{text: a, status: done}]\n";

/// A placeholder in each of 19,000 timeline entries: each finding's line and column were
/// counted from the start of the file (35 s in a debug build, now about 1 s).
#[test]
fn a_finding_in_every_timeline_entry_is_located_in_seconds() {
    let pad = "x".repeat(60);
    let mut record = format!("{PUBLISHED}summary: s\ntimeline:\n");
    for i in 0..19_000 {
        record.push_str(&format!("  - at: 2024-01-10\n    text: {i} TODO {pad}\n"));
    }
    assert_eq!(lint_quickly(&record, "placeholder-text"), (Some(1), 19_000));
}

/// A 2 MiB one-line summary full of figures that disagree with the times: each finding
/// shows the whole line, so the report was quadratic; the rule reports the first 10.
#[test]
fn a_summary_full_of_wrong_durations_is_reported_in_seconds() {
    let mut summary = String::new();
    let mut i = 0;
    while summary.len() < 2_000_000 {
        summary.push_str(&format!("The API was down for {} minutes. ", i % 50));
        i += 1;
    }
    let record = format!("{PUBLISHED}summary: {summary}\n");
    assert_eq!(lint_quickly(&record, "duration-claim"), (Some(0), 10));
}
