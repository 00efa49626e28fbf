//! Status with maintenance windows: never downtime, components under maintenance while a
//! window is active, the page's indicator, and the upcoming/active/recent split.

use super::*;

#[test]
fn maintenance_is_no_incident_and_no_downtime() {
    let planned = record(
        "2026-11-20-upgrade",
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\nscheduled_for: 2026-11-20T10:00:00Z\nscheduled_until: 2026-11-20T12:00:00Z\nstarted: 2026-11-20T10:00:00Z\n",
    );
    let config = config();
    let status = derive(&[&planned], &config, &Revisions::new(), now());
    assert!(status.incidents.is_empty());
    assert!(uptime::span_of(&planned, "api", now()).is_none());
}

/// A published window on `affected`, 2026-11-22 11:00-13:00 UTC (around [`now`]), plus `extra`.
fn window(id: &str, affected: &str, extra: &str) -> Record {
    record(
        id,
        &format!(
            "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n{affected}timezone: UTC\nscheduled_for: 2026-11-22T11:00:00Z\nscheduled_until: 2026-11-22T13:00:00Z\n{extra}"
        ),
    )
}

fn states(status: &SiteStatus<'_>) -> Vec<ComponentStatus> {
    status.components.iter().map(|c| c.status).collect()
}

#[test]
fn an_active_window_puts_its_components_under_maintenance_and_the_page_in_maintenance() {
    let planned = window("2026-11-22-upgrade", "  api: under_maintenance\n", "");
    let config = config();
    let status = derive(&[&planned], &config, &Revisions::new(), now());
    use ComponentStatus::{Operational, UnderMaintenance};
    assert_eq!(
        states(&status),
        [UnderMaintenance, Operational, Operational]
    );
    assert_eq!(status.indicator, Impact::None);
    assert_eq!(status.page_indicator, Indicator::Maintenance);
    assert_eq!(status.page_indicator.as_str(), "maintenance");
    assert_eq!(status.active().count(), 1);
    assert_eq!(status.next_change(), Some(at("2026-11-22T13:00:00Z")));
    // Maintenance time is never downtime, even while the window is on.
    assert_eq!(status.components[0].uptime.percent, 100.0);
    assert!(
        status.components[0]
            .uptime
            .days
            .iter()
            .all(|d| d.downtime == 0.0)
    );

    // Before and after the window the page is operational.
    let before = derive(
        &[&planned],
        &config,
        &Revisions::new(),
        at("2026-11-22T10:00:00Z"),
    );
    assert_eq!(states(&before), [Operational; 3]);
    assert_eq!(before.page_indicator, Indicator::None);
    assert_eq!(before.upcoming().count(), 1);
    assert_eq!(before.next_change(), Some(at("2026-11-22T11:00:00Z")));
    let after = derive(
        &[&planned],
        &config,
        &Revisions::new(),
        at("2026-11-22T13:00:00Z"),
    );
    assert_eq!(states(&after), [Operational; 3]);
    assert_eq!(after.page_indicator, Indicator::None);
    assert_eq!(after.recent().count(), 1);
    assert_eq!(after.next_change(), None);
}

#[test]
fn an_ongoing_incident_outranks_maintenance_on_components_and_the_indicator() {
    let planned = window(
        "2026-11-22-upgrade",
        "  api: under_maintenance\n  web: under_maintenance\n",
        "",
    );
    let outage = record(
        "2026-11-22-outage",
        &published(
            "minor",
            "  api: degraded_performance\n",
            "2026-11-22T11:30:00Z",
            None,
        ),
    );
    let config = config();
    let status = derive(&[&planned, &outage], &config, &Revisions::new(), now());
    use ComponentStatus::{DegradedPerformance, Operational, UnderMaintenance};
    assert_eq!(
        states(&status),
        [DegradedPerformance, UnderMaintenance, Operational]
    );
    assert_eq!(status.indicator, Impact::Minor);
    assert_eq!(status.page_indicator, Indicator::Minor);
}

#[test]
fn cancelled_and_unpublished_windows_change_nothing() {
    let cancelled = window(
        "2026-11-22-cancelled",
        "  api: under_maintenance\n",
        "cancelled: true\n",
    );
    let draft = record(
        "2026-11-22-draft",
        "title: Upgrade\nlang: en\nstatus: draft\nkind: maintenance\naffected:\n  web: under_maintenance\ntimezone: UTC\nscheduled_for: 2026-11-22T11:00:00Z\nscheduled_until: 2026-11-22T13:00:00Z\n",
    );
    let config = config();
    let status = derive(&[&cancelled, &draft], &config, &Revisions::new(), now());
    assert_eq!(states(&status), [ComponentStatus::Operational; 3]);
    assert_eq!(status.page_indicator, Indicator::None);
    assert_eq!(status.maintenances.len(), 1);
    assert!(status.maintenances[0].cancelled);
    assert_eq!(status.active().count(), 0);
    assert_eq!(status.next_change(), None);
    // `serve` previews drafts as if published.
    let preview = derive_for(
        &[&cancelled, &draft],
        &config,
        &Revisions::new(),
        now(),
        true,
        &|_| None,
    );
    assert_eq!(
        preview.components[1].status,
        ComponentStatus::UnderMaintenance
    );
}

#[test]
fn maintenances_are_split_into_upcoming_active_and_recent() {
    let config = config();
    let past = record(
        "2026-11-01-past",
        "title: Past\nlang: en\nstatus: published\nkind: maintenance\ntimezone: UTC\nscheduled_for: 2026-11-01T10:00:00Z\nscheduled_until: 2026-11-01T11:00:00Z\n",
    );
    let older = record(
        "2026-10-01-older",
        "title: Older\nlang: en\nstatus: published\nkind: maintenance\ntimezone: UTC\nscheduled_for: 2026-10-01T10:00:00Z\nscheduled_until: 2026-10-01T11:00:00Z\n",
    );
    let verifying = record(
        "2026-11-22-verify",
        "title: Verify\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  db: under_maintenance\ntimezone: UTC\nscheduled_for: 2026-11-22T11:00:00Z\nscheduled_until: 2026-11-22T11:30:00Z\nauto_complete: false\n",
    );
    let soon = record(
        "2026-12-01-soon",
        "title: Soon\nlang: en\nstatus: published\nkind: maintenance\ntimezone: UTC\nscheduled_for: 2026-12-01T10:00:00Z\nscheduled_until: 2026-12-01T11:00:00Z\n",
    );
    let later = record(
        "2026-12-08-later",
        "title: Later\nlang: en\nstatus: published\nkind: maintenance\ntimezone: UTC\nscheduled_for: 2026-12-08T10:00:00Z\nscheduled_until: 2026-12-08T11:00:00Z\n",
    );
    let records = [&later, &past, &verifying, &older, &soon];
    let status = derive(&records, &config, &Revisions::new(), now());
    let ids = |it: &mut dyn Iterator<Item = &Maintenance<'_>>| -> Vec<String> {
        it.map(|m| m.record.id.clone()).collect()
    };
    assert_eq!(
        ids(&mut status.upcoming()),
        ["2026-12-01-soon", "2026-12-08-later"]
    );
    assert_eq!(ids(&mut status.active()), ["2026-11-22-verify"]);
    assert_eq!(
        status.active().next().unwrap().status,
        MaintenanceStatus::Verifying
    );
    assert_eq!(
        ids(&mut status.recent()),
        ["2026-11-01-past", "2026-10-01-older"]
    );
    assert_eq!(
        status.components[2].status,
        ComponentStatus::UnderMaintenance
    );
    assert_eq!(status.page_indicator, Indicator::Maintenance);
    // Verifying waits for a person; the next change is the soonest window starting.
    assert_eq!(status.next_change(), Some(at("2026-12-01T10:00:00Z")));
}
