//! An incident's public status updates: its timeline entries that carry a `status`, or, for a
//! record without any, updates derived from its milestones.

use chrono::{DateTime, Utc};

use super::IncidentStatus;
use crate::model::{Milestone, Record, UpdateStatus};

/// Where an update's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateSource {
    /// The timeline entry at this index: its text is the update's body.
    Timeline(usize),
    /// A milestone without an entry of its own: a stock sentence for the status.
    Milestone(Milestone),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub status: IncidentStatus,
    pub at: DateTime<Utc>,
    pub source: UpdateSource,
}

impl Update {
    /// Stable within its incident: the same record gives the same ids on every build.
    pub(crate) fn key(&self) -> String {
        match self.source {
            UpdateSource::Timeline(index) => format!("t{}", index + 1),
            UpdateSource::Milestone(milestone) => milestone.as_str().to_string(),
        }
    }
}

/// The updates of `record`, newest first, never empty for a record with a start.
pub(super) fn updates(record: &Record) -> Vec<Update> {
    let mut updates: Vec<Update> = record
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| {
            entry.status.as_ref().map(|status| Update {
                status: from_timeline(status.value),
                at: entry.at.value.utc,
                source: UpdateSource::Timeline(index),
            })
        })
        .collect();
    if updates.is_empty() {
        let first = record
            .detected
            .as_ref()
            .map(|d| (Milestone::Detected, d))
            .or_else(|| record.started.as_ref().map(|s| (Milestone::Started, s)));
        if let Some((milestone, when)) = first {
            updates.push(milestone_update(
                IncidentStatus::Investigating,
                milestone,
                when.value.utc,
            ));
        }
        if let Some(mitigated) = &record.mitigated {
            updates.push(milestone_update(
                IncidentStatus::Monitoring,
                Milestone::Mitigated,
                mitigated.value.utc,
            ));
        }
    }
    // A resolved incident always ends with a resolved update, whether or not an entry says so.
    if let Some(resolved) = &record.resolved
        && !updates.iter().any(|u| u.status == IncidentStatus::Resolved)
    {
        updates.push(milestone_update(
            IncidentStatus::Resolved,
            Milestone::Resolved,
            resolved.value.utc,
        ));
    }
    // Stable: entries at the same instant keep the order the authors wrote them in.
    updates.sort_by_key(|u| u.at);
    updates.reverse();
    updates
}

fn milestone_update(status: IncidentStatus, milestone: Milestone, at: DateTime<Utc>) -> Update {
    Update {
        status,
        at,
        source: UpdateSource::Milestone(milestone),
    }
}

fn from_timeline(status: UpdateStatus) -> IncidentStatus {
    match status {
        UpdateStatus::Investigating => IncidentStatus::Investigating,
        UpdateStatus::Identified => IncidentStatus::Identified,
        UpdateStatus::Monitoring => IncidentStatus::Monitoring,
        UpdateStatus::Resolved => IncidentStatus::Resolved,
    }
}
