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
    /// How many earlier entries say the same status at the same instant: they share the
    /// rest of the id.
    pub(crate) repeat: usize,
}

impl Update {
    /// Its id within the incident: what it says and when (`identified-1795343400`), so that
    /// adding, moving or removing other timeline entries never renames it (notify and API
    /// clients know an update by it). A milestone's update is named after the milestone.
    pub(crate) fn key(&self) -> String {
        match self.source {
            UpdateSource::Timeline(_) => match self.repeat {
                0 => format!("{}-{}", self.status.as_str(), self.at.timestamp()),
                n => format!("{}-{}-{}", self.status.as_str(), self.at.timestamp(), n + 1),
            },
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
                repeat: 0,
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
    let mut seen = std::collections::HashMap::new();
    for update in &mut updates {
        let count = seen.entry((update.at, update.status)).or_insert(0);
        update.repeat = *count;
        *count += 1;
    }
    updates.reverse();
    updates
}

fn milestone_update(status: IncidentStatus, milestone: Milestone, at: DateTime<Utc>) -> Update {
    Update {
        status,
        at,
        source: UpdateSource::Milestone(milestone),
        repeat: 0,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(yaml: &str) -> Vec<String> {
        let (record, findings) =
            crate::load::record::parse("2026-11-22-t", yaml, &Default::default());
        assert!(findings.is_empty(), "{findings:?}");
        updates(&record.unwrap()).iter().map(Update::key).collect()
    }

    const HEAD: &str = "title: T\nlang: en\nstatus: published\nseverity: minor\naffected: {}\ntimezone: UTC\nstarted: 2026-11-22T10:00:00Z\ntimeline:\n";

    /// Filling in the timeline later (an entry without a status above the updates) renames
    /// no update: notify would otherwise send an old one again or take a new one for sent.
    #[test]
    fn an_update_keeps_its_id_when_other_entries_come_and_go() {
        let update =
            "  - at: 2026-11-22T10:30:00Z\n    status: identified\n    text: A bad deploy.\n";
        let before = keys(&format!("{HEAD}{update}"));
        let filled = keys(&format!(
            "{HEAD}  - at: 2026-11-22T09:58:00Z\n    text: The deploy starts.\n{update}"
        ));
        assert_eq!(before, ["identified-1795343400"]);
        assert_eq!(filled, before);
    }

    #[test]
    fn two_updates_saying_the_same_at_the_same_instant_get_two_ids() {
        let same = "  - at: 2026-11-22T10:30:00Z\n    status: identified\n    text: A.\n";
        let keys = keys(&format!("{HEAD}{same}{}", same.replace("A.", "B.")));
        assert_eq!(keys.len(), 2);
        assert_ne!(keys[0], keys[1]);
    }
}
