//! `missing-section`: a published record without the sections a reader needs.

use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::{OverlayList, TextField};

declare_rule! {
    /// A published record lacks a section its readers need.
    ///
    /// A published postmortem of a resolved incident must say what happened (`summary`), who
    /// was affected (`impact`), why (`root_cause`), how it was fixed (`resolution`), and what
    /// will prevent it from happening again (`actions`). A published incident that is still
    /// ongoing needs only its `summary`: status pages post incidents while they are still
    /// being worked on, and the rest follows. Drafts and records in review are not checked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// status: published
    /// resolved: 2023-12-17T04:15:00Z
    /// summary: ...
    /// # no impact, root_cause, resolution or actions
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the missing sections, or set `status: review` until they are written.
    pub MISSING_SECTION = MissingSection, Error, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    if !record.is_published() {
        return Vec::new();
    }
    let present = |field: TextField| {
        field
            .of_record(record)
            .is_some_and(|text| !text.value.trim().is_empty())
    };
    let mut missing = Vec::new();
    if !present(TextField::Summary) {
        missing.push(TextField::Summary.key());
    }
    if record.resolved.is_some() {
        for field in [
            TextField::Impact,
            TextField::RootCause,
            TextField::Resolution,
        ] {
            if !present(field) {
                missing.push(field.key());
            }
        }
        if record.actions.is_empty() {
            missing.push(OverlayList::Actions.name());
        }
    }
    if missing.is_empty() {
        return Vec::new();
    }
    let state = if record.resolved.is_some() {
        "resolved"
    } else {
        "ongoing"
    };
    vec![
        Finding::new(
            MISSING_SECTION.id,
            record.status.span,
            format!(
                "this {state} incident is published without {}",
                missing
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .help("write the missing sections, or set `status: review` until they are written"),
    ]
}
