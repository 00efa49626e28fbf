//! What a build that does not hold the corpus keeps of each record and overlay between its
//! two passes: what the status, the site's views and the metrics read, and nothing more.
//! The pages that show a whole postmortem read its files again (`load::Reread`).
//!
//! What the views read (src/localize/site.rs `incident_view`, src/status, src/stats): a
//! record's id, status, kind, severity, affected components, zone, milestones and duration;
//! its timeline's times and statuses, and the text of the one entry its newest update comes
//! from (shown until the postmortem is written); its title and summary; whether each
//! postmortem section is written (`Record::has`); its actions' statuses, kinds and due dates
//! (counted on the metrics page). Of an overlay: the title and summary pairs and the pair
//! that translates that entry. A maintenance's texts are all shown on its page, API entry
//! and calendar, which the build localizes from the record in memory (its page and API entry
//! when they render), so a maintenance keeps them.
//!
//! An incident whose views the first pass made (src/build/premade.rs) keeps less: its slim
//! record ([`viewed`]) keeps no text and no timeline, and its overlays are not kept at all.

use crate::load::{Loaded, OverlayFile, RecordFile};
use crate::model::{Overlay, Pair, PairState, Record, Spanned, align};

/// A checked group (a record's files), slim.
pub(crate) fn group(files: Vec<Loaded>) -> Vec<Loaded> {
    let record = files.iter().find_map(|file| match file {
        Loaded::Record(file) => file.record.as_ref(),
        Loaded::Overlay(_) => None,
    });
    let maintenance = files.iter().any(|file| match file {
        Loaded::Record(file) => file.record.as_ref().is_some_and(Record::is_maintenance),
        Loaded::Overlay(_) => false,
    });
    // The entry whose text the views show. One with an empty text could not be told from
    // the emptied entries (the alignment below goes by text): such a timeline is kept.
    let shown = record.and_then(crate::status::newest_timeline_update);
    let keep_timeline = maintenance
        || record
            .zip(shown)
            .is_some_and(|(record, k)| record.timeline[k].text.value.is_empty());
    // Each overlay's timeline as the views need it, worked out from the whole record.
    let timelines: Vec<Option<Vec<Pair>>> = files
        .iter()
        .map(|file| match (file, record) {
            (Loaded::Overlay(file), Some(record)) if !keep_timeline => {
                let overlay = file.overlay.as_ref()?;
                Some(shown.map_or_else(Vec::new, |k| timeline_for(record, overlay, k)))
            }
            _ => None,
        })
        .collect();
    files
        .into_iter()
        .zip(timelines)
        .map(|(file, timeline)| match file {
            Loaded::Record(file) => {
                let keep = if keep_timeline { None } else { Some(shown) };
                Loaded::Record(record_keeping(file, keep))
            }
            Loaded::Overlay(file) => {
                let mut file = overlay(file, maintenance);
                if let (Some(overlay), Some(timeline)) = (&mut file.overlay, timeline) {
                    overlay.timeline = timeline;
                }
                Loaded::Overlay(file)
            }
        })
        .collect()
}

/// The timeline pairs of `overlay` that give the slim record's entry `k` (the only one with
/// a text) the translation, and staleness, that the whole record's alignment gives it:
/// the pair itself when it matched by its source; else (a stale pair matched by position)
/// after `k` empty pairs, which take the emptied entries.
fn timeline_for(record: &Record, overlay: &Overlay, k: usize) -> Vec<Pair> {
    let entry = &record.timeline[k].text;
    let alignment = align(record, overlay);
    let found = alignment.pairs.iter().find(|(_, _, state)| match state {
        PairState::Current { current } | PairState::Stale { current } => {
            std::ptr::eq(*current, entry)
        }
        PairState::Orphan => false,
    });
    let Some((_, pair, _)) = found else {
        return Vec::new();
    };
    let pair = (*pair).clone();
    if pair.source.value == entry.value {
        return vec![pair];
    }
    let empty = Pair {
        source: Spanned::new(String::new(), pair.span),
        text: None,
        previous: None,
        span: pair.span,
    };
    let mut pairs = vec![empty; k];
    pairs.push(pair);
    pairs
}

/// `file` without its source text and findings, its record without the texts no view
/// shows (`internal` is never kept); with `timeline` Some, only that entry's text is kept of
/// the timeline.
fn record_keeping(mut file: RecordFile, timeline: Option<Option<usize>>) -> RecordFile {
    file.source.text = String::new();
    file.findings = Vec::new();
    if let Some(record) = &mut file.record {
        slim_record(record);
        if let Some(kept) = timeline
            && !record.is_maintenance()
        {
            for (index, entry) in record.timeline.iter_mut().enumerate() {
                if Some(index) != kept {
                    entry.text = Spanned::new(String::new(), entry.text.span);
                }
            }
        }
        // Lists grow by doubling while parsed: their spare room is most of a slim record.
        record.timeline.shrink_to_fit();
        record.actions.shrink_to_fit();
        record.affected.0.shrink_to_fit();
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

/// The slim record of an incident whose status and views are made (`premade`): the rest of
/// the status and the metrics read no text and no timeline of it, only whether each section
/// is written. (The page of a file changed between the passes is made from it and never
/// published: its updates find no entry there.)
pub(crate) fn viewed(file: RecordFile) -> RecordFile {
    let mut file = record_keeping(file, Some(None));
    if let Some(record) = &mut file.record {
        record.title.value = String::new();
        record.timeline = Vec::new();
        if let Some(summary) = &mut record.summary
            && !summary.value.trim().is_empty()
        {
            summary.value = WRITTEN.to_string();
        }
    }
    file
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_texts;
    use crate::localize::postmortem::Text;
    use crate::localize::{self, Localizer};
    use crate::model::Lang;

    const RECORD: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\nstarted: 2024-01-10T10:00:00Z\ntimeline:\n  - at: 2024-01-10T10:00:00Z\n    text: Errors begin.\n  - at: 2024-01-10T10:05:00Z\n    text: Errors begin.\n    status: investigating\n  - at: 2024-01-10T10:20:00Z\n    text: We found the bad deploy.\n    status: identified\nsummary: The API returned errors.\nimpact: Some calls failed.\nlessons:\n  - LESSON-MARKER\nactions:\n  - text: ACTION-MARKER\n    status: todo\n    owner: OWNER-MARKER\ninternal: INTERNAL-MARKER\n";

    /// The shown entry's text in `lang`, from the whole group and from the slim one.
    fn shown_text(overlay: &str) -> (Text, Text) {
        let corpus = from_texts(
            None,
            &[
                ("incidents/2024-01-10-api.yaml", RECORD),
                ("incidents/2024-01-10-api.de.yaml", overlay),
            ],
        );
        let (record, overlay) = (&corpus.records[0], &corpus.overlays[0]);
        let slim = group(vec![
            Loaded::Record(record.clone()),
            Loaded::Overlay(overlay.clone()),
        ]);
        let [Loaded::Record(slim_record), Loaded::Overlay(slim_overlay)] = &slim[..] else {
            panic!("{slim:?}");
        };
        let localizer = Localizer::load(None).unwrap();
        let config = &corpus.config.config;
        let now = chrono::DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let text = |record: &RecordFile, overlay: &OverlayFile| {
            let (record, overlay) = (record.record.as_ref().unwrap(), overlay.overlay.as_ref());
            let options = localize::Options::default();
            let view =
                localize::postmortem(record, overlay, Lang::De, config, &localizer, now, options);
            view.timeline[2].text.clone()
        };
        let full = text(record, overlay);
        let slim = text(slim_record, slim_overlay);
        // What slim drops is gone.
        let kept = format!("{slim_record:?}{slim_overlay:?}");
        for marker in [
            "LESSON-MARKER",
            "ACTION-MARKER",
            "OWNER-MARKER",
            "INTERNAL-MARKER",
            "Errors begin",
            "Fehler beginnen",
        ] {
            assert!(!kept.contains(marker), "{marker}: {kept}");
        }
        (full, slim)
    }

    #[test]
    fn the_newest_update_is_translated_as_from_the_whole_record() {
        let pairs = |third: &str| {
            format!(
                "lang: de\ntitle:\n  source: API errors\n  text: API-Fehler\ninternal:\n  source: INTERNAL-MARKER\n  text: INTERNAL-MARKER\ntimeline:\n  - source: Errors begin.\n    text: Fehler beginnen.\n  - source: Errors begin.\n    text: Fehler beginnen.\n{third}"
            )
        };
        let current =
            pairs("  - source: We found the bad deploy.\n    text: Wir fanden das Deployment.\n");
        // Made from an older text: taken by its position, stale.
        let positional =
            pairs("  - source: We found a bad deploy.\n    text: Wir fanden ein Deployment.\n");
        let previous = pairs(
            "  - source: We found the bad deploy.\n    text: Wir fanden es.\n    previous: We found it.\n",
        );
        let untranslated = pairs("  - source: We found the bad deploy.\n    text: ''\n");
        let missing = pairs("");
        for (overlay, stale) in [
            (current, false),
            (positional, true),
            (previous, true),
            (untranslated, false),
            (missing, false),
        ] {
            let (full, slim) = shown_text(&overlay);
            assert_eq!(full, slim, "{overlay}");
            assert_eq!(full.stale, stale, "{overlay}");
        }
    }
}
