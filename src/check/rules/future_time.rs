//! `future-time`: a published record with a time after now.

use super::show;
use crate::check::cache::NowSpan;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::Spanned;
use crate::model::time::When;
use crate::model::{Milestone, Record};

declare_rule! {
    /// A published record has a time that is still in the future.
    ///
    /// A postmortem reports what happened; a time after now is nearly always a typo in the
    /// year, month or day, and on the status site it would make an incident look ongoing or
    /// put it at the top of the history for months. "Now" is the clock, or
    /// `SOURCE_DATE_EPOCH` when that is set (for reproducible CI runs). Times known only to
    /// the day are in the future when their day is after today. Drafts and records in review
    /// are not checked, so planned timelines can be sketched.
    ///
    /// Planned work is the one exception: a maintenance (`kind: maintenance`) is announced
    /// before it happens, so its window (`scheduled_for`, `scheduled_until`) may lie in the
    /// future. What it records as having happened (`started`, `resolved`, the timeline) may
    /// not, and an incident has no window at all (`maintenance-window` says so).
    ///
    /// ## Example
    ///
    /// ```yaml
    /// status: published
    /// started: 2032-12-17T03:56:00Z    # 2023 was meant
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the time. If the record announces planned work, make it a maintenance with
    /// `kind: maintenance` and give the plan as `scheduled_for` and `scheduled_until`.
    pub FUTURE_TIME = FutureTime, Error, Scope::Record(check)
}

/// The times this rule compares with now: none unless the record is published.
fn times(record: &Record) -> impl Iterator<Item = (String, &Spanned<When>)> {
    let milestones = Milestone::ALL
        .iter()
        .filter_map(|m| record.milestone(*m).map(|at| (format!("`{m}`"), at)));
    let entries = record
        .timeline
        .iter()
        .map(|entry| ("this timeline entry".to_string(), &entry.at));
    milestones.chain(entries).filter(|_| record.is_published())
}

/// Narrows `span` to the nows for which this rule's findings on the record stay the same:
/// each time is in the future until now reaches it (or its day begins).
pub(crate) fn now_span(subject: &RecordCheck<'_>, span: &mut NowSpan) {
    let zone = subject.record.zone(subject.site.config.timezone);
    for (_, at) in times(subject.record) {
        if at.value.is_day_only() {
            span.split_at_day(subject.site.now, at.value.local_date, zone);
        } else {
            span.split_at(subject.site.now, at.value.utc);
        }
    }
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let now = subject.site.now;
    let zone = record.zone(subject.site.config.timezone);
    let today = now.with_timezone(&zone).date_naive();
    let in_future = |when: &When| {
        if when.is_day_only() {
            when.local_date > today
        } else {
            when.utc > now
        }
    };
    times(record)
        .filter(|(_, at): &(String, &Spanned<When>)| in_future(&at.value))
        .map(|(what, at)| {
            Finding::new(
                FUTURE_TIME.id,
                at.span,
                format!(
                    "{what} is {}, which is in the future",
                    show(&at.value, zone)
                ),
            )
            .help(if record.is_maintenance() {
                "check the year, month and day; the planned window is `scheduled_for` and `scheduled_until`, and this field records what already happened"
            } else {
                "check the year, month and day; a published postmortem describes the past"
            })
        })
        .collect()
}
