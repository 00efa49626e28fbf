//! `duration-mismatch`: the stated `duration` disagrees with resolved - started.

use super::show;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::duration::compact;

declare_rule! {
    /// The stated `duration` disagrees with the time between `started` and `resolved`.
    ///
    /// Postmortems often state a duration that was worked out by hand, and it drifts from the
    /// milestones when either is corrected. hindsight keeps the authors' figure in the record
    /// (it is what they said) but renders the computed one, and reports the disagreement so
    /// the two can be reconciled. An exact claim is compared at the unit it is written in:
    /// `18m` agrees with anything from 17m30s to 18m29s, `2h` with 1h30m to 2h29m. A claim
    /// marked approximate with `~` agrees within 10%. Records whose `started` or `resolved` is
    /// known only to the day are not compared. A duration on a record without `resolved` is
    /// reported too: an ongoing incident has no duration yet.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// started: 2023-12-17T03:56:00Z
    /// resolved: 2023-12-17T04:15:00Z
    /// duration: 18m        # resolved - started is 19m
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct whichever is wrong: a milestone, or the stated duration. If the stated figure
    /// is only a rough one, mark it approximate (`~18m`).
    pub DURATION_MISMATCH = DurationMismatch, Warning, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let Some(claim) = &record.duration else {
        return Vec::new();
    };
    let Some(started) = &record.started else {
        return Vec::new();
    };
    let Some(resolved) = &record.resolved else {
        return vec![
            Finding::new(DURATION_MISMATCH.id, claim.span, "a duration is stated, but the record has no `resolved` time")
                .help("add `resolved:` when the incident is over, or remove `duration` while it is ongoing"),
        ];
    };
    let Some(seconds) = record.computed_duration_seconds() else {
        return Vec::new();
    };
    if claim.value.agrees_with(seconds as f64) {
        return Vec::new();
    }
    let zone = record.zone(subject.site.config.timezone);
    let stated = subject
        .text
        .get(claim.span.start.offset..claim.span.end.offset)
        .unwrap_or("")
        .trim();
    let tolerance = if claim.value.approximate {
        " (approximate: within 10%)"
    } else {
        ""
    };
    vec![
        Finding::new(
            DURATION_MISMATCH.id,
            claim.span,
            format!(
                "stated duration `{stated}`{tolerance} disagrees with resolved - started = {} ({} to {})",
                compact(seconds),
                show(&started.value, zone),
                show(&resolved.value, zone)
            ),
        )
        .help("correct the milestone or the stated duration; renders show the computed duration"),
    ]
}
