//! `translation-orphan`: an overlay pair, or a whole overlay, that matches nothing in a record.

use crate::check::{OverlayCheck, Scope, declare_rule};
use crate::diagnostic::{Finding, Span};
use crate::model::PairState;

declare_rule! {
    /// An overlay translates text that its record does not have, or has no record at all.
    ///
    /// A pair is orphaned when its `source` matches no text of the record and there is no
    /// untranslated entry in its place it could be a stale translation of: the section was
    /// removed, or the timeline lost an entry. An overlay whose file name names a record that
    /// does not exist is orphaned as a whole. Orphaned translations are never rendered, but
    /// they are kept: `hindsight translate` never drops what a translator wrote.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # the record has no `trigger` any more
    /// trigger:
    ///   source: A scheduled workflow run.
    ///   text: Ein geplanter Workflow-Lauf.
    /// ```
    ///
    /// ## Fix
    ///
    /// Delete the pair once you are sure its text is not needed elsewhere; or move it to the
    /// entry it belongs to. For a whole overlay, rename it after its record.
    pub TRANSLATION_ORPHAN = TranslationOrphan, Warning, Scope::Overlay(check)
}

fn check(subject: &OverlayCheck<'_>) -> Vec<Finding> {
    let file = subject.file;
    if !subject.record_exists {
        return vec![
            Finding::new(
                TRANSLATION_ORPHAN.id,
                Span::file_start(),
                format!(
                    "this overlay translates `{}`, but there is no record with that id",
                    file.record_id
                ),
            )
            .help(format!(
                "name the file `<record id>.{}.yaml` after the record it translates",
                file.lang_tag
            )),
        ];
    }
    let Some(alignment) = &subject.alignment else {
        return Vec::new();
    };
    alignment
        .pairs
        .iter()
        .filter(|(_, _, state)| matches!(state, PairState::Orphan))
        .map(|(field, pair, _)| {
            Finding::new(
                TRANSLATION_ORPHAN.id,
                pair.source.span,
                format!("this `{field}` translation matches no text of the record"),
            )
            .help("delete the pair if its text is no longer needed, or move it to the entry it belongs to")
        })
        .collect()
}
