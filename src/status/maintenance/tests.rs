//! Maintenance statuses and next changes at fixed "now" values around hand-written windows.

use chrono::{DateTime, Utc};

use super::*;
use crate::load::{RecordContext, record};

fn record(yaml: &str) -> Record {
    let (record, findings) = record::parse("2026-11-20-upgrade", yaml, &RecordContext::default());
    assert!(findings.is_empty(), "{findings:?}");
    record.unwrap()
}

/// A published window 10:00-12:00 UTC on 2026-11-20, plus `extra` fields.
fn planned(extra: &str) -> Record {
    record(&format!(
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: UTC\nscheduled_for: 2026-11-20T10:00:00Z\nscheduled_until: 2026-11-20T12:00:00Z\n{extra}"
    ))
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn status(record: &Record, now: &str) -> MaintenanceStatus {
    maintenance(record, at(now)).unwrap().status
}

fn next(record: &Record, now: &str) -> Option<DateTime<Utc>> {
    let now = at(now);
    next_change(&[maintenance(record, now).unwrap()], now)
}

use MaintenanceStatus::{Completed, InProgress, Scheduled, Verifying};

#[test]
fn a_window_is_scheduled_then_in_progress_then_completed_by_itself() {
    let window = planned("");
    assert_eq!(status(&window, "2026-11-20T09:59:59Z"), Scheduled);
    assert_eq!(status(&window, "2026-11-20T10:00:00Z"), InProgress);
    assert_eq!(status(&window, "2026-11-20T11:59:59Z"), InProgress);
    assert_eq!(status(&window, "2026-11-20T12:00:00Z"), Completed);
    assert_eq!(status(&window, "2026-11-22T12:00:00Z"), Completed);
}

#[test]
fn without_auto_complete_a_passed_window_is_verifying_until_resolved() {
    let window = planned("auto_complete: false\n");
    assert_eq!(status(&window, "2026-11-20T11:00:00Z"), InProgress);
    assert_eq!(status(&window, "2026-11-20T12:00:00Z"), Verifying);
    assert_eq!(status(&window, "2026-11-25T12:00:00Z"), Verifying);
    let resolved = planned("auto_complete: false\nresolved: 2026-11-20T12:40:00Z\n");
    assert_eq!(status(&resolved, "2026-11-20T12:39:00Z"), Verifying);
    assert_eq!(status(&resolved, "2026-11-20T12:40:00Z"), Completed);
}

#[test]
fn started_without_resolved_is_in_progress_even_after_the_window() {
    // Work begun early, and never said to be over: in progress whatever the window says.
    let window = planned("started: 2026-11-20T09:50:00Z\n");
    assert_eq!(status(&window, "2026-11-20T09:49:00Z"), Scheduled);
    assert_eq!(status(&window, "2026-11-20T09:50:00Z"), InProgress);
    assert_eq!(status(&window, "2026-11-20T13:00:00Z"), InProgress);
    let done = planned("started: 2026-11-20T10:02:00Z\nresolved: 2026-11-20T11:15:00Z\n");
    assert_eq!(status(&done, "2026-11-20T11:14:59Z"), InProgress);
    assert_eq!(status(&done, "2026-11-20T11:15:00Z"), Completed);
}

#[test]
fn a_cancelled_window_is_marked_and_never_in_progress() {
    let window = planned("cancelled: true\nstarted: 2026-11-20T10:00:00Z\n");
    let before = maintenance(&window, at("2026-11-20T09:00:00Z")).unwrap();
    assert!(before.cancelled);
    assert_eq!(before.status, Scheduled);
    assert_eq!(status(&window, "2026-11-20T10:30:00Z"), Completed);
    assert!(
        !maintenance(&window, at("2026-11-20T10:30:00Z"))
            .unwrap()
            .is_active()
    );
    assert!(
        !maintenance(&planned(""), at("2026-11-20T09:00:00Z"))
            .unwrap()
            .cancelled
    );
}

#[test]
fn incidents_and_windowless_records_have_no_maintenance_view() {
    let incident = record(
        "title: Outage\nlang: en\nstatus: published\nseverity: minor\ntimezone: UTC\nstarted: 2026-11-20T10:00:00Z\n",
    );
    assert!(maintenance(&incident, at("2026-11-20T11:00:00Z")).is_none());
    let windowless = record(
        "title: Upgrade\nlang: en\nstatus: draft\nkind: maintenance\nscheduled_for: 2026-11-20T10:00:00Z\n",
    );
    assert!(maintenance(&windowless, at("2026-11-20T11:00:00Z")).is_none());
}

#[test]
fn a_window_across_the_autumn_dst_change_lasts_three_real_hours() {
    // Europe/Berlin, 2026-10-25: 01:30 CEST (23:30Z the day before) to 03:30 CET (02:30Z).
    // On the wall clock it reads two hours; the clocks go back at 03:00 CEST, so it is three.
    let window = record(
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: Europe/Berlin\nscheduled_for: 2026-10-25 01:30\nscheduled_until: 2026-10-25 03:30\n",
    );
    let view = maintenance(&window, at("2026-10-24T23:00:00Z")).unwrap();
    assert_eq!(view.scheduled_for, at("2026-10-24T23:30:00Z"));
    assert_eq!(view.scheduled_until, at("2026-10-25T02:30:00Z"));
    assert_eq!(status(&window, "2026-10-24T23:29:59Z"), Scheduled);
    assert_eq!(status(&window, "2026-10-24T23:30:00Z"), InProgress);
    // Two wall-clock hours after the start, 01:30Z: still inside.
    assert_eq!(status(&window, "2026-10-25T01:45:00Z"), InProgress);
    assert_eq!(status(&window, "2026-10-25T02:29:59Z"), InProgress);
    assert_eq!(status(&window, "2026-10-25T02:30:00Z"), Completed);
    assert_eq!(
        next(&window, "2026-10-24T23:00:00Z"),
        Some(at("2026-10-24T23:30:00Z"))
    );
    assert_eq!(
        next(&window, "2026-10-25T01:45:00Z"),
        Some(at("2026-10-25T02:30:00Z"))
    );
}

#[test]
fn a_window_across_the_spring_dst_change_lasts_one_real_hour() {
    // Europe/Berlin, 2026-03-29: 01:30 CET (00:30Z) to 03:30 CEST (01:30Z); 02:xx never happens.
    let window = record(
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\ntimezone: Europe/Berlin\nscheduled_for: 2026-03-29 01:30\nscheduled_until: 2026-03-29 03:30\n",
    );
    assert_eq!(status(&window, "2026-03-29T00:29:00Z"), Scheduled);
    assert_eq!(status(&window, "2026-03-29T01:29:00Z"), InProgress);
    assert_eq!(status(&window, "2026-03-29T01:30:00Z"), Completed);
    assert_eq!(
        next(&window, "2026-03-29T00:45:00Z"),
        Some(at("2026-03-29T01:30:00Z"))
    );
}

#[test]
fn next_change_is_the_window_starting_then_auto_completing() {
    let window = planned("");
    assert_eq!(
        next(&window, "2026-11-19T00:00:00Z"),
        Some(at("2026-11-20T10:00:00Z"))
    );
    assert_eq!(
        next(&window, "2026-11-20T10:00:00Z"),
        Some(at("2026-11-20T12:00:00Z"))
    );
    assert_eq!(next(&window, "2026-11-20T12:00:00Z"), None);
}

#[test]
fn next_change_waits_for_a_person_where_only_an_edit_can_end_the_work() {
    // Verifying, and started-never-resolved, change only when someone writes `resolved`.
    let manual = planned("auto_complete: false\n");
    assert_eq!(
        next(&manual, "2026-11-20T09:00:00Z"),
        Some(at("2026-11-20T10:00:00Z"))
    );
    // In progress turns verifying by itself at the end; only verifying waits.
    assert_eq!(
        next(&manual, "2026-11-20T11:00:00Z"),
        Some(at("2026-11-20T12:00:00Z"))
    );
    assert_eq!(next(&manual, "2026-11-20T13:00:00Z"), None);
    let started = planned("started: 2026-11-20T10:00:00Z\n");
    assert_eq!(next(&started, "2026-11-20T11:00:00Z"), None);
    // A resolved time written ahead is an instant at which the status changes.
    let ends_early = planned("resolved: 2026-11-20T11:00:00Z\n");
    assert_eq!(
        next(&ends_early, "2026-11-20T10:30:00Z"),
        Some(at("2026-11-20T11:00:00Z"))
    );
}

#[test]
fn next_change_of_a_cancelled_window_is_only_its_leaving_the_upcoming_list() {
    let window = planned("cancelled: true\n");
    assert_eq!(
        next(&window, "2026-11-20T09:00:00Z"),
        Some(at("2026-11-20T10:00:00Z"))
    );
    assert_eq!(next(&window, "2026-11-20T10:30:00Z"), None);
}

#[test]
fn next_change_over_several_windows_is_the_soonest() {
    let first = planned("");
    let later = record(
        "title: Later\nlang: en\nstatus: published\nkind: maintenance\ntimezone: UTC\nscheduled_for: 2026-11-20T11:00:00Z\nscheduled_until: 2026-11-20T11:30:00Z\n",
    );
    let now = at("2026-11-20T10:30:00Z");
    let views = [
        maintenance(&first, now).unwrap(),
        maintenance(&later, now).unwrap(),
    ];
    assert_eq!(next_change(&views, now), Some(at("2026-11-20T11:00:00Z")));
    assert_eq!(next_change(&[], now), None);
}

#[test]
fn a_day_only_end_lasts_the_whole_day() {
    let window = record(
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\ntimezone: UTC\nscheduled_for: 2026-11-20\nscheduled_until: 2026-11-20\n",
    );
    assert_eq!(status(&window, "2026-11-20T23:59:00Z"), InProgress);
    assert_eq!(status(&window, "2026-11-21T00:00:00Z"), Completed);
}

#[test]
fn a_windows_revision_is_its_git_change_or_a_passed_time_never_a_planned_one() {
    let window = planned("started: 2026-11-20T10:05:00Z\nresolved: 2026-11-20T11:30:00Z\n");
    let revised = |git: Option<&str>, now: &str| {
        let pairs: Vec<(&str, DateTime<Utc>)> = git
            .map(|g| ("2026-11-20-upgrade", at(g)))
            .into_iter()
            .collect();
        let revisions = Revisions::of(&pairs);
        maintenance(&window, at(now))
            .unwrap()
            .revised_by(&revisions, at(now))
            .revised
    };
    assert_eq!(revised(None, "2026-11-19T12:00:00Z"), None);
    assert_eq!(
        revised(None, "2026-11-20T11:00:00Z"),
        Some(at("2026-11-20T10:05:00Z")),
        "the resolution to come is no change yet"
    );
    assert_eq!(
        revised(Some("2026-11-01T08:00:00Z"), "2026-11-19T12:00:00Z"),
        Some(at("2026-11-01T08:00:00Z"))
    );
    assert_eq!(
        revised(Some("2026-11-20T12:00:00Z"), "2026-11-22T00:00:00Z"),
        Some(at("2026-11-20T12:00:00Z"))
    );
}

#[test]
fn a_windows_last_change_counts_its_status_changing_by_itself() {
    let changed = |now: &str| maintenance(&planned(""), at(now)).unwrap().changed(at(now));
    assert_eq!(changed("2026-11-20T09:00:00Z"), None);
    assert_eq!(
        changed("2026-11-20T11:00:00Z"),
        Some(at("2026-11-20T10:00:00Z"))
    );
    assert_eq!(
        changed("2026-11-21T00:00:00Z"),
        Some(at("2026-11-20T12:00:00Z"))
    );
    let window = planned("");
    let mut revised = maintenance(&window, at("2026-11-21T00:00:00Z")).unwrap();
    revised.revised = Some(at("2026-11-20T18:00:00Z"));
    assert_eq!(
        revised.changed(at("2026-11-21T00:00:00Z")),
        Some(at("2026-11-20T18:00:00Z"))
    );
}

#[test]
fn a_windows_last_change_skips_instants_at_which_nothing_changed() {
    let changed =
        |window: &Record, now: &str| maintenance(window, at(now)).unwrap().changed(at(now));
    // Called off: it leaves the upcoming list at its start, and its end changes nothing.
    let cancelled = planned("cancelled: true\n");
    assert_eq!(
        changed(&cancelled, "2026-11-21T00:00:00Z"),
        Some(at("2026-11-20T10:00:00Z"))
    );
    // Begun early: in progress from `started`, so `scheduled_for` changes nothing.
    let early = planned("started: 2026-11-20T09:30:00Z\n");
    assert_eq!(
        changed(&early, "2026-11-20T11:00:00Z"),
        Some(at("2026-11-20T09:30:00Z"))
    );
    // Begun and never ended: still in progress after the window, so its end changes nothing.
    assert_eq!(
        changed(&early, "2026-11-20T13:00:00Z"),
        Some(at("2026-11-20T09:30:00Z"))
    );
}
