//! What the golden pages of the other example incidents showed, on small records made
//! like them, in every language.

use super::translations::TEXTS;
use super::*;

/// Like the Monzo outage: local times in a zone on summer time, day-only entries before
/// the first clock time, and a stated duration that the render does not repeat.
const LONDON: &str = "title: Zahlungen ausgefallen\nlang: zh\nstatus: published\nseverity: critical\ntimezone: Europe/London\nstarted: 2017-10-27 14:10\nresolved: 2017-10-27 15:31\nduration: 1.5h\ntimeline:\n  - at: 2017-10-13\n    text: 扩容。\n  - at: 2017-10-26\n    text: 缩容。\n  - at: 2017-10-27 14:10\n    text: 部署。\n  - at: '14:12'\n    status: investigating\n    text: 回滚。\n";

#[test]
fn summer_time_is_named_and_the_computed_duration_shown_in_every_language() {
    let record = record(LONDON);
    let expected = [
        (
            Lang::En,
            "October 27, 2017, 14:10–15:31 BST",
            "1 h 21 min",
            "Time (BST)",
            [
                "October 13, 2017 (exact time unknown)",
                "October 26, 2017 (exact time unknown)",
                "October 27, 2017, 14:10",
                "14:12",
            ],
        ),
        (
            Lang::De,
            "27. Oktober 2017, 14:10–15:31 UTC+1",
            "1\u{a0}Std. 21\u{a0}Min.",
            "Zeit (UTC+1)",
            [
                "13. Oktober 2017 (genaue Uhrzeit unbekannt)",
                "26. Oktober 2017 (genaue Uhrzeit unbekannt)",
                "27. Oktober 2017, 14:10",
                "14:12",
            ],
        ),
        (
            Lang::Ja,
            "2017年10月27日 14:10～15:31（UTC+1）",
            "1時間21分",
            "日時（UTC+1）",
            [
                "2017年10月13日（時刻不明）",
                "2017年10月26日（時刻不明）",
                "2017年10月27日 14:10",
                "14:12",
            ],
        ),
        (
            Lang::Zh,
            "2017年10月27日 14:10 至 15:31（UTC+1）",
            "1小时21分钟",
            "时间（UTC+1）",
            [
                "2017年10月13日（具体时间不详）",
                "2017年10月26日（具体时间不详）",
                "2017年10月27日 14:10",
                "14:12",
            ],
        ),
    ];
    for (lang, period, lasted, heading, rows) in expected {
        let view = view(&record, None, lang);
        assert_eq!(view.period, period, "{lang:?}");
        assert_eq!(view.lasted, lasted, "{lang:?}");
        assert_eq!(view.time_heading, heading, "{lang:?}");
        assert_eq!(times(&view), rows, "{lang:?}");
    }
}

#[test]
fn a_record_in_another_language_is_shown_in_it_with_a_notice_naming_it() {
    // With its postmortem begun, so that the fallback is the only notice.
    let chinese = record(&format!("{LONDON}resolution: 回滚。\n"));
    let en = view(&chinese, None, Lang::En);
    assert_eq!(
        notice_texts(&en),
        [
            "This page has not been translated into English yet; it is shown in the original language (Chinese)."
        ]
    );
    assert_eq!(kinds(&en), ["fallback"]);
    assert!(en.texts().iter().all(|t| t.lang == Some("zh-Hans")));
    assert_eq!(
        notice_texts(&view(&chinese, None, Lang::De)),
        [
            "Diese Seite liegt noch nicht auf Deutsch vor und wird im Original (Chinesisch) angezeigt."
        ]
    );
    assert_eq!(
        notice_texts(&view(&chinese, None, Lang::Ja)),
        ["このページはまだ日本語に翻訳されていないため、原文（中国語）で表示しています。"]
    );
    // Its own language needs no notice and marks no text as foreign.
    let zh = view(&chinese, None, Lang::Zh);
    assert!(zh.notices.is_empty(), "{:?}", zh.notices);
    assert!(zh.texts().iter().all(|t| t.lang.is_none()));

    let japanese = record(&format!("{DOCKER}resolution: 再起動。\n"));
    assert_eq!(
        notice_texts(&view(&japanese, None, Lang::En)),
        [
            "This page has not been translated into English yet; it is shown in the original language (Japanese)."
        ]
    );
    assert_eq!(
        notice_texts(&view(&japanese, None, Lang::De)),
        [
            "Diese Seite liegt noch nicht auf Deutsch vor und wird im Original (Japanisch) angezeigt."
        ]
    );
    assert_eq!(
        notice_texts(&view(&japanese, None, Lang::Zh)),
        ["本页面尚无中文译文，以下以原文（日语）显示。"]
    );
}

/// Like the Docker Hub incident: across midnight, with approximate times.
const DOCKER: &str = "title: Pulls hang\nlang: ja\nstatus: published\nseverity: major\ntimezone: UTC\nstarted: 2020-07-05T19:00:00Z\nresolved: 2020-07-06T06:30:00Z\ntimeline:\n  - at: 2020-07-05T19:00:00Z\n    approximate: true\n    text: Hang.\n  - at: 2020-07-06T01:45:00Z\n    approximate: true\n    text: Report.\n  - at: 2020-07-06T02:35:00Z\n    text: Ticket.\n  - at: 2020-07-06T05:00:00Z\n    approximate: true\n    text: Found.\n";

#[test]
fn an_incident_across_midnight_shows_both_dates_and_approximate_times() {
    let record = record(DOCKER);
    let expected = [
        (
            Lang::En,
            "July 5, 2020, 19:00 – July 6, 2020, 06:30 UTC",
            "11 h 30 min",
            [
                "July 5, 2020, around 19:00",
                "July 6, 2020, around 01:45",
                "02:35",
                "around 05:00",
            ],
        ),
        (
            Lang::De,
            "5. Juli 2020, 19:00 – 6. Juli 2020, 06:30 UTC",
            "11\u{a0}Std. 30\u{a0}Min.",
            [
                "5. Juli 2020, gegen 19:00",
                "6. Juli 2020, gegen 01:45",
                "02:35",
                "gegen 05:00",
            ],
        ),
        (
            Lang::Ja,
            "2020年7月5日 19:00～7月6日 6:30（UTC）",
            "11時間30分",
            [
                "2020年7月5日 19:00頃",
                "2020年7月6日 1:45頃",
                "2:35",
                "5:00頃",
            ],
        ),
        (
            Lang::Zh,
            "2020年7月5日 19:00 至 7月6日 06:30（UTC）",
            "11小时30分钟",
            [
                "2020年7月5日 19:00左右",
                "2020年7月6日 01:45左右",
                "02:35",
                "05:00左右",
            ],
        ),
    ];
    for (lang, period, lasted, rows) in expected {
        let view = view(&record, None, lang);
        assert_eq!(view.period, period, "{lang:?}");
        assert_eq!(view.lasted, lasted, "{lang:?}");
        assert_eq!(times(&view), rows, "{lang:?}");
    }
}

#[test]
fn day_only_entries_repeat_their_date_and_the_incident_has_no_duration() {
    // Like the Inria incident: every time known only to the day.
    let record = record(&format!(
        "{HEAD}timezone: UTC\nstarted: 2017-07-28\nresolved: 2017-07-28\ntimeline:\n  - at: 2017-07-18\n    text: Migration.\n  - at: 2017-07-28\n    text: Deleted.\n  - at: 2017-07-28\n    text: Purged.\n"
    ));
    let expected = [
        (
            Lang::En,
            "Time",
            [
                "July 18, 2017 (exact time unknown)",
                "July 28, 2017 (exact time unknown)",
            ],
        ),
        (
            Lang::De,
            "Zeit",
            [
                "18. Juli 2017 (genaue Uhrzeit unbekannt)",
                "28. Juli 2017 (genaue Uhrzeit unbekannt)",
            ],
        ),
        (
            Lang::Ja,
            "日時",
            ["2017年7月18日（時刻不明）", "2017年7月28日（時刻不明）"],
        ),
        (
            Lang::Zh,
            "时间",
            [
                "2017年7月18日（具体时间不详）",
                "2017年7月28日（具体时间不详）",
            ],
        ),
    ];
    for (lang, heading, [first, day]) in expected {
        let view = view(&record, None, lang);
        assert_eq!(view.time_heading, heading, "{lang:?}");
        assert_eq!(times(&view), [first, day, day], "{lang:?}");
        assert_eq!(view.period, day, "{lang:?}");
        assert_eq!(view.lasted, "", "{lang:?}");
    }
    let en = view(&record, None, Lang::En);
    assert_eq!(fact(&en, "Duration"), None);
    assert_eq!(
        fact(&en, "Incident period"),
        Some("July 28, 2017 (exact time unknown)")
    );
}

/// Like the webhook incident: in a zone on winter time, ongoing for days, its status the
/// latest update's, and only the figures it already has.
const BERLIN: &str = "title: Webhooks late\nlang: en\nstatus: published\nseverity: minor\naffected:\n  api: degraded_performance\ntimezone: Europe/Berlin\nstarted: 2026-11-21 09:40\ndetected: 2026-11-21 09:52\nacknowledged: 2026-11-21 09:58\ntimeline:\n  - at: 2026-11-21 09:40\n    text: Queue grows.\n  - at: '09:52'\n    status: investigating\n    text: Alert.\n  - at: '10:35'\n    status: identified\n    text: Found.\n";

#[test]
fn an_ongoing_incident_counts_days_hours_and_minutes_in_every_language() {
    let record = record(BERLIN);
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let expected = [
        (
            Lang::En,
            "from November 21, 2026, 09:40 CET",
            "ongoing for 9 d 15 h 20 min",
            "Identified",
            "This incident is ongoing. This page will be updated as we learn more.",
            [
                "Time to detect",
                "12 minutes",
                "Time to acknowledge",
                "18 minutes",
            ],
        ),
        (
            Lang::De,
            "ab 21. November 2026, 09:40 MEZ",
            "läuft seit 9\u{a0}Tg. 15\u{a0}Std. 20\u{a0}Min.",
            "Ursache identifiziert",
            "Diese Störung dauert noch an. Diese Seite wird laufend aktualisiert.",
            [
                "Zeit bis zur Erkennung",
                "12\u{a0}Minuten",
                "Zeit bis zur Quittierung",
                "18\u{a0}Minuten",
            ],
        ),
        (
            Lang::Ja,
            "2026年11月21日 9:40（UTC+1）～",
            "231時間20分継続中",
            "原因特定済み",
            "このインシデントは継続中です。このページは随時更新します。",
            ["検知までの時間", "12分", "初動対応までの時間", "18分"],
        ),
        (
            Lang::Zh,
            "2026年11月21日 09:40（UTC+1）起",
            "已持续9天15小时20分钟",
            "已定位原因",
            "该故障仍在处理中，本页面将持续更新。",
            ["发现耗时", "12分钟", "响应耗时", "18分钟"],
        ),
    ];
    for (lang, period, lasted, status, notice, figures) in expected {
        let view = view_at(&record, None, lang, now);
        assert_eq!(view.period, period, "{lang:?}");
        assert_eq!(view.lasted, lasted, "{lang:?}");
        assert_eq!(view.facts.last().unwrap().value, status, "{lang:?}");
        // An English record in another language also falls back, after the ongoing notice.
        let fallback = (lang != Lang::En).then_some("fallback");
        let expected: Vec<&str> = ["ongoing"].into_iter().chain(fallback).collect();
        assert_eq!(kinds(&view), expected, "{lang:?}");
        assert_eq!(view.notices[0].text, notice, "{lang:?}");
        // Told by its summary and status updates only: an incident, not yet a postmortem.
        let kind = ["Incident", "Störung", "インシデント", "故障"]
            [Lang::ALL.iter().position(|l| *l == lang).unwrap()];
        assert_eq!(view.kind, kind, "{lang:?}");
        let shown: Vec<&str> = view
            .figures
            .iter()
            .flat_map(|f| [f.label.as_str(), f.value.as_str()])
            .collect();
        assert_eq!(shown, figures, "{lang:?}");
    }
    let en = view_at(&record, None, Lang::En, now);
    assert_eq!(en.time_heading, "Time (CET)");
    assert_eq!(times(&en), ["November 21, 2026, 09:40", "09:52", "10:35"]);
}

#[test]
fn an_ongoing_draft_without_updates_says_both_and_has_no_affected_services() {
    // Like the search index incident: a draft, no status update, no component named.
    let record = record(
        "title: Search stale\nlang: en\nstatus: draft\nseverity: minor\ntimezone: UTC\nstarted: 2026-11-20T14:05:00Z\ntimeline:\n  - at: 2026-11-20T14:05:00Z\n    text: Rebuild skips a shard.\n",
    );
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let expected = [
        (
            Lang::En,
            "Draft: this postmortem has not been published.",
            "ongoing for 10 d 9 h 55 min",
            "Ongoing",
        ),
        (
            Lang::De,
            "Entwurf: Dieses Postmortem ist nicht veröffentlicht.",
            "läuft seit 10\u{a0}Tg. 9\u{a0}Std. 55\u{a0}Min.",
            "Laufend",
        ),
        (
            Lang::Ja,
            "下書き：このポストモーテムは公開されていません。",
            "249時間55分継続中",
            "継続中",
        ),
        (
            Lang::Zh,
            "草稿：本故障复盘尚未发布。",
            "已持续10天9小时55分钟",
            "进行中",
        ),
    ];
    for (lang, draft, lasted, status) in expected {
        let view = view_at(&record, None, lang, now);
        let fallback = (lang != Lang::En).then_some("fallback");
        let expected: Vec<&str> = ["draft", "ongoing"].into_iter().chain(fallback).collect();
        assert_eq!(kinds(&view), expected, "{lang:?}");
        assert_eq!(view.notices[0].text, draft, "{lang:?}");
        assert_eq!(view.lasted, lasted, "{lang:?}");
        assert_eq!(view.facts.last().unwrap().value, status, "{lang:?}");
        // Incident time, duration, impact level, status: no affected services.
        assert_eq!(view.facts.len(), 4, "{lang:?}: {:?}", view.facts);
    }
}

#[test]
fn actions_in_progress_have_their_symbol_and_word() {
    // Like the Inria and Docker Hub incidents' open actions.
    let record = record(&format!(
        "{HEAD}{TEXTS}actions:\n  - text: Back up.\n    status: in_progress\n  - text: Stop it.\n    status: done\n"
    ));
    for (lang, words) in [
        (Lang::En, ["In progress", "Done"]),
        (Lang::De, ["In Arbeit", "Erledigt"]),
        (Lang::Ja, ["対応中", "完了"]),
        (Lang::Zh, ["进行中", "已完成"]),
    ] {
        let view = view(&record, None, lang);
        let shown: Vec<(&str, &str, &str)> = view
            .actions
            .iter()
            .map(|a| (a.status, a.symbol, a.status_text.as_str()))
            .collect();
        assert_eq!(
            shown,
            [("in_progress", "◐", words[0]), ("done", "✓", words[1])],
            "{lang:?}"
        );
    }
}
