//! The record's translatable single texts (title, summary, …, internal): the one list that
//! loading, overlays, translation, the schema, localizing and the lint rules read.
//!
//! The list texts (timeline entries, lessons, actions) are [`super::OverlayList`].

use super::{Overlay, Pair, Record, Spanned};

/// One text field of a record, and the overlay field that translates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TextField {
    Title,
    Summary,
    Impact,
    WhatHappened,
    RootCause,
    Trigger,
    Detection,
    Resolution,
    Internal,
}

impl TextField {
    /// Every text field, in the order overlays are written and read.
    pub(crate) const ALL: &'static [TextField] = &[
        TextField::Title,
        TextField::Summary,
        TextField::Impact,
        TextField::WhatHappened,
        TextField::RootCause,
        TextField::Trigger,
        TextField::Detection,
        TextField::Resolution,
        TextField::Internal,
    ];

    /// The long Markdown texts, in document order: everything but the one-line title and
    /// the never-public internal notes.
    pub(crate) fn prose() -> impl Iterator<Item = TextField> {
        Self::ALL
            .iter()
            .copied()
            .filter(|field| !matches!(field, TextField::Title | TextField::Internal))
    }

    /// The YAML key, in records and overlays alike.
    pub(crate) fn key(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Summary => "summary",
            TextField::Impact => "impact",
            TextField::WhatHappened => "what_happened",
            TextField::RootCause => "root_cause",
            TextField::Trigger => "trigger",
            TextField::Detection => "detection",
            TextField::Resolution => "resolution",
            TextField::Internal => "internal",
        }
    }

    /// Whether the text may appear in public output (`internal` never does).
    pub(crate) fn is_public(self) -> bool {
        self != TextField::Internal
    }

    /// The record's text, if the record has it (a record always has a title).
    pub(crate) fn of_record(self, record: &Record) -> Option<&Spanned<String>> {
        match self {
            TextField::Title => Some(&record.title),
            TextField::Summary => record.summary.as_ref(),
            TextField::Impact => record.impact.as_ref(),
            TextField::WhatHappened => record.what_happened.as_ref(),
            TextField::RootCause => record.root_cause.as_ref(),
            TextField::Trigger => record.trigger.as_ref(),
            TextField::Detection => record.detection.as_ref(),
            TextField::Resolution => record.resolution.as_ref(),
            TextField::Internal => record.internal.as_ref(),
        }
    }

    /// The overlay's translation of the field, if it has one.
    pub(crate) fn of_overlay(self, overlay: &Overlay) -> Option<&Pair> {
        match self {
            TextField::Title => overlay.title.as_ref(),
            TextField::Summary => overlay.summary.as_ref(),
            TextField::Impact => overlay.impact.as_ref(),
            TextField::WhatHappened => overlay.what_happened.as_ref(),
            TextField::RootCause => overlay.root_cause.as_ref(),
            TextField::Trigger => overlay.trigger.as_ref(),
            TextField::Detection => overlay.detection.as_ref(),
            TextField::Resolution => overlay.resolution.as_ref(),
            TextField::Internal => overlay.internal.as_ref(),
        }
    }

    /// The id of the page section the text is shown in (the title heads the page instead).
    pub(crate) fn anchor(self) -> Option<&'static str> {
        match self {
            TextField::Title => None,
            TextField::Summary => Some("summary"),
            TextField::Impact => Some("impact"),
            TextField::WhatHappened => Some("what-happened"),
            TextField::RootCause => Some("root-cause"),
            TextField::Trigger => Some("trigger"),
            TextField::Detection => Some("detection"),
            TextField::Resolution => Some("resolution"),
            TextField::Internal => Some("internal"),
        }
    }

    /// The locale message that heads the text's section.
    pub(crate) fn heading_message(self) -> Option<&'static str> {
        match self {
            TextField::Title => None,
            TextField::Summary => Some("heading-summary"),
            TextField::Impact => Some("heading-impact"),
            TextField::WhatHappened => Some("heading-what-happened"),
            TextField::RootCause => Some("heading-root-cause"),
            TextField::Trigger => Some("heading-trigger"),
            TextField::Detection => Some("heading-detection"),
            TextField::Resolution => Some("heading-resolution"),
            TextField::Internal => Some("heading-internal"),
        }
    }
}

impl std::fmt::Display for TextField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, overlay, record};
    use crate::model::Lang;

    #[test]
    fn the_record_loader_reads_every_text_field_into_its_own_place() {
        let mut yaml = String::from("lang: en\nstatus: draft\n");
        for field in TextField::ALL {
            yaml.push_str(&format!("{field}: text of {field}\n"));
        }
        let (record, findings) =
            record::parse("2024-01-01-x", &yaml, &record::RecordContext::default());
        assert!(findings.is_empty(), "{findings:?}");
        let record = record.unwrap();
        for field in TextField::ALL {
            let text = field.of_record(&record).map(|text| text.value.as_str());
            assert_eq!(text, Some(format!("text of {field}").as_str()));
        }
    }

    #[test]
    fn the_overlay_loader_reads_every_text_field_into_its_own_place() {
        let mut yaml = String::from("lang: de\n");
        for field in TextField::ALL {
            yaml.push_str(&format!(
                "{field}:\n  source: s {field}\n  text: t {field}\n"
            ));
        }
        let (overlay, findings) = overlay::parse("2024-01-01-x", &yaml, &Limits::default());
        assert!(findings.is_empty(), "{findings:?}");
        let overlay = overlay.unwrap();
        for field in TextField::ALL {
            let pair = field.of_overlay(&overlay).unwrap();
            assert_eq!(pair.source.value, format!("s {field}"));
        }
        let keys: Vec<&str> = overlay.pairs().map(|(key, _)| key).collect();
        let all: Vec<&str> = TextField::ALL.iter().map(|field| field.key()).collect();
        assert_eq!(keys, all, "pairs come in document order");
    }

    #[test]
    fn both_schemas_list_every_text_field() {
        for schema in [
            crate::schema::schema(crate::schema::SchemaKind::Record, None),
            crate::schema::schema(crate::schema::SchemaKind::Overlay, None),
        ] {
            for field in TextField::ALL {
                assert!(
                    schema["properties"].get(field.key()).is_some(),
                    "{} schema lacks `{field}`",
                    schema["title"]
                );
            }
        }
    }

    #[test]
    fn sections_are_named_after_their_field_and_their_headings_exist() {
        let messages = crate::localize::Messages::builtin().unwrap();
        for field in TextField::ALL {
            let (Some(anchor), Some(heading)) = (field.anchor(), field.heading_message()) else {
                assert_eq!(*field, TextField::Title, "only the title has no section");
                continue;
            };
            assert_eq!(anchor, field.key().replace('_', "-"));
            assert_eq!(heading, format!("heading-{anchor}"));
            for lang in Lang::ALL {
                assert!(
                    messages.catalog(*lang).contains_key(heading),
                    "{lang} lacks {heading}"
                );
            }
        }
    }
}
