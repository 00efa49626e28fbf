//! Every rule has a failing and a passing fixture project, and a reviewed snapshot of its report.

use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;
use hindsight::check::rules::REGISTRY;
use hindsight::model::RuleLevel;
use serde_json::Value;

/// 2024-06-01T00:00:00Z: "now" for the fixtures, so dates in them stay past or future.
const NOW: &str = "1717200000";

fn fixture(rule: &str, variant: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(rule)
        .join(variant)
}

fn lint(dir: &PathBuf, format: &str) -> (i32, String) {
    let output = cargo_bin_cmd!("hindsight")
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", NOW)
        .env("NO_COLOR", "1")
        .args(["--root", ".", "lint", "--format", format])
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn rules_in(json: &str) -> Vec<String> {
    let report: Value = serde_json::from_str(json).unwrap();
    let mut rules: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    rules.dedup();
    rules
}

#[test]
fn every_rule_has_fixtures() {
    for rule in REGISTRY {
        for variant in ["fail", "pass"] {
            assert!(
                fixture(rule.name, variant).join("incidents").is_dir(),
                "{}: no {variant} fixture",
                rule.name
            );
        }
    }
    let on_disk = std::fs::read_dir(fixture("", "")).unwrap().count();
    assert_eq!(on_disk, REGISTRY.len(), "a fixture directory names no rule");
}

#[test]
fn failing_fixture_reports_exactly_its_rule() {
    for rule in REGISTRY {
        let (code, json) = lint(&fixture(rule.name, "fail"), "json");
        assert_eq!(rules_in(&json), [rule.name], "{}: {json}", rule.name);
        let expected = if rule.default_level == RuleLevel::Error {
            1
        } else {
            0
        };
        assert_eq!(code, expected, "{}: exit code", rule.name);
    }
}

#[test]
fn passing_fixture_is_clean() {
    for rule in REGISTRY {
        let (code, json) = lint(&fixture(rule.name, "pass"), "json");
        assert_eq!(
            rules_in(&json),
            Vec::<String>::new(),
            "{}: {json}",
            rule.name
        );
        assert_eq!(code, 0, "{}", rule.name);
    }
}

#[test]
fn failing_fixture_snapshots() {
    for rule in REGISTRY {
        let (_, human) = lint(&fixture(rule.name, "fail"), "human");
        insta::with_settings!({ snapshot_suffix => rule.name, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("rule", human);
        });
    }
}
