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
use crate::model::{Lang, Overlay, Record, SiteConfig, Spanned};
use actions::actions;
use facts::{duration, facts, figures, incident_time};
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
    let section = |id: &'static str, heading: &str, text: Option<&Spanned<String>>| {
        text.map(|text| Section {
            id,
            heading: messages.text(lang, heading),
            text: texts.pick(text),
        })
    };
    let analysis = [
        (
            "what-happened",
            "heading-what-happened",
            record.what_happened.as_ref(),
        ),
        (
            "root-cause",
            "heading-root-cause",
            record.root_cause.as_ref(),
        ),
        ("trigger", "heading-trigger", record.trigger.as_ref()),
        ("detection", "heading-detection", record.detection.as_ref()),
    ]
    .into_iter()
    .filter_map(|(id, heading, text)| section(id, heading, text))
    .collect();
    let mut view = Postmortem {
        id: record.id.clone(),
        lang: lang.as_str(),
        source_lang: source_lang.as_str(),
        title: texts.pick(&record.title),
        notices: Vec::new(),
        facts: facts(record, site, &ctx, now),
        period: record
            .started
            .as_ref()
            .map(|started| incident_time(record, &started.value, &ctx))
            .unwrap_or_default(),
        lasted: duration(record, &ctx, now).unwrap_or_default(),
        summary: section("summary", "heading-summary", record.summary.as_ref()),
        time_heading: time_heading(record, &ctx),
        timeline: timeline(record, &texts, &ctx),
        analysis,
        impact: section("impact", "heading-impact", record.impact.as_ref()),
        resolution: section(
            "resolution",
            "heading-resolution",
            record.resolution.as_ref(),
        ),
        lessons: record.lessons.iter().map(|l| texts.pick(l)).collect(),
        actions: actions(record, &texts, &ctx),
        figures: figures(record, &ctx),
        authors: record.authors.iter().map(|a| a.value.clone()).collect(),
        internal: None,
        t: messages.plain(lang).clone(),
    };
    if options.internal {
        view.internal = section("internal", "heading-internal", record.internal.as_ref());
    }
    view.notices = notices(record, &view, &ctx);
    view
}

#[cfg(test)]
mod tests;
