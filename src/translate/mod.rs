//! Translation workflow: create or refresh an overlay so that nothing a translator wrote is
//! lost, and report the state of every translation with word diffs of what changed.

#[cfg(test)]
mod round_trip;
pub mod status;
mod yaml_out;

pub use status::{Status, status};

use serde::Serialize;

use crate::load::{Limits, overlay};
use crate::model::overlay::record_list;
use crate::model::{
    Lang, Overlay, OverlayList, Pair, Record, RuleId, Spanned, TextField, TextKey, align,
};

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
    /// The length of the comment lines `text` starts with.
    #[serde(skip)]
    header_len: usize,
}

/// The overlay of `record` in `lang`: `existing` brought up to date with the record, or a
/// new one with every source text and empty translations.
pub(crate) fn refresh(record: &Record, existing: Option<&Overlay>, lang: Lang) -> Refresh {
    let empty = Overlay::empty(&record.id, lang);
    let alignment = align(record, existing.unwrap_or(&empty));
    let by_current = alignment.by_record_text();
    let orphans: Vec<(&'static str, &Pair)> = alignment.orphans().collect();
    let mut counts = Refresh::default();
    let out_pair = |current: &Spanned<String>, counts: &mut Refresh| match by_current
        .get(&(current as TextKey))
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
    let modeline = crate::schema::SchemaKind::Overlay.modeline(1);
    let mut out = header(record, lang, Some(&modeline));
    counts.header_len = out.len();
    out.push_str(&format!("lang: {lang}\n"));
    for field in TextField::ALL {
        let name = field.key();
        if let Some(current) = field.of_record(record) {
            let (source, text, previous) = out_pair(current, &mut counts);
            write_pair(&mut out, name, None, &source, &text, previous.as_deref());
        } else if let Some((_, pair)) = orphans.iter().find(|(key, _)| *key == name) {
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

impl Refresh {
    /// Puts `header` in place of the comment lines the new text starts with: those of the
    /// existing overlay (its modeline, the translator's notes), or a new overlay's header for
    /// a file in another folder.
    pub(crate) fn replace_header(&mut self, header: &str) {
        self.text.replace_range(..self.header_len, header);
        self.header_len = header.len();
    }

    /// Whether the new text may replace the overlay file: it must be one the loader reads
    /// back, or it would block lint, build and every later refresh. `Err` says why not and
    /// what to do; then nothing is to be written.
    pub(crate) fn verify(&self, record_id: &str, limits: &Limits) -> Result<(), String> {
        if self.text.len() > limits.max_bytes {
            return Err(format!(
                "the refreshed overlay would be {} bytes, over the {} bytes hindsight reads per \
                 file, so nothing was written; shorten the record's longest texts or split the \
                 incident, or delete from the overlay the `previous:` texts and orphaned pairs \
                 you no longer need, then refresh again",
                self.text.len(),
                limits.max_bytes
            ));
        }
        let (overlay, findings) = overlay::parse(record_id, &self.text, limits);
        // Characters XML forbids are carried over from the record, escaped, and reported
        // there; anything else means the writer failed.
        let broken = findings.iter().find(|f| f.rule != RuleId::InvalidCharacter);
        match (overlay, broken) {
            (Some(_), None) => Ok(()),
            (_, finding) => Err(format!(
                "hindsight made an overlay it cannot read back ({}), so nothing was written; \
                 this is a bug in hindsight, please report it with the record",
                finding.map_or_else(
                    || "no overlay".to_string(),
                    |f| format!("line {}: {}", f.span.start.line, f.message)
                )
            )),
        }
    }
}

/// The comment and blank lines `text` starts with, up to its first line of YAML.
pub(crate) fn leading_comments(text: &str) -> &str {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_start_matches('\u{feff}').trim();
        if !(content.is_empty() || content.starts_with('#')) || !line.ends_with('\n') {
            break;
        }
        end += line.len();
    }
    &text[..end]
}

fn text_of(pair: &Pair) -> &str {
    pair.text.as_ref().map_or("", |t| t.value.as_str())
}

/// The comment lines a new overlay starts with: the `modeline` that gives editors the
/// overlay schema (when the project has it), and what to do.
pub(crate) fn header(record: &Record, lang: Lang, modeline: Option<&str>) -> String {
    modeline.unwrap_or_default().to_string()
        + &format!(
            "# Translation of incidents/{id}.yaml into {lang}, kept up to date by `hindsight translate`.\n\
         # Translate each `text` from the `source` above it. `previous` marks a translation made\n\
         # from an earlier source: update `text` to the new `source`, then delete `previous`.\n",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{RecordContext, record};

    const RECORD: &str = "title: Image not found\nlang: en\nstatus: draft\nsummary: |\n  The first line.\n  The second line.\ntimeline:\n  - at: 2023-12-17T03:56:00Z\n    text: Both services go down.\n  - at: 2023-12-17T04:15:00Z\n    text: Both services are back.\nlessons:\n  - Dry-run deletions.\n";

    fn record_of(text: &str) -> Record {
        let (record, findings) = record::parse("2023-12-17-x", text, &RecordContext::default());
        assert!(findings.is_empty(), "{findings:?}");
        record.unwrap()
    }

    fn overlay_of(text: &str) -> Overlay {
        let (overlay, findings) = overlay::parse("2023-12-17-x", text, &Limits::default());
        assert!(findings.is_empty(), "{findings:?}\n{text}");
        overlay.unwrap()
    }

    #[test]
    fn a_new_overlay_has_every_source_and_empty_translations() {
        let record = record_of(RECORD);
        let created = refresh(&record, None, Lang::De);
        assert_eq!((created.added, created.kept, created.stale), (5, 0, 0));
        let overlay = overlay_of(&created.text);
        assert_eq!(
            overlay.title.as_ref().unwrap().source.value,
            "Image not found"
        );
        assert_eq!(
            overlay.summary.as_ref().unwrap().source.value,
            "The first line.\nThe second line.\n"
        );
        assert_eq!(overlay.timeline.len(), 2);
        assert!(overlay.pairs().all(|(_, pair)| pair.is_untranslated()));
    }

    #[test]
    fn refreshing_keeps_translations_marks_changes_and_keeps_orphans() {
        let record = record_of(RECORD);
        let mut overlay_text = refresh(&record, None, Lang::De).text;
        overlay_text = overlay_text
            .replacen("text: \"\"", "text: Image nicht gefunden", 1)
            .replace(
                "source: Both services go down.\n    text: \"\"",
                "source: Both services go down.\n    text: Beide Dienste fallen aus.",
            )
            .replace(
                "source: Dry-run deletions.\n    text: \"\"",
                "source: Dry-run deletions.\n    text: Löschungen erst testen.",
            );
        let translated = overlay_of(&overlay_text);
        let changed = record_of(
            &RECORD
                .replace("Both services go down.", "Both services go down at once.")
                .replace("lessons:\n  - Dry-run deletions.\n", ""),
        );
        let refreshed = refresh(&changed, Some(&translated), Lang::De);
        assert_eq!(
            (
                refreshed.added,
                refreshed.kept,
                refreshed.stale,
                refreshed.orphaned
            ),
            (0, 3, 1, 1),
            "{}",
            refreshed.text
        );
        let overlay = overlay_of(&refreshed.text);
        let entry = &overlay.timeline[0];
        assert_eq!(entry.source.value, "Both services go down at once.");
        assert_eq!(
            entry.previous.as_ref().unwrap().value,
            "Both services go down."
        );
        assert_eq!(
            entry.text.as_ref().unwrap().value,
            "Beide Dienste fallen aus."
        );
        assert_eq!(
            overlay.lessons[0].text.as_ref().unwrap().value,
            "Löschungen erst testen."
        );
        assert_eq!(
            overlay.title.unwrap().text.unwrap().value,
            "Image nicht gefunden"
        );
        // Refreshing again changes nothing: the pair stays stale until `previous` is removed.
        let again = refresh(&changed, Some(&overlay_of(&refreshed.text)), Lang::De);
        assert_eq!(again.text, refreshed.text);
    }

    #[test]
    fn a_refresh_the_loader_would_refuse_is_not_to_be_written() {
        let text = RECORD.replace("- Dry-run deletions.", "- \"Dry-run\\x01 deletions.\"");
        let (record, findings) = record::parse("2023-12-17-x", &text, &RecordContext::default());
        assert_eq!(findings.len(), 1, "{findings:?}");
        let record = record.unwrap();
        let refreshed = refresh(&record, None, Lang::De);
        assert_eq!(refreshed.verify("2023-12-17-x", &Limits::default()), Ok(()));
        let small = Limits {
            max_bytes: refreshed.text.len() - 1,
            ..Limits::default()
        };
        let why = refreshed.verify("2023-12-17-x", &small).unwrap_err();
        assert!(
            why.contains(&format!("{} bytes", refreshed.text.len()))
                && why.contains(&format!("{} bytes", small.max_bytes))
                && why.contains("nothing was written"),
            "{why}"
        );
        let broken = Refresh {
            text: "lang: de\ntitle:\n  source: [\n".into(),
            ..Refresh::default()
        };
        let why = broken
            .verify("2023-12-17-x", &Limits::default())
            .unwrap_err();
        assert!(
            why.contains("cannot read back") && why.contains("line 3"),
            "{why}"
        );
    }

    #[test]
    fn any_text_survives_the_yaml_round_trip() {
        let hostile = [
            "plain words",
            "key: value with colon",
            "# not a comment",
            "- not a list",
            "yes",
            "2023-12-17",
            "14:10",
            "  leading spaces",
            "trailing space ",
            "line one\nline two",
            "line one\nline two\n",
            "ends with blank lines\n\n\n",
            "  indented first\nsecond\n",
            "\n  blank then indented\n",
            "tab\tinside",
            "quote \" and backslash \\",
            "carriage\r\nreturn",
            "日本語の文章：コロンあり",
            "",
            "\u{feff}bom",
            "&anchor *alias !tag |pipe >fold %percent @at `tick",
        ];
        for text in hostile {
            let mut pair = String::from("lang: de\ntitle:\n");
            yaml_out::field(&mut pair, 2, "source", text);
            let overlay = overlay::parse("x", &pair, &Limits::default());
            let (Some(overlay), findings) = overlay else {
                panic!("{text:?} did not load:\n{pair}");
            };
            if text.is_empty() {
                continue;
            }
            assert!(findings.is_empty(), "{text:?}: {findings:?}\n{pair}");
            assert_eq!(overlay.title.unwrap().source.value, text, "\n{pair}");
        }
    }
}
