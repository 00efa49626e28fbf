//! The JSON API under `api/v2/`, in the shapes of Atlassian Statuspage's public API v2, so
//! that existing clients and widgets read it unchanged. Texts are in the default language,
//! except `status.description`: Statuspage's fixed English wording, which clients match on.

mod groups;
mod ids;
mod maintenances;
mod shapes;

use chrono::{DateTime, Utc};

use super::markdown::to_plain;
use super::site::{Artifact, Page, Site};
use crate::model::{Component, ComponentStatus};
use crate::status::{
    ComponentState, Incident, IncidentStatus, Indicator, MaintenanceStatus, UpdateSource,
};
use ids::page_id;
pub(crate) use maintenances::MAINTENANCE_LIMIT;
use maintenances::api_status;
use shapes::{
    AffectedJson, ComponentJson, Envelope, IncidentJson, MaintenanceJson, PageJson, StatusJson,
    UpdateJson, timestamp,
};

/// Statuspage lists this many incidents in `incidents.json`.
pub(crate) const INCIDENT_LIMIT: usize = 50;

/// The files of the API.
pub(crate) fn files(site: &Site) -> anyhow::Result<Vec<Artifact>> {
    let api = Api::new(site);
    let page = api.page();
    let components = api.components();
    // Only the incidents a file lists: the latest, and every one not resolved.
    let incidents: Vec<(usize, IncidentJson)> = site
        .status
        .incidents
        .iter()
        .enumerate()
        .filter(|(index, incident)| *index < INCIDENT_LIMIT || incident.is_ongoing())
        .map(|(index, incident)| (index, api.incident(index, incident)))
        .collect();
    let unresolved: Vec<&IncidentJson> = incidents
        .iter()
        .filter(|(index, _)| site.status.incidents[*index].is_ongoing())
        .map(|(_, json)| json)
        .collect();
    let recent: Vec<&IncidentJson> = incidents
        .iter()
        .filter(|(index, _)| *index < INCIDENT_LIMIT)
        .map(|(_, json)| json)
        .collect();
    // Newest window first (by `scheduled_for`), as Statuspage lists them.
    let maintenances: Vec<(MaintenanceStatus, MaintenanceJson)> = site
        .status
        .maintenances
        .iter()
        .enumerate()
        .rev()
        .map(|(index, m)| (api_status(m), api.maintenance(index, m)))
        .collect();
    let listed = |keep: &dyn Fn(MaintenanceStatus) -> bool| -> Vec<&MaintenanceJson> {
        maintenances
            .iter()
            .filter(|(status, _)| keep(*status))
            .map(|(_, json)| json)
            .collect()
    };
    let all_maintenances: Vec<&MaintenanceJson> = listed(&|_| true)
        .into_iter()
        .take(MAINTENANCE_LIMIT)
        .collect();
    let upcoming = listed(&|s| s == MaintenanceStatus::Scheduled);
    let active = listed(&MaintenanceStatus::is_active);
    let upcoming_and_active = listed(&|s| s == MaintenanceStatus::Scheduled || s.is_active());
    let status = api.status();
    let file = |path: &str, envelope: Envelope| -> anyhow::Result<Artifact> {
        let mut bytes = serde_json::to_vec_pretty(&envelope)?;
        bytes.push(b'\n');
        Ok(Artifact::new(
            format!("{}/v2/{path}", super::site::paths::API_DIR),
            bytes,
        ))
    };
    let envelope = || Envelope {
        page: &page,
        components: None,
        incidents: None,
        scheduled_maintenances: None,
        status: None,
    };
    Ok(vec![
        file(
            "summary.json",
            Envelope {
                components: Some(components),
                incidents: Some(&unresolved),
                scheduled_maintenances: Some(&upcoming_and_active),
                status: Some(&status),
                ..envelope()
            },
        )?,
        file(
            "status.json",
            Envelope {
                status: Some(&status),
                ..envelope()
            },
        )?,
        file(
            "components.json",
            Envelope {
                components: Some(components),
                ..envelope()
            },
        )?,
        file(
            "incidents.json",
            Envelope {
                incidents: Some(&recent),
                ..envelope()
            },
        )?,
        file(
            "incidents/unresolved.json",
            Envelope {
                incidents: Some(&unresolved),
                ..envelope()
            },
        )?,
        file(
            "scheduled-maintenances.json",
            Envelope {
                scheduled_maintenances: Some(&all_maintenances),
                ..envelope()
            },
        )?,
        file(
            "scheduled-maintenances/upcoming.json",
            Envelope {
                scheduled_maintenances: Some(&upcoming),
                ..envelope()
            },
        )?,
        file(
            "scheduled-maintenances/active.json",
            Envelope {
                scheduled_maintenances: Some(&active),
                ..envelope()
            },
        )?,
    ])
}

/// Statuspage's `status.description` for each indicator, spelled once: the fixed English
/// strings its clients match on (aRez's `statuspage` module, for one).
pub(crate) fn description(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::None => "All Systems Operational",
        Indicator::Minor => "Minor Service Outage",
        Indicator::Major => "Partial System Outage",
        Indicator::Critical => "Major System Outage",
        Indicator::Maintenance => "Service Under Maintenance",
    }
}

struct Api<'s> {
    site: &'s Site<'s>,
    page_id: String,
    /// Every component's JSON, by position in the configuration.
    components: Vec<ComponentJson>,
}

impl<'s> Api<'s> {
    fn new(site: &'s Site<'s>) -> Self {
        let page_id = page_id(&site.base);
        let mut api = Api {
            site,
            page_id,
            components: Vec::new(),
        };
        api.components = site
            .status
            .components
            .iter()
            .map(|state| api.component(state))
            .collect();
        api.number_and_group();
        api
    }

    fn name(&self, component: &Component) -> String {
        let default = self.site.config.default_lang();
        component.name.get(default, default).to_string()
    }

    /// The components `record` names, each going from `old` to `new`; a state of `None` is
    /// the one the record gives it.
    fn affected(
        &self,
        record: &crate::model::Record,
        old: Option<ComponentStatus>,
        new: Option<ComponentStatus>,
    ) -> Vec<AffectedJson> {
        record
            .affected
            .0
            .iter()
            .map(|(code, state)| {
                let code = code.value.as_str();
                AffectedJson {
                    code: code.to_string(),
                    name: self
                        .site
                        .config
                        .component(code)
                        .map_or(code.to_string(), |c| self.name(c)),
                    old_status: old.unwrap_or(state.value).as_str(),
                    new_status: new.unwrap_or(state.value).as_str(),
                }
            })
            .collect()
    }

    /// The full objects of the components `record` names.
    fn components_of(&self, record: &crate::model::Record) -> Vec<ComponentJson> {
        record
            .affected
            .0
            .iter()
            .filter_map(|(code, _)| {
                self.components
                    .iter()
                    .find(|c| !c.group && c.id == code.value)
            })
            .cloned()
            .collect()
    }

    /// The site's stock sentence for an update of `status` (`update-body-<status>`), in the
    /// default language.
    fn stock_body(&self, status: &str) -> String {
        let t = &self.site.default_language().view.t;
        t.get(&format!("update_body_{status}"))
            .cloned()
            .unwrap_or_default()
    }

    fn page(&self) -> PageJson {
        PageJson {
            id: self.page_id.clone(),
            name: self.site.default_language().view.title.clone(),
            url: self.site.base.clone(),
            time_zone: self.site.config.timezone.name().to_string(),
            updated_at: timestamp(self.site.status.updated),
        }
    }

    /// The rollup in Statuspage's words, whatever the site's languages: pages show the
    /// localized banner, clients compare these strings.
    fn status(&self) -> StatusJson {
        let indicator = self.site.status.page_indicator;
        StatusJson {
            indicator: indicator.as_str(),
            description: description(indicator),
        }
    }

    /// When the component last changed, never before the status history starts.
    fn updated(&self, state: &ComponentState) -> DateTime<Utc> {
        let created = self.site.status.since;
        state.changed.unwrap_or(created).max(created)
    }

    fn component(&self, state: &ComponentState) -> ComponentJson {
        let default = self.site.config.default_lang();
        let created = self.site.status.since;
        ComponentJson {
            id: state.id().to_string(),
            name: self.name(state.component),
            status: state.status.as_str(),
            created_at: timestamp(created),
            updated_at: timestamp(self.updated(state)),
            position: 0,
            description: state
                .component
                .description
                .as_ref()
                .map(|d| d.get(default, default).to_string()),
            // Showcased components show their uptime, as every component here does.
            showcase: true,
            start_date: None,
            group_id: None,
            page_id: self.page_id.clone(),
            group: false,
            only_show_if_degraded: false,
            components: None,
        }
    }

    fn components(&self) -> &[ComponentJson] {
        &self.components
    }

    fn incident(&self, index: usize, incident: &Incident) -> IncidentJson {
        let record = incident.record;
        let postmortem = self.site.default_language().postmortems.get(index);
        let lang = self.site.default_language().lang;
        let id = record.id.clone();
        let oldest = incident.updates.len().saturating_sub(1);
        let updates = incident
            .updates
            .iter()
            .enumerate()
            .map(|(position, update)| {
                let body = match update.source {
                    // Always there, but in the page of a file changed between a build's
                    // passes, made from its slim record and never published.
                    UpdateSource::Timeline(entry) => postmortem
                        .timeline
                        .get(entry)
                        .map_or_else(String::new, |entry| to_plain(&entry.text.markdown)),
                    UpdateSource::Milestone(_) => self.stock_body(update.status.as_str()),
                };
                let at = timestamp(update.at);
                UpdateJson {
                    id: format!("{id}-{}", update.key()),
                    status: update.status.as_str(),
                    body,
                    incident_id: id.clone(),
                    created_at: at.clone(),
                    updated_at: at.clone(),
                    display_at: at,
                    affected_components: if update.status == IncidentStatus::Resolved {
                        Some(self.affected(record, None, Some(ComponentStatus::Operational)))
                    } else if position == oldest {
                        Some(self.affected(record, Some(ComponentStatus::Operational), None))
                    } else {
                        None
                    },
                    deliver_notifications: true,
                    custom_tweet: None,
                    tweet_id: None,
                }
            })
            .collect();
        let components = self.components_of(record);
        let latest_update = incident.updates.first().map_or(incident.started, |u| u.at);
        IncidentJson {
            id: id.clone(),
            name: to_plain(&postmortem.title.markdown),
            status: incident.status.as_str(),
            created_at: timestamp(incident.started),
            updated_at: timestamp(incident.revised.max(latest_update)),
            monitoring_at: incident.monitoring.map(timestamp),
            resolved_at: incident.resolved.map(timestamp),
            impact: incident.impact().as_str(),
            shortlink: format!(
                "{}{}",
                self.site.base,
                Page::Incident(index, &id).path(lang)
            ),
            started_at: timestamp(incident.started),
            page_id: self.page_id.clone(),
            incident_updates: updates,
            components,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings aRez's `CurrentStatus.status` lists and clients compare, one per indicator.
    #[test]
    fn status_descriptions_are_statuspages_fixed_english() {
        let all = [
            Indicator::None,
            Indicator::Minor,
            Indicator::Major,
            Indicator::Critical,
            Indicator::Maintenance,
        ]
        .map(description);
        assert_eq!(
            all,
            [
                "All Systems Operational",
                "Minor Service Outage",
                "Partial System Outage",
                "Major System Outage",
                "Service Under Maintenance"
            ]
        );
    }
}
