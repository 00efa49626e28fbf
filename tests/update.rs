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

/// `record` as it read while the incident ran: without `resolved:` and the entry marking it.
fn unresolved(record: &str) -> (String, String) {
    let mut at = String::new();
    let mut out = String::new();
    for line in record.split_inclusive('\n') {
        if let Some(value) = line.strip_prefix("resolved:") {
            at = value.trim().to_string();
        } else if line.trim() != "marks: resolved" {
            out.push_str(line);
        }
    }
    (out, at)
}

#[test]
fn every_example_record_keeps_its_bytes_through_update_and_resolve() {
    for id in records() {
        let path = format!("incidents/{id}.yaml");
        let project = Project::example(&[&path]);
        let before = project.read(&path);
        let resolved = before.contains("\nresolved:");
        let maintenance = before.contains("\nkind: maintenance");
        // A resolved incident takes a note (with --force); an ongoing one a new status; a
        // maintenance not done yet a note (its status follows its window).
        let args: &[&str] = if resolved {
            &["--force", "A late note."]
        } else if maintenance {
            &["A late note."]
        } else {
            &["--status", "monitoring", "A late note."]
        };
        let out = project.run(&[&["update", id.as_str()][..], args].concat());
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        let updated = project.read(&path);
        let (added, removed) = changes(&before, &updated);
        assert!(removed.is_empty(), "{id}: {removed:?}");
        // `at`, `text`, a `status` unless it is maintenance, and `timeline:` if it had none.
        let lines = 2 + usize::from(!maintenance) + usize::from(!before.contains("\ntimeline:"));
        assert_eq!(added.len(), lines, "{id}: {added:?}");
        assert!(
            added.iter().any(|l| l.trim() == "text: A late note."),
            "{id}: {added:?}"
        );
        let status = if resolved { "resolved" } else { "monitoring" };
        assert_eq!(
            added
                .iter()
                .any(|l| l.trim() == format!("status: {status}")),
            !maintenance,
            "{id}: {added:?}"
        );
        assert!(
            project.lint_errors().is_empty(),
            "{id}: {:?}",
            project.lint_errors()
        );

        // Resolved again from the state it was in while it ran, at the time it was resolved.
        if !resolved {
            continue;
        }
        let (running, at) = unresolved(&before);
        let project = Project::example(&[]).file(&path, &running);
        let out = project.run(&["resolve", &id, "--at", &at, "Fixed."]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        let after = project.read(&path);
        let (added, removed) = changes(&running, &after);
        assert!(removed.is_empty(), "{id}: {removed:?}");
        assert!(
            added.iter().all(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                [
                    "resolved:",
                    "at:",
                    "status: resolved",
                    "text: Fixed.",
                    "marks: resolved",
                ]
                .iter()
                .any(|p| l.starts_with(p))
            }),
            "{id}: {added:?}"
        );
        // Planned maintenance's entries carry no incident status.
        assert_eq!(added.len(), 5 - usize::from(maintenance), "{id}: {added:?}");
        assert!(
            project.lint_errors().is_empty(),
            "{id}: {:?}",
            project.lint_errors()
        );
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

#[test]
fn updates_that_would_break_the_build_or_mislead_readers_are_refused() {
    let monzo = "incidents/2017-10-27-monzo-payments-outage.yaml";
    let project = Project::example(&[ONGOING, monzo]);
    let window = "incidents/2026-12-05-logto-cloud-database-upgrade.yaml";
    let project = project.file(window, Project::example(&[window]).read(window));
    let (ongoing, resolved) = (project.read(ONGOING), project.read(monzo));
    let announced = project.read(window);
    let monzo_id = "2017-10-27-monzo-payments-outage";
    let cases: [(&[&str], &str); 7] = [
        // Planned maintenance has no incident statuses: its window says where it is.
        (
            &[
                "update",
                "2026-12-05-logto-cloud-database-upgrade",
                "--status",
                "identified",
                "x",
            ],
            "planned maintenance",
        ),
        // A time to come, or a placeholder, would make the record fail lint: refused whole.
        (
            &["update", ID, "--at", "2100-01-01 00:00", "x"],
            "[future-time]",
        ),
        (&["update", ID, "Next update: TBD"], "[placeholder-text]"),
        // `resolved:` is what the site goes by: only `resolve` sets it.
        (
            &["update", ID, "--status", "resolved", "x"],
            "hindsight resolve",
        ),
        (&["resolve", monzo_id], "already"),
        (
            &[
                "update",
                monzo_id,
                "--force",
                "--status",
                "investigating",
                "x",
            ],
            "would not reopen it",
        ),
        (&["update", monzo_id, "x"], "--force"),
    ];
    for (args, expected) in cases {
        let out = project.run(args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(expected), "{args:?}: {}", out.stderr);
    }
    assert_eq!(project.read(ONGOING), ongoing);
    assert_eq!(project.read(monzo), resolved);
    assert_eq!(project.read(window), announced);
    // A note to a resolved incident is posted as `resolved`, and the state it names stays.
    let out = project.run(&["update", monzo_id, "--force", "The refunds are complete."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let noted = project.read(monzo);
    assert!(
        noted.contains("    status: resolved\n    text: The refunds are complete.\n"),
        "{noted}"
    );
    // Resolving planned maintenance completes it, in its own words and with no incident status.
    let out = project.run(&["resolve", "2026-12-05-logto-cloud-database-upgrade"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains(": completed at "), "{}", out.stderr);
    let completed = project.read(window);
    assert!(
        completed.ends_with(
            "    marks: resolved\n    text: The scheduled maintenance has been completed.\nresolved: 2026-11-22 12:00\n"
        ),
        "{completed}"
    );
}

#[test]
fn nothing_is_written_when_one_of_the_files_cannot_be() {
    use std::os::unix::fs::PermissionsExt as _;
    let logto = "incidents/2023-12-17-logto-image-deleted.yaml";
    let german = "incidents/2023-12-17-logto-image-deleted.de.yaml";
    let project = Project::example(&[logto, german]);
    let (record, overlay) = (project.read(logto), project.read(german));
    std::fs::set_permissions(project.path(german), std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = project.run(&[
        "update",
        "2023-12-17-logto-image-deleted",
        "--force",
        "--translation",
        "de=Erledigt.",
        "Done.",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("read-only"), "{}", out.stderr);
    assert_eq!(project.read(logto), record);
    assert_eq!(project.read(german), overlay);
}

#[test]
fn an_incidents_folder_linked_from_outside_the_project_is_not_written() {
    let outside = tempfile::tempdir().unwrap();
    let project = Project::example(&[ONGOING]);
    let incidents = project.path("incidents");
    let moved = outside.path().join("incidents");
    std::fs::rename(&incidents, &moved).unwrap();
    std::os::unix::fs::symlink(&moved, &incidents).unwrap();
    let before =
        std::fs::read_to_string(moved.join("2026-11-21-webhook-delivery-delays.yaml")).unwrap();
    let out = project.run(&["update", ID, "x"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("outside the project"), "{}", out.stderr);
    let out = project.run(&["new", "Another one"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("outside the project"), "{}", out.stderr);
    let after =
        std::fs::read_to_string(moved.join("2026-11-21-webhook-delivery-delays.yaml")).unwrap();
    assert_eq!(after, before);
    assert_eq!(std::fs::read_dir(&moved).unwrap().count(), 1);
}

/// The draft warning says the update is not on the page yet: it is what the user most needs to
/// know, so `--quiet` keeps it (review of issue 16, finding 9).
#[test]
fn quiet_still_warns_that_a_draft_is_not_shown() {
    let draft = common::read(repo(), ONGOING).replace("status: published", "status: draft");
    let project = Project::example(&[]).file(ONGOING, &draft);
    let out = project.run(&["-q", "update", ID, "Still slow."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr.trim_end(),
        "warning: the record is a draft, so the status page does not show it; set `status: published` to post it"
    );
}

#[test]
fn notes_say_what_the_update_did_not_do_and_only_that() {
    let draft = common::read(repo(), ONGOING).replace("status: published", "status: draft");
    let project = Project::example(&[]).file(ONGOING, &draft);
    let out = project.run(&[
        "update",
        ID,
        "--affected",
        "example-webhooks=degraded_performance",
        "Still slow.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("the record is a draft"),
        "{}",
        out.stderr
    );
    // The state it already holds: nothing to write, nothing to say.
    assert!(!out.stderr.contains("stays"), "{}", out.stderr);
    let project = Project::example(&[ONGOING]);
    let out = project.run(&["update", ID, "Still slow."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said: Vec<&str> = out.stderr.lines().collect();
    assert!(
        said.len() == 1 && said[0].starts_with(&format!("updated incidents/{ID}.yaml: ")),
        "a published update needs no note, only its status line: {}",
        out.stderr
    );
    // The path names the record too; the id without its date is suggested.
    let out = project.run(&["update", &format!("incidents/{ID}.yaml"), "Better."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = project.run(&["update", "webhook-delivery-delays", "x"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!("did you mean `{ID}`")),
        "{}",
        out.stderr
    );
}

/// The modeline `new` writes stays the first line through `update` and `resolve`.
#[test]
fn update_and_resolve_keep_the_modeline() {
    let path = "incidents/2024-01-10-api-errors.yaml";
    let modeline = "# yaml-language-server: $schema=../.hindsight/record.schema.json\n";
    let record = format!(
        "{modeline}title: API errors\nlang: en\nstatus: published\nseverity: major\nstarted: 2024-01-10T10:00:00Z\nsummary: The API returns errors.\n"
    );
    let project = Project::new().file(path, &record);
    let out = project.run(&[
        "update",
        "2024-01-10-api-errors",
        "--status",
        "identified",
        "A bad deploy.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        project.read(path).starts_with(&record),
        "{}",
        project.read(path)
    );
    let out = project.run(&["resolve", "2024-01-10-api-errors"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        project
            .read(path)
            .starts_with(&format!("{modeline}title: API errors\n")),
        "{}",
        project.read(path)
    );
}
