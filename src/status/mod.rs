//! Status stage: the public facts derived once from the published records (component states,
//! the page indicator, incident and maintenance statuses, updates, 90-day uptime), the same in
//! every language.

mod derived;
mod indicator;
mod maintenance;
mod updates;
pub mod uptime;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;
use serde::Serialize;

use crate::load::Revisions;
use crate::model::{Component, ComponentStatus, Impact, Milestone, Record, SiteConfig};
pub(crate) use derived::Derived;
pub(crate) use indicator::Indicator;
pub(crate) use maintenance::{Maintenance, MaintenanceStatus};
pub(crate) use updates::{Update, UpdateSource};

/// The timeline entry (by index) that `record`'s newest update comes from, if it comes from
/// one: the entry whose text the site shows until the postmortem is written.
pub(crate) fn newest_timeline_update(record: &Record) -> Option<usize> {
    match updates::updates(record).first()?.source {
        UpdateSource::Timeline(index) => Some(index),
        UpdateSource::Milestone(_) => None,
    }
}
pub(crate) use uptime::{Day, Uptime};

/// How many days the uptime bars cover, today included.
pub(crate) const UPTIME_DAYS: u32 = 90;

/// An incident's public status (Statuspage's incident status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Postmortem,
}

impl IncidentStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            IncidentStatus::Investigating => "investigating",
            IncidentStatus::Identified => "identified",
            IncidentStatus::Monitoring => "monitoring",
            IncidentStatus::Resolved => "resolved",
            IncidentStatus::Postmortem => "postmortem",
        }
    }
}

/// How bad a component's state is, for "the worst status wins". Maintenance is planned and
/// ranks below any degradation.
pub(crate) fn rank(status: ComponentStatus) -> u8 {
    match status {
        ComponentStatus::Operational => 0,
        ComponentStatus::UnderMaintenance => 1,
        ComponentStatus::DegradedPerformance => 2,
        ComponentStatus::PartialOutage => 3,
        ComponentStatus::MajorOutage => 4,
    }
}

fn worst(statuses: impl IntoIterator<Item = ComponentStatus>) -> ComponentStatus {
    statuses
        .into_iter()
        .max_by_key(|&s| rank(s))
        .unwrap_or(ComponentStatus::Operational)
}

/// The worst status `record` gives component `id` (operational when it names it not).
pub(crate) fn status_on(record: &Record, id: &str) -> ComponentStatus {
    worst(
        record
            .affected
            .0
            .iter()
            .filter(|(c, _)| c.value == id)
            .map(|(_, s)| s.value),
    )
}

/// One published incident as the public sees it.
#[derive(Debug, Clone)]
pub struct Incident<'c> {
    pub record: &'c Record,
    pub status: IncidentStatus,
    pub started: DateTime<Utc>,
    pub resolved: Option<DateTime<Utc>>,
    /// When the incident first entered `monitoring`.
    pub monitoring: Option<DateTime<Utc>>,
    /// Newest first, never empty.
    pub updates: Vec<Update>,
    /// When the record or a translation of it last changed (git), else its latest event.
    pub revised: DateTime<Utc>,
}

impl Incident<'_> {
    pub(crate) fn id(&self) -> &str {
        &self.record.id
    }

    pub(crate) fn is_ongoing(&self) -> bool {
        self.resolved.is_none()
    }

    pub(crate) fn impact(&self) -> Impact {
        self.record
            .severity
            .as_ref()
            .map_or(Impact::None, |s| s.value)
    }
}

/// One configured component's public state.
#[derive(Debug, Clone)]
pub struct ComponentState<'c> {
    pub component: &'c Component,
    /// The worst status the ongoing incidents and active maintenance windows give it.
    pub status: ComponentStatus,
    pub uptime: Uptime,
    /// Indices into [`SiteStatus::incidents`] of the incidents that affected it, newest first.
    pub incidents: Vec<usize>,
    /// Its last change of status: the latest start or end of an incident on it.
    pub changed: Option<DateTime<Utc>>,
}

impl ComponentState<'_> {
    pub(crate) fn id(&self) -> &str {
        &self.component.id.value
    }
}

/// Everything public about the project at `now`.
#[derive(Debug, Clone)]
pub struct SiteStatus<'c> {
    pub now: DateTime<Utc>,
    /// The worst severity of the ongoing incidents.
    pub indicator: Impact,
    /// Statuspage's rollup: [`SiteStatus::indicator`], or `maintenance` while a window is
    /// active and no incident is ongoing.
    pub page_indicator: Indicator,
    /// In configuration order.
    pub components: Vec<ComponentState<'c>>,
    /// Published incidents, newest first (by start).
    pub incidents: Vec<Incident<'c>>,
    /// Published maintenance windows (cancelled ones marked), by `scheduled_for`, soonest
    /// first; see [`SiteStatus::upcoming`], [`SiteStatus::active`], [`SiteStatus::recent`].
    pub maintenances: Vec<Maintenance<'c>>,
    /// The last change of anything public.
    pub updated: DateTime<Utc>,
    /// The first instant the history covers (the earliest incident start or window change), for
    /// created_at fields.
    pub since: DateTime<Utc>,
}

/// Derives the public status from the published records. `revisions` maps a record id to the
/// last time its file or one of its overlays changed; without one, the record's own latest
/// event stands in.
pub(crate) fn derive<'c>(
    records: &[&'c Record],
    config: &'c SiteConfig,
    revisions: &Revisions,
    now: DateTime<Utc>,
) -> SiteStatus<'c> {
    derive_for(records, config, revisions, now, false, &|_| None)
}

/// Whether the status lists `record` as an incident: published (or, in the preview, any
/// record), and no planned maintenance, whose own status comes with the maintenance pages.
pub(crate) fn listed_as_incident(record: &Record, preview: bool) -> bool {
    (preview || record.is_published()) && !record.is_maintenance()
}

/// [`derive`], and with `preview` (`serve` only, never `build`) drafts and records in review
/// too, as if they were published; an incident that `derived` has (by id) is taken from it.
pub(crate) fn derive_for<'c>(
    records: &[&'c Record],
    config: &'c SiteConfig,
    revisions: &Revisions,
    now: DateTime<Utc>,
    preview: bool,
    derived: &(dyn Fn(&str) -> Option<Derived> + Sync),
) -> SiteStatus<'c> {
    let mut incidents: Vec<Incident<'c>> = records
        .par_iter()
        .filter(|record| listed_as_incident(record, preview))
        .filter_map(|record| match derived(&record.id) {
            Some(derived) => Some(derived.with(record)),
            None => incident(record, revisions.last(&record.id), now),
        })
        .collect();
    incidents.sort_by(|a, b| {
        b.started
            .cmp(&a.started)
            .then_with(|| a.record.id.cmp(&b.record.id))
    });
    let mut maintenances: Vec<Maintenance<'c>> = records
        .iter()
        .filter(|record| preview || record.is_published())
        .filter_map(|record| maintenance::maintenance(record, now))
        .map(|m| m.revised_by(revisions, now))
        .collect();
    maintenances.sort_by(|a, b| {
        a.scheduled_for
            .cmp(&b.scheduled_for)
            .then_with(|| a.record.id.cmp(&b.record.id))
    });

    let mut by_component: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, incident) in incidents.iter().enumerate() {
        for (id, _) in &incident.record.affected.0 {
            by_component.entry(&id.value).or_default().push(index);
        }
    }
    let days = uptime::window(now, config.timezone, UPTIME_DAYS);
    let components = config
        .components
        .par_iter()
        .map(|component| {
            let affecting = by_component
                .get(component.id.value.as_str())
                .cloned()
                .unwrap_or_default();
            let mut state = component_state(component, affecting, &incidents, &days, now);
            let id = component.id.value.as_str();
            let on_it = || {
                maintenances.iter().filter(move |m| {
                    !m.cancelled && status_on(m.record, id) != ComponentStatus::Operational
                })
            };
            state.status = worst(
                on_it()
                    .filter(|m| m.is_active())
                    .map(|m| status_on(m.record, id))
                    .chain([state.status]),
            );
            // A window starting or ending on it is a change of its state too.
            let window_changes = on_it().flat_map(|m| m.transitions().filter(|&at| at <= now));
            state.changed = state.changed.into_iter().chain(window_changes).max();
            state
        })
        .collect();
    let indicator = incidents
        .iter()
        .filter(|i| i.is_ongoing())
        .map(Incident::impact)
        .max()
        .unwrap_or(Impact::None);
    let page_indicator = match indicator {
        Impact::None if maintenances.iter().any(Maintenance::is_active) => Indicator::Maintenance,
        Impact::None => Indicator::None,
        Impact::Minor => Indicator::Minor,
        Impact::Major => Indicator::Major,
        Impact::Critical => Indicator::Critical,
    };
    let updated = incidents
        .iter()
        .map(|i| i.revised)
        .chain(maintenances.iter().filter_map(|m| m.changed(now)))
        .max()
        .unwrap_or(now)
        .min(now);
    let begun_windows = maintenances.iter().filter_map(|m| m.transitions().min());
    let since = incidents
        .iter()
        .map(|i| i.started)
        .chain(begun_windows.filter(|&at| at <= now))
        .min()
        .unwrap_or(now);
    SiteStatus {
        now,
        indicator,
        page_indicator,
        components,
        incidents,
        maintenances,
        updated,
        since,
    }
}

impl<'c> SiteStatus<'c> {
    /// Windows not yet begun (cancelled ones marked), soonest first.
    pub(crate) fn upcoming(&self) -> impl Iterator<Item = &Maintenance<'c>> {
        self.maintenances
            .iter()
            .filter(|m| m.status == MaintenanceStatus::Scheduled)
    }

    /// Windows in progress or verifying, soonest first.
    pub(crate) fn active(&self) -> impl Iterator<Item = &Maintenance<'c>> {
        self.maintenances.iter().filter(|m| m.is_active())
    }

    /// Completed and passed cancelled windows, most recent first.
    pub(crate) fn recent(&self) -> impl Iterator<Item = &Maintenance<'c>> {
        self.maintenances
            .iter()
            .rev()
            .filter(|m| m.status == MaintenanceStatus::Completed)
    }

    /// The first instant after [`SiteStatus::now`] at which the status changes by itself (a
    /// window starting or auto-completing), or None when only an edit can change it.
    pub(crate) fn next_change(&self) -> Option<DateTime<Utc>> {
        maintenance::next_change(&self.maintenances, self.now)
    }
}

fn component_state<'c>(
    component: &'c Component,
    incidents_on_it: Vec<usize>,
    incidents: &[Incident<'c>],
    days: &[(NaiveDate, DateTime<Utc>, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> ComponentState<'c> {
    let id = component.id.value.as_str();
    let status = worst(
        incidents_on_it
            .iter()
            .map(|&i| &incidents[i])
            .filter(|i| i.is_ongoing())
            .map(|i| status_on(i.record, id)),
    );
    let spans: Vec<uptime::Span> = incidents_on_it
        .iter()
        .filter_map(|&i| uptime::span_of(incidents[i].record, id, now))
        .collect();
    let changed = incidents_on_it
        .iter()
        .map(|&i| &incidents[i])
        .flat_map(|i| [Some(i.started), i.resolved])
        .flatten()
        .max();
    ComponentState {
        component,
        status,
        uptime: uptime::measure(&spans, days),
        incidents: incidents_on_it,
        changed,
    }
}

/// The public view of one published record, or nothing when it has no start (lint makes
/// that an error for published records, so a build never gets here with one).
pub(crate) fn incident<'c>(
    record: &'c Record,
    revised: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Incident<'c>> {
    let started = record.started.as_ref()?.value.utc;
    let resolved = record.resolved.as_ref().map(|r| r.value.utc);
    let updates = updates::updates(record);
    let status = match (resolved, updates.first()) {
        // Statuspage's "postmortem" means one is published; until it is written, "resolved".
        (Some(_), _) if record.postmortem_unwritten() => IncidentStatus::Resolved,
        (Some(_), _) => IncidentStatus::Postmortem,
        (None, Some(latest)) if latest.status != IncidentStatus::Resolved => latest.status,
        (None, _) => IncidentStatus::Investigating,
    };
    let monitoring = updates
        .iter()
        .rev()
        .find(|u| u.status == IncidentStatus::Monitoring)
        .map(|u| u.at);
    let latest_event = latest_event(record).unwrap_or(started);
    let revised = revised.unwrap_or(latest_event).max(latest_event).min(now);
    Some(Incident {
        record,
        status,
        started,
        resolved,
        monitoring,
        updates,
        revised,
    })
}

/// The latest instant the record names: a milestone or a timeline entry.
fn latest_event(record: &Record) -> Option<DateTime<Utc>> {
    let milestones = Milestone::ALL
        .iter()
        .filter_map(|&m| record.milestone(m))
        .map(|m| m.value.utc);
    let entries = record.timeline.iter().map(|e| e.at.value.utc);
    milestones.chain(entries).max()
}

#[cfg(test)]
mod tests;
