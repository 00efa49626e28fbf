//! The Statuspage-compatible JSON API: the v2 shapes of summary, status, components and
//! incidents that a Statuspage client reads.

use serde_json::Value;

use crate::common::{api as json, build, read, repo};

/// The keys of a Statuspage `incident`, in its order.
pub(crate) const INCIDENT_KEYS: [&str; 13] = [
    "id",
    "name",
    "status",
    "created_at",
    "updated_at",
    "monitoring_at",
    "resolved_at",
    "impact",
    "shortlink",
    "started_at",
    "page_id",
    "incident_updates",
    "components",
];

/// The keys of a Statuspage `incident_update`, in its order.
pub(crate) const UPDATE_KEYS: [&str; 11] = [
    "id",
    "status",
    "body",
    "incident_id",
    "created_at",
    "updated_at",
    "display_at",
    "affected_components",
    "deliver_notifications",
    "custom_tweet",
    "tweet_id",
];

/// The object's keys, sorted: JSON objects are unordered (serde_json reads them sorted).
pub(crate) fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

pub(crate) fn assert_keys(value: &Value, expected: &[&str]) {
    let mut expected = expected.to_vec();
    expected.sort_unstable();
    assert_eq!(keys(value), expected, "{value}");
}

pub(crate) fn is_timestamp(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        s.len() == 24
            && chrono::DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.3f%#z").is_ok()
            && s.ends_with('Z')
            && s.as_bytes()[19] == b'.'
    })
}

pub(crate) fn assert_component(component: &Value) {
    let mut fields = keys(component);
    fields.retain(|k| *k != "components");
    let mut expected = vec![
        "id",
        "name",
        "status",
        "created_at",
        "updated_at",
        "position",
        "description",
        "showcase",
        "start_date",
        "group_id",
        "page_id",
        "group",
        "only_show_if_degraded",
    ];
    expected.sort_unstable();
    assert_eq!(fields, expected);
    assert!(component["id"].is_string() && component["name"].is_string());
    assert!(
        [
            "operational",
            "degraded_performance",
            "partial_outage",
            "major_outage",
            "under_maintenance"
        ]
        .contains(&component["status"].as_str().unwrap())
    );
    assert!(is_timestamp(&component["created_at"]) && is_timestamp(&component["updated_at"]));
    assert!(component["position"].as_u64().is_some_and(|p| p >= 1));
    assert!(component["description"].is_string() || component["description"].is_null());
    assert!(component["group_id"].is_string() || component["group_id"].is_null());
    assert!(component["start_date"].is_null());
    for flag in ["showcase", "group", "only_show_if_degraded"] {
        assert!(component[flag].is_boolean(), "{flag}");
    }
}

pub(crate) fn assert_incident(incident: &Value) {
    assert_keys(incident, &INCIDENT_KEYS);
    assert!(
        [
            "investigating",
            "identified",
            "monitoring",
            "resolved",
            "postmortem"
        ]
        .contains(&incident["status"].as_str().unwrap())
    );
    assert!(["none", "minor", "major", "critical"].contains(&incident["impact"].as_str().unwrap()));
    for field in ["created_at", "updated_at", "started_at"] {
        assert!(
            is_timestamp(&incident[field]),
            "{field}: {}",
            incident[field]
        );
    }
    for field in ["monitoring_at", "resolved_at"] {
        assert!(
            incident[field].is_null() || is_timestamp(&incident[field]),
            "{field}"
        );
    }
    let updates = incident["incident_updates"].as_array().unwrap();
    assert!(
        !updates.is_empty(),
        "{}: updates are never empty",
        incident["id"]
    );
    let times: Vec<&str> = updates
        .iter()
        .map(|u| u["display_at"].as_str().unwrap())
        .collect();
    let mut newest_first = times.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, newest_first, "{}", incident["id"]);
    for update in updates {
        assert_keys(update, &UPDATE_KEYS);
        assert_eq!(update["incident_id"], incident["id"]);
        assert!(!update["body"].as_str().unwrap().is_empty());
        assert!(update["custom_tweet"].is_null() && update["tweet_id"].is_null());
        if let Some(affected) = update["affected_components"].as_array() {
            for change in affected {
                assert_keys(change, &["code", "name", "old_status", "new_status"]);
            }
        }
    }
    for component in incident["components"].as_array().unwrap() {
        assert_component(component);
    }
}

#[test]
fn the_api_has_statuspage_v2_shapes() {
    let (_dir, out) = build(repo());
    let summary = json(&out, "summary.json");
    assert_keys(
        &summary,
        &[
            "page",
            "components",
            "incidents",
            "scheduled_maintenances",
            "status",
        ],
    );
    let page = &summary["page"];
    assert_keys(page, &["id", "name", "url", "time_zone", "updated_at"]);
    assert_eq!(page["id"].as_str().unwrap().len(), 12);
    assert_eq!(page["url"], "https://status.example.com/");
    assert_eq!(page["name"], "Example Status");
    assert!(is_timestamp(&page["updated_at"]));
    assert_eq!(summary["status"]["indicator"], "minor");
    // Statuspage's fixed English wording, not the page's banner ("Minor service disruption").
    assert_eq!(summary["status"]["description"], "Minor Service Outage");
    // The example's upcoming window; the past one is not in the summary.
    let windows = summary["scheduled_maintenances"].as_array().unwrap();
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0]["id"], "2026-12-05-logto-cloud-database-upgrade");
    assert_eq!(windows[0]["status"], "scheduled");
    assert_eq!(windows[0]["impact"], "maintenance");
    let components = summary["components"].as_array().unwrap();
    components.iter().for_each(assert_component);
    let groups: Vec<&Value> = components.iter().filter(|c| c["group"] == true).collect();
    assert_eq!(groups.len(), 5);
    assert_eq!(
        groups[0]["components"],
        serde_json::json!(["logto-core", "logto-cloud"])
    );
    let webhooks = components
        .iter()
        .find(|c| c["id"] == "example-webhooks")
        .unwrap();
    assert_eq!(webhooks["status"], "degraded_performance");
    assert_eq!(webhooks["group_id"], "group-example");
    // Only the ongoing incident in summary and unresolved.
    let unresolved = json(&out, "incidents/unresolved.json");
    for incidents in [&summary["incidents"], &unresolved["incidents"]] {
        let ids: Vec<&str> = incidents
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["2026-11-21-webhook-delivery-delays"]);
    }
    let ongoing = &summary["incidents"][0];
    assert_incident(ongoing);
    assert_eq!(ongoing["status"], "identified");
    assert!(ongoing["resolved_at"].is_null() && ongoing["monitoring_at"].is_null());
    assert_eq!(ongoing["created_at"], "2026-11-21T08:40:00.000Z");
    // All published incidents, newest first; a published postmortem has status postmortem.
    let all = json(&out, "incidents.json");
    assert_keys(&all, &["page", "incidents"]);
    let incidents = all["incidents"].as_array().unwrap();
    incidents.iter().for_each(assert_incident);
    let started: Vec<&str> = incidents
        .iter()
        .map(|i| i["started_at"].as_str().unwrap())
        .collect();
    let mut sorted = started.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(started, sorted);
    assert_eq!(incidents.len(), 5);
    let logto = incidents
        .iter()
        .find(|i| i["id"] == "2023-12-17-logto-image-deleted")
        .unwrap();
    assert_eq!(logto["status"], "postmortem");
    assert_eq!(logto["impact"], "critical");
    assert_eq!(logto["resolved_at"], "2023-12-17T04:15:00.000Z");
    assert_eq!(logto["incident_updates"][0]["status"], "resolved");
    assert_eq!(
        logto["shortlink"],
        "https://status.example.com/en/incidents/2023-12-17-logto-image-deleted.html"
    );
    // A record without status entries gets updates derived from its milestones.
    let inria = incidents
        .iter()
        .find(|i| i["id"] == "2017-07-28-inria-ci-vms-destroyed")
        .unwrap();
    let statuses: Vec<&str> = inria["incident_updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.first(), Some(&"resolved"));
    assert_eq!(statuses.last(), Some(&"investigating"));
    assert_keys(&json(&out, "status.json"), &["page", "status"]);
    assert_keys(&json(&out, "components.json"), &["page", "components"]);
    // As Statuspage writes them: `page` first.
    let raw = read(&out, "api/v2/summary.json");
    assert!(raw.find("\"page\"") < raw.find("\"components\""));
}
