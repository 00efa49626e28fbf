//! `update --lang L`: the new timeline text as a pair in the record's overlay for L.
//!
//! Overlay pairs are matched to record entries by their `source` text, so the pair's
//! `source` is the entry's text exactly as the record holds it, and the overlay for L shows
//! the update without a `translation-untranslated` warning.

use std::path::PathBuf;

use super::{Refusal, append_to_list};
use crate::load::overlay::{OVERLAY_FIELDS, parse};
use crate::load::yaml::Limits;
use crate::load::{Corpus, OverlayFile};
use crate::model::{Lang, OverlayList};

/// The edited overlay, ready to be written.
#[derive(Debug)]
pub struct OverlayEdit {
    pub path: PathBuf,
    pub text: String,
}

/// The keys an overlay writes before `timeline`, where a missing list is started.
fn before_timeline() -> Vec<&'static str> {
    OVERLAY_FIELDS
        .iter()
        .copied()
        .take_while(|field| *field != OverlayList::Timeline.name())
        .collect()
}

/// Appends `{source: source, text: translation}` to the `timeline` of `id`'s overlay for `lang`.
pub(crate) fn append_pair(
    corpus: &Corpus,
    id: &str,
    lang: Lang,
    source: &str,
    translation: &str,
) -> Result<OverlayEdit, Refusal> {
    let Some(file) = corpus.overlay_file(id, lang) else {
        return Err(Refusal(format!(
            "`{id}` has no {lang} overlay (incidents/{id}.{lang}.yaml); create it first with `hindsight translate incidents/{id}.yaml --to {lang}`",
            lang = lang.as_str()
        )));
    };
    let text = append_to_list(
        &file.source.text,
        OverlayList::Timeline.name(),
        &[
            ("source", source.to_string()),
            ("text", translation.to_string()),
        ],
        &before_timeline(),
    )?;
    check_read_back(file, &text, source, translation)?;
    Ok(OverlayEdit {
        path: file.source.path.clone(),
        text,
    })
}

/// The edited overlay must read as the old one plus exactly this pair.
fn check_read_back(
    file: &OverlayFile,
    text: &str,
    source: &str,
    translation: &str,
) -> Result<(), Refusal> {
    let failed = || {
        Refusal(format!(
            "the edited {} would not read back as the old overlay plus this update, so nothing was written; please report this with the overlay",
            file.source.path.display()
        ))
    };
    let Some(old) = file.overlay.as_ref() else {
        return Err(Refusal(format!(
            "{} does not read as an overlay; fix it first (hindsight lint)",
            file.source.path.display()
        )));
    };
    let (Some(mut new), _) = parse(&file.record_id, text, &Limits::default()) else {
        return Err(failed());
    };
    let Some(pair) = new.timeline.pop() else {
        return Err(failed());
    };
    let pair_ok = pair.source.value == source
        && pair.text.as_ref().map(|t| t.value.as_str()) == Some(translation)
        && pair.previous.is_none();
    let same = new.pairs().count() == old.pairs().count()
        && new.pairs().zip(old.pairs()).all(|((a, p), (b, q))| {
            a == b
                && p.source.value == q.source.value
                && p.text.as_ref().map(|t| &t.value) == q.text.as_ref().map(|t| &t.value)
                && p.previous.as_ref().map(|t| &t.value) == q.previous.as_ref().map(|t| &t.value)
        })
        && new.lang.value == old.lang.value;
    if pair_ok && same {
        Ok(())
    } else {
        Err(failed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_follows_the_last_one_and_every_other_byte_stays() {
        let old = "# German\nlang: de\ntitle:\n  source: T\n  text: Titel # kept\n\ntimeline:\n  - source: A\n    text: Ä\n\nlessons:\n  - source: L\n    text: Lehre\n";
        let new = append_to_list(
            old,
            "timeline",
            &[("source", "B".into()), ("text", "Bé".into())],
            &before_timeline(),
        )
        .unwrap();
        assert_eq!(
            new,
            old.replace("text: Ä\n", "text: Ä\n  - source: B\n    text: Bé\n")
        );
    }

    #[test]
    fn an_overlay_without_timeline_gets_one_after_its_texts() {
        let old =
            "lang: ja\ntitle:\n  source: T\n  text: 題\nlessons:\n  - source: L\n    text: 教訓\n";
        let new = append_to_list(
            old,
            "timeline",
            &[("source", "B".into()), ("text", "更新".into())],
            &before_timeline(),
        )
        .unwrap();
        assert_eq!(
            new,
            "lang: ja\ntitle:\n  source: T\n  text: 題\ntimeline:\n  - source: B\n    text: 更新\nlessons:\n  - source: L\n    text: 教訓\n"
        );
    }
}
