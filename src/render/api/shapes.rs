//! The JSON shapes of Statuspage's public API v2, field for field and in its key order, so
//! that its clients parse hindsight's files unchanged.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(super) struct PageJson {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) url: String,
    pub(super) time_zone: String,
    pub(super) updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct StatusJson {
    pub(super) indicator: &'static str,
    pub(super) description: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct ComponentJson {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) status: &'static str,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    pub(super) position: usize,
    pub(super) description: Option<String>,
    pub(super) showcase: bool,
    pub(super) start_date: Option<String>,
    pub(super) group_id: Option<String>,
    pub(super) page_id: String,
    pub(super) group: bool,
    pub(super) only_show_if_degraded: bool,
    /// On group rows: the ids of the group's components.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) components: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct IncidentJson {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) status: &'static str,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    pub(super) monitoring_at: Option<String>,
    pub(super) resolved_at: Option<String>,
    pub(super) impact: &'static str,
    pub(super) shortlink: String,
    pub(super) started_at: String,
    pub(super) page_id: String,
    pub(super) incident_updates: Vec<UpdateJson>,
    pub(super) components: Vec<ComponentJson>,
}

/// A scheduled maintenance: the incident fields, then the window.
#[derive(Debug, Clone, Serialize)]
pub(super) struct MaintenanceJson {
    #[serde(flatten)]
    pub(super) incident: IncidentJson,
    pub(super) scheduled_for: String,
    pub(super) scheduled_until: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct UpdateJson {
    pub(super) id: String,
    pub(super) status: &'static str,
    pub(super) body: String,
    pub(super) incident_id: String,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    pub(super) display_at: String,
    pub(super) affected_components: Option<Vec<AffectedJson>>,
    pub(super) deliver_notifications: bool,
    pub(super) custom_tweet: Option<String>,
    pub(super) tweet_id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct AffectedJson {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) old_status: &'static str,
    pub(super) new_status: &'static str,
}

/// One file of the API: `page` and the lists it carries, in Statuspage's key order.
#[derive(Serialize)]
pub(super) struct Envelope<'a> {
    pub(super) page: &'a PageJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) components: Option<&'a [ComponentJson]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) incidents: Option<&'a [&'a IncidentJson]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) scheduled_maintenances: Option<&'a [&'a MaintenanceJson]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) status: Option<&'a StatusJson>,
}

/// `2023-12-17T03:56:00.000Z`: what Statuspage's clients parse.
pub(super) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_carry_milliseconds_and_z() {
        let at = DateTime::parse_from_rfc3339("2023-12-17T03:56:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(timestamp(at), "2023-12-17T03:56:00.000Z");
    }
}
