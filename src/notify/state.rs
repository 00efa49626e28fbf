//! What the public page says, reduced to what notifications compare: each incident's status
//! and update ids, each maintenance window's status, each component's state, keyed by the
//! stable ids the site and its API use. Built from a derived status, or read back from a
//! previously published site's `api/v2` files; both give the same value.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::status::SiteStatus;

/// The public page's facts at one point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicState {
    pub(crate) incidents: BTreeMap<String, IncidentState>,
    pub(crate) maintenances: BTreeMap<String, MaintenanceState>,
    /// Component id -> its state (`operational`, `major_outage`, …).
    pub(crate) components: BTreeMap<String, String>,
    /// Read from an API that lists only the newest incidents (windows): the current page is
    /// compared on as many of its newest, or older ones would look new.
    pub(crate) incident_limit: Option<usize>,
    pub(crate) maintenance_limit: Option<usize>,
    /// The instant it shows (the "now" it was derived at, or the published page's
    /// `updated_at`): a change whose cause has no date is named after it, so that the same
    /// change keeps its id in every run that compares with this state.
    pub(crate) at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IncidentState {
    /// `investigating` … `resolved`, `postmortem` once the postmortem is published.
    pub(crate) status: String,
    /// The API's update ids (`<incident id>-<key>`).
    pub(crate) updates: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MaintenanceState {
    /// `scheduled`, `in_progress`, `verifying` or `completed`.
    pub(crate) status: String,
    pub(crate) cancelled: bool,
}

/// The state `status` shows. `status` must be derived as `build` derives it (published
/// records only), never the preview's.
pub(crate) fn from_status(status: &SiteStatus) -> PublicState {
    let incidents = status
        .incidents
        .iter()
        .map(|incident| {
            let id = incident.id().to_string();
            let updates = incident
                .updates
                .iter()
                .rev()
                .map(|update| update_id(&id, &update.key()))
                .collect();
            let state = IncidentState {
                status: incident.status.as_str().to_string(),
                updates,
            };
            (id, state)
        })
        .collect();
    let maintenances = status
        .maintenances
        .iter()
        .map(|m| {
            let state = MaintenanceState {
                status: m.status.as_str().to_string(),
                cancelled: m.cancelled,
            };
            (m.id().to_string(), state)
        })
        .collect();
    let components = status
        .components
        .iter()
        .map(|c| (c.id().to_string(), c.status.as_str().to_string()))
        .collect();
    PublicState {
        incidents,
        maintenances,
        components,
        at: Some(status.now),
        ..PublicState::default()
    }
}

/// An update's id, as the API names it.
pub(crate) fn update_id(incident: &str, key: &str) -> String {
    format!("{incident}-{key}")
}

#[derive(Deserialize)]
struct IncidentsFile {
    incidents: Vec<IncidentJson>,
}

#[derive(Deserialize)]
struct MaintenancesFile {
    scheduled_maintenances: Vec<IncidentJson>,
}

#[derive(Deserialize)]
struct ComponentsFile {
    #[serde(default)]
    page: Option<PageJson>,
    components: Vec<ComponentJson>,
}

#[derive(Deserialize)]
struct PageJson {
    /// RFC 3339.
    updated_at: Option<String>,
}

#[derive(Deserialize)]
struct IncidentJson {
    id: String,
    status: String,
    #[serde(default)]
    incident_updates: Vec<UpdateJson>,
}

#[derive(Deserialize)]
struct UpdateJson {
    id: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    display_at: String,
}

/// An update's id as this version names it. A site published by an older hindsight named
/// timeline updates by position (`<incident>-t2`): such an id is renamed after what the
/// update says and when, as `Update::key` names it now, so that upgrading tells no old
/// update again.
fn current_id(incident: &str, update: UpdateJson) -> String {
    let positional = update
        .id
        .strip_prefix(incident)
        .and_then(|rest| rest.strip_prefix("-t"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let at = DateTime::parse_from_rfc3339(&update.display_at);
    match (positional, at) {
        (true, Ok(at)) if !update.status.is_empty() => {
            update_id(incident, &format!("{}-{}", update.status, at.timestamp()))
        }
        _ => update.id,
    }
}

#[derive(Deserialize)]
struct ComponentJson {
    id: String,
    status: String,
    #[serde(default)]
    group: bool,
}

/// The state a previously published site (`dir`, the folder holding `api/`) showed.
pub(crate) fn from_site_dir(dir: &Path) -> anyhow::Result<PublicState> {
    let api = dir.join("api").join("v2");
    let incidents: IncidentsFile = read_json(&api.join("incidents.json"))?;
    let maintenances: MaintenancesFile = read_json(&api.join("scheduled-maintenances.json"))?;
    let components: ComponentsFile = read_json(&api.join("components.json"))?;
    Ok(from_api(incidents, maintenances, components))
}

fn from_api(
    incidents: IncidentsFile,
    maintenances: MaintenancesFile,
    components: ComponentsFile,
) -> PublicState {
    let incidents: BTreeMap<String, IncidentState> = incidents
        .incidents
        .into_iter()
        .map(|incident| {
            let mut updates: Vec<String> = incident
                .incident_updates
                .into_iter()
                .map(|u| current_id(&incident.id, u))
                .collect();
            updates.reverse();
            let state = IncidentState {
                status: incident.status,
                updates,
            };
            (incident.id, state)
        })
        .collect();
    let maintenances: BTreeMap<String, MaintenanceState> = maintenances
        .scheduled_maintenances
        .into_iter()
        .map(|m| {
            // The API has no `cancelled` status: a cancelled window is `completed` with a
            // last update saying so (render/api/maintenances.rs).
            let cancelled_update = update_id(&m.id, "cancelled");
            let cancelled = m.incident_updates.iter().any(|u| u.id == cancelled_update);
            let state = MaintenanceState {
                status: m.status,
                cancelled,
            };
            (m.id, state)
        })
        .collect();
    let at = components
        .page
        .and_then(|page| page.updated_at)
        .and_then(|at| DateTime::parse_from_rfc3339(&at).ok())
        .map(|at| at.to_utc());
    let components = components
        .components
        .into_iter()
        .filter(|c| !c.group)
        .map(|c| (c.id, c.status))
        .collect();
    let full = |listed: usize, limit: usize| (listed >= limit).then_some(limit);
    PublicState {
        incident_limit: full(incidents.len(), crate::render::api::INCIDENT_LIMIT),
        maintenance_limit: full(maintenances.len(), crate::render::api::MAINTENANCE_LIMIT),
        incidents,
        maintenances,
        components,
        at,
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<T> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", crate::diagnostic::display_path(path)))?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is not a hindsight API file",
            crate::diagnostic::display_path(path)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::{UpdateJson, current_id};

    fn update(id: &str, status: &str) -> UpdateJson {
        UpdateJson {
            id: id.to_string(),
            status: status.to_string(),
            display_at: "2026-11-22T10:30:00Z".to_string(),
        }
    }

    /// A site published before updates were named by what they say and when: its
    /// positional ids are read as today's, so `--previous` tells no old update again.
    #[test]
    fn a_positional_update_id_of_an_older_site_is_read_as_todays() {
        assert_eq!(
            current_id("2026-11-22-api", update("2026-11-22-api-t2", "identified")),
            "2026-11-22-api-identified-1795343400"
        );
        for kept in [
            "2026-11-22-api-identified-1795343400",
            "2026-11-22-api-resolved",
            "2026-11-22-api-tx",
        ] {
            assert_eq!(
                current_id("2026-11-22-api", update(kept, "identified")),
                kept
            );
        }
    }
}
