//! `translate status`: per record and language, what is missing, untranslated, stale or
//! orphaned, with a word diff (characters for Japanese and Chinese) of each stale source.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::diagnostic::display_path;
use crate::load::Corpus;
use crate::model::overlay::record_list;
use crate::model::{Lang, Overlay, OverlayList, PairState, Record, Spanned, align};
use crate::report::{escape_controls, inert};

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub records: Vec<RecordTranslations>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordTranslations {
    pub id: String,
    pub file: String,
    pub lang: Lang,
    pub languages: Vec<LanguageStatus>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub lang: Lang,
    /// The overlay file, when there is one.
    pub overlay: Option<String>,
    /// Pairs translated from the record's current text.
    pub current: usize,
    pub missing: Vec<Item>,
    pub untranslated: Vec<Item>,
    pub stale: Vec<StaleItem>,
    pub orphaned: Vec<Item>,
}

/// A text, named by its field (`summary`, `timeline[2]`) and the line it is on.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub field: String,
    /// The line in the overlay (or, for a missing pair, in the record).
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StaleItem {
    pub field: String,
    pub line: usize,
    /// From the source the translation was made from to the record's current text.
    pub diff: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    pub text: String,
}

/// The translation state of every selected record in every site language but its own.
pub fn status(corpus: &Corpus) -> Status {
    let languages = &corpus.config.config.languages;
    let mut records: Vec<RecordTranslations> = corpus
        .records
        .iter()
        .filter(|file| corpus.is_selected(&file.source.path))
        .filter_map(|file| {
            let record = file.record.as_ref()?;
            let languages = languages
                .iter()
                .filter(|lang| **lang != record.lang.value)
                .map(|&lang| language_status(corpus, record, lang))
                .collect();
            Some(RecordTranslations {
                id: record.id.clone(),
                file: display_path(&file.source.path),
                lang: record.lang.value,
                languages,
            })
        })
        .collect();
    records.sort_by(|a, b| a.id.cmp(&b.id));
    Status { records }
}

fn language_status(corpus: &Corpus, record: &Record, lang: Lang) -> LanguageStatus {
    let file = corpus.overlay_file(&record.id, lang);
    let mut status = LanguageStatus {
        lang,
        overlay: file.map(|f| display_path(&f.source.path)),
        current: 0,
        missing: Vec::new(),
        untranslated: Vec::new(),
        stale: Vec::new(),
        orphaned: Vec::new(),
    };
    let empty = Overlay::empty(&record.id, lang);
    let overlay = file.and_then(|f| f.overlay.as_ref()).unwrap_or(&empty);
    let alignment = align(record, overlay);
    for (field, pair, state) in &alignment.pairs {
        let name = |current: &Spanned<String>| field_name(record, field, current);
        match state {
            PairState::Current { current } if pair.is_untranslated() => {
                status.untranslated.push(Item {
                    field: name(current),
                    line: pair.span.start.line,
                })
            }
            PairState::Current { .. } => status.current += 1,
            PairState::Stale { current } => status.stale.push(StaleItem {
                field: name(current),
                line: pair.span.start.line,
                diff: diff(
                    &pair.translated_from().value,
                    &current.value,
                    record.lang.value,
                ),
            }),
            PairState::Orphan => status.orphaned.push(Item {
                field: field.to_string(),
                line: pair.span.start.line,
            }),
        }
    }
    status.missing = alignment
        .missing
        .iter()
        .map(|missing| Item {
            field: match missing.index {
                Some(index) => format!("{}[{index}]", missing.field),
                None => missing.field.to_string(),
            },
            line: missing.current.span.start.line,
        })
        .collect();
    status
}

/// `summary`, or `timeline[2]` for the third timeline entry.
fn field_name(record: &Record, field: &str, current: &Spanned<String>) -> String {
    let list = OverlayList::ALL.into_iter().find(|l| l.name() == field);
    match list.and_then(|list| {
        record_list(record, list)
            .iter()
            .position(|entry| std::ptr::eq(*entry, current))
    }) {
        Some(index) => format!("{field}[{index}]"),
        None => field.to_string(),
    }
}

/// A diff by words, or by characters for languages written without spaces.
pub(crate) fn diff(old: &str, new: &str, lang: Lang) -> Vec<Segment> {
    let mut config = TextDiff::configure();
    config.timeout(std::time::Duration::from_millis(200));
    let diff = match lang {
        Lang::Ja | Lang::Zh => config.diff_graphemes(old, new),
        Lang::En | Lang::De => config.diff_unicode_words(old, new),
    };
    let mut segments: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match segments.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => segments.push(Segment {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    segments
}

/// The report for people: one block per record, one line per language, details below. It
/// quotes record text, so it is made safe for a CI log ([`crate::report::inert`]).
pub fn human(status: &Status, color: bool) -> String {
    let (red, green, dim, bold, reset) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    let mut out = String::new();
    for record in &status.records {
        out.push_str(&format!("{bold}{}{reset} ({})\n", record.id, record.lang));
        for language in &record.languages {
            if language.overlay.is_none() {
                out.push_str(&format!(
                    "  {}: no translation ({} texts); create it with `hindsight translate {} --to {}`\n",
                    language.lang,
                    language.missing.len(),
                    record.file,
                    language.lang
                ));
                continue;
            }
            out.push_str(&format!(
                "  {}: {} current, {} stale, {} untranslated, {} missing, {} orphaned\n",
                language.lang,
                language.current,
                language.stale.len(),
                language.untranslated.len(),
                language.missing.len(),
                language.orphaned.len()
            ));
            let path = language.overlay.clone().unwrap_or_default();
            for item in &language.stale {
                out.push_str(&format!(
                    "    stale         {} ({path}:{})\n",
                    escape_controls(&item.field),
                    item.line
                ));
                out.push_str("                  ");
                for segment in &item.diff {
                    let text = escape_controls(&segment.text.replace('\n', " "));
                    match segment.op {
                        "delete" => out.push_str(&format!("{red}[-{text}-]{reset}")),
                        "insert" => out.push_str(&format!("{green}{{+{text}+}}{reset}")),
                        _ => out.push_str(&format!("{dim}{text}{reset}")),
                    }
                }
                out.push('\n');
            }
            for (label, items, file) in [
                ("untranslated", &language.untranslated, path.as_str()),
                ("orphaned", &language.orphaned, path.as_str()),
                ("missing", &language.missing, record.file.as_str()),
            ] {
                for item in items {
                    out.push_str(&format!(
                        "    {label:<13} {} ({file}:{})\n",
                        escape_controls(&item.field),
                        item.line
                    ));
                }
            }
        }
    }
    if status.records.is_empty() {
        out.push_str("no records\n");
    }
    inert(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_english_characters_for_japanese() {
        let en = diff(
            "down for about 18 minutes",
            "down for about 19 minutes",
            Lang::En,
        );
        assert_eq!(
            en.iter()
                .map(|s| (s.op, s.text.as_str()))
                .collect::<Vec<_>>(),
            [
                ("equal", "down for about "),
                ("delete", "18"),
                ("insert", "19"),
                ("equal", " minutes")
            ]
        );
        let ja = diff("約18分間停止した", "約19分間停止した", Lang::Ja);
        assert_eq!(
            ja.iter()
                .map(|s| (s.op, s.text.as_str()))
                .collect::<Vec<_>>(),
            [
                ("equal", "約1"),
                ("delete", "8"),
                ("insert", "9"),
                ("equal", "分間停止した")
            ]
        );
    }
}
