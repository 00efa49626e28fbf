//! The localized postmortem of small records built here: times in the record's zone,
//! day-precision and approximate timeline entries, overlay notices and the alignment of
//! overlay pairs with the record's texts.

mod examples;
mod notices;
mod times;
mod translations;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::load::{Limits, RecordContext, config, overlay, record};

pub(super) fn site() -> SiteConfig {
    let (config, findings) = config::parse(
        "title: T\nbase_url: https://status.example.com/\nlanguages: [en, de]\ntimezone: UTC\ncomponents:\n  - {id: api, name: {en: API, de: Schnittstelle}}\n",
        &Limits::default(),
    );
    assert!(findings.is_empty(), "{findings:?}");
    config
}

pub(super) fn record(yaml: &str) -> Record {
    let (record, findings) = record::parse("2023-12-17-x", yaml, &RecordContext::default());
    assert!(findings.is_empty(), "{findings:?}");
    record.unwrap()
}

pub(super) fn overlay(yaml: &str) -> Overlay {
    let (overlay, findings) = overlay::parse("2023-12-17-x", yaml, &Limits::default());
    assert!(findings.is_empty(), "{findings:?}");
    overlay.unwrap()
}

pub(super) fn view(record: &Record, overlay: Option<&Overlay>, lang: Lang) -> Postmortem {
    let now = Utc.with_ymd_and_hms(2023, 12, 18, 12, 0, 0).unwrap();
    view_at(record, overlay, lang, now)
}

pub(super) fn view_at(
    record: &Record,
    overlay: Option<&Overlay>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Postmortem {
    let localizer = Localizer::load(None).unwrap();
    postmortem(
        record,
        overlay,
        lang,
        &site(),
        &localizer,
        now,
        Options::default(),
    )
}

pub(super) const HEAD: &str = "title: Images deleted\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: major_outage\n";

pub(super) fn kinds(view: &Postmortem) -> Vec<&str> {
    view.notices.iter().map(|n| n.kind).collect()
}

/// The fact `label` of the view, if it has one.
pub(super) fn fact<'a>(view: &'a Postmortem, label: &str) -> Option<&'a str> {
    let fact = view.facts.iter().find(|f| f.label == label);
    fact.map(|f| f.value.as_str())
}

pub(super) fn times(view: &Postmortem) -> Vec<&str> {
    view.timeline.iter().map(|r| r.time.as_str()).collect()
}

pub(super) fn notice_texts(view: &Postmortem) -> Vec<&str> {
    view.notices.iter().map(|n| n.text.as_str()).collect()
}
