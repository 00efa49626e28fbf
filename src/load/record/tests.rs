//! Unit tests of the record loader.

use super::*;

fn load(text: &str) -> (Option<Record>, Vec<Finding>) {
    parse("2023-12-17-example", text, &RecordContext::default())
}

const MINIMAL: &str =
    "title: Example\nlang: en\nstatus: published\nseverity: minor\nstarted: 2023-12-17T03:56:00Z\n";

#[test]
fn minimal_record_loads() {
    let (record, findings) = load(MINIMAL);
    assert!(findings.is_empty(), "{findings:?}");
    let record = record.unwrap();
    assert_eq!(record.title.value, "Example");
    assert_eq!(record.title.span.start.line, 1);
    assert_eq!(record.title.span.start.column, 8);
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let (record, findings) =
        load("titel: x\nlang: fr\nstatus: publish\nseverity: huge\nstarted: soon\n");
    assert!(record.is_none());
    let rules: Vec<_> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "unknown-field",
            "missing-field",
            "invalid-value",
            "invalid-value",
            "invalid-value",
            "invalid-time"
        ]
    );
    assert_eq!(findings[0].help.as_deref(), Some("did you mean `title`?"));
    assert!(
        findings[3]
            .help
            .as_deref()
            .unwrap()
            .contains("did you mean `published`?")
    );
}

#[test]
fn drafts_need_neither_severity_nor_started() {
    let (record, findings) = load("title: x\nlang: en\nstatus: draft\n");
    assert!(findings.is_empty(), "{findings:?}");
    assert!(record.is_some());
}

#[test]
fn times_of_day_follow_the_entry_before() {
    let text = format!(
        "{MINIMAL}timezone: Europe/London\ntimeline:\n  - at: 2017-10-27\n    text: a\n  - at: 14:10\n    text: b\n"
    );
    let (record, findings) = load(&text);
    assert!(findings.is_empty(), "{findings:?}");
    let at = record.unwrap().timeline[1].at.value;
    assert_eq!(at.utc.to_rfc3339(), "2017-10-27T13:10:00+00:00");
}

/// Found with a hand-written input replayed through the `record` fuzz target: an instant
/// at the end of chrono's range, shown in a zone whose offset pushes it past that end,
/// panicked instead of being a finding.
#[test]
fn times_at_the_ends_of_the_calendar_are_findings_not_panics() {
    for (zone, started) in [
        ("Asia/Tokyo", "+262142-12-31T23:59:59Z"),
        ("America/New_York", "-262143-01-01T00:00:00Z"),
    ] {
        let text = format!(
            "title: X\nlang: en\nstatus: published\nseverity: minor\ntimezone: {zone}\nstarted: {started}\n"
        );
        let (_, findings) = load(&text);
        let rules: Vec<_> = findings
            .iter()
            .map(|f| (f.rule, f.span.start.line))
            .collect();
        assert_eq!(rules, [(RuleId::InvalidTime, 6)], "{findings:?}");
    }
}

#[test]
fn bad_ids_are_reported() {
    let (_, findings) = parse("Incident_1", MINIMAL, &RecordContext::default());
    assert_eq!(findings[0].rule.as_str(), "invalid-value");
    let (_, ok) = parse("2023-12-17", MINIMAL, &RecordContext::default());
    assert!(ok.is_empty());
}

#[test]
fn wrong_shapes_are_findings() {
    let (_, findings) = load(&format!(
        "{MINIMAL}timeline: yesterday\nactions:\n  - just text\n"
    ));
    let rules: Vec<_> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["invalid-value", "invalid-value"]);
}

#[test]
fn links_must_be_web_or_mail() {
    let (_, findings) = load(&format!(
        "{MINIMAL}actions:\n  - text: a\n    status: todo\n    link: javascript:alert(1)\n"
    ));
    assert_eq!(findings.len(), 1);
    assert!(findings[0].message.contains("javascript"));
}

const MAINTENANCE: &str = "title: Database upgrade\nlang: en\nstatus: published\nkind: maintenance\ntimezone: Europe/Berlin\nscheduled_for: 2024-03-05 22:00\nscheduled_until: 23:30\n";

#[test]
fn a_published_maintenance_needs_neither_severity_nor_started() {
    let (record, findings) = load(MAINTENANCE);
    assert!(findings.is_empty(), "{findings:?}");
    let record = record.unwrap();
    assert!(record.is_maintenance());
    assert!(record.severity.is_none() && record.started.is_none());
    // A time of day in `scheduled_until` is on the day of `scheduled_for`.
    let until = record.scheduled_until.clone().unwrap();
    assert_eq!(until.value.utc.to_rfc3339(), "2024-03-05T22:30:00+00:00");
    assert_eq!((until.span.start.line, until.span.start.column), (7, 18));
    assert!(record.auto_completes() && !record.is_cancelled());
}

#[test]
fn an_incident_still_needs_severity_and_started() {
    let text = MAINTENANCE.replace("kind: maintenance", "kind: incident");
    let (_, findings) = load(&text);
    let rules: Vec<_> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["missing-field", "missing-field"]);
}

#[test]
fn maintenance_flags_load_with_their_position() {
    let text = format!("{MAINTENANCE}auto_complete: false\ncancelled: true\n");
    let (record, findings) = load(&text);
    assert!(findings.is_empty(), "{findings:?}");
    let record = record.unwrap();
    assert!(!record.auto_completes() && record.is_cancelled());
    assert_eq!(record.cancelled.unwrap().span.start.line, 9);
    let text = MAINTENANCE.replace("kind: maintenance", "kind: planned");
    let (record, findings) = load(&format!("{text}cancelled: maybe\n"));
    assert!(record.is_none());
    let rules: Vec<_> = findings.iter().map(|f| f.rule.as_str()).collect();
    // Of an unknown kind it is unknown which fields are missing: no guesses.
    assert_eq!(rules, ["invalid-value", "invalid-value"], "{findings:?}");
}

#[test]
fn a_window_time_in_a_dst_gap_is_an_invalid_time() {
    // Clocks in Berlin went from 02:00 to 03:00 on 2024-03-31.
    let text = MAINTENANCE
        .replace("2024-03-05 22:00", "2024-03-31 02:30")
        .replace("until: 23:30", "until: 2024-03-31 04:00");
    let (_, findings) = load(&text);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule.as_str(), "invalid-time");
    assert!(findings[0].message.starts_with("`scheduled_for`"));
    assert_eq!(findings[0].span.start.line, 6);
}

/// An empty state under `affected` is a missing state, not a missing text.
#[test]
fn a_component_without_a_state_is_said_so() {
    for (state, found) in [("", "nothing"), (" [down]", "a list")] {
        let (_, findings) = load(&format!("{MINIMAL}affected:\n  api:{state}\n"));
        assert_eq!(findings.len(), 1, "{findings:?}");
        let message = &findings[0].message;
        assert_eq!(
            message,
            &format!("component `api` under `affected` has no state, found {found}")
        );
        assert!(
            findings[0]
                .help
                .as_deref()
                .unwrap()
                .contains("major_outage")
        );
    }
}
