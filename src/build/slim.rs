//! What a build that does not hold the corpus keeps of each record and overlay between its
//! two passes: what the status, the site's views and the metrics read, and nothing more.
//! The pages that show a whole postmortem read its files again (`load::Reread`).
//!
//! What the views read (src/localize/site.rs `incident_view`, src/status, src/stats): a
//! record's id, status, kind, severity, affected components, zone, milestones and duration;
//! its timeline's times, statuses and texts (the newest update's text is shown); its title
//! and summary; whether each postmortem section is written (`Record::has`); its actions'
//! statuses, kinds and due dates (counted on the metrics page). Of an overlay: the title,
//! summary and timeline pairs. A maintenance's texts are all shown on its page, API entry
//! and calendar, which the build localizes up front, so a maintenance keeps them.

use crate::load::{OverlayFile, RecordFile};
use crate::model::{Overlay, Record, Spanned};

/// `file` without its source text and findings, its record without the texts no view
/// shows; `internal` is never kept.
pub(crate) fn record(mut file: RecordFile) -> RecordFile {
    file.source.text = String::new();
    file.findings = Vec::new();
    if let Some(record) = &mut file.record {
        slim_record(record);
    }
    file
}

/// `file` without its source text and findings; with `keep_all` (the overlay of a
/// maintenance) its pairs are kept, else only those the views read.
pub(crate) fn overlay(mut file: OverlayFile, keep_all: bool) -> OverlayFile {
    file.source.text = String::new();
    file.findings = Vec::new();
    if let Some(overlay) = &mut file.overlay {
        overlay.internal = None;
        if !keep_all {
            slim_overlay(overlay);
        }
    }
    file
}

fn slim_record(record: &mut Record) {
    record.internal = None;
    if record.is_maintenance() {
        return;
    }
    // Whether a section is written decides an incident's status (`postmortem_unwritten`);
    // what it says is shown only on the incident's own page.
    for text in [
        &mut record.impact,
        &mut record.what_happened,
        &mut record.root_cause,
        &mut record.trigger,
        &mut record.detection,
        &mut record.resolution,
    ] {
        if let Some(text) = text
            && !text.value.trim().is_empty()
        {
            text.value = WRITTEN.to_string();
        }
    }
    record.lessons = Vec::new();
    record.authors = Vec::new();
    for action in &mut record.actions {
        action.text = Spanned::new(String::new(), action.text.span);
        action.owner = None;
        action.link = None;
    }
}

/// What a written section becomes: not blank, and nothing of the record's.
const WRITTEN: &str = "-";

fn slim_overlay(overlay: &mut Overlay) {
    for pair in [
        &mut overlay.impact,
        &mut overlay.what_happened,
        &mut overlay.root_cause,
        &mut overlay.trigger,
        &mut overlay.detection,
        &mut overlay.resolution,
    ] {
        *pair = None;
    }
    overlay.lessons = Vec::new();
    overlay.actions = Vec::new();
}
