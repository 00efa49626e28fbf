//! `milestone-order`: milestones that contradict each other's order.

use super::{is_before, rolled_over, show};
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::Milestone;

declare_rule! {
    /// A milestone is earlier than `started`, or `resolved` is earlier than `mitigated`.
    ///
    /// The key figures of a postmortem (time to detect, acknowledge, mitigate and resolve) are
    /// measured from `started`, so every milestone must come at or after it; and an incident
    /// cannot be resolved before it was mitigated. A milestone that breaks this gives negative
    /// figures and a wrong duration. Milestones known only to the day are compared by day.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// started: 2023-12-17T03:56:00Z
    /// detected: 2023-12-17T03:46:00Z     # ten minutes before it started
    /// mitigated: 2023-12-17T04:10:00Z
    /// resolved: 2023-12-17T04:05:00Z     # before mitigated
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the wrong time. If impact really began earlier than `started` says (detection
    /// came first), move `started` back to when impact began.
    pub MILESTONE_ORDER = MilestoneOrder, Error, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let zone = record.zone(subject.site.config.timezone);
    let mut findings = Vec::new();
    let mut compare = |later: Milestone, earlier: Milestone| {
        let (Some(l), Some(e)) = (record.milestone(later), record.milestone(earlier)) else {
            return;
        };
        if is_before(&l.value, &e.value) && !rolled_over(&l.value, &e.value) {
            findings.push(
                Finding::new(
                    MILESTONE_ORDER.id,
                    l.span,
                    format!(
                        "`{later}` ({}) is earlier than `{earlier}` ({})",
                        show(&l.value, zone),
                        show(&e.value, zone)
                    ),
                )
                .help(format!(
                    "correct one of the two times; `{later}` cannot come before `{earlier}`"
                )),
            );
        }
    };
    for milestone in &Milestone::ALL[1..] {
        compare(*milestone, Milestone::Started);
    }
    compare(Milestone::Resolved, Milestone::Mitigated);
    findings
}
