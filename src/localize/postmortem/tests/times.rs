//! Times in the record's zone, day-precision and approximate entries, ongoing incidents.

use super::*;

#[test]
fn times_are_shown_in_the_records_zone() {
    let record = record(&format!(
        "{HEAD}timezone: Asia/Tokyo\nstarted: 2023-12-17T03:56:00Z\nresolved: 2023-12-17T04:15:00Z\ntimeline:\n  - at: 2023-12-17T03:56:00Z\n    text: Down.\n"
    ));
    let en = view(&record, None, Lang::En);
    assert_eq!(en.period, "December 17, 2023, 12:56–13:15 JST");
    assert_eq!(en.lasted, "19 minutes");
    assert_eq!(en.time_heading, "Time (JST)");
    assert_eq!(en.timeline[0].time, "December 17, 2023, 12:56");
    assert_eq!(en.timeline[0].datetime, "2023-12-17T03:56:00Z");
    assert_eq!(en.facts[0].value, en.period);
    let affected = &en.facts.iter().find(|f| f.label == "Affected services");
    assert_eq!(affected.unwrap().value, "API: major outage");
    let de = view(&record, None, Lang::De);
    assert_eq!(de.period, "17. Dezember 2023, 12:56–13:15 UTC+9");
    let affected = &de.facts.iter().find(|f| f.label == "Betroffene Dienste");
    assert_eq!(affected.unwrap().value, "Schnittstelle: Totalausfall");
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
    assert_eq!(times, ["October 29, 2023, 02:30", "03:30 CET"]);
    assert_eq!(en.period, "October 29, 2023, 02:30 CEST – 03:30 CET");
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
            "December 17, 2023, 03:56",
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

/// A maintenance window broke nothing: its one key figure is how long the work took, never
/// a "time to resolve".
#[test]
fn a_finished_window_says_how_long_the_work_took() {
    let window = record(
        "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: UTC\nscheduled_for: 2023-12-17T02:00:00Z\nscheduled_until: 2023-12-17T04:00:00Z\nstarted: 2023-12-17T02:05:00Z\nresolved: 2023-12-17T03:23:00Z\nsummary: Upgrading.\n",
    );
    for (lang, label, value) in [
        (Lang::En, "Duration of the work", "1 h 18 min"),
        (Lang::De, "Dauer der Arbeiten", "1\u{a0}Std. 18\u{a0}Min."),
    ] {
        let figures: Vec<(String, String)> = view(&window, None, lang)
            .figures
            .into_iter()
            .map(|f| (f.label, f.value))
            .collect();
        assert_eq!(
            figures,
            [(label.to_string(), value.to_string())],
            "{lang:?}"
        );
    }
    // Its components are the ones worked on, with no state a finished window no longer has.
    let en = view(&window, None, Lang::En);
    assert_eq!(fact(&en, "Services worked on"), Some("API"));
}
