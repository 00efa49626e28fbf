//! `timeline-order`: timeline entries that are not in chronological order.

use super::{is_before, rolled_over, show};
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;

declare_rule! {
    /// A timeline entry is earlier than the entry before it.
    ///
    /// Readers take the timeline as the story of the incident, top to bottom; an entry out of
    /// order usually means a typo in a time (a wrong hour or date), which would also corrupt
    /// the figures computed from it. Entries at the same time are fine. An entry known only to
    /// the day (`at: 2023-12-17`) is compared by its day, so it may stand before or after
    /// timed entries of the same day. A time of day that lands 12 hours or more before the
    /// entry above it (`23:50`, then `00:10`) most likely belongs to the next day and is
    /// reported by `time-rollover` instead; a smaller step back (`10:40`, then `10:20`) is an
    /// entry out of order.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// timeline:
    ///   - at: 2023-12-17T04:10:00Z
    ///     text: New deployment triggered.
    ///   - at: 2023-12-17T04:03:00Z     # earlier than the entry above
    ///     text: On-call engineer acknowledges.
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the time if it is wrong; otherwise move the entry to its place in time.
    pub TIMELINE_ORDER = TimelineOrder, Error, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let zone = record.zone(subject.site.config.timezone);
    record
        .timeline
        .windows(2)
        .filter(|pair| {
            let (before, entry) = (&pair[0].at.value, &pair[1].at.value);
            is_before(entry, before) && !rolled_over(entry, before)
        })
        .map(|pair| {
            let (before, entry) = (&pair[0].at, &pair[1].at);
            Finding::new(
                TIMELINE_ORDER.id,
                entry.span,
                format!(
                    "this entry ({}) is earlier than the entry before it ({}, line {})",
                    show(&entry.value, zone),
                    show(&before.value, zone),
                    before.span.start.line
                ),
            )
            .help("correct the time, or move the entry to its place in the timeline")
        })
        .collect()
}
