//! What `notify` tells a channel: one event on the public page, with its words in every
//! language of the site. The event computation fills it; each channel formats it.

use std::collections::BTreeMap;

use crate::model::Lang;
use chrono::{DateTime, Utc};

/// What happened on the public page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    IncidentOpened,
    UpdatePosted,
    ComponentChanged,
    IncidentResolved,
    PostmortemPublished,
    MaintenanceScheduled,
    MaintenanceStarted,
    MaintenanceCompleted,
    MaintenanceCancelled,
}

impl EventKind {
    pub const ALL: [EventKind; 9] = [
        EventKind::IncidentOpened,
        EventKind::UpdatePosted,
        EventKind::ComponentChanged,
        EventKind::IncidentResolved,
        EventKind::PostmortemPublished,
        EventKind::MaintenanceScheduled,
        EventKind::MaintenanceStarted,
        EventKind::MaintenanceCompleted,
        EventKind::MaintenanceCancelled,
    ];

    /// The event type in payloads and the delivery log (`incident.opened`, …): part of the
    /// documented, versioned webhook payload, so never renamed.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::IncidentOpened => "incident.opened",
            EventKind::UpdatePosted => "incident.updated",
            EventKind::ComponentChanged => "component.changed",
            EventKind::IncidentResolved => "incident.resolved",
            EventKind::PostmortemPublished => "postmortem.published",
            EventKind::MaintenanceScheduled => "maintenance.scheduled",
            EventKind::MaintenanceStarted => "maintenance.started",
            EventKind::MaintenanceCompleted => "maintenance.completed",
            EventKind::MaintenanceCancelled => "maintenance.cancelled",
        }
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One event, ready for any channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable across runs and machines (`incident.updated:<incident id>:<update id>`): the
    /// delivery log keys what was sent by it, so the same change is never sent twice.
    pub id: String,
    pub kind: EventKind,
    /// The record the event is about (an incident or a maintenance window), or for
    /// `ComponentChanged` the component's id.
    pub subject: String,
    /// The components it concerns (for per-component routing), by id.
    pub components: Vec<String>,
    /// When it happened, as the public page dates it.
    pub at: DateTime<Utc>,
    /// Its words in every language of the site, by language (a channel picks its
    /// languages, else the site's default).
    pub texts: BTreeMap<Lang, EventText>,
}

/// An event's words in one language: plain text only (a channel escapes it for its format;
/// raw HTML from a record has already been left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventText {
    /// The incident's or window's title (or the component's name).
    pub title: String,
    /// The status in the page's words (`Identified`, `Under maintenance`, …).
    pub status: String,
    /// The update's or summary's text; may be empty.
    pub body: String,
    /// The page to read more on, absolute (`https://status.example.com/de/incidents/….html`).
    pub url: String,
}
