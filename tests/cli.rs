//! End-to-end behaviour of the command line: formats, exit codes, rules, explain, schema.

mod common;

use std::fs;

use common::{Output, Project, hindsight, output, repo, without_marks};
use hindsight::check::rules::REGISTRY;
use serde_json::Value;

/// A copy of the failing fixture of `rule`.
fn fixture(rule: &str) -> Project {
    Project::fixture(&format!("rules/{rule}/fail"))
}

fn stdout(cmd: &mut assert_cmd::Command) -> (i32, String) {
    let Output { code, stdout, .. } = output(cmd);
    (code, stdout)
}

/// A project with one record that has an error (invalid severity) and a warning (duration).
fn mixed_project() -> Project {
    let base = fixture("duration-mismatch").read("incidents/2024-01-10-api-errors.yaml");
    Project::new().config(CONFIG).record(
        "2024-01-10-api-errors.yaml",
        base.replace("severity: major", "severity: huge"),
    )
}

const CONFIG: &str = "base_url: https://status.example.com/\ncomponents:\n  - id: api\n";

#[test]
fn example_project_lints_clean_but_for_true_warnings() {
    // The example project has incidents from 2026; the tests' "now" is just after them.
    let (code, json) = stdout(hindsight(repo()).args(["lint", "--format", "json"]));
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&json).unwrap();
    let found: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // The seeds' own inconsistencies: Logto states 18 minutes for 03:56-04:15, Monzo 1.5 hours for 14:10-15:31.
    assert_eq!(
        found,
        [
            (
                "incidents/2017-10-27-monzo-payments-outage.yaml".into(),
                "duration-mismatch".into()
            ),
            (
                "incidents/2017-10-27-monzo-payments-outage.yaml".into(),
                "duration-claim".into()
            ),
            (
                "incidents/2023-12-17-logto-image-deleted.yaml".into(),
                "duration-mismatch".into()
            ),
        ]
    );
    assert_eq!(report["summary"]["files"], 12);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 3);
}

#[test]
fn json_report_fields() {
    let (code, json) = stdout(
        fixture("duration-mismatch")
            .cmd()
            .args(["lint", "--format", "json"]),
    );
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&json).unwrap();
    let d = &report["diagnostics"][0];
    assert_eq!(d["file"], "incidents/2024-01-10-api-errors.yaml");
    assert_eq!(d["line"], 13);
    assert_eq!(d["column"], 11);
    assert_eq!(d["end_line"], 13);
    assert_eq!(d["end_column"], 14);
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["rule"], "duration-mismatch");
    assert_eq!(
        d["message"],
        "stated duration `25m` disagrees with resolved - started = 30m (2024-01-10 10:00:00 UTC to 2024-01-10 10:30:00 UTC)"
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("renders show the computed duration")
    );
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 2, "errors": 0, "warnings": 1})
    );
}

#[test]
fn exit_codes() {
    let dir = mixed_project();
    assert_eq!(stdout(dir.cmd().arg("lint")).0, 1, "errors fail");
    assert_eq!(
        stdout(fixture("duration-mismatch").cmd().arg("lint")).0,
        0,
        "warnings pass"
    );
    assert_eq!(
        stdout(
            fixture("duration-mismatch")
                .cmd()
                .args(["lint", "--deny-warnings"])
        )
        .0,
        1,
        "unless denied"
    );
    assert_eq!(
        stdout(
            Project::fixture("rules/duration-mismatch/pass")
                .cmd()
                .args(["lint", "--deny-warnings"])
        )
        .0,
        0
    );
    assert_eq!(
        stdout(dir.cmd().args(["lint", "--format", "yaml"])).0,
        2,
        "usage errors"
    );
    assert_eq!(
        stdout(dir.cmd().args(["lint", "no/such/file.yaml"])).0,
        2,
        "unreadable paths"
    );
    assert_eq!(
        stdout(hindsight(&std::env::temp_dir()).args(["--root", "/nonexistent-root", "lint"])).0,
        2
    );
    assert_eq!(
        stdout(dir.cmd().arg("lint").env("SOURCE_DATE_EPOCH", "soon")).0,
        2
    );
    assert_eq!(stdout(dir.cmd().arg("--help")).0, 0);
}

#[test]
fn usage_errors_go_to_stderr() {
    let output = hindsight(repo())
        .args(["lint", "--format", "yaml"])
        .output()
        .unwrap();
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("possible values"));
}

#[test]
fn config_overrides_rule_severity() {
    let dir = mixed_project();
    let dir = dir.config(&format!(
        "{CONFIG}lint:\n  duration-mismatch: error\n  invalid-value: off\n"
    ));
    let (code, json) = stdout(dir.cmd().args(["lint", "--format", "json"]));
    let report: Value = serde_json::from_str(&json).unwrap();
    let rules: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].clone(), d["severity"].clone()))
        .collect();
    assert_eq!(
        rules,
        [(Value::from("duration-mismatch"), Value::from("error"))]
    );
    assert_eq!(code, 1);
}

#[test]
fn unknown_rule_in_config_is_reported_with_a_suggestion() {
    let dir = mixed_project();
    let dir = dir.config(&format!("{CONFIG}lint:\n  duration-mismatc: off\n"));
    let (_, json) = stdout(dir.cmd().args(["lint", "--format", "json"]));
    let report: Value = serde_json::from_str(&json).unwrap();
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "site/config.yaml")
        .unwrap();
    assert_eq!(d["rule"], "unknown-field");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(3))
    );
    assert!(d["help"].as_str().unwrap().contains("duration-mismatch"));
}

#[test]
fn paths_select_what_is_reported() {
    let (_, json) = stdout(hindsight(repo()).args([
        "lint",
        "--format",
        "json",
        "incidents/2023-12-17-logto-image-deleted.yaml",
    ]));
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    let files: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["incidents/2023-12-17-logto-image-deleted.yaml"]);
}

#[test]
fn github_format_is_workflow_commands() {
    let (_, out) = stdout(
        fixture("duration-mismatch")
            .cmd()
            .args(["lint", "--format", "github"]),
    );
    assert_eq!(
        out.trim_end(),
        "::warning file=incidents/2024-01-10-api-errors.yaml,line=13,col=11,endColumn=14,title=duration-mismatch::stated duration `25m` disagrees with resolved - started = 30m (2024-01-10 10:00:00 UTC to 2024-01-10 10:30:00 UTC)%0Ahelp: correct the milestone or the stated duration; renders show the computed duration\n\
         ::notice title=hindsight lint::2 files: 0 errors, 1 warning"
    );
}

#[test]
fn sarif_has_the_required_structure() {
    let dir = mixed_project();
    let (_, out) = stdout(dir.cmd().args(["lint", "--format", "sarif"]));
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "hindsight");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), REGISTRY.len());
    for rule in rules {
        assert!(rule["id"].is_string() && rule["shortDescription"]["text"].is_string());
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## Fix")
        );
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for result in results {
        assert!(result["message"]["text"].is_string());
        let rule_index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "incidents/2024-01-10-api-errors.yaml"
        );
        let region = &location["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        assert!(region["endColumn"].as_u64() > region["startColumn"].as_u64());
    }
}

#[test]
fn human_format_points_at_the_value() {
    let (_, out) = stdout(fixture("invalid-value").cmd().arg("lint"));
    let out = without_marks(&out);
    insta::assert_snapshot!(out, @r"
    error[invalid-value]: `high` is not a valid `severity`
     --> incidents/2024-01-10-api-errors.yaml:4:11
      |
    4 | severity: high
      |           ^^^^
      |
      = help: expected one of: none, minor, major, critical

    error[invalid-value]: component `api` is listed twice in `affected` (first on line 6)
     --> incidents/2024-01-10-api-errors.yaml:7:3
      |
    7 |   api: degraded_performance
      |   ^^^
      |
      = help: list each component once, with the worst state it reached

    2 files: 2 errors, 0 warnings
    ");
}

#[test]
fn rules_lists_every_rule() {
    let (code, out) = stdout(hindsight(repo()).arg("rules"));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), REGISTRY.len());
    assert!(out.lines().next().unwrap().starts_with("yaml-syntax"));
    let (_, json) = stdout(hindsight(repo()).args(["rules", "--format", "json"]));
    let rules: Value = serde_json::from_str(&json).unwrap();
    let timeline = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "timeline-order")
        .unwrap();
    assert_eq!(timeline["default_level"], "error");
    assert!(timeline["docs"].as_str().unwrap().contains("## Example"));
}

#[test]
fn explain_prints_the_rule_docs() {
    let (code, out) = stdout(hindsight(repo()).args(["explain", "duration-mismatch"]));
    assert_eq!(code, 0);
    assert!(
        out.starts_with("duration-mismatch (default: warning)\n\nThe stated `duration` disagrees")
    );
    assert!(out.contains("`~18m`"));
    let output = hindsight(repo())
        .args(["explain", "timline-order"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `timeline-order`?"));
}

#[test]
fn schema_describes_records_and_overlays() {
    let (code, out) = stdout(hindsight(repo()).arg("schema"));
    assert_eq!(code, 0);
    let schema: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["properties"]["timeline"].is_object());
    assert_eq!(schema["additionalProperties"], false);
    let (_, out) = stdout(hindsight(repo()).args(["schema", "--overlay"]));
    let overlay: Value = serde_json::from_str(&out).unwrap();
    assert!(overlay["properties"]["lang"].is_object());
    assert!(overlay["properties"]["timeline"].is_object());
}

#[test]
fn schema_ids_are_where_the_project_publishes_them_and_absent_outside_a_project() {
    for (args, name) in [
        (&["schema", "config"][..], "config"),
        (&["schema", "--config"][..], "config"),
        (&["schema", "overlay"][..], "overlay"),
        (&["schema", "--overlay"][..], "overlay"),
        (&["schema", "record"][..], "record"),
    ] {
        let (code, out) = stdout(hindsight(repo()).args(args));
        assert_eq!(code, 0, "{args:?}");
        let schema: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            schema["$id"],
            format!("https://status.example.com/schema/{name}.json"),
            "{args:?}"
        );
    }
    let config: Value =
        serde_json::from_str(&stdout(hindsight(repo()).args(["schema", "config"])).1).unwrap();
    assert!(config["properties"]["notify"].is_object());
    let elsewhere = tempfile::tempdir().unwrap();
    let (code, out) = stdout(hindsight(elsewhere.path()).arg("schema"));
    assert_eq!(code, 0);
    let schema: Value = serde_json::from_str(&out).unwrap();
    assert!(schema.get("$id").is_none(), "{}", schema["$id"]);
    assert_eq!(
        stdout(hindsight(repo()).args(["schema", "overlay", "--config"])).0,
        2
    );
}

#[test]
fn broken_pipe_exits_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .current_dir(repo())
        .args(["schema"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn readme_documents_every_rule() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    for rule in REGISTRY {
        let row = format!(
            "| <a id=\"rule-{}\"></a>`{}` | {} | {} |",
            rule.name(),
            rule.name(),
            rule.default_level,
            rule.summary()
        );
        assert!(
            readme.contains(&row),
            "README's rules table is out of date for {}",
            rule.name()
        );
    }
}

#[test]
fn site_config_named_as_a_path_is_linted_as_config() {
    // What the README's pre-commit hook does when site/config.yaml changes.
    let (code, json) =
        stdout(hindsight(repo()).args(["lint", "--format", "json", "site/config.yaml"]));
    assert_eq!(code, 0, "{json}");
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["diagnostics"], serde_json::json!([]));
}
