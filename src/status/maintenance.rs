//! Planned maintenance as the public sees it at "now": each published window's Statuspage
//! status, and the next instant at which that status changes by itself.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use super::uptime::end_of;
use crate::load::Revisions;
use crate::model::{Milestone, Record};

/// A maintenance's public status, named as Statuspage names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MaintenanceStatus {
    Scheduled,
    InProgress,
    Verifying,
    Completed,
}

impl std::fmt::Display for MaintenanceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl MaintenanceStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            MaintenanceStatus::Scheduled => "scheduled",
            MaintenanceStatus::InProgress => "in_progress",
            MaintenanceStatus::Verifying => "verifying",
            MaintenanceStatus::Completed => "completed",
        }
    }

    /// In progress or verifying: the window's components are under maintenance.
    pub(crate) fn is_active(self) -> bool {
        matches!(
            self,
            MaintenanceStatus::InProgress | MaintenanceStatus::Verifying
        )
    }
}

/// One published maintenance window as the public sees it at `now`.
#[derive(Debug, Clone)]
pub struct Maintenance<'c> {
    pub record: &'c Record,
    pub status: MaintenanceStatus,
    /// The window was called off (`cancelled: true`): never in progress, never on components.
    pub cancelled: bool,
    pub scheduled_for: DateTime<Utc>,
    /// The window's end; for a day-only time, the end of that day.
    pub scheduled_until: DateTime<Utc>,
    /// When the record or a translation of it last changed (git), else its latest event at or
    /// before now; None when neither is known. Calendars derive `SEQUENCE` from it, feeds
    /// their `updated`.
    pub revised: Option<DateTime<Utc>>,
    /// When git first held the record's file (never after now), set by
    /// [`Maintenance::revised_by`]: the latest instant by which it was announced.
    pub added: Option<DateTime<Utc>>,
}

impl Maintenance<'_> {
    pub(crate) fn id(&self) -> &str {
        &self.record.id
    }

    /// Whether its components are under maintenance now.
    pub(crate) fn is_active(&self) -> bool {
        self.status.is_active()
    }

    /// With [`Maintenance::revised`] set: the later of the record's last git change (in
    /// `revisions`, by record id) and the latest time the record names that has passed. A
    /// future time in a maintenance is a plan, not a change.
    pub(crate) fn revised_by(mut self, revisions: &Revisions, now: DateTime<Utc>) -> Self {
        let record = self.record;
        let revision = revisions.last(&record.id);
        self.added = revisions.added(&record.id).map(|at| at.min(now));
        let milestones = Milestone::ALL
            .iter()
            .filter_map(|&m| record.milestone(m))
            .map(|m| m.value.utc);
        let entries = record.timeline.iter().map(|e| e.at.value.utc);
        let past = milestones.chain(entries).filter(|&at| at <= now).max();
        self.revised = revision.max(past).map(|at| at.min(now));
        self
    }

    /// Its last change as the public sees it at `now`: the record's revision, or a later
    /// instant at which its status changed by itself (see [`Maintenance::transitions`]). None
    /// for a window announced with no known revision that has not begun.
    pub(crate) fn changed(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.transitions()
            .filter(|&at| at <= now)
            .chain(self.revised)
            .max()
    }

    /// The instants at which its status changes by itself: the window starting or ending, a
    /// `started` or `resolved` coming true, a cancelled window passing its start, but only
    /// where the status really differs from the instant before (a window begun early does not
    /// change at `scheduled_for`; a cancelled one does not at its end).
    pub(crate) fn transitions(&self) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        let record = self.record;
        let status = |at| status_at(record, self.scheduled_for, self.scheduled_until, at);
        // Status only changes at an instant the rules compare against.
        [
            Some(self.scheduled_for),
            Some(self.scheduled_until),
            record.started.as_ref().map(|s| s.value.utc),
            record.resolved.as_ref().map(|r| end_of(&r.value)),
        ]
        .into_iter()
        .flatten()
        .filter(move |&at| status(at) != status(at - TimeDelta::nanoseconds(1)))
    }

    /// Whether its page no longer follows the clock at `now`: completed (or called off and past
    /// its start), with every instant it names, its revision and its announcement past.
    pub(crate) fn settled(&self, now: DateTime<Utc>) -> bool {
        let record = self.record;
        let milestones = Milestone::ALL
            .iter()
            .filter_map(|&m| record.milestone(m))
            .map(|m| m.value.utc);
        let named = (record.timeline.iter().map(|e| e.at.value.utc))
            .chain(milestones)
            .chain([self.scheduled_for, self.scheduled_until])
            .chain(record.resolved.as_ref().map(|r| end_of(&r.value)))
            .chain(self.revised)
            .chain(self.added);
        self.status == MaintenanceStatus::Completed && named.into_iter().all(|at| at < now)
    }

    /// Its status at `at` by the same rules as [`Maintenance::status`] at now, counting only
    /// what the record says happened by `at`: for an update's status at the update's time.
    pub(crate) fn status_at(&self, at: DateTime<Utc>) -> MaintenanceStatus {
        status_at(self.record, self.scheduled_for, self.scheduled_until, at)
    }
}

/// The public view of a maintenance record at `now`, or nothing for an incident or a
/// maintenance without a window (lint makes that an error for published records).
pub(crate) fn maintenance(record: &Record, now: DateTime<Utc>) -> Option<Maintenance<'_>> {
    if !record.is_maintenance() {
        return None;
    }
    let scheduled_for = record.scheduled_for.as_ref()?.value.utc;
    let scheduled_until = end_of(&record.scheduled_until.as_ref()?.value);
    Some(Maintenance {
        record,
        status: status_at(record, scheduled_for, scheduled_until, now),
        cancelled: record.is_cancelled(),
        scheduled_for,
        scheduled_until,
        revised: None,
        added: None,
    })
}

/// A maintenance's status at `now`, by the first rule that applies:
///
/// 1. **Cancelled** (`cancelled: true`): `scheduled` before `scheduled_for`, `completed` from
///    then on; never in progress, whatever `started` says, so it never puts a component under
///    maintenance.
/// 2. `resolved` at or before now: `completed` (the work is over, window or not).
/// 3. `started` at or before now and no `resolved` yet: `in_progress`, even after the window
///    and even with `auto_complete`: someone said the work began and nobody said it ended
///    (`maintenance-overrun` warns a day after the window).
/// 4. Before `scheduled_for`: `scheduled`.
/// 5. From `scheduled_for` up to (not including) `scheduled_until`: `in_progress`.
/// 6. From `scheduled_until` on: `completed` with `auto_complete` (the default), else
///    `verifying` until someone writes `resolved`.
///
/// Times after now are not facts yet: a future `started` or `resolved` counts from its instant
/// on. All comparisons are between UTC instants, so a DST change inside the window makes it an
/// hour longer or shorter on the wall clock and changes nothing here. A day-only
/// `scheduled_until` or `resolved` ends with that day.
fn status_at(
    record: &Record,
    scheduled_for: DateTime<Utc>,
    scheduled_until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> MaintenanceStatus {
    let happened = |when: Option<DateTime<Utc>>| when.is_some_and(|at| at <= now);
    if record.is_cancelled() {
        return if now < scheduled_for {
            MaintenanceStatus::Scheduled
        } else {
            MaintenanceStatus::Completed
        };
    }
    if happened(record.resolved.as_ref().map(|r| end_of(&r.value))) {
        return MaintenanceStatus::Completed;
    }
    if happened(record.started.as_ref().map(|s| s.value.utc)) {
        return MaintenanceStatus::InProgress;
    }
    if now < scheduled_for {
        MaintenanceStatus::Scheduled
    } else if now < scheduled_until {
        MaintenanceStatus::InProgress
    } else if record.auto_completes() {
        MaintenanceStatus::Completed
    } else {
        MaintenanceStatus::Verifying
    }
}

/// The first instant after `now` at which one of `maintenances` changes status by itself: a
/// window starting, a window ending (completed, or verifying without auto-complete), a future `started` or `resolved`
/// coming true, a cancelled window passing its start. None when nothing will change without a
/// new edit (a window verifying, or started and never resolved, waits for a person).
pub(crate) fn next_change(
    maintenances: &[Maintenance<'_>],
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    maintenances
        .iter()
        .flat_map(Maintenance::transitions)
        .filter(|&at| at > now)
        .min()
}

#[cfg(test)]
mod tests;
