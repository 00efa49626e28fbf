use super::*;
use crate::load::{RecordContext, record};
use crate::model::Record;

/// A published window 10:00-12:00 UTC on 2026-11-20, plus `extra` fields.
fn planned(extra: &str) -> Record {
    let yaml = format!(
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: UTC\nscheduled_for: 2026-11-20T10:00:00Z\nscheduled_until: 2026-11-20T12:00:00Z\n{extra}"
    );
    let (record, findings) = record::parse("2026-11-20-upgrade", &yaml, &RecordContext::default());
    assert!(findings.is_empty(), "{findings:?}");
    record.unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// `(status, time)` of each update at `now`, newest first.
fn updates(record: &Record, now: &str) -> Vec<(&'static str, String)> {
    revised_updates(record, now, None)
}

/// [`updates`] of a record added and last revised (committed) at `revised`.
fn revised_updates(
    record: &Record,
    now: &str,
    revised: Option<&str>,
) -> Vec<(&'static str, String)> {
    let now = at(now);
    let mut window = Maintenance {
        record,
        status: MaintenanceStatus::Scheduled,
        cancelled: record.is_cancelled(),
        scheduled_for: at("2026-11-20T10:00:00Z"),
        scheduled_until: at("2026-11-20T12:00:00Z"),
        revised: revised.map(at),
        added: revised.map(at),
    };
    window.status = window.status_at(now);
    derive(&window, now)
        .iter()
        .map(|u| (u.status.as_str(), timestamp(u.at)))
        .collect()
}

fn s(status: &'static str, at: &str) -> (&'static str, String) {
    (status, format!("2026-11-20T{at}:00.000Z"))
}

#[test]
fn without_auto_complete_a_passed_window_ends_verifying_at_its_end() {
    let record = planned("auto_complete: false\n");
    assert_eq!(
        updates(&record, "2026-11-20T13:00:00Z"),
        [
            s("verifying", "12:00"),
            s("in_progress", "10:00"),
            s("scheduled", "10:00")
        ]
    );
}

#[test]
fn work_begun_early_and_resolved_is_told_in_order() {
    let record = planned("started: 2026-11-20T09:30:00Z\nresolved: 2026-11-20T11:00:00Z\n");
    assert_eq!(
        updates(&record, "2026-11-20T13:00:00Z"),
        [
            s("completed", "11:00"),
            s("in_progress", "09:30"),
            s("scheduled", "09:30")
        ]
    );
}

#[test]
fn timeline_entries_carry_the_status_at_their_time_and_none_is_in_the_future() {
    let record = planned(
        "timeline:\n  - at: 2026-11-20T08:00:00Z\n    text: Announced.\n  - at: 2026-11-20T10:30:00Z\n    text: Half done.\n",
    );
    assert_eq!(
        updates(&record, "2026-11-20T10:15:00Z"),
        [
            s("in_progress", "10:00"),
            s("scheduled", "08:00"),
            s("scheduled", "08:00")
        ]
    );
    assert_eq!(
        updates(&record, "2026-11-20T11:00:00Z")[0],
        s("in_progress", "10:30")
    );
}

#[test]
fn a_cancelled_window_is_completed_at_once_with_nothing_changed() {
    let record = planned("cancelled: true\n");
    let now = "2026-11-19T12:00:00Z";
    assert_eq!(
        updates(&record, now),
        [
            ("completed", "2026-11-19T12:00:00.000Z".to_string()),
            ("scheduled", "2026-11-19T12:00:00.000Z".to_string())
        ]
    );
}

#[test]
fn an_upcoming_window_is_announced_at_the_commit_that_added_it_in_every_build() {
    let record = planned("");
    let committed = Some("2026-11-18T09:30:00Z");
    for now in ["2026-11-19T08:00:00Z", "2026-11-19T20:00:00Z"] {
        assert_eq!(
            revised_updates(&record, now, committed),
            [("scheduled", "2026-11-18T09:30:00.000Z".to_string())],
            "{now}"
        );
    }
    let cancelled = planned("cancelled: true\n");
    assert_eq!(
        revised_updates(&cancelled, "2026-11-19T20:00:00Z", committed)[0],
        ("completed", "2026-11-18T09:30:00.000Z".to_string()),
        "called off by the commit that says so"
    );
}

#[test]
fn a_note_written_at_a_step_stands_for_it_once() {
    let record = planned(
        "started: 2026-11-20T09:50:00Z\nresolved: 2026-11-20T11:30:00Z\ntimeline:\n  - at: 2026-11-20T09:50:00Z\n    text: Begun.\n  - at: 2026-11-20T11:30:00Z\n    text: Done.\n    marks: resolved\n",
    );
    assert_eq!(
        updates(&record, "2026-11-20T13:00:00Z"),
        [
            s("completed", "11:30"),
            s("in_progress", "09:50"),
            s("scheduled", "09:50"),
        ],
        "the notes at `started` and `resolved` are those steps, not extra updates"
    );
}
