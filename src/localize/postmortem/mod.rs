//! One record in one language: every text picked from the overlay or the original, every
//! label, date, time and duration localized, ready for a template. The view types the templates
//! read are in `view.rs`; this module assembles them.

mod actions;
mod context;
mod facts;
mod overlay;
mod timeline;
mod view;

use chrono::{DateTime, Utc};

use super::Localizer;
use crate::model::{Lang, Overlay, Record, SiteConfig, TextField};
use actions::actions;
use facts::{duration, facts, figures, record_time};
use overlay::{Texts, notices};
use timeline::{time_heading, timeline};

pub(crate) use context::Context;
pub(crate) use view::{Postmortem, Section, Text};

/// What to show beyond the public postmortem.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Include the `internal` section.
    pub internal: bool,
}

/// Localizes `record` into `lang`, using `overlay` when it is the translation into `lang`.
pub fn postmortem(
    record: &Record,
    overlay: Option<&Overlay>,
    lang: Lang,
    site: &SiteConfig,
    localizer: &Localizer,
    now: DateTime<Utc>,
    options: Options,
) -> Postmortem {
    let messages = &localizer.messages;
    let dates = localizer.dates(lang);
    let source_lang = record.lang.value;
    let overlay = overlay.filter(|o| o.lang.value == lang && lang != source_lang);
    let texts = Texts::new(record, overlay, lang);
    let zone = record.zone(site.timezone);
    let ctx = Context {
        lang,
        messages,
        dates,
        zone,
    };
    // The title heads the page; every other text field is a section with its own anchor.
    let section = |field: TextField| {
        let text = field.of_record(record)?;
        // A maintenance's impact is announced before it happens.
        let heading = match field {
            TextField::Impact if record.is_maintenance() => "heading-expected-impact",
            _ => field.heading_message()?,
        };
        Some(Section {
            id: field.anchor()?,
            heading: messages.text(lang, heading),
            text: texts.pick(text),
        })
    };
    let analysis = [
        TextField::WhatHappened,
        TextField::RootCause,
        TextField::Trigger,
        TextField::Detection,
    ]
    .into_iter()
    .filter_map(section)
    .collect();
    let mut view = Postmortem {
        id: record.id.clone(),
        lang: lang.tag(),
        source_lang: source_lang.as_str(),
        kind: ctx.text(if record.is_maintenance() {
            "maintenance"
        } else if record.postmortem_begun() && !overlay::ongoing(record) {
            // While it is ongoing the page tells an incident, whatever analysis is written.
            "postmortem"
        } else {
            "incident"
        }),
        title: texts.pick(&record.title),
        notices: Vec::new(),
        facts: facts(record, site, &ctx, now),
        period: record_time(record, &ctx).unwrap_or_default(),
        lasted: duration(record, &ctx, now).unwrap_or_default(),
        summary: section(TextField::Summary),
        time_heading: time_heading(record, &ctx),
        timeline: timeline(record, &texts, &ctx),
        analysis,
        impact: section(TextField::Impact),
        resolution: section(TextField::Resolution),
        lessons: record.lessons.iter().map(|l| texts.pick(l)).collect(),
        actions: actions(record, &texts, &ctx),
        figures: figures(record, &ctx),
        authors: record.authors.iter().map(|a| a.value.clone()).collect(),
        internal: None,
        t: messages.plain(lang).clone(),
    };
    if options.internal {
        view.internal = section(TextField::Internal);
    }
    view.notices = notices(record, &view, &ctx);
    view
}

#[cfg(test)]
mod tests;
