//! `milestone-mismatch`: a timeline entry that marks a milestone at another time than the record's.

use super::show;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::time::{Precision, When};

declare_rule! {
    /// A timeline entry marks a milestone (`marks: detected`) at a time other than the record's.
    ///
    /// The same fact is then written in two places with two values, and the key figures (from
    /// the milestone fields) disagree with the timeline readers see. The times are compared at
    /// the coarser of the two precisions: an entry known only to the day matches a milestone
    /// on that day. An entry that marks a milestone the record does not state is reported
    /// too, since the figures would silently leave it out.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// detected: 2023-12-17T03:56:00Z
    /// timeline:
    ///   - at: 2023-12-17T03:58:00Z
    ///     marks: detected        # the record says 03:56
    ///     text: Monitoring alerts.
    /// ```
    ///
    /// ## Fix
    ///
    /// Decide which time is right and write it in both places, or drop `marks` from an entry
    /// that is not the milestone itself.
    pub MILESTONE_MISMATCH = MilestoneMismatch, Error, Scope::Record(check)
}

fn same_time(a: &When, b: &When) -> bool {
    match a.precision.min(b.precision) {
        Precision::Day => a.local_date == b.local_date,
        Precision::Minute => a.utc.timestamp() / 60 == b.utc.timestamp() / 60,
        Precision::Second => a.utc == b.utc,
    }
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let zone = record.zone(subject.site.config.timezone);
    record
        .timeline
        .iter()
        .filter_map(|entry| {
            let marks = entry.marks.as_ref()?;
            let milestone = marks.value;
            match record.milestone(milestone) {
                None => Some(
                    Finding::new(
                        MILESTONE_MISMATCH.id,
                        marks.span,
                        format!("this entry marks `{milestone}`, but the record has no `{milestone}` time"),
                    )
                    .help(format!("add `{milestone}: {}` to the record", entry_time_text(&entry.at.value, zone))),
                ),
                Some(stated) if !same_time(&stated.value, &entry.at.value) => Some(
                    Finding::new(
                        MILESTONE_MISMATCH.id,
                        entry.at.span,
                        format!(
                            "this entry marks `{milestone}` at {}, but the record's `{milestone}` is {} (line {})",
                            show(&entry.at.value, zone),
                            show(&stated.value, zone),
                            stated.span.start.line
                        ),
                    )
                    .help("write the same time in both places, or remove `marks` from this entry"),
                ),
                Some(_) => None,
            }
        })
        .collect()
}

fn entry_time_text(when: &When, zone: chrono_tz::Tz) -> String {
    match when.precision {
        Precision::Day => when.local_date.format("%Y-%m-%d").to_string(),
        _ if zone == chrono_tz::UTC => when.utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        _ => when
            .utc
            .with_timezone(&zone)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
    }
}
