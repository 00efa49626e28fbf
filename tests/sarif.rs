//! End-to-end SARIF and GitHub output of `hindsight lint`: URIs code scanning can match
//! however lint was started, and a valid log with the error when the run fails.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{DEFAULT_CONFIG, Project, copy_dir, fixture, hindsight, output};
use serde_json::Value;

const RECORD: &str = "incidents/2024-01-10-api-errors.yaml";

/// A git work tree in a temporary folder with the `duration-mismatch` fixture as a project
/// at `<tree>/<at>`: (the temporary folder, the work tree, the project).
fn project_in_repo(at: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let tree = tmp.path().join("work tree");
    let project = tree.join(at);
    copy_dir(&fixture("rules/duration-mismatch/fail"), &project);
    fs::create_dir_all(project.join("site")).unwrap();
    fs::write(project.join("site/config.yaml"), DEFAULT_CONFIG).unwrap();
    fs::create_dir(tree.join(".git")).unwrap();
    (tmp, tree, project)
}

fn sarif(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = output(
        hindsight(dir)
            .args(["lint", "--format", "sarif"])
            .args(args),
    );
    let log = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", out.stdout, out.stderr));
    (out.code, log)
}

/// Each result's (uri, uriBaseId), and the run's `%SRCROOT%`.
fn locations(log: &Value) -> (Vec<(String, String)>, String) {
    let run = &log["runs"][0];
    let uris = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let artifact = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            (
                artifact["uri"].as_str().unwrap().to_string(),
                artifact["uriBaseId"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    (uris, base)
}

#[test]
fn uris_are_relative_to_the_repository_and_percent_encoded_however_lint_is_started() {
    let (tmp, tree, project) = project_in_repo("status pages/störung");
    let expected = vec![(
        format!("status%20pages/st%C3%B6rung/{RECORD}"),
        "%SRCROOT%".to_string(),
    )];
    let absolute = project.to_str().unwrap();
    let runs: [(&Path, Vec<&str>); 5] = [
        (&project, vec![]),
        (&project, vec!["--root", "."]),
        (tmp.path(), vec!["--root", absolute]),
        (&tree, vec!["--root", "status pages/störung"]),
        (
            &project.join("incidents"),
            vec!["2024-01-10-api-errors.yaml"],
        ),
    ];
    for (dir, args) in runs {
        let (code, log) = sarif(dir, &args);
        assert_eq!(code, 0, "{args:?}");
        let (uris, base) = locations(&log);
        assert_eq!(uris, expected, "{args:?} in {}", dir.display());
        assert!(base.starts_with("file:///"), "{base}");
        assert!(base.ends_with("/work%20tree/"), "{base}");
        assert_eq!(
            log["runs"][0]["invocations"][0]["executionSuccessful"],
            true
        );
    }
}

#[test]
fn outside_git_the_project_root_is_the_base() {
    let project = Project::fixture("rules/duration-mismatch/fail");
    let (_, log) = sarif(project.dir(), &["--root", "project"]);
    let (uris, base) = locations(&log);
    assert_eq!(uris, [(RECORD.to_string(), "%SRCROOT%".to_string())]);
    assert!(base.ends_with("/project/"), "{base}");
}

#[test]
fn a_run_that_cannot_read_a_file_still_prints_a_valid_log_and_exits_2() {
    let project = Project::fixture("rules/duration-mismatch/fail");
    let out = output(
        project
            .cmd()
            .args(["lint", "--format", "sarif", "incidents/gone.yaml"]),
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("gone.yaml"), "{}", out.stderr);
    let log: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert!(
        notification["message"]["text"]
            .as_str()
            .unwrap()
            .contains("gone.yaml")
    );
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn a_wrong_root_still_prints_a_valid_log_and_json_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let out =
        output(hindsight(tmp.path()).args(["lint", "--root", "nowhere", "--format", "sarif"]));
    assert_eq!(out.code, 2);
    let log: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    let out = output(hindsight(tmp.path()).args(["lint", "--root", "nowhere", "--format", "json"]));
    assert_eq!(out.code, 2);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(report["error"].as_str().unwrap().contains("nowhere"));
    // Text formats keep stdout for results: the error is on stderr only.
    let out =
        output(hindsight(tmp.path()).args(["lint", "--root", "nowhere", "--format", "github"]));
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
}

#[test]
fn fingerprints_stay_when_lines_are_added_above() {
    let project = Project::fixture("rules/duration-mismatch/fail");
    let fingerprint = |project: &Project| {
        let (_, log) = sarif(project.root(), &[]);
        let result = &log["runs"][0]["results"][0];
        (
            result["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
            result["partialFingerprints"].clone(),
        )
    };
    let (line, before) = fingerprint(&project);
    let text = project.read(RECORD);
    let project = project.file(RECORD, format!("# a comment\n\n{text}"));
    let (moved, after) = fingerprint(&project);
    assert_eq!(moved.as_u64(), line.as_u64().map(|l| l + 2));
    assert_eq!(before, after);
}

#[test]
fn github_format_appends_the_summary_to_the_job_summary() {
    let project = Project::fixture("rules/duration-mismatch/fail");
    let summary = project.dir().join("summary.md");
    fs::write(&summary, "earlier step\n").unwrap();
    let out = output(
        project
            .cmd()
            .env("GITHUB_STEP_SUMMARY", &summary)
            .args(["lint", "--format", "github"]),
    );
    assert!(
        out.stdout
            .ends_with("::notice title=hindsight lint::2 files: 0 errors, 1 warning\n"),
        "{}",
        out.stdout
    );
    let written = fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("earlier step\n### hindsight lint\n"),
        "{written}"
    );
    assert!(written.contains("| `duration-mismatch` |"), "{written}");
}

#[test]
fn a_multi_line_finding_is_annotated_without_columns_and_ends_on_its_own_lines() {
    // `timeline` written as a mapping over two lines, then `lessons:`: the annotation used to
    // end at `endLine=<lessons' line>,endColumn=3`, two columns into that key.
    let base = Project::fixture("rules/duration-mismatch/fail").read(RECORD);
    let start = base.find("timeline:").unwrap();
    let end = base.find("lessons:").unwrap();
    let text = format!(
        "{}timeline:\n  a: 1\n  b: 2\n{}",
        &base[..start],
        &base[end..]
    );
    let line = base[..start].lines().count() + 1;
    let project = Project::new().file(RECORD, text);
    let out = output(project.cmd().args(["lint", "--format", "github"]));
    let annotation = out
        .stdout
        .lines()
        .find(|l| l.contains("title=invalid-value"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    let place = format!("line={},endLine={},title=", line + 1, line + 2);
    assert!(annotation.contains(&place), "{annotation}");
    assert!(!annotation.contains("col="), "{annotation}");
}

#[test]
fn github_annotations_name_files_relative_to_the_repository_from_a_subfolder() {
    let (_tmp, _tree, project) = project_in_repo("status");
    for dir in [project.clone(), project.join("incidents")] {
        let out = output(hindsight(&dir).args(["lint", "--format", "github"]));
        assert!(
            out.stdout
                .starts_with(&format!("::warning file=status/{RECORD},line=")),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn a_job_summary_that_cannot_be_written_is_a_warning_after_the_annotations() {
    let project = Project::fixture("rules/duration-mismatch/fail");
    let summary = project.dir().join("no such folder/summary.md");
    let out = output(
        project
            .cmd()
            .env("GITHUB_STEP_SUMMARY", &summary)
            .args(["lint", "--format", "github"]),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("::warning file=incidents/"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("warning: cannot write the job summary"),
        "{}",
        out.stderr
    );
}
