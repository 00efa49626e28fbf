//! `unwritten-postmortem`: a resolved, published incident whose postmortem is not begun.

use super::show;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;

declare_rule! {
    /// A resolved incident is published, but its postmortem is not written yet.
    ///
    /// A status page posts an incident while it is being worked on, and resolves it when it
    /// is over; the postmortem (`impact`, `root_cause`, `resolution`, `actions`) follows days
    /// later. Until one of those sections is written, the incident's page shows its status
    /// updates and says that the postmortem will follow, and this warning keeps reminding the
    /// team in CI. Once the postmortem is begun, `missing-section` asks for all of it.
    /// Drafts and records in review are not checked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// status: published
    /// resolved: 2026-11-22 11:40
    /// timeline:
    ///   - at: 2026-11-22 10:05
    ///     status: investigating
    ///     text: We are investigating errors on the website.
    /// # no impact, root_cause, resolution or actions yet
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the postmortem: `impact`, `root_cause`, `resolution` and `actions` (and a
    /// `summary` of the whole incident), and publish them together.
    pub UNWRITTEN_POSTMORTEM = UnwrittenPostmortem, Warning, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let Some(resolved) = record.resolved.as_ref() else {
        return Vec::new();
    };
    if !record.is_published() || !record.postmortem_unwritten() {
        return Vec::new();
    }
    let zone = record.zone(subject.site.config.timezone);
    let missing: Vec<String> = record
        .missing_postmortem()
        .iter()
        .map(|name| format!("`{name}`"))
        .collect();
    vec![
        Finding::new(
            UNWRITTEN_POSTMORTEM.id,
            resolved.span,
            format!(
                "this incident was resolved at {}, and its postmortem is not written yet ({})",
                show(&resolved.value, zone),
                missing.join(", ")
            ),
        )
        .help("write the postmortem; until then the incident's page says that it will follow"),
    ]
}
