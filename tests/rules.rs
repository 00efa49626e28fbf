//! Every rule has a failing and a passing fixture project, and a reviewed snapshot of its report.
//! Each finding of a failing fixture lands on a line marked `# <- rule-id` (or listed in the
//! fixture's `marks` file where a comment cannot go), and each marked line has its finding.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{MARKS_FILE, Output, Project, fixture};
use hindsight::check::rules::REGISTRY;
use hindsight::model::RuleLevel;

fn rule_fixture(rule: &str, variant: &str) -> String {
    format!("rules/{rule}/{variant}")
}

/// `hindsight --root . lint --format FORMAT` on a temporary copy of the fixture.
fn lint(rule: &str, variant: &str, format: &str) -> Output {
    Project::fixture(&rule_fixture(rule, variant)).run(&["--root", ".", "lint", "--format", format])
}

fn rules_in(out: &Output) -> Vec<String> {
    let mut rules: Vec<String> = out
        .diagnostics()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    rules.dedup();
    rules
}

/// The `# <- rule` comment that marks a line where a finding of `rule` must land.
fn mark(rule: &str) -> String {
    format!(" # <- {rule}")
}

/// (file, line) of every line of the fixture at `dir` marked for `rule`, by comment or in
/// the `marks` file.
fn marked_lines(dir: &Path, rule: &str) -> BTreeSet<(String, u64)> {
    let mut marked = BTreeSet::new();
    for path in common::files(dir) {
        let file = path
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if file == MARKS_FILE {
            for entry in std::fs::read_to_string(&path).unwrap().lines() {
                let Some((place, _why)) = entry.split_once("  ") else {
                    continue;
                };
                let (file, line) = place.rsplit_once(':').unwrap();
                marked.insert((file.to_string(), line.parse().unwrap()));
            }
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if line.ends_with(&mark(rule)) {
                marked.insert((file.clone(), n as u64 + 1));
            }
        }
    }
    marked
}

#[test]
fn every_rule_has_fixtures() {
    for rule in REGISTRY {
        for variant in ["fail", "pass"] {
            assert!(
                fixture(&rule_fixture(rule.name(), variant))
                    .join("incidents")
                    .is_dir(),
                "{}: no {variant} fixture",
                rule.name()
            );
        }
    }
    let on_disk = std::fs::read_dir(fixture("rules")).unwrap().count();
    assert_eq!(on_disk, REGISTRY.len(), "a fixture directory names no rule");
}

#[test]
fn failing_fixture_reports_exactly_its_rule() {
    for rule in REGISTRY {
        let out = lint(rule.name(), "fail", "json");
        assert_eq!(
            rules_in(&out),
            [rule.name()],
            "{}: {}",
            rule.name(),
            out.stdout
        );
        let expected = if rule.default_level == RuleLevel::Error {
            1
        } else {
            0
        };
        assert_eq!(out.code, expected, "{}: exit code", rule.name());
    }
}

#[test]
fn failing_fixture_findings_land_on_the_marked_lines() {
    for rule in REGISTRY {
        let found: BTreeSet<(String, u64)> = lint(rule.name(), "fail", "json")
            .diagnostics()
            .iter()
            .filter(|d| d["rule"] == rule.name())
            .map(|d| {
                (
                    d["file"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                )
            })
            .collect();
        let marked = marked_lines(&fixture(&rule_fixture(rule.name(), "fail")), rule.name());
        assert!(!marked.is_empty(), "{}: no line is marked", rule.name());
        assert_eq!(
            found,
            marked,
            "{}: findings against marked lines",
            rule.name()
        );
    }
}

#[test]
fn passing_fixture_is_clean() {
    for rule in REGISTRY {
        let out = lint(rule.name(), "pass", "json");
        assert_eq!(
            rules_in(&out),
            Vec::<String>::new(),
            "{}: {}",
            rule.name(),
            out.stdout
        );
        assert_eq!(out.code, 0, "{}", rule.name());
    }
}

#[test]
fn failing_fixture_snapshots() {
    for rule in REGISTRY {
        // The mark annotates the fixture for the reader; the report quotes the line without it.
        let human = lint(rule.name(), "fail", "human").stdout;
        let human = common::without_marks(&human);
        insta::with_settings!({ snapshot_suffix => rule.name(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("rule", human);
        });
    }
}
