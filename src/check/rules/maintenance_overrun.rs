//! `maintenance-overrun`: a published maintenance still in progress or verifying long after
//! its window.

use chrono::TimeDelta;

use super::show;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;

/// How long after its window a started maintenance may stay unresolved before it is reported.
const GRACE: TimeDelta = TimeDelta::hours(24);

declare_rule! {
    /// A published maintenance has `started` (or `auto_complete: false`) but no `resolved`,
    /// more than 24 hours after its window ended.
    ///
    /// A maintenance that has started and not been resolved is in progress, and one with
    /// `auto_complete: false` is verifying after its window until it is resolved: either way
    /// the status page shows its components under maintenance for as long as that lasts. A
    /// day after the window, the work is nearly always over and `resolved` was forgotten. "Now" is the
    /// clock, or `SOURCE_DATE_EPOCH` when that is set. Cancelled maintenances and windows
    /// known only to the day are not reported.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// kind: maintenance
    /// status: published
    /// scheduled_for: 2024-03-05 22:00
    /// scheduled_until: 2024-03-05 23:30
    /// started: 2024-03-05 22:02
    /// # no `resolved:` weeks later
    /// ```
    ///
    /// ## Fix
    ///
    /// Add `resolved:` with when the work really ended. If the work goes on, move
    /// `scheduled_until` to when it is now expected to end.
    pub MAINTENANCE_OVERRUN = MaintenanceOverrun, Warning, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    if !record.is_maintenance()
        || !record.is_published()
        || record.is_cancelled()
        || (record.started.is_none() && record.auto_completes())
        || record.resolved.is_some()
    {
        return Vec::new();
    }
    let Some(until) = &record.scheduled_until else {
        return Vec::new();
    };
    if until.value.is_day_only() || subject.site.now - until.value.utc <= GRACE {
        return Vec::new();
    }
    let zone = record.zone(subject.site.config.timezone);
    let hours = (subject.site.now - until.value.utc).num_hours();
    vec![
        Finding::new(
            MAINTENANCE_OVERRUN.id,
            until.span,
            format!(
                "the window ended at {}, {hours} hours ago, but the maintenance has {} and no `resolved`, so the page still shows it {}",
                show(&until.value, zone),
                if record.started.is_some() {
                    "`started`"
                } else {
                    "`auto_complete: false`"
                },
                if record.started.is_some() {
                    "in progress"
                } else {
                    "verifying"
                },
            ),
        )
        .help("add `resolved:` with when the work ended, or move `scheduled_until` if it goes on"),
    ]
}
