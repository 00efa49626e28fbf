//! Planned maintenance in the Statuspage API: the three `scheduled-maintenances` endpoints and
//! summary's list at fixed nows before, inside and after a window that spans the end of
//! daylight saving time in Europe/Berlin, and status.json's fixed English rollup.
//!
//! tests/fixtures/build/maintenance-api: `2026-10-25-database-upgrade` runs 01:30 CEST to 04:00 CET
//! on the night the clocks go back, 2026-10-24T23:30Z to 2026-10-25T03:00Z (3 h 30 min, not
//! the 2 h 30 min on the wall clock); `2026-10-27-cache-resize` is cancelled;
//! `2026-10-26-secret-migration` is a draft whose window overlaps the first.

use std::path::PathBuf;

use serde_json::Value;

use crate::api::{INCIDENT_KEYS, UPDATE_KEYS, assert_component, assert_keys, is_timestamp};
use crate::common::{Project, api as json, files, read};

const BEFORE: &str = "1792843200"; // 2026-10-24T12:00:00Z
const INSIDE: &str = "1792890000"; // 2026-10-25T01:00:00Z: after 02:59 CEST became 02:00 CET
const AFTER: &str = "1792908000"; // 2026-10-25T06:00:00Z

const UPGRADE: &str = "2026-10-25-database-upgrade";
const CANCELLED: &str = "2026-10-27-cache-resize";

/// The project built at `now` (seconds since the epoch) into a new temporary folder.
fn build_at(project: &Project, now: &str) -> (tempfile::TempDir, PathBuf) {
    project.build_at(now.parse().unwrap())
}

fn maintenances(out: &std::path::Path, path: &str) -> Vec<Value> {
    let file = json(out, path);
    assert_keys(&file, &["page", "scheduled_maintenances"]);
    let list = file["scheduled_maintenances"].as_array().unwrap().clone();
    list.iter().for_each(assert_maintenance);
    list
}

fn ids(list: &[Value]) -> Vec<&str> {
    list.iter().map(|m| m["id"].as_str().unwrap()).collect()
}

/// `[(status, display_at)]` of a maintenance's updates, newest first.
fn updates(maintenance: &Value) -> Vec<(String, String)> {
    maintenance["incident_updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["status"].as_str().unwrap().to_string(),
                u["display_at"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Every field of Statuspage's `scheduled_maintenance`, nulls present, millisecond times.
fn assert_maintenance(maintenance: &Value) {
    // A `scheduled_maintenance` is an incident with its window.
    let keys = [&INCIDENT_KEYS[..], &["scheduled_for", "scheduled_until"]].concat();
    assert_keys(maintenance, &keys);
    const STATUSES: [&str; 4] = ["scheduled", "in_progress", "verifying", "completed"];
    assert!(STATUSES.contains(&maintenance["status"].as_str().unwrap()));
    assert_eq!(maintenance["impact"], "maintenance");
    assert!(maintenance["monitoring_at"].is_null());
    for field in [
        "created_at",
        "updated_at",
        "started_at",
        "scheduled_for",
        "scheduled_until",
    ] {
        assert!(is_timestamp(&maintenance[field]), "{field}");
    }
    assert!(maintenance["resolved_at"].is_null() || is_timestamp(&maintenance["resolved_at"]));
    assert_eq!(
        maintenance["resolved_at"].is_null(),
        maintenance["status"] != "completed"
    );
    let list = maintenance["incident_updates"].as_array().unwrap();
    assert!(!list.is_empty());
    assert_eq!(
        list[0]["status"], maintenance["status"],
        "[0] is the latest"
    );
    let times: Vec<&str> = list
        .iter()
        .map(|u| u["display_at"].as_str().unwrap())
        .collect();
    let mut newest_first = times.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, newest_first);
    assert_eq!(maintenance["updated_at"].as_str(), times.first().copied());
    assert_eq!(maintenance["created_at"].as_str(), times.last().copied());
    for update in list {
        assert_keys(update, &UPDATE_KEYS);
        assert!(STATUSES.contains(&update["status"].as_str().unwrap()));
        assert_eq!(update["incident_id"], maintenance["id"]);
        assert!(!update["body"].as_str().unwrap().is_empty());
        assert!(update["custom_tweet"].is_null() && update["tweet_id"].is_null());
        for field in ["created_at", "updated_at", "display_at"] {
            assert!(is_timestamp(&update[field]));
        }
        if let Some(affected) = update["affected_components"].as_array() {
            for change in affected {
                assert_keys(change, &["code", "name", "old_status", "new_status"]);
            }
        }
    }
    for component in maintenance["components"].as_array().unwrap() {
        assert_component(component);
    }
}

fn rollup(out: &std::path::Path) -> (String, String) {
    let status = json(out, "status.json");
    assert_keys(&status, &["page", "status"]);
    assert_eq!(json(out, "summary.json")["status"], status["status"]);
    (
        status["status"]["indicator"].as_str().unwrap().to_string(),
        status["status"]["description"]
            .as_str()
            .unwrap()
            .to_string(),
    )
}

fn api_status(out: &std::path::Path) -> String {
    json(out, "components.json")["components"][0]["status"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn before_the_window_it_is_upcoming() {
    let project = Project::fixture("build/maintenance-api");
    let (_dir, out) = build_at(&project, BEFORE);
    let all = maintenances(&out, "scheduled-maintenances.json");
    // Newest window first; the cancelled one is over at once, the draft is nowhere.
    assert_eq!(ids(&all), [CANCELLED, UPGRADE]);
    let upgrade = &all[1];
    assert_eq!(upgrade["status"], "scheduled");
    assert_eq!(upgrade["scheduled_for"], "2026-10-24T23:30:00.000Z");
    assert_eq!(upgrade["scheduled_until"], "2026-10-25T03:00:00.000Z");
    // Announced by this build at the latest; nothing dated after now.
    assert_eq!(
        updates(upgrade),
        [("scheduled".into(), "2026-10-24T12:00:00.000Z".into())]
    );
    assert_eq!(
        upgrade["incident_updates"][0]["body"],
        "We upgrade the database to a new major version.\n\nThe API answers read requests only during the window."
    );
    assert_eq!(
        upgrade["shortlink"],
        format!("https://status.example.com/en/maintenance/{UPGRADE}.html")
    );
    assert_eq!(upgrade["components"][0]["id"], "api");
    assert_eq!(
        upgrade["incident_updates"][0]["affected_components"],
        serde_json::json!([{"code": "api", "name": "Public API", "old_status": "operational", "new_status": "operational"}])
    );
    let cancelled = &all[0];
    assert_eq!(cancelled["status"], "completed");
    assert_eq!(
        cancelled["incident_updates"][0]["body"],
        "This scheduled maintenance has been cancelled."
    );
    assert_eq!(cancelled["resolved_at"], "2026-10-24T12:00:00.000Z");
    assert_eq!(
        ids(&maintenances(&out, "scheduled-maintenances/upcoming.json")),
        [UPGRADE]
    );
    assert!(maintenances(&out, "scheduled-maintenances/active.json").is_empty());
    let summary = json(&out, "summary.json");
    assert_eq!(
        ids(summary["scheduled_maintenances"].as_array().unwrap()),
        [UPGRADE]
    );
    // Maintenance is no incident.
    assert!(
        json(&out, "incidents.json")["incidents"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        rollup(&out),
        ("none".into(), "All Systems Operational".into())
    );
    assert_eq!(api_status(&out), "operational");
}

#[test]
fn inside_the_window_across_the_dst_change_it_is_in_progress() {
    let project = Project::fixture("build/maintenance-api");
    let (_dir, out) = build_at(&project, INSIDE);
    let active = maintenances(&out, "scheduled-maintenances/active.json");
    assert_eq!(ids(&active), [UPGRADE]);
    let upgrade = &active[0];
    assert_eq!(upgrade["status"], "in_progress");
    assert_eq!(
        updates(upgrade),
        [
            ("in_progress".into(), "2026-10-24T23:30:00.000Z".into()),
            ("scheduled".into(), "2026-10-24T23:30:00.000Z".into()),
        ]
    );
    assert_eq!(
        upgrade["incident_updates"][0]["affected_components"][0]["new_status"],
        "under_maintenance"
    );
    assert!(maintenances(&out, "scheduled-maintenances/upcoming.json").is_empty());
    let summary = json(&out, "summary.json");
    assert_eq!(
        ids(summary["scheduled_maintenances"].as_array().unwrap()),
        [UPGRADE]
    );
    assert!(summary["incidents"].as_array().unwrap().is_empty());
    assert!(
        json(&out, "incidents/unresolved.json")["incidents"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        rollup(&out),
        ("maintenance".into(), "Service Under Maintenance".into())
    );
    assert_eq!(api_status(&out), "under_maintenance");
}

#[test]
fn after_the_window_it_is_completed_at_its_end() {
    let project = Project::fixture("build/maintenance-api");
    let (_dir, out) = build_at(&project, AFTER);
    let all = maintenances(&out, "scheduled-maintenances.json");
    let upgrade = all.iter().find(|m| m["id"] == UPGRADE).unwrap();
    assert_eq!(upgrade["status"], "completed");
    assert_eq!(upgrade["resolved_at"], "2026-10-25T03:00:00.000Z");
    assert_eq!(
        updates(upgrade),
        [
            ("completed".into(), "2026-10-25T03:00:00.000Z".into()),
            ("in_progress".into(), "2026-10-24T23:30:00.000Z".into()),
            ("scheduled".into(), "2026-10-24T23:30:00.000Z".into()),
        ]
    );
    assert_eq!(
        upgrade["incident_updates"][0]["affected_components"][0],
        serde_json::json!({"code": "api", "name": "Public API", "old_status": "under_maintenance", "new_status": "operational"})
    );
    for path in [
        "scheduled-maintenances/upcoming.json",
        "scheduled-maintenances/active.json",
    ] {
        assert!(maintenances(&out, path).is_empty(), "{path}");
    }
    assert!(
        json(&out, "summary.json")["scheduled_maintenances"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        rollup(&out),
        ("none".into(), "All Systems Operational".into())
    );
    assert_eq!(api_status(&out), "operational");
}

#[test]
fn a_draft_maintenance_reaches_no_api_file() {
    let project = Project::fixture("build/maintenance-api");
    for now in [BEFORE, INSIDE, AFTER] {
        let (_dir, out) = build_at(&project, now);
        for file in files(&out.join("api")) {
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                !text.contains("DRAFT-MAINTENANCE-MARKER") && !text.contains("secret-migration"),
                "{}",
                file.display()
            );
        }
    }
}

#[test]
fn an_ongoing_incident_outranks_maintenance_in_the_rollup() {
    let project = Project::fixture("build/maintenance-api").record(
        "2026-10-25-api-errors.yaml",
        "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\n\
         timezone: UTC\nstarted: 2026-10-25T00:30:00Z\nsummary: Some API calls fail.\n",
    );
    let (_dir, out) = build_at(&project, INSIDE);
    assert_eq!(
        rollup(&out),
        ("major".into(), "Partial System Outage".into())
    );
    // The worse state wins on the component, and the window is still active.
    assert_eq!(api_status(&out), "partial_outage");
    assert_eq!(
        ids(&maintenances(&out, "scheduled-maintenances/active.json")),
        [UPGRADE]
    );
    let page = read(&out, "en/index.html");
    assert!(
        !page.contains("Partial System Outage"),
        "pages keep their own banner"
    );
}
