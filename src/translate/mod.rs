//! Translation workflow: create or refresh an overlay so that nothing a translator wrote is
//! lost, and report the state of every translation with word diffs of what changed.

pub mod status;
mod yaml_out;

pub use status::{Status, status};

use std::collections::HashMap;

use serde::Serialize;

use crate::model::overlay::{OVERLAY_TEXT_FIELDS, record_field, record_list};
use crate::model::{Lang, Overlay, OverlayList, Pair, PairState, Record, Spanned, align};

/// What refreshing an overlay did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Refresh {
    /// The new overlay file's text.
    #[serde(skip)]
    pub text: String,
    /// Texts of the record that had no pair: added with an empty translation.
    pub added: usize,
    /// Pairs made from the current text: kept as they were.
    pub kept: usize,
    /// Pairs made from an earlier text: the new source, the old translation, and `previous`.
    pub stale: usize,
    /// Pairs that match nothing in the record: kept, for the translator to reuse or delete.
    pub orphaned: usize,
}

/// The overlay of `record` in `lang`: `existing` brought up to date with the record, or a
/// new one with every source text and empty translations.
pub fn refresh(record: &Record, existing: Option<&Overlay>, lang: Lang) -> Refresh {
    let alignment = existing.map(|overlay| align(record, overlay));
    let mut by_current: HashMap<*const Spanned<String>, (&Pair, bool)> = HashMap::new();
    let mut orphans: Vec<(&'static str, &Pair)> = Vec::new();
    for (field, pair, state) in alignment.iter().flat_map(|a| a.pairs.iter()) {
        match state {
            PairState::Current { current } => {
                by_current.insert(*current as *const _, (pair, false));
            }
            PairState::Stale { current } => {
                by_current.insert(*current as *const _, (pair, true));
            }
            PairState::Orphan => orphans.push((field, pair)),
        }
    }
    let mut counts = Refresh::default();
    let out_pair = |current: &Spanned<String>, counts: &mut Refresh| match by_current
        .get(&(current as *const _))
    {
        Some((pair, false)) => {
            counts.kept += 1;
            (current.value.clone(), text_of(pair).to_string(), None)
        }
        Some((pair, true)) => {
            counts.stale += 1;
            (
                current.value.clone(),
                text_of(pair).to_string(),
                Some(pair.translated_from().value.clone()),
            )
        }
        None => {
            counts.added += 1;
            (current.value.clone(), String::new(), None)
        }
    };
    let mut out = header(record, lang);
    for name in OVERLAY_TEXT_FIELDS {
        let current = record_field(record, name);
        if let Some(current) = current {
            let (source, text, previous) = out_pair(current, &mut counts);
            write_pair(&mut out, name, None, &source, &text, previous.as_deref());
        } else if let Some((_, pair)) = orphans.iter().find(|(field, _)| field == name) {
            counts.orphaned += 1;
            write_pair(
                &mut out,
                name,
                None,
                &pair.source.value,
                text_of(pair),
                pair.previous.as_ref().map(|p| p.value.as_str()),
            );
        }
    }
    for list in OverlayList::ALL {
        let entries = record_list(record, list);
        let list_orphans: Vec<&Pair> = orphans
            .iter()
            .filter(|(field, _)| *field == list.name())
            .map(|(_, pair)| *pair)
            .collect();
        if entries.is_empty() && list_orphans.is_empty() {
            continue;
        }
        out.push_str(&format!("{}:\n", list.name()));
        for current in entries {
            let (source, text, previous) = out_pair(current, &mut counts);
            write_pair(&mut out, "", Some(2), &source, &text, previous.as_deref());
        }
        if !list_orphans.is_empty() {
            out.push_str("  # Orphaned: these match no entry of the record any more. Reuse or delete them.\n");
        }
        for pair in list_orphans {
            counts.orphaned += 1;
            write_pair(
                &mut out,
                "",
                Some(2),
                &pair.source.value,
                text_of(pair),
                pair.previous.as_ref().map(|p| p.value.as_str()),
            );
        }
    }
    counts.text = out;
    counts
}

fn text_of(pair: &Pair) -> &str {
    pair.text.as_ref().map_or("", |t| t.value.as_str())
}

fn header(record: &Record, lang: Lang) -> String {
    format!(
        "# Translation of incidents/{id}.yaml into {lang}, kept up to date by `hindsight translate`.\n\
         # Translate each `text` from the `source` above it. `previous` marks a translation made\n\
         # from an earlier source: update `text` to the new `source`, then delete `previous`.\n\
         lang: {lang}\n",
        id = record.id
    )
}

/// Writes a pair as `name:` (a field) or as a list item (`list_indent` set).
fn write_pair(
    out: &mut String,
    name: &str,
    list_indent: Option<usize>,
    source: &str,
    text: &str,
    previous: Option<&str>,
) {
    let indent = match list_indent {
        Some(indent) => {
            out.push_str(&" ".repeat(indent));
            out.push_str("- ");
            indent + 2
        }
        None => {
            out.push_str(name);
            out.push_str(":\n");
            2
        }
    };
    let mut fields = String::new();
    yaml_out::field(&mut fields, indent, "source", source);
    if let Some(previous) = previous {
        yaml_out::field(&mut fields, indent, "previous", previous);
    }
    yaml_out::field(&mut fields, indent, "text", text);
    if list_indent.is_some() {
        // The first key sits on the `- ` line.
        fields.replace_range(..indent, "");
    }
    out.push_str(&fields);
}
