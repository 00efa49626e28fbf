//! `translation-untranslated`: record text the overlay has not translated yet.

use crate::check::{OverlayCheck, Scope, declare_rule};
use crate::diagnostic::{Finding, Span};
use crate::model::PairState;

declare_rule! {
    /// A text of the record has no translation in the overlay yet.
    ///
    /// Either the pair's `text` is empty (created by `hindsight translate` and not yet
    /// filled in), or the record has a text (a new timeline entry, a new section) that the
    /// overlay has no pair for at all. Rendering falls back to the record's own language for
    /// that text, marks it with the right `lang`, and tells the reader once per page.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// lang: de
    /// summary:
    ///   source: The production image was deleted by a retention workflow.
    ///   text: ""
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the translation in `text`. `hindsight translate <record> --to <lang>` adds pairs
    /// for texts the overlay does not have yet.
    pub TRANSLATION_UNTRANSLATED = TranslationUntranslated, Warning, Scope::Overlay(check)
}

fn check(subject: &OverlayCheck<'_>) -> Vec<Finding> {
    let (Some(record), Some(overlay), Some(alignment)) = (
        subject.record,
        subject.file.overlay.as_ref(),
        &subject.alignment,
    ) else {
        return Vec::new();
    };
    let empty = alignment
        .pairs
        .iter()
        .filter(|(_, pair, state)| !matches!(state, PairState::Orphan) && pair.is_untranslated())
        .map(|(field, pair, _)| {
            let span = pair.text.as_ref().map_or(pair.span, |text| text.span);
            Finding::new(
                TRANSLATION_UNTRANSLATED.id,
                span,
                format!("the `{field}` translation is empty"),
            )
            .help("write the translation in `text`")
        });
    let missing = alignment.missing.iter().map(|missing| {
        let what = match missing.index {
            Some(index) => format!(
                "{} entry {} (line {} of the record)",
                missing.field,
                index + 1,
                missing.current.span.start.line
            ),
            None => format!(
                "`{}` (line {} of the record)",
                missing.field, missing.current.span.start.line
            ),
        };
        Finding::new(
            TRANSLATION_UNTRANSLATED.id,
            Span::file_start(),
            format!("the overlay has no translation of {what}"),
        )
        .help(format!(
            "run `hindsight translate {} --to {}` to add the missing pairs",
            record.id, overlay.lang.value
        ))
    });
    empty.chain(missing).collect()
}
