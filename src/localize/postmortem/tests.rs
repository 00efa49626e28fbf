//! The localized postmortem of small records built here: times in the record's zone,
//! day-precision and approximate timeline entries, overlay notices and the alignment of
//! overlay pairs with the record's texts.

use chrono::{TimeZone, Utc};

use super::*;
use crate::load::{Limits, RecordContext, config, overlay, record};

fn site() -> SiteConfig {
    let (config, findings) = config::parse(
        "title: T\nbase_url: https://status.example.com/\nlanguages: [en, de]\ntimezone: UTC\ncomponents:\n  - {id: api, name: {en: API, de: Schnittstelle}}\n",
        &Limits::default(),
    );
    assert!(findings.is_empty(), "{findings:?}");
    config
}

fn record(yaml: &str) -> Record {
    let (record, findings) = record::parse("2023-12-17-x", yaml, &RecordContext::default());
    assert!(findings.is_empty(), "{findings:?}");
    record.unwrap()
}

fn overlay(yaml: &str) -> Overlay {
    let (overlay, findings) = overlay::parse("2023-12-17-x", yaml, &Limits::default());
    assert!(findings.is_empty(), "{findings:?}");
    overlay.unwrap()
}

fn view(record: &Record, overlay: Option<&Overlay>, lang: Lang) -> Postmortem {
    let localizer = Localizer::load(None).unwrap();
    let now = Utc.with_ymd_and_hms(2023, 12, 18, 12, 0, 0).unwrap();
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

const HEAD: &str = "title: Images deleted\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: major_outage\n";

fn kinds(view: &Postmortem) -> Vec<&str> {
    view.notices.iter().map(|n| n.kind).collect()
}

#[test]
fn times_are_shown_in_the_records_zone() {
    let record = record(&format!(
        "{HEAD}timezone: Asia/Tokyo\nstarted: 2023-12-17T03:56:00Z\nresolved: 2023-12-17T04:15:00Z\ntimeline:\n  - at: 2023-12-17T03:56:00Z\n    text: Down.\n"
    ));
    let en = view(&record, None, Lang::En);
    assert_eq!(en.period, "December 17, 2023 at 12:56 – 13:15 JST");
    assert_eq!(en.lasted, "19 minutes");
    assert_eq!(en.time_heading, "Time (JST)");
    assert_eq!(en.timeline[0].time, "December 17, 2023 at 12:56");
    assert_eq!(en.timeline[0].datetime, "2023-12-17T03:56:00Z");
    assert_eq!(en.facts[0].value, en.period);
    let affected = &en.facts.iter().find(|f| f.label == "Affected services");
    assert_eq!(affected.unwrap().value, "API (Major outage)");
    let de = view(&record, None, Lang::De);
    assert_eq!(de.period, "17. Dezember 2023 um 12:56 – 13:15 JST");
    let affected = &de.facts.iter().find(|f| f.label == "Betroffene Dienste");
    assert_eq!(affected.unwrap().value, "Schnittstelle (Schwerer Ausfall)");
}

#[test]
fn a_zone_change_during_the_timeline_is_spelled_out() {
    // Berlin leaves summer time at 01:00 UTC on 2023-10-29.
    let record = record(&format!(
        "{HEAD}timezone: Europe/Berlin\nstarted: 2023-10-29T00:30:00Z\nresolved: 2023-10-29T02:30:00Z\ntimeline:\n  - at: 2023-10-29T00:30:00Z\n    text: Down.\n  - at: 2023-10-29T02:30:00Z\n    text: Up.\n"
    ));
    let en = view(&record, None, Lang::En);
    assert_eq!(en.time_heading, "Time (CEST)");
    let times: Vec<&str> = en.timeline.iter().map(|r| r.time.as_str()).collect();
    assert_eq!(times, ["October 29, 2023 at 02:30", "03:30 CET"]);
    assert_eq!(
        en.period,
        "October 29, 2023 at 02:30 CEST – October 29, 2023 at 03:30 CET"
    );
}

#[test]
fn day_precision_and_approximate_entries_say_so() {
    let record = record(&format!(
        "{HEAD}timezone: UTC\nstarted: 2023-12-17T03:56:00Z\nresolved: 2023-12-17T04:15:00Z\ntimeline:\n  - at: 2023-12-16\n    approximate: true\n    text: The job runs.\n  - at: 2023-12-17T03:56:00Z\n    text: Down.\n  - at: 2023-12-17T04:03:00Z\n    approximate: true\n    text: Acknowledged.\n  - at: 2023-12-17T04:15:00Z\n    status: resolved\n    text: Up.\n"
    ));
    let en = view(&record, None, Lang::En);
    let times: Vec<&str> = en.timeline.iter().map(|r| r.time.as_str()).collect();
    assert_eq!(
        times,
        [
            "December 16, 2023 (exact time unknown)",
            "December 17, 2023 at 03:56",
            "around 04:03",
            "04:15",
        ]
    );
    assert_eq!(en.timeline[0].datetime, "2023-12-16");
    assert_eq!(en.timeline[3].status.as_deref(), Some("Resolved"));
    assert_eq!(en.time_heading, "Time (UTC)");
}

#[test]
fn a_day_only_incident_has_no_clock_times_and_no_figures() {
    let record = record(&format!(
        "{HEAD}timezone: UTC\nstarted: 2023-12-16\nresolved: 2023-12-18\ndetected: 2023-12-17\n"
    ));
    let en = view(&record, None, Lang::En);
    assert_eq!(
        en.period,
        "December 16, 2023 (exact time unknown) – December 18, 2023 (exact time unknown)"
    );
    assert!(en.figures.is_empty(), "{:?}", en.figures);
    assert_eq!(en.time_heading, "Time");
}

#[test]
fn an_ongoing_incident_counts_until_now_and_says_so() {
    let record = record(
        "title: Slow\nlang: en\nstatus: draft\nstarted: 2023-12-18T10:00:00Z\ntimeline:\n  - at: 2023-12-18T10:00:00Z\n    status: investigating\n    text: Slow.\n",
    );
    let en = view(&record, None, Lang::En);
    assert_eq!(kinds(&en), ["draft", "ongoing"]);
    assert_eq!(en.lasted, "ongoing for 2 hours");
    let status = &en.facts.last().unwrap().value;
    assert_eq!(status, "Investigating");
}

const TEXTS: &str = "timezone: UTC\nstarted: 2023-12-17T03:56:00Z\nresolved: 2023-12-17T04:15:00Z\nsummary: Images were deleted.\nimpact: Nobody could sign in.\ntimeline:\n  - at: 2023-12-17T03:56:00Z\n    text: Down.\n  - at: 2023-12-17T04:03:00Z\n    text: Paged.\n  - at: 2023-12-17T04:15:00Z\n    text: Up.\n";

#[test]
fn a_complete_current_translation_has_no_notice() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    let de = overlay(
        "lang: de\ntitle:\n  source: Images deleted\n  text: Images gelöscht\nsummary:\n  source: Images were deleted.\n  text: Images wurden gelöscht.\nimpact:\n  source: Nobody could sign in.\n  text: Niemand konnte sich anmelden.\ntimeline:\n  - source: Down.\n    text: Aus.\n  - source: Paged.\n    text: Alarmiert.\n  - source: Up.\n    text: An.\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    assert_eq!(kinds(&view), Vec::<&str>::new());
    assert_eq!(view.title.markdown, "Images gelöscht");
    assert!(view.texts().iter().all(|t| t.lang.is_none() && !t.stale));
}

#[test]
fn stale_and_missing_translations_are_marked_and_noticed() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    // The summary was translated from an older text; the impact is not translated at all.
    let de = overlay(
        "lang: de\ntitle:\n  source: Images deleted\n  text: Images gelöscht\nsummary:\n  source: Images got deleted.\n  text: Images sind gelöscht worden.\nimpact:\n  source: Nobody could sign in.\n  text: ''\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    assert_eq!(kinds(&view), ["stale", "fallback"]);
    assert!(
        view.notices[0].text.contains("Englisch"),
        "{:?}",
        view.notices
    );
    let title = &view.title;
    assert_eq!((title.lang, title.stale), (None, false));
    let summary = &view.summary.as_ref().unwrap().text;
    assert_eq!(summary.markdown, "Images sind gelöscht worden.");
    assert_eq!((summary.lang, summary.stale), (None, true));
    let impact = &view.impact.as_ref().unwrap().text;
    assert_eq!(impact.markdown, "Nobody could sign in.");
    assert_eq!((impact.lang, impact.stale), (Some("en"), false));
}

#[test]
fn an_overlay_applies_only_to_its_own_language() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    let de = overlay("lang: de\ntitle:\n  source: Images deleted\n  text: Images gelöscht\n");
    let en = view(&record, Some(&de), Lang::En);
    assert_eq!(en.title.markdown, "Images deleted");
    assert_eq!(kinds(&en), Vec::<&str>::new());
    // No German overlay for a German page: every text falls back to English, with a notice.
    let plain = view(&record, None, Lang::De);
    assert_eq!(kinds(&plain), ["fallback"]);
    assert!(plain.texts().iter().all(|t| t.lang == Some("en")));
}

#[test]
fn list_pairs_follow_their_source_text_not_their_position() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    // The translator skipped "Paged." and wrote the pairs in another order.
    let de = overlay(
        "lang: de\ntimeline:\n  - source: Up.\n    text: An.\n  - source: Down.\n    text: Aus.\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    let rows: Vec<(&str, Option<&str>)> = view
        .timeline
        .iter()
        .map(|r| (r.text.markdown.as_str(), r.text.lang))
        .collect();
    assert_eq!(
        rows,
        [("Aus.", None), ("Paged.", Some("en")), ("An.", None)]
    );
}

#[test]
fn a_pair_whose_entry_changed_is_the_stale_translation_at_its_position() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    // "Paged." was "Pager fired." when it was translated.
    let de = overlay(
        "lang: de\ntimeline:\n  - source: Down.\n    text: Aus.\n  - source: Pager fired.\n    text: Pager ausgelöst.\n  - source: Up.\n    text: An.\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    let second = &view.timeline[1].text;
    assert_eq!(second.markdown, "Pager ausgelöst.");
    assert_eq!((second.lang, second.stale), (None, true));
    assert!(!view.timeline[0].text.stale && !view.timeline[2].text.stale);
    assert_eq!(kinds(&view), ["stale", "fallback"]);
}
