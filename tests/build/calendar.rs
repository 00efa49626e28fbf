//! The maintenance calendars (`<lang>/maintenance.ics`), read back by a real iCalendar parser
//! (the `icalendar` crate), at fixed "now" values before, inside and after a window that
//! spans the end of summer time in Berlin. The project here serves `maintenance_feeds` too.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike,
    EventStatus,
};
use scraper::Html;

use crate::common::{Project, edit, files, read};
use crate::{select, served_file};

pub(crate) const BASE: &str = "https://status.example.com/";

const CONFIG: &str = "\
base_url: https://status.example.com/
languages: [en, de]
components:
  - id: api
    name: {en: Public API, de: Öffentliche API}
  - id: web
    name: {en: Website, de: Webseite}
";

/// 01:30 CEST to 04:00 CET on the night the clocks go back: 3½ hours, 23:30–03:00 UTC.
const DST_WINDOW: &str = "\
title: 'Database upgrade; replica, primary \\ and <b>more</b>'
lang: en
status: published
kind: maintenance
affected:
  api: under_maintenance
timezone: Europe/Berlin
scheduled_for: 2026-10-25 01:30
scheduled_until: 2026-10-25 04:00
summary: |
  We upgrade the database.
  Writes pause, reads continue.
impact: |
  The API answers *read-only* for up to 30 minutes; see <script>alert(1)</script>.
";

const CANCELLED: &str = "\
title: Cache migration
lang: en
status: published
kind: maintenance
cancelled: true
affected:
  web: under_maintenance
timezone: UTC
scheduled_for: 2026-10-27 10:00
scheduled_until: 2026-10-27 11:00
summary: Called off.
";

const DRAFT: &str = "\
title: SECRET-DRAFT-MAINTENANCE
lang: en
status: draft
kind: maintenance
affected:
  api: under_maintenance
timezone: UTC
scheduled_for: 2026-10-28 10:00
scheduled_until: 2026-10-28 11:00
summary: SECRET-DRAFT-MAINTENANCE
";

const REVIEW: &str = "\
title: SECRET-REVIEW-MAINTENANCE
lang: en
status: review
kind: maintenance
affected:
  web: under_maintenance
timezone: UTC
scheduled_for: 2026-10-29 10:00
scheduled_until: 2026-10-29 11:00
summary: SECRET-REVIEW-MAINTENANCE
";

/// Ended long before every "now" below: out of the calendar's 90 days.
const OLD: &str = "\
title: Old window
lang: en
status: published
kind: maintenance
affected:
  web: under_maintenance
timezone: UTC
scheduled_for: 2026-06-01 10:00
scheduled_until: 2026-06-01 12:00
summary: Long ago.
";

const API_INCIDENT: &str = "\
title: API errors
lang: en
status: published
severity: minor
affected:
  api: partial_outage
timezone: UTC
started: 2026-10-20T10:00:00Z
resolved: 2026-10-20T11:00:00Z
summary: s
impact: i
root_cause: r
resolution: r
actions:
  - text: a
    status: done
";

const WEB_INCIDENT: &str = "\
title: Website slow
lang: en
status: published
severity: minor
affected:
  web: degraded_performance
timezone: UTC
started: 2026-10-21T10:00:00Z
resolved: 2026-10-21T11:00:00Z
summary: s
impact: i
root_cause: r
resolution: r
actions:
  - text: a
    status: done
";

pub(crate) const DST_ID: &str = "2026-10-25-database-upgrade";
pub(crate) const CANCELLED_ID: &str = "2026-10-27-cache-migration";

pub(crate) fn project() -> Project {
    Project::new()
        .config(CONFIG)
        .record(&format!("{DST_ID}.yaml"), DST_WINDOW)
        .record(&format!("{CANCELLED_ID}.yaml"), CANCELLED)
        .record("2026-10-28-secret-draft.yaml", DRAFT)
        .record("2026-10-29-secret-review.yaml", REVIEW)
        .record("2026-06-01-old-window.yaml", OLD)
        .record("2026-10-20-api-errors.yaml", API_INCIDENT)
        .record("2026-10-21-website-slow.yaml", WEB_INCIDENT)
}

pub(crate) fn at(rfc3339: &str) -> DateTime<Utc> {
    rfc3339.parse().unwrap()
}

/// Builds `project` at `now` into a new temporary folder.
pub(crate) fn build_at(project: &Project, now: DateTime<Utc>) -> (tempfile::TempDir, PathBuf) {
    project.build_at(now.timestamp())
}

/// The calendar of `lang`, checked as bytes (CRLF, folded lines) and parsed.
fn calendar(out: &Path, lang: &str) -> Calendar {
    let text = read(out, &format!("{lang}/maintenance.ics"));
    assert!(text.ends_with("\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    Calendar::from_str(&text).unwrap_or_else(|e| panic!("{lang}: {e}"))
}

fn events(calendar: &Calendar) -> Vec<&Event> {
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .collect()
}

fn event<'c>(calendar: &'c Calendar, id: &str) -> &'c Event {
    let uid = format!("{id}@status.example.com");
    events(calendar)
        .into_iter()
        .find(|e| e.get_uid() == Some(uid.as_str()))
        .unwrap_or_else(|| panic!("no event {uid}"))
}

fn utc(time: Option<DatePerhapsTime>) -> DateTime<Utc> {
    match time {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at,
        other => panic!("not a UTC time: {other:?}"),
    }
}

#[test]
fn calendars_list_published_windows_in_utc_before_inside_and_after() {
    let project = project();
    for now in [
        at("2026-10-24T12:00:00Z"),
        at("2026-10-25T01:00:00Z"),
        at("2026-10-26T12:00:00Z"),
    ] {
        let (_dir, out) = build_at(&project, now);
        for (lang, name) in [("en", " – Maintenance"), ("de", " – Wartung")] {
            let calendar = calendar(&out, lang);
            assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
            assert_eq!(calendar.property_value("METHOD"), Some("PUBLISH"));
            assert_eq!(calendar.property_value("CALSCALE"), Some("GREGORIAN"));
            assert!(calendar.property_value("PRODID").is_some());
            assert!(
                calendar
                    .property_value("X-WR-CALNAME")
                    .is_some_and(|n| n.ends_with(name)),
                "{lang}"
            );
            let mut uids: Vec<&str> = events(&calendar)
                .iter()
                .map(|e| e.get_uid().unwrap())
                .collect();
            uids.sort();
            assert_eq!(
                uids,
                [
                    "2026-10-25-database-upgrade@status.example.com",
                    "2026-10-27-cache-migration@status.example.com"
                ],
                "{lang} at {now}: the draft, the review and the window older than 90 days are left out"
            );

            let upgrade = event(&calendar, DST_ID);
            assert_eq!(utc(upgrade.get_start()), at("2026-10-24T23:30:00Z"));
            assert_eq!(utc(upgrade.get_end()), at("2026-10-25T03:00:00Z"));
            assert_eq!(
                upgrade.get_timestamp(),
                Some(now),
                "DTSTAMP is the build's now"
            );
            assert_eq!(upgrade.get_status(), Some(EventStatus::Confirmed));
            // No git history: nothing says when the record changed.
            assert_eq!(upgrade.get_sequence(), Some(0));
            let url = format!("{BASE}{lang}/maintenance/{DST_ID}.html");
            assert_eq!(upgrade.get_url(), Some(url.as_str()));
            assert!(served_file(&out, BASE, &url).is_file());
            assert_eq!(
                upgrade.get_summary(),
                Some("Database upgrade; replica, primary \\ and more"),
            );
            let description = upgrade.get_description().unwrap();
            assert!(
                description.starts_with("We upgrade the database. Writes pause, reads continue."),
                "{description}"
            );
            assert!(description.contains("read-only for up to 30 minutes;"));
            assert!(!description.contains('<'), "{description}");
            assert!(description.ends_with(&url), "{description}");
            if lang == "en" {
                assert!(description.contains("Expected impact: "), "{description}");
            }
            assert_eq!(
                upgrade.get_categories(),
                Some(vec![
                    if lang == "en" {
                        "Public API"
                    } else {
                        "Öffentliche API"
                    }
                    .to_string()
                ])
            );

            let cancelled = event(&calendar, CANCELLED_ID);
            assert_eq!(cancelled.get_status(), Some(EventStatus::Cancelled));
            assert_eq!(utc(cancelled.get_start()), at("2026-10-27T10:00:00Z"));
        }
        // Neither the draft nor the record in review, in any file or file name.
        for path in files(&out) {
            let content = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_lowercase();
            let name = path.to_string_lossy().to_lowercase();
            assert!(!content.contains("secret-"), "{}", path.display());
            assert!(!name.contains("secret-"), "{}", path.display());
        }
    }
}

#[test]
fn windows_leave_the_calendar_90_days_after_their_end() {
    let project = project();
    let (_dir, out) = build_at(&project, at("2027-01-25T02:00:00Z"));
    assert_eq!(
        events(&calendar(&out, "en")).len(),
        1,
        "93 days after: gone"
    );
    let (_dir, out) = build_at(&project, at("2027-01-22T12:00:00Z"));
    assert_eq!(
        events(&calendar(&out, "en")).len(),
        2,
        "89 days after: kept"
    );
}

#[test]
fn the_home_and_maintenance_pages_link_the_calendar() {
    let (_dir, out) = build_at(&project(), at("2026-10-24T12:00:00Z"));
    for (page, root) in [
        ("de/index.html", "../"),
        (&*format!("de/maintenance/{DST_ID}.html"), "../../"),
    ] {
        let html = Html::parse_document(&read(&out, page));
        let links = select(&html, "a[type='text/calendar']");
        assert_eq!(
            links[0].value().attr("href"),
            Some(format!("{root}de/maintenance.ics").as_str()),
            "{page}"
        );
        assert_eq!(
            links[0].text().collect::<String>(),
            "Wartungskalender (iCalendar)"
        );
    }
}

fn git(root: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .current_dir(root)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn sequence_grows_with_each_revision_of_the_record() {
    let project = project();
    let root = project.root();
    git(root, &["init", "-q"], "2026-10-01T10:00:00Z");
    git(root, &["add", "."], "2026-10-01T10:00:00Z");
    git(root, &["commit", "-q", "-m", "a"], "2026-10-01T10:00:00Z");
    let now = at("2026-10-24T12:00:00Z");
    let since_2020 = |t: &str| (at(t) - at("2020-01-01T00:00:00Z")).num_seconds() as u32;

    let (_dir, out) = build_at(&project, now);
    let first = calendar(&out, "en");
    let before = event(&first, DST_ID);
    assert_eq!(
        before.get_sequence(),
        Some(since_2020("2026-10-01T10:00:00Z"))
    );
    assert_eq!(before.get_last_modified(), Some(at("2026-10-01T10:00:00Z")));

    // The window ends an hour later.
    edit(
        &project.path(&format!("incidents/{DST_ID}.yaml")),
        "scheduled_until: 2026-10-25 04:00",
        "scheduled_until: 2026-10-25 05:00",
    );
    git(root, &["commit", "-q", "-am", "b"], "2026-10-02T08:30:15Z");
    let (_dir, out) = build_at(&project, now);
    let second = calendar(&out, "en");
    let after = event(&second, DST_ID);
    assert_eq!(
        after.get_sequence(),
        Some(since_2020("2026-10-02T08:30:15Z"))
    );
    assert!(after.get_sequence() > before.get_sequence());
    assert_eq!(utc(after.get_end()), at("2026-10-25T04:00:00Z"));
    // The untouched window keeps its sequence.
    assert_eq!(
        event(&second, CANCELLED_ID).get_sequence(),
        event(&first, CANCELLED_ID).get_sequence()
    );
}

#[test]
fn a_calendar_with_no_window_still_holds_a_component() {
    let (_dir, out) = Project::new().build();
    let calendar = calendar(&out, "en");
    assert!(events(&calendar).is_empty());
    // RFC 5545's `icalbody` needs one component at least: a UTC time zone, which shows nothing.
    assert_eq!(calendar.components.len(), 1, "{calendar:?}");
    assert!(read(&out, "en/maintenance.ics").contains("BEGIN:VTIMEZONE\r\nTZID:UTC\r\n"));
}
