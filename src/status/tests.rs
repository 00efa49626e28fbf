//! Status derived from small record sets whose figures are worked out by hand.

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::load::Limits;
use crate::load::{RecordContext, config, record};

fn config() -> SiteConfig {
    let (config, findings) = config::parse(
        "title: T\nbase_url: https://status.example.com/\nlanguages: [en]\ntimezone: UTC\ncomponents:\n  - {id: api, name: API}\n  - {id: web, name: Web}\n  - {id: db, name: DB}\n",
        &Limits::default(),
    );
    assert!(findings.is_empty(), "{findings:?}");
    config
}

fn record(id: &str, yaml: &str) -> Record {
    let (record, findings) = record::parse(id, yaml, &RecordContext::default());
    assert!(findings.is_empty(), "{id}: {findings:?}");
    record.unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// Noon on 2026-11-22: the window is 89 whole days and half of today, 7,732,800 seconds.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

const WINDOW: f64 = 89.0 * 86_400.0 + 43_200.0;

fn published(severity: &str, affected: &str, started: &str, resolved: Option<&str>) -> String {
    let resolved = resolved.map_or(String::new(), |r| format!("resolved: {r}\n"));
    format!(
        "title: An incident\nlang: en\nstatus: published\nseverity: {severity}\naffected:\n{affected}timezone: UTC\nstarted: {started}\n{resolved}summary: s\nimpact: i\nroot_cause: r\nresolution: r\n"
    )
}

#[test]
fn overlapping_incidents_merge_and_the_worst_status_wins() {
    // api: a partial outage 10:00-14:00 and a major outage 12:00-13:00 on 2026-11-20.
    // Merged: 10-12 partial (2 h x 0.3), 12-13 major (1 h), 13-14 partial (1 h x 0.3):
    // 2160 + 3600 + 1080 = 6840 weighted seconds, not 4320 + 3600 counted twice.
    let a = record(
        "2026-11-20-a",
        &published(
            "major",
            "  api: partial_outage\n",
            "2026-11-20T10:00:00Z",
            Some("2026-11-20T14:00:00Z"),
        ),
    );
    let b = record(
        "2026-11-20-b",
        &published(
            "critical",
            "  api: major_outage\n  web: degraded_performance\n",
            "2026-11-20T12:00:00Z",
            Some("2026-11-20T13:00:00Z"),
        ),
    );
    let config = config();
    let status = derive(&[&a, &b], &config, &HashMap::new(), now());
    let api = &status.components[0];
    let day = api
        .uptime
        .days
        .iter()
        .find(|d| d.date.to_string() == "2026-11-20")
        .unwrap();
    assert_eq!(day.downtime, 6840.0);
    assert_eq!(day.worst, ComponentStatus::MajorOutage);
    assert!((api.uptime.percent - 100.0 * (1.0 - 6840.0 / WINDOW)).abs() < 1e-9);
    assert_eq!(api.uptime.days.len(), 90);
    assert_eq!(api.uptime.days[0].date.to_string(), "2026-08-25");
    assert_eq!(api.uptime.days[89].window, 43_200);
    // Degraded performance is no downtime, but it colours the day.
    let web = &status.components[1];
    assert_eq!(web.uptime.percent, 100.0);
    let web_day = web
        .uptime
        .days
        .iter()
        .find(|d| d.date.to_string() == "2026-11-20")
        .unwrap();
    assert_eq!(
        (web_day.downtime, web_day.worst),
        (0.0, ComponentStatus::DegradedPerformance)
    );
    // Both are over: everything is operational and the indicator is none.
    assert_eq!(status.indicator, Impact::None);
    assert!(
        status
            .components
            .iter()
            .all(|c| c.status == ComponentStatus::Operational)
    );
    let ids: Vec<&str> = api
        .incidents
        .iter()
        .map(|&i| status.incidents[i].id())
        .collect();
    assert_eq!(ids, ["2026-11-20-b", "2026-11-20-a"], "newest first");
}

#[test]
fn an_ongoing_incident_counts_until_now_and_across_midnight() {
    // db: a major outage since 2026-11-21 22:00, still ongoing at noon on the 22nd:
    // 2 h on the 21st, 12 h on the 22nd.
    let ongoing = record(
        "2026-11-21-db",
        &published(
            "minor",
            "  db: major_outage\n",
            "2026-11-21T22:00:00Z",
            None,
        ),
    );
    let config = config();
    let status = derive(&[&ongoing], &config, &HashMap::new(), now());
    let db = &status.components[2];
    assert_eq!(db.status, ComponentStatus::MajorOutage);
    assert_eq!(db.uptime.days[88].downtime, 7200.0);
    assert_eq!(db.uptime.days[89].downtime, 43_200.0);
    assert_eq!(db.uptime.days[89].downtime_share(), 1.0);
    assert!((db.uptime.percent - 100.0 * (1.0 - 50_400.0 / WINDOW)).abs() < 1e-9);
    assert_eq!(status.indicator, Impact::Minor);
    let incident = &status.incidents[0];
    assert!(incident.is_ongoing());
    assert_eq!(incident.status, IncidentStatus::Investigating);
    assert_eq!(incident.updates.len(), 1);
}

#[test]
fn drafts_and_reviews_are_not_public() {
    let draft = record(
        "2026-11-21-draft",
        "title: Draft\nlang: en\nstatus: draft\nseverity: critical\naffected:\n  api: major_outage\nstarted: 2026-11-21T10:00:00Z\n",
    );
    let review = record(
        "2026-11-21-review",
        &published(
            "critical",
            "  api: major_outage\n",
            "2026-11-21T10:00:00Z",
            None,
        )
        .replace("status: published", "status: review"),
    );
    let config = config();
    let status = derive(&[&draft, &review], &config, &HashMap::new(), now());
    assert!(status.incidents.is_empty());
    assert_eq!(status.indicator, Impact::None);
    assert_eq!(status.components[0].status, ComponentStatus::Operational);
    assert_eq!(status.components[0].uptime.percent, 100.0);
}

#[test]
fn incidents_before_the_window_do_not_count() {
    let old = record(
        "2023-12-17-old",
        &published(
            "critical",
            "  api: major_outage\n",
            "2023-12-17T03:56:00Z",
            Some("2023-12-17T04:15:00Z"),
        ),
    );
    let config = config();
    let status = derive(&[&old], &config, &HashMap::new(), now());
    assert_eq!(status.components[0].uptime.percent, 100.0);
    assert_eq!(status.incidents[0].status, IncidentStatus::Postmortem);
    assert_eq!(status.since, at("2023-12-17T03:56:00Z"));
}

#[test]
fn updates_come_from_timeline_statuses_newest_first() {
    let text = published(
        "major",
        "  api: major_outage\n",
        "2026-11-20T10:00:00Z",
        Some("2026-11-20T11:00:00Z"),
    ) + "timeline:\n  - at: 2026-11-20T10:05:00Z\n    status: investigating\n    text: Looking.\n  - at: 2026-11-20T10:20:00Z\n    text: Internal note.\n  - at: 2026-11-20T10:30:00Z\n    status: monitoring\n    text: Fixed, watching.\n";
    let incident = record("2026-11-20-u", &text);
    let got = updates::updates(&incident);
    let summary: Vec<(IncidentStatus, String, String)> = got
        .iter()
        .map(|u| (u.status, u.at.to_rfc3339(), u.key()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                IncidentStatus::Resolved,
                "2026-11-20T11:00:00+00:00".into(),
                "resolved".into()
            ),
            (
                IncidentStatus::Monitoring,
                "2026-11-20T10:30:00+00:00".into(),
                "t3".into()
            ),
            (
                IncidentStatus::Investigating,
                "2026-11-20T10:05:00+00:00".into(),
                "t1".into()
            ),
        ]
    );
    let config = config();
    let status = derive(&[&incident], &config, &HashMap::new(), now());
    assert_eq!(
        status.incidents[0].monitoring,
        Some(at("2026-11-20T10:30:00Z"))
    );
}

#[test]
fn updates_are_derived_from_milestones_when_no_entry_has_a_status() {
    let text = published(
        "minor",
        "  api: partial_outage\n",
        "2026-11-20T10:00:00Z",
        None,
    ) + "detected: 2026-11-20T10:07:00Z\nmitigated: 2026-11-20T10:40:00Z\n";
    let incident = record("2026-11-20-m", &text);
    let config = config();
    let status = derive(&[&incident], &config, &HashMap::new(), now());
    let incident = &status.incidents[0];
    assert_eq!(incident.status, IncidentStatus::Monitoring);
    let keys: Vec<String> = incident.updates.iter().map(Update::key).collect();
    assert_eq!(keys, ["mitigated", "detected"]);
}

#[test]
fn a_resolved_incident_is_postmortem_only_once_its_postmortem_is_begun() {
    let config = config();
    let status_of = |yaml: &str| {
        let record = record("2026-11-20-a", yaml);
        derive(&[&record], &config, &HashMap::new(), now()).incidents[0].status
    };
    let written = published(
        "major",
        "  api: partial_outage\n",
        "2026-11-20T10:00:00Z",
        Some("2026-11-20T14:00:00Z"),
    );
    assert_eq!(status_of(&written), IncidentStatus::Postmortem);
    let updates_only = "title: An incident\nlang: en\nstatus: published\nseverity: major\ntimezone: UTC\nstarted: 2026-11-20T10:00:00Z\nresolved: 2026-11-20T14:00:00Z\ntimeline:\n  - at: 2026-11-20T10:10:00Z\n    status: investigating\n    text: Looking.\n";
    assert_eq!(status_of(updates_only), IncidentStatus::Resolved);
    let one_section = format!("{updates_only}root_cause: A bad deploy.\n");
    assert_eq!(status_of(&one_section), IncidentStatus::Postmortem);
}

#[test]
fn maintenance_is_no_incident_and_no_downtime() {
    let planned = record(
        "2026-11-20-upgrade",
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\nscheduled_for: 2026-11-20T10:00:00Z\nscheduled_until: 2026-11-20T12:00:00Z\nstarted: 2026-11-20T10:00:00Z\n",
    );
    let config = config();
    let status = derive(&[&planned], &config, &HashMap::new(), now());
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
    let status = derive(&[&planned], &config, &HashMap::new(), now());
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
        &HashMap::new(),
        at("2026-11-22T10:00:00Z"),
    );
    assert_eq!(states(&before), [Operational; 3]);
    assert_eq!(before.page_indicator, Indicator::None);
    assert_eq!(before.upcoming().count(), 1);
    assert_eq!(before.next_change(), Some(at("2026-11-22T11:00:00Z")));
    let after = derive(
        &[&planned],
        &config,
        &HashMap::new(),
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
    let status = derive(&[&planned, &outage], &config, &HashMap::new(), now());
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
    let status = derive(&[&cancelled, &draft], &config, &HashMap::new(), now());
    assert_eq!(states(&status), [ComponentStatus::Operational; 3]);
    assert_eq!(status.page_indicator, Indicator::None);
    assert_eq!(status.maintenances.len(), 1);
    assert!(status.maintenances[0].cancelled);
    assert_eq!(status.active().count(), 0);
    assert_eq!(status.next_change(), None);
    // `serve` previews drafts as if published.
    let preview = derive_for(&[&cancelled, &draft], &config, &HashMap::new(), now(), true);
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
    let status = derive(&records, &config, &HashMap::new(), now());
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
