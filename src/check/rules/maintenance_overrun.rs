//! `maintenance-overrun`: a published maintenance still in progress or verifying long after
//! its window.

use chrono::TimeDelta;

use super::show;
use crate::check::cache::NowSpan;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::time::When;
use crate::model::{Record, Spanned};

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

/// The end of the window of a maintenance that this rule compares with now, if it is one.
fn open_until(record: &Record) -> Option<&Spanned<When>> {
    if !record.is_maintenance()
        || !record.is_published()
        || record.is_cancelled()
        || (record.started.is_none() && record.auto_completes())
        || record.resolved.is_some()
    {
        return None;
    }
    record
        .scheduled_until
        .as_ref()
        .filter(|until| !until.value.is_day_only())
}

/// Narrows `span` to the nows for which this rule's findings on the record stay the same:
/// a finding appears just past the grace period, and its count of hours changes hourly.
pub(crate) fn now_span(subject: &RecordCheck<'_>, span: &mut NowSpan) {
    let Some(until) = open_until(subject.record) else {
        return;
    };
    let (now, until) = (subject.site.now, until.value.utc);
    let step = |delta: TimeDelta| until.checked_add_signed(delta);
    if let Some(at) = step(GRACE + TimeDelta::nanoseconds(1)) {
        span.split_at(now, at);
    }
    if now - until > GRACE {
        let hours = (now - until).num_hours();
        for at in [
            step(TimeDelta::hours(hours)),
            step(TimeDelta::hours(hours + 1)),
        ] {
            match at {
                Some(at) => span.split_at(now, at),
                None => span.until = Some(now + TimeDelta::nanoseconds(1)),
            }
        }
    }
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let Some(until) = open_until(record) else {
        return Vec::new();
    };
    if subject.site.now - until.value.utc <= GRACE {
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
