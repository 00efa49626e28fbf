//! Planned maintenance in the API: each published window as a Statuspage
//! `scheduled_maintenance`, with status updates derived from its window, its `started` and
//! `resolved`, and its timeline.
//!
//! **Which instants.** A record names no moment of announcement, so the `scheduled` update
//! (and `created_at`, `started_at`) is the earliest instant the record vouches for: its first
//! timeline entry, the git commit that added it, or else the window's start or the build's
//! "now", whichever is earliest (an upcoming window was announced by the commit, or at the
//! latest the build, that published it). Outside git an upcoming window's announcement is the
//! build's "now", so it moves with each build; in git it never moves. `in_progress`
//! is at `started`, else at `scheduled_for`; `verifying` at `scheduled_until`; `completed` at
//! `resolved`, else at `scheduled_until`. Each timeline entry is an update with the window's
//! status at its time. Nothing after "now" is an update: the future is not a fact yet.
//!
//! **Cancelled windows.** Statuspage has no `cancelled` status (its documentation names only
//! scheduled, in progress, verifying and completed), so a window called off there can only be
//! ended as `completed`, with an update saying so, or deleted. hindsight does the former: a cancelled window is `completed` at once, with a last update saying it was
//! cancelled, dated at the window's start or at its last revision (else "now"), whichever is
//! earlier (the latest instant by which it was surely called off). So clients never list it as upcoming or active;
//! it stays in `scheduled-maintenances.json`, and its components never change.

use chrono::{DateTime, Utc};

use super::Api;
use super::shapes::{AffectedJson, IncidentJson, MaintenanceJson, UpdateJson, timestamp};
use crate::model::ComponentStatus;
use crate::render::markdown::to_plain;
use crate::render::site::Page;
use crate::status::{Maintenance, MaintenanceStatus};

/// Statuspage lists this many windows in `scheduled-maintenances.json`.
pub(crate) const MAINTENANCE_LIMIT: usize = 50;

/// A maintenance's status as the API reports it: a cancelled window is `completed`.
pub(super) fn api_status(maintenance: &Maintenance) -> MaintenanceStatus {
    if maintenance.cancelled {
        MaintenanceStatus::Completed
    } else {
        maintenance.status
    }
}

/// What an update says and when.
enum Said {
    /// The announcement: the record's summary and impact.
    Announced,
    /// A stock sentence for the status.
    Stock,
    /// The timeline entry at this index.
    Entry(usize),
    Cancelled,
}

struct Derived {
    status: MaintenanceStatus,
    at: DateTime<Utc>,
    said: Said,
    /// (old, new) status of the affected components, when this update changes them.
    change: Option<Change>,
    key: String,
}

#[derive(Clone, Copy)]
enum Change {
    /// Announced: listed, not changed yet.
    Listed,
    Begins,
    Ends,
}

impl Api<'_> {
    /// The window at `index` of `status.maintenances` in Statuspage's shape.
    pub(super) fn maintenance(&self, index: usize, maintenance: &Maintenance) -> MaintenanceJson {
        let record = maintenance.record;
        let language = self.site.default_language();
        let text = language.maintenances.get(index);
        let now = self.site.status.now;
        let id = record.id.clone();
        let updates = derive(maintenance, now);
        let operational = Some(ComponentStatus::Operational);
        let affected = |change: Change| -> Vec<AffectedJson> {
            match change {
                Change::Listed => self.affected(record, operational, operational),
                Change::Begins => self.affected(record, operational, None),
                Change::Ends => self.affected(record, None, operational),
            }
        };
        let stock = |key: &str| self.stock_body(key);
        let updates_json: Vec<UpdateJson> = updates
            .iter()
            .map(|update| {
                let body = match update.said {
                    Said::Announced => {
                        let parts: Vec<String> = [&text.summary, &text.impact]
                            .into_iter()
                            .flatten()
                            .map(|section| to_plain(&section.text.markdown))
                            .filter(|s| !s.trim().is_empty())
                            .collect();
                        if parts.is_empty() {
                            stock("scheduled")
                        } else {
                            parts.join("\n\n")
                        }
                    }
                    Said::Stock => stock(update.status.as_str()),
                    Said::Entry(entry) => to_plain(&text.timeline[entry].text.markdown),
                    Said::Cancelled => stock("cancelled"),
                };
                let at = timestamp(update.at);
                UpdateJson {
                    id: format!("{id}-{}", update.key),
                    status: update.status.as_str(),
                    body,
                    incident_id: id.clone(),
                    created_at: at.clone(),
                    updated_at: at.clone(),
                    display_at: at,
                    affected_components: update.change.map(affected),
                    deliver_notifications: true,
                    custom_tweet: None,
                    tweet_id: None,
                }
            })
            .collect();
        let created = updates.last().map_or(now, |u| u.at);
        let latest = updates.first().map_or(now, |u| u.at);
        let status = api_status(maintenance);
        let resolved = (status == MaintenanceStatus::Completed).then(|| timestamp(latest));
        let components = self.components_of(record);
        let lang = language.lang;
        MaintenanceJson {
            incident: IncidentJson {
                id: id.clone(),
                name: to_plain(&text.title.markdown),
                status: status.as_str(),
                created_at: timestamp(created),
                updated_at: timestamp(latest),
                monitoring_at: None,
                resolved_at: resolved,
                impact: "maintenance",
                shortlink: format!(
                    "{}{}",
                    self.site.base,
                    Page::Maintenance(index, &id).path(lang)
                ),
                started_at: timestamp(created),
                page_id: self.page_id.clone(),
                incident_updates: updates_json,
                components,
            },
            scheduled_for: timestamp(maintenance.scheduled_for),
            scheduled_until: timestamp(maintenance.scheduled_until),
        }
    }
}

/// The updates of `maintenance` as of `now`, newest first, never empty; none after `now`.
fn derive(maintenance: &Maintenance, now: DateTime<Utc>) -> Vec<Derived> {
    let record = maintenance.record;
    let entries: Vec<(usize, DateTime<Utc>)> = record
        .timeline
        .iter()
        .enumerate()
        .map(|(index, entry)| (index, entry.at.value.utc))
        .filter(|&(_, at)| at <= now)
        .collect();
    let started = record
        .started
        .as_ref()
        .map(|s| s.value.utc)
        .filter(|&s| s <= now);
    // Announced no later than anything else the record tells (work begun early included),
    // and no later than the commit that added it: with git that instant is the same in every
    // build, whatever is edited later.
    let announced = entries
        .iter()
        .map(|&(_, at)| at)
        .chain([maintenance.scheduled_for, now])
        .chain(started)
        .chain(maintenance.added)
        .min()
        .unwrap_or(now);
    let mut updates = vec![Derived {
        status: MaintenanceStatus::Scheduled,
        at: announced,
        said: Said::Announced,
        change: Some(Change::Listed),
        key: "scheduled".to_string(),
    }];
    let mut seen = std::collections::HashMap::new();
    updates.extend(entries.iter().map(|&(index, at)| {
        Derived {
            status: if maintenance.cancelled {
                MaintenanceStatus::Scheduled
            } else {
                maintenance.status_at(at)
            },
            at,
            said: Said::Entry(index),
            change: None,
            // When it was said, as an incident's: other entries never rename it.
            key: match seen.entry(at).and_modify(|n| *n += 1).or_insert(1) {
                1 => format!("note-{}", at.timestamp()),
                n => format!("note-{}-{n}", at.timestamp()),
            },
        }
    }));
    if maintenance.cancelled {
        updates.push(Derived {
            status: MaintenanceStatus::Completed,
            at: maintenance
                .revised
                .unwrap_or(now)
                .min(maintenance.scheduled_for),
            said: Said::Cancelled,
            change: None,
            key: "cancelled".to_string(),
        });
    } else {
        let resolved = record
            .resolved
            .as_ref()
            .map(|r| crate::status::uptime::end_of(&r.value));
        // Each status the window has reached by now, at the instant it reached it.
        // In progress from the window's start, or from an earlier `started`.
        let began = started.map_or(maintenance.scheduled_for, |s| {
            s.min(maintenance.scheduled_for)
        });
        let status = maintenance.status;
        if began <= now && status != MaintenanceStatus::Scheduled {
            let completed_unstarted = resolved.is_some_and(|r| r <= began);
            if !completed_unstarted {
                updates.push(stock(
                    MaintenanceStatus::InProgress,
                    began,
                    Some(Change::Begins),
                ));
            }
        }
        match status {
            MaintenanceStatus::Verifying => updates.push(stock(
                MaintenanceStatus::Verifying,
                maintenance.scheduled_until,
                None,
            )),
            MaintenanceStatus::Completed => updates.push(stock(
                MaintenanceStatus::Completed,
                resolved
                    .filter(|&r| r <= now)
                    .unwrap_or(maintenance.scheduled_until),
                Some(Change::Ends),
            )),
            MaintenanceStatus::Scheduled | MaintenanceStatus::InProgress => {}
        }
    }
    // A timeline entry written at the very step (the note `resolve` or a person posted as the
    // work began or ended) tells it in words: it stands for the stock update and takes over
    // its component changes, so a client sees the step once.
    let steps: Vec<(DateTime<Utc>, MaintenanceStatus)> = updates
        .iter()
        .filter(|u| matches!(u.said, Said::Entry(_)))
        .map(|u| (u.at, u.status))
        .collect();
    let mut taken = Vec::new();
    updates.retain(|u| {
        let told = matches!(u.said, Said::Stock) && steps.contains(&(u.at, u.status));
        if told {
            taken.push((u.at, u.status, u.change));
        }
        !told
    });
    for (at, status, change) in taken {
        if let Some(entry) = updates
            .iter_mut()
            .find(|u| matches!(u.said, Said::Entry(_)) && u.at == at && u.status == status)
        {
            entry.change = entry.change.or(change);
        }
    }
    // Sorted stably, then reversed: at one instant the step pushed later counts as newer.
    updates.sort_by_key(|u| u.at);
    updates.reverse();
    updates
}

fn stock(status: MaintenanceStatus, at: DateTime<Utc>, change: Option<Change>) -> Derived {
    Derived {
        status,
        at,
        said: Said::Stock,
        change,
        key: status.as_str().to_string(),
    }
}

#[cfg(test)]
mod tests;
