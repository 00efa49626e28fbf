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
    let status = derive(&[&a, &b], &config, &Revisions::new(), now());
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
    let status = derive(&[&ongoing], &config, &Revisions::new(), now());
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
    let status = derive(&[&draft, &review], &config, &Revisions::new(), now());
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
    let status = derive(&[&old], &config, &Revisions::new(), now());
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
                "monitoring-1795170600".into()
            ),
            (
                IncidentStatus::Investigating,
                "2026-11-20T10:05:00+00:00".into(),
                "investigating-1795169100".into()
            ),
        ]
    );
    let config = config();
    let status = derive(&[&incident], &config, &Revisions::new(), now());
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
    let status = derive(&[&incident], &config, &Revisions::new(), now());
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
        derive(&[&record], &config, &Revisions::new(), now()).incidents[0].status
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

mod maintenance;
