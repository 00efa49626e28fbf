//! Picking each text from the translation overlay or the original, and the notices that tell
//! the reader when a page is a draft, ongoing, stale or partly untranslated.

use std::collections::HashMap;

use super::context::Context;
use super::view::{Notice, Postmortem, Text};
use crate::model::{Lang, Overlay, Record, RecordStatus, Spanned, TextKey, align};

/// Which text the reader gets for each of the record's texts.
pub(super) struct Texts<'a> {
    page: Lang,
    source: Lang,
    /// Record text (by address) -> its translation and whether it is stale.
    translated: HashMap<TextKey, (&'a str, bool)>,
}

impl<'a> Texts<'a> {
    pub(super) fn new(record: &'a Record, overlay: Option<&'a Overlay>, page: Lang) -> Self {
        let alignment = overlay.map(|overlay| align(record, overlay));
        let translated = (alignment.iter())
            .flat_map(|alignment| alignment.record_texts())
            .filter_map(|(key, (pair, stale))| {
                let text = pair.text.as_ref().filter(|_| !pair.is_untranslated())?;
                Some((key, (text.value.as_str(), stale)))
            })
            .collect();
        Texts {
            page,
            source: record.lang.value,
            translated,
        }
    }

    pub(super) fn pick(&self, current: &Spanned<String>) -> Text {
        if self.page == self.source {
            return Text {
                markdown: current.value.clone(),
                lang: None,
                stale: false,
            };
        }
        match self.translated.get(&(current as TextKey)) {
            Some((text, stale)) => Text {
                markdown: text.to_string(),
                lang: None,
                stale: *stale,
            },
            None => Text {
                markdown: current.value.clone(),
                lang: Some(self.source.tag()),
                stale: false,
            },
        }
    }
}

pub(super) fn notices(record: &Record, view: &Postmortem, ctx: &Context) -> Vec<Notice> {
    let mut notices = Vec::new();
    // A maintenance is an announcement, not a postmortem: its notices say so.
    let of_kind = |postmortem: &'static str, maintenance: &'static str| {
        if record.is_maintenance() {
            maintenance
        } else {
            postmortem
        }
    };
    match record.status.value {
        RecordStatus::Draft => notices.push(Notice {
            kind: "draft",
            text: ctx.text(of_kind("notice-draft", "notice-draft-maintenance")),
        }),
        RecordStatus::Review => notices.push(Notice {
            kind: "review",
            text: ctx.text(of_kind("notice-review", "notice-review-maintenance")),
        }),
        RecordStatus::Published => {}
    }
    if ongoing(record) {
        notices.push(Notice {
            kind: "ongoing",
            text: ctx.text("notice-ongoing"),
        });
    }
    if record.postmortem_unwritten() {
        notices.push(Notice {
            kind: "pending",
            text: ctx.text("notice-pending"),
        });
    }
    let texts = view.texts();
    let language = || {
        vec![(
            "language",
            ctx.text(&format!("language-{}", record.lang.value)),
        )]
    };
    if texts.iter().any(|t| t.stale) {
        notices.push(Notice {
            kind: "stale",
            text: ctx.format("notice-stale", &language()),
        });
    }
    let untranslated = texts.iter().filter(|t| t.lang.is_some()).count();
    if untranslated > 0 {
        // "Parts" would be false when no text is translated at all.
        let message = if untranslated == texts.len() {
            "notice-untranslated"
        } else {
            of_kind("notice-fallback", "notice-fallback-maintenance")
        };
        notices.push(Notice {
            kind: "fallback",
            text: ctx.format(message, &language()),
        });
    }
    notices
}

/// An incident that began and is not resolved yet.
pub(super) fn ongoing(record: &Record) -> bool {
    record.started.is_some() && record.resolved.is_none() && !record.is_maintenance()
}
