//! Markdown bombs within the input limits: lint reports them at the level that goes too deep
//! (in records and in translations), and lint and both renderers finish on them in bounded
//! time and memory.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{self, Project};

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
    let findings = report["diagnostics"].as_array().unwrap();
    let limits: Vec<&Value> = findings
        .iter()
        .filter(|d| d["rule"] == "input-limit")
        .collect();
    assert_eq!(limits.len(), 1, "{report:#}");
    let finding = limits[0];
    // Line 10 of the file is the summary's third line; 2 columns of indentation, then the
    // 33rd `>`.
    assert_eq!(
        (&finding["line"], &finding["column"]),
        (&json!(10), &json!(35))
    );
    assert!(finding["message"].as_str().unwrap().contains("32"));
    assert!(finding["help"].is_string());
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
