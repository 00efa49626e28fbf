//! `missing-section`: a published record without the sections a reader needs.

use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::TextField;

declare_rule! {
    /// A published record lacks a section its readers need.
    ///
    /// A published incident must say what is going on: a `summary`, or at least one public
    /// status update (a timeline entry with a `status`), as a status page posts while the
    /// incident is being worked on. Once its postmortem is begun (any of `impact`,
    /// `root_cause`, `resolution` or `actions` is written), a resolved incident must have all
    /// of it: what happened (`summary`), who was affected (`impact`), why (`root_cause`), how
    /// it was fixed (`resolution`), and what will keep it from happening again (`actions`).
    /// A resolved incident whose postmortem is not begun yet is `unwritten-postmortem`'s
    /// business. Drafts and records in review are not checked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// status: published
    /// resolved: 2023-12-17T04:15:00Z
    /// summary: ...
    /// impact: ...
    /// # no root_cause, resolution or actions
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the missing sections and publish the postmortem whole; until then keep the
    /// half-written sections out of the published file (on a branch, or in a draft copy).
    pub MISSING_SECTION = MissingSection, Error, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    if !record.is_published() {
        return Vec::new();
    }
    let missing = if record.postmortem_unwritten() {
        Vec::new()
    } else {
        record.missing_postmortem()
    };
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|name| format!("`{name}`")).collect();
        return vec![
            Finding::new(
                MISSING_SECTION.id,
                record.status.span,
                format!(
                    "the postmortem of this resolved incident is published without {}",
                    names.join(", ")
                ),
            )
            .help("write the missing sections: a begun postmortem is published whole"),
        ];
    }
    if record.has(TextField::Summary) || record.has_status_update() {
        return Vec::new();
    }
    vec![
        Finding::new(
            MISSING_SECTION.id,
            record.status.span,
            "this incident is published without a `summary` or a status update",
        )
        .help("write a `summary`, or post an update with `hindsight update`, so readers know what is going on"),
    ]
}
