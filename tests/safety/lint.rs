//! Findings a project cannot escape: a timeline that steps back by minutes is an error, and
//! what the build needs of the configuration cannot be turned off (lint passing still means
//! build succeeds).

use std::fs;

use crate::common::hindsight;
use crate::project;

#[test]
fn a_step_back_of_minutes_in_the_timeline_is_an_error() {
    let (dir, root) = project();
    let record = root.join("incidents/2026-11-20-api-partial.yaml");
    let text = fs::read_to_string(&record).unwrap();
    let text = format!(
        "{text}timeline:\n  - at: 2026-11-20T10:40:00Z\n    text: Canary disabled.\n  - at: \"10:20\"\n    text: Rollback starts.\n"
    );
    fs::write(&record, text).unwrap();
    let (code, diagnostics) = dir.lint_json();
    assert_eq!(code, 1);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["rule"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(errors, [("timeline-order", 20)]);
}

#[test]
fn a_project_cannot_turn_off_what_the_build_needs() {
    let (_dir, root) = project();
    let config = fs::read_to_string(root.join("site/config.yaml")).unwrap();
    for (base_url, lint) in [
        ("ftp://example.test/", "invalid-value: \"off\""),
        (
            "\"https://example.test/\\nDisallow: /\"",
            "invalid-config: \"off\"",
        ),
        (
            "\"https://example.test/\\nDisallow: /\"",
            "invalid-value: \"off\"\n  missing-field: \"off\"",
        ),
    ] {
        let edited = config.replace(
            "base_url: https://example.test/status",
            &format!("base_url: {base_url}\nlint:\n  {lint}"),
        );
        fs::write(root.join("site/config.yaml"), edited).unwrap();
        let lint = hindsight(&root).arg("lint").output().unwrap();
        let build = hindsight(&root).arg("build").output().unwrap();
        assert_eq!(lint.status.code(), Some(1), "{base_url} {lint:?}");
        assert_eq!(build.status.code(), Some(1), "{base_url} {build:?}");
        assert!(!root.join("public/robots.txt").exists());
    }
}
