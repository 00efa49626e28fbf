//! `hindsight update` and `hindsight resolve`: edits in place that keep every other byte.

mod common;

use common::{NOW, Project, repo};
use similar::{ChangeTag, TextDiff};

fn records() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join("incidents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".yaml") && name.matches('.').count() == 1)
        .map(|name| name.trim_end_matches(".yaml").to_string())
        .collect();
    ids.sort();
    ids
}

/// The lines `after` adds to `before` and the lines it drops, in order.
fn changes(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let diff = TextDiff::from_lines(before, after);
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Insert => added.push(change.value().trim_end().to_string()),
            ChangeTag::Delete => removed.push(change.value().trim_end().to_string()),
            ChangeTag::Equal => {}
        }
    }
    (added, removed)
}

#[test]
fn every_example_record_keeps_its_bytes_through_update_and_resolve() {
    for id in records() {
        let path = format!("incidents/{id}.yaml");
        let project = Project::example(&[&path]);
        let before = project.read(&path);
        let out = project.run(&[
            "update",
            &id,
            "--force",
            "--status",
            "monitoring",
            "A fix is out.",
        ]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        let updated = project.read(&path);
        let (added, removed) = changes(&before, &updated);
        assert!(removed.is_empty(), "{id}: {removed:?}");
        assert_eq!(added.len(), 3, "{id}: {added:?}");
        assert!(
            added.iter().any(|l| l.trim() == "text: A fix is out."),
            "{id}: {added:?}"
        );
        assert!(
            added.iter().any(|l| l.trim() == "status: monitoring"),
            "{id}: {added:?}"
        );

        let out = project.run(&["resolve", &id, "--force"]);
        if updated.contains("marks: resolved") {
            assert_eq!(out.code, 1, "{id}");
            assert!(
                out.stderr.contains("remove its `marks: resolved`"),
                "{id}: {}",
                out.stderr
            );
            assert_eq!(project.read(&path), updated);
            continue;
        }
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        let resolved = project.read(&path);
        let (added, removed) = changes(&updated, &resolved);
        assert!(
            removed.iter().all(|l| l.starts_with("resolved:")),
            "{id}: {removed:?}"
        );
        assert!(
            added.iter().all(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                [
                    "resolved:",
                    "at:",
                    "status: resolved",
                    "text:",
                    "marks: resolved",
                ]
                .iter()
                .any(|p| l.starts_with(p))
            }),
            "{id}: {added:?}"
        );
        let (code, diagnostics) = project.lint_json();
        let errors: Vec<_> = diagnostics
            .iter()
            // A published incident, once resolved, needs its postmortem written: `missing-section`
            // says so truly (the record lints again once the sections are in).
            .filter(|d| d["severity"] == "error" && d["rule"] != "missing-section")
            .collect();
        assert!(errors.is_empty(), "{id}: lint {code}: {errors:?}");
    }
}

const ONGOING: &str = "incidents/2026-11-21-webhook-delivery-delays.yaml";
const ID: &str = "2026-11-21-webhook-delivery-delays";

#[test]
fn an_update_raises_component_states_and_keeps_the_worst() {
    let project = Project::example(&[ONGOING]);
    let out = project.run(&[
        "update",
        ID,
        "--affected",
        "example-webhooks=partial_outage",
        "Half of all deliveries now fail.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = project.read(ONGOING);
    assert!(
        text.contains("  example-webhooks: partial_outage\n"),
        "{text}"
    );
    assert!(text.ends_with("  - at: 2026-11-22 13:00\n    status: identified\n    text: Half of all deliveries now fail.\n"), "{text}");
    // `affected:` holds the worst state reached: a milder one is not written, and said so.
    let out = project.run(&[
        "update",
        ID,
        "--status",
        "monitoring",
        "--affected",
        "example-webhooks=operational",
        "Deliveries are back to normal.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("`example-webhooks` stays partial_outage"),
        "{}",
        out.stderr
    );
    let after = project.read(ONGOING);
    assert!(
        after.contains("  example-webhooks: partial_outage\n"),
        "{after}"
    );
    assert!(after.ends_with("    status: monitoring\n    text: Deliveries are back to normal.\n"));
    let (_, diagnostics) = project.lint_json();
    assert!(
        diagnostics.iter().all(|d| d["severity"] != "error"),
        "{diagnostics:?}"
    );
    let _ = NOW;
}

#[test]
fn crlf_records_stay_crlf() {
    let crlf = common::read(repo(), ONGOING).replace('\n', "\r\n");
    let project = Project::example(&[]).file(ONGOING, &crlf);
    let out = project.run(&["update", ID, "Still working on it."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = project.read(ONGOING);
    assert!(text.starts_with(&crlf));
    assert!(!text.replace("\r\n", "").contains('\n'));
}

#[test]
fn refusals_write_nothing() {
    let project = Project::example(&[ONGOING, "incidents/2017-10-27-monzo-payments-outage.yaml"]);
    let before = project.read(ONGOING);
    let cases: [(&[&str], &str); 5] = [
        (
            &["update", "2026-11-21-webhook-delivery-delay", "x"],
            "did you mean `2026-11-21-webhook-delivery-delays`",
        ),
        (
            &["update", "2017-10-27-monzo-payments-outage", "x"],
            "--force",
        ),
        (
            &["update", ID, "--at", "2026-11-21 10:00", "x"],
            "2026-11-21 10:35",
        ),
        (
            &["update", ID, "--affected", "nope=operational", "x"],
            "`nope` is not a component",
        ),
        (&["update", ID, "   "], "empty"),
    ];
    for (args, expected) in cases {
        let out = project.run(args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(expected), "{args:?}: {}", out.stderr);
    }
    assert_eq!(project.read(ONGOING), before);
    let flow = before.replace(
        "affected:\n  example-webhooks: degraded_performance",
        "affected: {example-webhooks: degraded_performance}",
    );
    let project = Project::example(&[]).file(ONGOING, &flow);
    let out = project.run(&[
        "update",
        ID,
        "--affected",
        "example-webhooks=major_outage",
        "x",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("flow mapping"), "{}", out.stderr);
    assert_eq!(project.read(ONGOING), flow);
}

#[test]
fn a_record_with_errors_is_refused() {
    let broken = common::read(repo(), ONGOING).replace("severity: minor", "severity: huge");
    let project = Project::example(&[]).file(ONGOING, &broken);
    let out = project.run(&["update", ID, "x"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("fix them first"), "{}", out.stderr);
    assert_eq!(project.read(ONGOING), broken);
}
