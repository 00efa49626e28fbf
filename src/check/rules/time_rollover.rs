//! `time-rollover`: a time of day earlier than the time before it, probably on the next day.

use super::{rolled_over, show};
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::time::When;
use crate::model::{Milestone, Spanned};

declare_rule! {
    /// A time of day is earlier than the time before it: it probably happened on the next day.
    ///
    /// A time written without a date (`at: 00:10`) takes the date of the entry before it, and
    /// a milestone written that way takes the date of `started`. When an incident runs past
    /// midnight, the first entry after midnight then lands on the wrong day, nearly 24 hours
    /// early. hindsight does not guess the date: it asks for it, because a wrong guess would
    /// silently shift every figure computed from the time. Only a step back of 12 hours or
    /// more is taken for a new day; a smaller one (`10:40`, then `10:20`) is reported by
    /// `timeline-order` as an entry out of order.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// timeline:
    ///   - at: 2017-10-27 23:50
    ///     text: Error rates rise.
    ///   - at: 00:10          # read as 2017-10-27 00:10, before 23:50
    ///     text: Rollback complete.
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the date with the time: `at: 2017-10-28 00:10`.
    pub TIME_ROLLOVER = TimeRollover, Warning, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let zone = record.zone(subject.site.config.timezone);
    let finding = |at: &Spanned<When>, before: &When, what: &str| {
        let next_day = at
            .value
            .local_date
            .succ_opt()
            .unwrap_or(at.value.local_date);
        let time = at.value.utc.with_timezone(&zone).format("%H:%M");
        Finding::new(
            TIME_ROLLOVER.id,
            at.span,
            format!(
                "`{time}` is earlier than {what} ({}); is it on the next day?",
                show(before, zone)
            ),
        )
        .help(format!(
            "write the date with the time, e.g. `{} {time}`",
            next_day.format("%Y-%m-%d")
        ))
    };
    let mut findings: Vec<Finding> = record
        .timeline
        .windows(2)
        .filter(|pair| rolled_over(&pair[1].at.value, &pair[0].at.value))
        .map(|pair| finding(&pair[1].at, &pair[0].at.value, "the entry before it"))
        .collect();
    if let Some(started) = &record.started {
        for milestone in &Milestone::ALL[1..] {
            if let Some(at) = record.milestone(*milestone)
                && rolled_over(&at.value, &started.value)
            {
                findings.push(finding(at, &started.value, "`started`"));
            }
        }
    }
    findings
}
