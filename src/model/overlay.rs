//! A translation overlay (DESIGN.md §3): text only, as source/translation pairs.

use std::collections::HashMap;

use super::{Lang, Spanned, TextField};

/// `incidents/<id>.<lang>.yaml`: the translation of one record into one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    /// The record id this overlay translates (from the file name).
    pub record_id: String,
    /// The language of the translations.
    pub lang: Spanned<Lang>,
    pub title: Option<Pair>,
    pub summary: Option<Pair>,
    pub impact: Option<Pair>,
    pub what_happened: Option<Pair>,
    pub root_cause: Option<Pair>,
    pub trigger: Option<Pair>,
    pub detection: Option<Pair>,
    pub resolution: Option<Pair>,
    pub internal: Option<Pair>,
    pub timeline: Vec<Pair>,
    pub lessons: Vec<Pair>,
    pub actions: Vec<Pair>,
}

/// The overlay's list fields: each mirrors the record list of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayList {
    Timeline,
    Lessons,
    Actions,
}

impl OverlayList {
    pub(crate) const ALL: [OverlayList; 3] = [
        OverlayList::Timeline,
        OverlayList::Lessons,
        OverlayList::Actions,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            OverlayList::Timeline => "timeline",
            OverlayList::Lessons => "lessons",
            OverlayList::Actions => "actions",
        }
    }
}

impl Overlay {
    /// An overlay with no pairs yet: laid over a record, everything is missing.
    pub fn empty(record_id: &str, lang: Lang) -> Overlay {
        Overlay {
            record_id: record_id.to_string(),
            lang: Spanned::new(lang, crate::diagnostic::Span::default()),
            title: None,
            summary: None,
            impact: None,
            what_happened: None,
            root_cause: None,
            trigger: None,
            detection: None,
            resolution: None,
            internal: None,
            timeline: Vec::new(),
            lessons: Vec::new(),
            actions: Vec::new(),
        }
    }

    pub fn list(&self, list: OverlayList) -> &[Pair] {
        match list {
            OverlayList::Timeline => &self.timeline,
            OverlayList::Lessons => &self.lessons,
            OverlayList::Actions => &self.actions,
        }
    }

    /// Every pair, with the name of the field it belongs to.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&'static str, &Pair)> {
        let fields = TextField::ALL
            .iter()
            .filter_map(|field| field.of_overlay(self).map(|pair| (field.key(), pair)));
        let lists = OverlayList::ALL
            .into_iter()
            .flat_map(|list| self.list(list).iter().map(move |pair| (list.name(), pair)));
        fields.chain(lists)
    }
}

/// A translated text and the source text it was translated from.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The record's text this translation was made from.
    pub source: Spanned<String>,
    /// The translation; empty while untranslated.
    pub text: Option<Spanned<String>>,
    /// Set by `hindsight translate` when the record's text changed: the source the
    /// translation was made from (gettext's previous msgid). The pair stays stale until the
    /// translator updates `text` and deletes this field.
    pub previous: Option<Spanned<String>>,
    /// Where the pair itself starts (for findings about the whole pair).
    pub span: crate::diagnostic::Span,
}

impl Pair {
    /// The source text the translation was actually made from.
    pub(crate) fn translated_from(&self) -> &Spanned<String> {
        self.previous.as_ref().unwrap_or(&self.source)
    }

    /// Made from exactly `current`, with no earlier source still waiting for review.
    pub(crate) fn is_current_for(&self, current: &Spanned<String>) -> bool {
        self.previous.is_none() && self.source.value == current.value
    }

    pub(crate) fn is_untranslated(&self) -> bool {
        self.text
            .as_ref()
            .is_none_or(|text| text.value.trim().is_empty())
    }
}

/// How one overlay pair relates to the record's current text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PairState<'a> {
    /// Made from the record's current text.
    Current { current: &'a Spanned<String> },
    /// Made from an earlier version of the text that is now `current`.
    Stale { current: &'a Spanned<String> },
    /// Matches nothing in the record.
    Orphan,
}

/// A record text with no pair in the overlay.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MissingPair<'a> {
    pub field: &'static str,
    /// The position in the list, for list fields.
    pub index: Option<usize>,
    pub current: &'a Spanned<String>,
}

/// An overlay laid over its record: the state of every pair, and what has no pair.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Alignment<'a> {
    pub pairs: Vec<(&'static str, &'a Pair, PairState<'a>)>,
    pub missing: Vec<MissingPair<'a>>,
}

/// Identifies a record text by where it lives in the loaded record.
pub(crate) type TextKey = *const Spanned<String>;

impl<'a> Alignment<'a> {
    /// Each record text that has a pair: the pair, and whether it is stale.
    pub(crate) fn by_record_text(&self) -> HashMap<TextKey, (&'a Pair, bool)> {
        self.record_texts().collect()
    }

    /// [`Alignment::by_record_text`] as it is found, each record text once.
    pub(crate) fn record_texts(&self) -> impl Iterator<Item = (TextKey, (&'a Pair, bool))> + '_ {
        self.pairs
            .iter()
            .filter_map(|(_, pair, state)| match state {
                PairState::Current { current } => Some((*current as TextKey, (*pair, false))),
                PairState::Stale { current } => Some((*current as TextKey, (*pair, true))),
                PairState::Orphan => None,
            })
    }

    /// The pairs that match nothing in the record, with their field names.
    pub(crate) fn orphans(&self) -> impl Iterator<Item = (&'static str, &'a Pair)> + '_ {
        self.pairs
            .iter()
            .filter(|(_, _, state)| *state == PairState::Orphan)
            .map(|(field, pair, _)| (*field, *pair))
    }
}

/// The record's texts that the overlay list `list` translates, in order.
/// Each pair's entry: the first entry not yet taken with its source text, marked taken.
fn match_sources(
    entries: &[&Spanned<String>],
    pairs: &[Pair],
    entry_taken: &mut [bool],
) -> Vec<Option<usize>> {
    // A short list (nearly every record's) is scanned: hashing every text and a queue per
    // text cost more than the comparisons, which stop at the first differing byte.
    if entries.len().saturating_mul(pairs.len()) <= SCANNED_PAIRINGS {
        scanned(entries, pairs, entry_taken)
    } else {
        hashed(entries, pairs, entry_taken)
    }
}

/// The most entry-pair comparisons a list is matched by scanning instead of hashing.
const SCANNED_PAIRINGS: usize = 1024;

fn scanned(
    entries: &[&Spanned<String>],
    pairs: &[Pair],
    entry_taken: &mut [bool],
) -> Vec<Option<usize>> {
    (pairs.iter())
        .map(|pair| {
            let source = pair.source.value.as_str();
            let e = (0..entries.len()).find(|&e| !entry_taken[e] && entries[e].value == source)?;
            entry_taken[e] = true;
            Some(e)
        })
        .collect()
}

/// [`scanned`] in time linear in the texts: scanning the entries for every pair of a long
/// list was quadratic (two 2 MiB files took seconds to lint).
fn hashed(
    entries: &[&Spanned<String>],
    pairs: &[Pair],
    entry_taken: &mut [bool],
) -> Vec<Option<usize>> {
    let mut untaken: HashMap<&str, std::collections::VecDeque<usize>> = HashMap::new();
    for (e, entry) in entries.iter().enumerate() {
        untaken
            .entry(entry.value.as_str())
            .or_default()
            .push_back(e);
    }
    (pairs.iter())
        .map(|pair| {
            let e = untaken
                .get_mut(pair.source.value.as_str())
                .and_then(|queue| queue.pop_front())?;
            entry_taken[e] = true;
            Some(e)
        })
        .collect()
}

pub(crate) fn record_list(record: &super::Record, list: OverlayList) -> Vec<&Spanned<String>> {
    match list {
        OverlayList::Timeline => record.timeline.iter().map(|entry| &entry.text).collect(),
        OverlayList::Lessons => record.lessons.iter().collect(),
        OverlayList::Actions => record.actions.iter().map(|action| &action.text).collect(),
    }
}

/// Lays `overlay` over `record`. List pairs match entries by their source text first; a pair
/// left over is the stale translation of the unmatched entry at its own position, if any.
pub(crate) fn align<'a>(record: &'a super::Record, overlay: &'a Overlay) -> Alignment<'a> {
    let mut alignment = Alignment::default();
    for field in TextField::ALL {
        let name = field.key();
        let current = field.of_record(record);
        match (field.of_overlay(overlay), current) {
            (Some(pair), Some(current)) if pair.is_current_for(current) => {
                alignment
                    .pairs
                    .push((name, pair, PairState::Current { current }));
            }
            (Some(pair), Some(current)) => {
                alignment
                    .pairs
                    .push((name, pair, PairState::Stale { current }))
            }
            (Some(pair), None) => alignment.pairs.push((name, pair, PairState::Orphan)),
            (None, Some(current)) => alignment.missing.push(MissingPair {
                field: name,
                index: None,
                current,
            }),
            (None, None) => {}
        }
    }
    for list in OverlayList::ALL {
        let entries = record_list(record, list);
        let pairs = overlay.list(list);
        let mut entry_taken = vec![false; entries.len()];
        let pair_entry = match_sources(&entries, pairs, &mut entry_taken);
        for (p, pair) in pairs.iter().enumerate() {
            let state = match pair_entry[p] {
                Some(e) if pair.previous.is_none() => PairState::Current {
                    current: entries[e],
                },
                Some(e) => PairState::Stale {
                    current: entries[e],
                },
                None if p < entries.len() && !entry_taken[p] => {
                    entry_taken[p] = true;
                    PairState::Stale {
                        current: entries[p],
                    }
                }
                None => PairState::Orphan,
            };
            alignment.pairs.push((list.name(), pair, state));
        }
        for (e, taken) in entry_taken.iter().enumerate() {
            if !taken {
                alignment.missing.push(MissingPair {
                    field: list.name(),
                    index: Some(e),
                    current: entries[e],
                });
            }
        }
    }
    alignment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Spanned<String> {
        Spanned::new(value.to_string(), crate::diagnostic::Span::default())
    }

    fn pair(source: &str) -> Pair {
        Pair {
            source: text(source),
            text: None,
            previous: None,
            span: crate::diagnostic::Span::default(),
        }
    }

    proptest::proptest! {
        /// A list matched by scanning pairs its entries as the hashed matching of long lists
        /// does: each pair the first entry not yet taken with its text, repeats in order.
        #[test]
        fn scanning_and_hashing_pair_the_same_entries(
            entries in proptest::collection::vec("[abc]{0,2}", 0..12),
            sources in proptest::collection::vec("[abc]{0,2}", 0..12),
        ) {
            let entries: Vec<Spanned<String>> = entries.iter().map(|e| text(e)).collect();
            let entries: Vec<&Spanned<String>> = entries.iter().collect();
            let pairs: Vec<Pair> = sources.iter().map(|s| pair(s)).collect();
            let mut taken_scanning = vec![false; entries.len()];
            let mut taken_hashing = vec![false; entries.len()];
            let scanning = scanned(&entries, &pairs, &mut taken_scanning);
            let hashing = hashed(&entries, &pairs, &mut taken_hashing);
            proptest::prop_assert_eq!(&scanning, &hashing);
            proptest::prop_assert_eq!(taken_scanning, taken_hashing);
        }
    }

    #[test]
    fn repeated_texts_pair_in_order() {
        let (a, b) = (text("a"), text("b"));
        let entries = [&a, &b, &a];
        let pairs = [pair("a"), pair("a"), pair("a"), pair("c")];
        let mut taken = [false; 3];
        let matched = match_sources(&entries, &pairs, &mut taken);
        assert_eq!(matched, [Some(0), Some(2), None, None]);
        assert_eq!(taken, [true, false, true]);
    }
}
