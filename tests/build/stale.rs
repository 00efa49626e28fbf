//! When the built site goes stale: `build` prints the next instant at which the page changes by
//! itself, writes it into `build.json`, and `--format json` summarizes the build, at fixed
//! "now"s before, inside and after a maintenance window that spans the end of summer time.

use serde_json::Value;

use crate::common::{Output, Project, output, read};

/// 2026-10-25 01:30 to 04:00 in Berlin: 01:30 is still summer time (UTC+2, 23:30Z the day
/// before); at 03:00 CEST the clocks go back to 02:00 CET, so 04:00 is UTC+1, 03:00Z. The
/// window is 2 h 30 min on the wall clock and 3 h 30 min long.
fn window(auto_complete: &str) -> Project {
    Project::new().record(
        "2026-10-25-database-upgrade.yaml",
        format!(
            "title: Database upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: Europe/Berlin\nscheduled_for: 2026-10-25 01:30\nscheduled_until: 2026-10-25 04:00\n{auto_complete}summary: We upgrade the database.\nimpact: The API answers read requests only.\n"
        ),
    )
}

/// `hindsight build ARGS` at `now` (RFC 3339) into `<tmp>/public`.
fn build_at(project: &Project, now: &str, args: &[&str]) -> Output {
    let epoch = now
        .parse::<chrono::DateTime<chrono::Utc>>()
        .unwrap()
        .timestamp();
    let out = project.dir().join("public");
    output(
        project
            .cmd()
            .env("SOURCE_DATE_EPOCH", epoch.to_string())
            .arg("build")
            .arg("--out")
            .arg(&out)
            .args(args),
    )
}

fn build_json(project: &Project) -> Value {
    serde_json::from_str(&read(&project.dir().join("public"), "build.json")).unwrap()
}

/// The line `build` prints about the next change, and `build.json`'s `next_change`.
fn next_change(project: &Project, now: &str) -> (String, Value) {
    let built = build_at(project, now, &[]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let line = built
        .stderr
        .lines()
        .skip_while(|line| !line.starts_with("built "))
        .nth(1)
        .unwrap_or_else(|| panic!("no line after `built`: {}", built.stderr))
        .to_string();
    let file = build_json(project);
    assert_eq!(
        file["built_at"], now,
        "build.json's built_at is the build's now"
    );
    (line, file["next_change"].clone())
}

fn announces(at: &str) -> String {
    format!("next change: {at} (a maintenance window starts or ends); rebuild then")
}

const NONE: &str = "next change: none (nothing changes without an edit)";

#[test]
fn the_next_change_is_the_window_start_then_its_end_across_the_dst_change() {
    let project = window("");
    let before = next_change(&project, "2026-10-24T12:00:00Z");
    assert_eq!(
        before,
        (
            announces("2026-10-24T23:30:00Z"),
            "2026-10-24T23:30:00Z".into()
        )
    );
    // 01:30 UTC is 02:30 CET, the second time the wall clock shows it: inside the window.
    let inside = next_change(&project, "2026-10-25T01:30:00Z");
    assert_eq!(
        inside,
        (
            announces("2026-10-25T03:00:00Z"),
            "2026-10-25T03:00:00Z".into()
        ),
        "04:00 in Berlin is 03:00Z after the clocks went back, not 02:00Z"
    );
    let after = next_change(&project, "2026-10-25T03:00:00Z");
    assert_eq!(after, (NONE.to_string(), Value::Null));
}

#[test]
fn a_window_that_waits_for_verification_never_changes_by_itself() {
    let project = window("auto_complete: false\n");
    let inside = next_change(&project, "2026-10-25T00:00:00Z");
    assert_eq!(
        inside.1, "2026-10-25T03:00:00Z",
        "it turns to verifying at its end"
    );
    // After the window it is verifying until a person writes `resolved`.
    let after = next_change(&project, "2026-10-25T06:00:00Z");
    assert_eq!(after, (NONE.to_string(), Value::Null));
}

#[test]
fn build_json_is_the_same_for_the_same_now() {
    let project = window("");
    let first = next_change(&project, "2026-10-24T12:00:00Z");
    let bytes = read(&project.dir().join("public"), "build.json");
    assert_eq!(next_change(&project, "2026-10-24T12:00:00Z"), first);
    assert_eq!(read(&project.dir().join("public"), "build.json"), bytes);
    assert!(
        bytes.starts_with("{\n  \"generator\": \"hindsight "),
        "{bytes}"
    );
    assert!(bytes.ends_with("}\n"));
    let keys: Vec<&str> = ["\"generator\"", "\"built_at\"", "\"next_change\""]
        .into_iter()
        .filter(|key| bytes.contains(key))
        .collect();
    assert_eq!(keys.len(), 3);
    let positions: Vec<usize> = keys.iter().map(|k| bytes.find(k).unwrap()).collect();
    assert!(positions.is_sorted(), "keys in a fixed order: {bytes}");
}

#[test]
fn the_json_summary_says_what_was_built_and_when_it_changes() {
    let project = window("");
    let built = build_at(&project, "2026-10-25T01:30:00Z", &["--format", "json"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let summary = built.json();
    assert_eq!(summary["built"], true);
    assert_eq!(
        summary["pages"], 7,
        "home, history, metrics, one component, the maintenance window's page, root, 404"
    );
    assert_eq!(summary["languages"], 1);
    assert_eq!(summary["incidents"], 0, "a maintenance is no incident");
    assert!(summary["files"].as_u64().unwrap() > 6);
    assert!(summary["seconds"].as_f64().unwrap() >= 0.0);
    assert_eq!(summary["built_at"], "2026-10-25T01:30:00Z");
    assert_eq!(summary["next_change"], "2026-10-25T03:00:00Z");
    assert_eq!(summary["warnings"], Value::Array(vec![]));
    assert!(summary["out"].as_str().unwrap().ends_with("public"));
    // The human report stays on stderr.
    assert!(built.stderr.contains(&announces("2026-10-25T03:00:00Z")));
}

#[test]
fn a_refused_build_says_so_in_json_and_exits_1() {
    let project = window("").record(
        "2026-10-20-broken.yaml",
        "title: Broken\nlang: en\nstatus: published\nseverity: minor\naffected:\n  nowhere: major_outage\nstarted: 2026-10-20T10:00:00Z\nresolved: 2026-10-20T11:00:00Z\nsummary: x\nimpact: x\nroot_cause: x\nresolution: x\n",
    );
    let built = build_at(&project, "2026-10-24T12:00:00Z", &["--format", "json"]);
    assert_eq!(built.code, 1, "{}", built.stderr);
    let summary = built.json();
    assert_eq!(summary["built"], false);
    assert!(summary["errors"].as_u64().unwrap() >= 1);
    assert!(!project.dir().join("public").exists());
}

#[test]
fn a_project_file_named_build_json_is_refused_by_lint_and_build_alike() {
    let project = window("").file("site/build.json", "{}\n");
    let lint = project.lint(&[]);
    assert_eq!(lint.code, 1, "{}", lint.stdout);
    assert!(
        lint.stdout.contains("error[reserved-site-file]"),
        "{}",
        lint.stdout
    );
    let built = build_at(&project, "2026-10-24T12:00:00Z", &[]);
    assert_eq!(built.code, 1, "{}", built.stderr);
    assert!(
        built
            .stderr
            .contains("`site/build.json` would replace the `build.json` the build writes"),
        "{}",
        built.stderr
    );
    assert!(!project.dir().join("public").exists());
}
