//! Status and uptime on the pages of the build/uptime fixture, against figures worked out by
//! hand.

use scraper::{Html, Selector};

use crate::common::{Project, read};
use crate::{select, text, texts};

/// tests/fixtures/build/uptime: `api` had a partial outage 10:00-14:00 and a major outage
/// 12:00-13:00 on 2026-11-20; merged, the worst status wins: 2 h x 0.3 + 1 h + 1 h x 0.3 =
/// 6840 s. `db` is in a major outage since 2026-11-21 22:00: 2 h that day, 12 h today.
/// Window: 89 x 86400 + 43200 = 7,732,800 s.
///   api: 100 x (1 - 6840 / 7732800) = 99.9115 -> 99.91
///   db:  100 x (1 - 50400 / 7732800) = 99.3482 -> 99.34
#[test]
fn status_and_uptime_match_figures_worked_out_by_hand() {
    let (_dir, out) = Project::fixture("build/uptime").build();
    let expected_uptime = [
        ("en", ["99.91% uptime", "100.00% uptime", "99.34% uptime"]),
        (
            "de",
            [
                "99,91\u{202f}% Verfügbarkeit",
                "100,00\u{202f}% Verfügbarkeit",
                "99,34\u{202f}% Verfügbarkeit",
            ],
        ),
        ("ja", ["稼働率99.91%", "稼働率100.00%", "稼働率99.34%"]),
        ("zh", ["可用率99.91%", "可用率100.00%", "可用率99.34%"]),
    ];
    for (lang, uptimes) in expected_uptime {
        let page = Html::parse_document(&read(&out, &format!("{lang}/index.html")));
        let banner = select(&page, "p.banner")[0];
        assert_eq!(
            banner.value().attr("class"),
            Some("banner indicator-minor"),
            "{lang}: the ongoing incident is minor"
        );
        let percents: Vec<String> = texts(&page, "li.component .percent");
        assert_eq!(percents, uptimes, "{lang}");
        let statuses: Vec<&str> = select(&page, "li.component")
            .into_iter()
            .filter_map(|c| c.value().attr("class"))
            .collect();
        assert_eq!(
            statuses,
            [
                "component status-operational",
                "component status-operational",
                "component status-major_outage"
            ],
            "{lang}: the same status in every language"
        );
        assert_eq!(select(&page, "section.ongoing article.incident").len(), 1);
    }
    let en = Html::parse_document(&read(&out, "en/index.html"));
    assert_eq!(text(select(&en, "p.banner")[0]), "Minor service disruption");
    let days = |component: usize| -> Vec<(String, String)> {
        let bars = select(&en, "li.component svg.days");
        bars[component]
            .select(&Selector::parse("rect").unwrap())
            .map(|rect| (rect.value().attr("class").unwrap().to_string(), text(rect)))
            .collect()
    };
    let api = days(0);
    assert_eq!(api.len(), 90);
    assert_eq!(api[0].1, "August 25, 2026: no downtime");
    assert_eq!(
        api[87],
        (
            "day down-mid".to_string(),
            "November 20, 2026: 1 h 54 min of downtime".to_string()
        )
    );
    let web = days(1);
    assert_eq!(
        web[87],
        (
            "day degraded".to_string(),
            "November 20, 2026: degraded performance, no downtime".to_string()
        )
    );
    let db = days(2);
    assert_eq!(db[88].1, "November 21, 2026: 2 hours of downtime");
    assert_eq!(db[88].0, "day down-mid");
    assert_eq!(
        db[89],
        (
            "day down-high".to_string(),
            "November 22, 2026: 12 hours of downtime".to_string()
        )
    );
    let ja = Html::parse_document(&read(&out, "ja/components/api.html"));
    let tip = select(&ja, "svg.days rect title")
        .into_iter()
        .map(text)
        .nth(87)
        .unwrap();
    assert_eq!(tip, "2026年11月20日：停止時間1時間54分");
}

/// The history page's card of each incident: its impact, labelled, or nothing for `none`.
#[test]
fn cards_label_the_impact_in_every_language_and_leave_out_none() {
    let (_dir, out) = Project::fixture("build/uptime")
        .record(
            "2026-11-16-web-slow.yaml",
            "title: Website slow\nlang: en\nstatus: published\nseverity: none\naffected:\n  web: degraded_performance\ntimezone: UTC\nstarted: 2026-11-16T10:00:00Z\nresolved: 2026-11-16T10:20:00Z\nsummary: Pages loaded slowly.\n",
        )
        .build();
    for (lang, major) in [
        ("en", "Impact: major"),
        ("de", "Schweregrad: hoch"),
        ("ja", "影響度：重大"),
        ("zh", "影响级别：重大"),
    ] {
        let page = Html::parse_document(&read(&out, &format!("{lang}/history.html")));
        let card = |id: &str| {
            select(&page, "article.incident")
                .into_iter()
                .find(|card| card.html().contains(id))
                .unwrap_or_else(|| panic!("{lang}: no card of {id}"))
        };
        let impacts = |id: &str| texts_in(card(id), ".impact");
        assert_eq!(impacts("2026-11-20-api-partial"), [major], "{lang}");
        assert_eq!(
            impacts("2026-11-16-web-slow"),
            Vec::<String>::new(),
            "{lang}"
        );
    }
}

fn texts_in(element: scraper::ElementRef, css: &str) -> Vec<String> {
    element
        .select(&Selector::parse(css).unwrap())
        .map(text)
        .collect()
}

/// A bar's figure is in its <title>, which only a pointer can reach; every component's days
/// are also a list in a <details> (its <summary> takes the keyboard's focus), the same
/// figures in the same order, so keyboards and screen readers get them too.
#[test]
fn every_days_figure_is_reachable_without_a_pointer() {
    let (_dir, out) = Project::fixture("build/uptime").build();
    for path in ["en/index.html", "ja/index.html", "de/components/db.html"] {
        let page = Html::parse_document(&read(&out, path));
        let uptimes = select(&page, "div.uptime");
        assert!(!uptimes.is_empty(), "{path}");
        for uptime in uptimes {
            let within = |css: &str| -> Vec<String> {
                uptime
                    .select(&Selector::parse(css).unwrap())
                    .map(text)
                    .collect()
            };
            let tips = within("svg.days rect title");
            assert_eq!(tips.len(), 90, "{path}");
            assert_eq!(within("details.day-list > ol > li"), tips, "{path}");
            let summary = within("details.day-list > summary");
            assert_eq!(summary.len(), 1, "{path}");
            assert!(!summary[0].trim().is_empty(), "{path}");
        }
    }
    let en = Html::parse_document(&read(&out, "en/index.html"));
    let classes: Vec<&str> = select(&en, "details.day-list li")
        .into_iter()
        .filter_map(|li| li.value().attr("class"))
        .collect();
    assert_eq!(
        classes[90 + 90 + 89],
        "down-high",
        "db's last day, as its bar"
    );
}

/// A badge says its language (`xml:lang`, so a font's local forms apply) and names that
/// language's CJK fonts first: a Chinese badge never asks for a Japanese font, nor the reverse.
#[test]
fn badges_carry_their_language_and_its_fonts() {
    let (_dir, out) = Project::fixture("build/uptime").build();
    for (lang, tag, own, other) in [
        ("ja", "ja", "Noto Sans CJK JP", "CJK SC"),
        ("zh", "zh-Hans", "Noto Sans CJK SC", "CJK JP"),
    ] {
        for path in [format!("{lang}/badge.svg"), format!("{lang}/badges/db.svg")] {
            let badge = read(&out, &path);
            assert!(badge.contains(&format!("xml:lang=\"{tag}\"")), "{badge}");
            assert!(badge.contains(own) && !badge.contains(other), "{badge}");
        }
    }
    // The badge's text is white on the status colour; db is down: the critical red, 5.36:1.
    assert!(read(&out, "en/badges/db.svg").contains("fill=\"#cf222e\""));
}
