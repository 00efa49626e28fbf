//! `translation-stale`: a translation made from text the record no longer has.

use crate::check::{OverlayCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::PairState;

declare_rule! {
    /// A translation was made from an earlier version of the record's text.
    ///
    /// Each pair in an overlay keeps the `source` text it was translated from. When the
    /// record's text changes (a corrected time, a new finding in the root cause), the pair's
    /// `source` no longer matches, and the translation may now say something the original
    /// does not. Rendering still uses the stale translation, and says that part of the
    /// translation is out of date. List entries (timeline, lessons, actions) are matched by
    /// their text first; a pair left over is the stale translation of the entry at its
    /// position.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # incidents/2023-12-17-x.yaml now says "...about 19 minutes."
    /// impact:
    ///   source: The service was unavailable for about 18 minutes.
    ///   text: Der Dienst war etwa 18 Minuten lang nicht verfügbar.
    /// ```
    ///
    /// `hindsight translate <record> --to <lang>` refreshes such a pair: `source` becomes the
    /// record's current text, the translation is kept, and the text it was made from moves
    /// to `previous` (like gettext's previous msgid). A pair with `previous` stays stale until
    /// the translator has updated `text` and deleted `previous`.
    ///
    /// ## Fix
    ///
    /// `hindsight translate status` shows what changed in the source, word by word. Update
    /// the translation, then delete `previous` (or refresh the overlay, which sets `source`).
    pub TRANSLATION_STALE = TranslationStale, Warning, Scope::Overlay(check)
}

fn check(subject: &OverlayCheck<'_>) -> Vec<Finding> {
    let Some(alignment) = &subject.alignment else {
        return Vec::new();
    };
    alignment
        .pairs
        .iter()
        .filter_map(|(field, pair, state)| match state {
            PairState::Stale { current } => Some(match &pair.previous {
                Some(previous) => Finding::new(
                    TRANSLATION_STALE.id,
                    previous.span,
                    format!("the `{field}` translation was made from this earlier text"),
                )
                .help("update the translation to the new `source`, then delete `previous`"),
                None => Finding::new(
                    TRANSLATION_STALE.id,
                    pair.source.span,
                    format!(
                        "the `{field}` translation was made from text the record no longer has (the record's text is on line {})",
                        current.span.start.line
                    ),
                )
                .help("update the translation; `hindsight translate status` shows what changed"),
            }),
            _ => None,
        })
        .collect()
}
