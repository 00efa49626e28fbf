//! The JSON API under `api/v2/`, in the shapes of Atlassian Statuspage's public API v2, so
//! that existing clients and widgets read it unchanged. Texts are in the default language.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::markdown::to_plain;
use super::site::{Artifact, Page, Site};
use crate::model::{Component, ComponentStatus};
use crate::status::{self, ComponentState, Incident, IncidentStatus, UpdateSource};

/// Statuspage lists this many incidents in `incidents.json`.
const INCIDENT_LIMIT: usize = 50;

#[derive(Debug, Clone, Serialize)]
struct PageJson {
    id: String,
    name: String,
    url: String,
    time_zone: String,
    updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
struct StatusJson {
    indicator: &'static str,
    description: String,
}

#[derive(Debug, Clone, Serialize)]
struct ComponentJson {
    id: String,
    name: String,
    status: &'static str,
    created_at: String,
    updated_at: String,
    position: usize,
    description: Option<String>,
    showcase: bool,
    start_date: Option<String>,
    group_id: Option<String>,
    page_id: String,
    group: bool,
    only_show_if_degraded: bool,
    /// On group rows: the ids of the group's components.
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
struct IncidentJson {
    id: String,
    name: String,
    status: &'static str,
    created_at: String,
    updated_at: String,
    monitoring_at: Option<String>,
    resolved_at: Option<String>,
    impact: &'static str,
    shortlink: String,
    started_at: String,
    page_id: String,
    incident_updates: Vec<UpdateJson>,
    components: Vec<ComponentJson>,
}

#[derive(Debug, Clone, Serialize)]
struct UpdateJson {
    id: String,
    status: &'static str,
    body: String,
    incident_id: String,
    created_at: String,
    updated_at: String,
    display_at: String,
    affected_components: Option<Vec<AffectedJson>>,
    deliver_notifications: bool,
    custom_tweet: Option<String>,
    tweet_id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct AffectedJson {
    code: String,
    name: String,
    old_status: &'static str,
    new_status: &'static str,
}

/// `2023-12-17T03:56:00.000Z`: what Statuspage's clients parse.
fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The files of the API.
pub fn files(site: &Site) -> anyhow::Result<Vec<Artifact>> {
    let api = Api::new(site);
    let page = api.page();
    let components = api.components();
    let incidents: Vec<IncidentJson> = site
        .status
        .incidents
        .iter()
        .enumerate()
        .map(|(index, incident)| api.incident(index, incident))
        .collect();
    let unresolved: Vec<&IncidentJson> = site
        .status
        .incidents
        .iter()
        .zip(&incidents)
        .filter(|(incident, _)| incident.is_ongoing())
        .map(|(_, json)| json)
        .collect();
    let recent: Vec<&IncidentJson> = incidents.iter().take(INCIDENT_LIMIT).collect();
    let status = api.status();
    let file = |path: &str, envelope: Envelope| -> anyhow::Result<Artifact> {
        let mut bytes = serde_json::to_vec_pretty(&envelope)?;
        bytes.push(b'\n');
        Ok(Artifact::new(format!("api/v2/{path}"), bytes))
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
                scheduled_maintenances: Some([]),
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
    ])
}

/// One file of the API: `page` and the lists it carries, in Statuspage's key order.
#[derive(Serialize)]
struct Envelope<'a> {
    page: &'a PageJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<&'a [ComponentJson]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incidents: Option<&'a [&'a IncidentJson]>,
    /// Always empty: maintenance windows are not modelled yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_maintenances: Option<[(); 0]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a StatusJson>,
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
        let default = self.site.config.languages[0];
        component.name.get(default, default).to_string()
    }

    fn page(&self) -> PageJson {
        PageJson {
            id: self.page_id.clone(),
            name: self.site.languages[0].view.title.clone(),
            url: self.site.base.clone(),
            time_zone: self.site.config.timezone.name().to_string(),
            updated_at: timestamp(self.site.status.updated),
        }
    }

    fn status(&self) -> StatusJson {
        let view = self.site.languages[0].view;
        StatusJson {
            indicator: view.banner.indicator,
            description: view.banner.text.clone(),
        }
    }

    fn component(&self, state: &ComponentState) -> ComponentJson {
        let default = self.site.config.languages[0];
        let created = self.site.status.since;
        ComponentJson {
            id: state.id().to_string(),
            name: self.name(state.component),
            status: state.status.as_str(),
            created_at: timestamp(created),
            updated_at: timestamp(state.changed.unwrap_or(created).max(created)),
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

    /// Positions (1-based, per level) and group rows: Statuspage lists a group as a
    /// component with `group: true`, before its members, which point to it with `group_id`.
    fn number_and_group(&mut self) {
        let default = self.site.config.languages[0];
        let mut rows: Vec<ComponentJson> = Vec::new();
        // The worst member status of each group row, by row index.
        let mut group_status: Vec<(usize, ComponentStatus)> = Vec::new();
        let mut top_level = 0;
        for (state, mut json) in self
            .site
            .status
            .components
            .iter()
            .zip(self.components.drain(..))
        {
            let Some(group) = state
                .component
                .group
                .as_ref()
                .map(|g| g.get(default, default))
            else {
                top_level += 1;
                json.position = top_level;
                rows.push(json);
                continue;
            };
            let group_id = group_id(group);
            let row = match rows.iter().position(|r| r.group && r.id == group_id) {
                Some(row) => row,
                None => {
                    top_level += 1;
                    rows.push(ComponentJson {
                        id: group_id.clone(),
                        name: group.to_string(),
                        status: ComponentStatus::Operational.as_str(),
                        position: top_level,
                        description: None,
                        group: true,
                        components: Some(Vec::new()),
                        ..json.clone()
                    });
                    group_status.push((rows.len() - 1, ComponentStatus::Operational));
                    rows.len() - 1
                }
            };
            let members = rows[row].components.get_or_insert_with(Vec::new);
            members.push(json.id.clone());
            json.position = members.len();
            json.group_id = Some(group_id);
            if let Some((_, worst)) = group_status.iter_mut().find(|(r, _)| *r == row)
                && status::rank(state.status) > status::rank(*worst)
            {
                *worst = state.status;
                rows[row].status = state.status.as_str();
            }
            rows[row].updated_at = rows[row].updated_at.clone().max(json.updated_at.clone());
            rows.push(json);
        }
        // Members follow their group row even when the configuration interleaves groups.
        let mut ordered = Vec::with_capacity(rows.len());
        for row in rows.iter().filter(|r| r.group_id.is_none()) {
            ordered.push(row.clone());
            if row.group {
                ordered.extend(
                    rows.iter()
                        .filter(|m| m.group_id.as_deref() == Some(row.id.as_str()))
                        .cloned(),
                );
            }
        }
        self.components = ordered;
    }

    fn components(&self) -> &[ComponentJson] {
        &self.components
    }

    fn incident(&self, index: usize, incident: &Incident) -> IncidentJson {
        let record = incident.record;
        let postmortem = &self.site.languages[0].postmortems[index];
        let t = &self.site.languages[0].view.t;
        let lang = self.site.languages[0].lang;
        let id = record.id.clone();
        let affected: Vec<(&str, ComponentStatus)> = record
            .affected
            .0
            .iter()
            .map(|(c, s)| (c.value.as_str(), s.value))
            .collect();
        let affected_json = |resolving: bool| -> Vec<AffectedJson> {
            affected
                .iter()
                .map(|&(code, worst)| {
                    let (old, new) = if resolving {
                        (worst, ComponentStatus::Operational)
                    } else {
                        (ComponentStatus::Operational, worst)
                    };
                    AffectedJson {
                        code: code.to_string(),
                        name: self
                            .site
                            .config
                            .component(code)
                            .map_or(code.to_string(), |c| self.name(c)),
                        old_status: old.as_str(),
                        new_status: new.as_str(),
                    }
                })
                .collect()
        };
        let oldest = incident.updates.len().saturating_sub(1);
        let updates = incident
            .updates
            .iter()
            .enumerate()
            .map(|(position, update)| {
                let body = match update.source {
                    UpdateSource::Timeline(entry) => {
                        to_plain(&postmortem.timeline[entry].text.markdown)
                    }
                    UpdateSource::Milestone(_) => t
                        .get(&format!("update_body_{}", update.status.as_str()))
                        .cloned()
                        .unwrap_or_default(),
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
                        Some(affected_json(true))
                    } else if position == oldest {
                        Some(affected_json(false))
                    } else {
                        None
                    },
                    deliver_notifications: true,
                    custom_tweet: None,
                    tweet_id: None,
                }
            })
            .collect();
        let components = affected
            .iter()
            .filter_map(|(code, _)| self.components.iter().find(|c| !c.group && c.id == *code))
            .cloned()
            .collect();
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

/// `group-` and the group's name in lowercase ASCII words: `Docker Hub` -> `group-docker-hub`;
/// names without ASCII letters or digits get a stable hash instead.
fn group_id(name: &str) -> String {
    let slug = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        format!("group-{}", base36(fnv1a(name.as_bytes()), 8))
    } else {
        format!("group-{slug}")
    }
}

/// A Statuspage-like page id (12 lowercase base36 characters), stable for a base URL.
fn page_id(base: &str) -> String {
    base36(fnv1a(base.as_bytes()), 12)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn base36(mut value: u64, width: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = vec![b'0'; width];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(value % 36) as usize];
        value /= 36;
    }
    String::from_utf8(out).unwrap_or_default()
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

    #[test]
    fn ids_are_stable_and_shaped_like_statuspage_ids() {
        let id = page_id("https://status.example.com/");
        assert_eq!(id.len(), 12);
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        );
        assert_eq!(id, page_id("https://status.example.com/"));
        assert_ne!(id, page_id("https://other.example.com/"));
        assert_eq!(group_id("Docker Hub"), "group-docker-hub");
        assert!(group_id("決済").starts_with("group-") && group_id("決済").len() == 14);
    }
}
