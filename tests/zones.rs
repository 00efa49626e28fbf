//! Time zones, ranges and their punctuation as readers of each language know them, end to
//! end: records held in this test (no example data) in Asia/Tokyo, Asia/Shanghai,
//! Europe/Berlin (summer, winter, across midnight) and America/New_York, rendered into every
//! language as Markdown and HTML postmortems and as the site's incident cards.

mod common;

use common::Project;
use scraper::{Html, Selector};

/// One held-in incident and what each language shows for it.
struct Case {
    id: &'static str,
    zone: &'static str,
    /// Local times in `zone`; the first timeline entry is at `started`, the second at
    /// `resolved`.
    started: &'static str,
    resolved: &'static str,
    /// The first timeline entry's time is only approximately known.
    approximate: bool,
    /// In en, de, ja, zh: the incident's time, the timeline's time heading, the two timeline
    /// rows' times, and the duration.
    shown: [Shown; 4],
}

struct Shown {
    period: &'static str,
    heading: &'static str,
    rows: [&'static str; 2],
    lasted: &'static str,
}

const fn shown(
    period: &'static str,
    heading: &'static str,
    rows: [&'static str; 2],
    lasted: &'static str,
) -> Shown {
    Shown {
        period,
        heading,
        rows,
        lasted,
    }
}

const LANGS: [&str; 4] = ["en", "de", "ja", "zh"];

const CASES: &[Case] = &[
    Case {
        id: "2026-10-31-tokyo-midnight",
        zone: "Asia/Tokyo",
        started: "2026-10-31 23:40",
        resolved: "2026-11-01 01:05",
        approximate: false,
        shown: [
            shown(
                "October 31, 2026, 23:40 – November 1, 2026, 01:05 JST",
                "Time (JST)",
                ["October 31, 2026, 23:40", "November 1, 2026, 01:05"],
                "1 h 25 min",
            ),
            shown(
                "31. Oktober 2026, 23:40 – 1. November 2026, 01:05 UTC+9",
                "Zeit (UTC+9)",
                ["31. Oktober 2026, 23:40", "1. November 2026, 01:05"],
                "1\u{a0}Std. 25\u{a0}Min.",
            ),
            // The end's year is the start's: Japanese leaves it out.
            shown(
                "2026年10月31日 23:40～11月1日 1:05（JST）",
                "日時（JST）",
                ["2026年10月31日 23:40", "2026年11月1日 1:05"],
                "1時間25分",
            ),
            shown(
                "2026年10月31日 23:40 至 11月1日 01:05（UTC+9）",
                "时间（UTC+9）",
                ["2026年10月31日 23:40", "2026年11月1日 01:05"],
                "1小时25分钟",
            ),
        ],
    },
    Case {
        id: "2026-03-10-shanghai-one-minute",
        zone: "Asia/Shanghai",
        started: "2026-03-10 08:00",
        resolved: "2026-03-10 08:01",
        approximate: false,
        shown: [
            // Never `CST`, which readers take for US Central time.
            shown(
                "March 10, 2026, 08:00–08:01 UTC+8",
                "Time (UTC+8)",
                ["March 10, 2026, 08:00", "08:01"],
                "1 minute",
            ),
            shown(
                "10. März 2026, 08:00–08:01 UTC+8",
                "Zeit (UTC+8)",
                ["10. März 2026, 08:00", "08:01"],
                "1\u{a0}Minute",
            ),
            shown(
                "2026年3月10日 8:00～8:01（UTC+8）",
                "日時（UTC+8）",
                ["2026年3月10日 8:00", "8:01"],
                "1分",
            ),
            // Chinese says Beijing time, before the time.
            shown(
                "北京时间 2026年3月10日 08:00 至 08:01",
                "北京时间",
                ["2026年3月10日 08:00", "08:01"],
                "1分钟",
            ),
        ],
    },
    Case {
        id: "2026-07-05-berlin-summer-night",
        zone: "Europe/Berlin",
        started: "2026-07-05 19:00",
        resolved: "2026-07-06 06:30",
        approximate: true,
        shown: [
            shown(
                "July 5, 2026, 19:00 – July 6, 2026, 06:30 CEST",
                "Time (CEST)",
                ["July 5, 2026, around 19:00", "July 6, 2026, 06:30"],
                "11 h 30 min",
            ),
            shown(
                "5. Juli 2026, 19:00 – 6. Juli 2026, 06:30 MESZ",
                "Zeit (MESZ)",
                ["5. Juli 2026, gegen 19:00", "6. Juli 2026, 06:30"],
                "11\u{a0}Std. 30\u{a0}Min.",
            ),
            shown(
                "2026年7月5日 19:00～7月6日 6:30（UTC+2）",
                "日時（UTC+2）",
                ["2026年7月5日 19:00頃", "2026年7月6日 6:30"],
                "11時間30分",
            ),
            shown(
                "2026年7月5日 19:00 至 7月6日 06:30（UTC+2）",
                "时间（UTC+2）",
                ["2026年7月5日 19:00左右", "2026年7月6日 06:30"],
                "11小时30分钟",
            ),
        ],
    },
    Case {
        id: "2026-01-15-berlin-winter",
        zone: "Europe/Berlin",
        started: "2026-01-15 03:56",
        resolved: "2026-01-15 04:15",
        approximate: false,
        shown: [
            shown(
                "January 15, 2026, 03:56–04:15 CET",
                "Time (CET)",
                ["January 15, 2026, 03:56", "04:15"],
                "19 minutes",
            ),
            shown(
                "15. Januar 2026, 03:56–04:15 MEZ",
                "Zeit (MEZ)",
                ["15. Januar 2026, 03:56", "04:15"],
                "19\u{a0}Minuten",
            ),
            shown(
                "2026年1月15日 3:56～4:15（UTC+1）",
                "日時（UTC+1）",
                ["2026年1月15日 3:56", "4:15"],
                "19分",
            ),
            shown(
                "2026年1月15日 03:56 至 04:15（UTC+1）",
                "时间（UTC+1）",
                ["2026年1月15日 03:56", "04:15"],
                "19分钟",
            ),
        ],
    },
    Case {
        id: "2026-11-02-new-york-two-nights",
        zone: "America/New_York",
        started: "2026-11-02 22:30",
        resolved: "2026-11-04 01:45",
        approximate: false,
        shown: [
            shown(
                "November 2, 2026, 22:30 – November 4, 2026, 01:45 EST",
                "Time (EST)",
                ["November 2, 2026, 22:30", "November 4, 2026, 01:45"],
                "1 d 3 h 15 min",
            ),
            shown(
                "2. November 2026, 22:30 – 4. November 2026, 01:45 UTC-5",
                "Zeit (UTC-5)",
                ["2. November 2026, 22:30", "4. November 2026, 01:45"],
                "1\u{a0}Tg. 3\u{a0}Std. 15\u{a0}Min.",
            ),
            // Over a day, in hours: `1日3時間15分` would read as "3 h 15 min a day".
            shown(
                "2026年11月2日 22:30～11月4日 1:45（UTC-5）",
                "日時（UTC-5）",
                ["2026年11月2日 22:30", "2026年11月4日 1:45"],
                "27時間15分",
            ),
            shown(
                "2026年11月2日 22:30 至 11月4日 01:45（UTC-5）",
                "时间（UTC-5）",
                ["2026年11月2日 22:30", "2026年11月4日 01:45"],
                "1天3小时15分钟",
            ),
        ],
    },
];

fn record(case: &Case) -> String {
    let approximate = if case.approximate {
        "    approximate: true\n"
    } else {
        ""
    };
    format!(
        "title: Held-in {id}\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: major_outage\ntimezone: {zone}\nstarted: {started}\nresolved: {resolved}\nsummary: |\n  The API failed.\nimpact: |\n  Requests failed.\nroot_cause: |\n  A bad change.\nresolution: |\n  Rolled back.\ntimeline:\n  - at: {started}\n{approximate}    text: Requests fail.\n  - at: {resolved}\n    status: resolved\n    text: Requests succeed.\nlessons:\n  - Test changes.\nactions:\n  - text: Add a test.\n    status: done\n",
        id = case.id,
        zone = case.zone,
        started = case.started,
        resolved = case.resolved,
    )
}

fn project() -> Project {
    let config = format!("{}languages: [en, de, ja, zh]\n", common::DEFAULT_CONFIG);
    CASES
        .iter()
        .fold(Project::new().config(&config), |project, case| {
            project.record(&format!("{}.yaml", case.id), record(case))
        })
}

fn render(project: &Project, case: &Case, lang: &str, format: &str) -> String {
    let output = project.render(&[
        &format!("incidents/{}.yaml", case.id),
        "--lang",
        lang,
        "--format",
        format,
    ]);
    assert_eq!(output.code, 0, "{}: {}", case.id, output.stderr);
    output.stdout
}

#[test]
fn markdown_postmortems_name_zones_and_ranges_as_each_language_does() {
    let project = project();
    for case in CASES {
        for (lang, shown) in LANGS.iter().zip(&case.shown) {
            let page = render(&project, case, lang, "md");
            let context = format!("{} {lang}:\n{page}", case.id);
            let separator = if matches!(*lang, "ja" | "zh") {
                "："
            } else {
                ": "
            };
            assert!(
                page.contains(&format!("**{separator}{}\n", shown.period)),
                "period `{}` in {context}",
                shown.period
            );
            assert!(
                page.contains(&format!("**{separator}{}\n", shown.lasted)),
                "duration `{}` in {context}",
                shown.lasted
            );
            assert!(
                page.contains(&format!("| {} ", shown.heading)),
                "heading `{}` in {context}",
                shown.heading
            );
            for row in shown.rows {
                assert!(
                    page.contains(&format!("| {row} ")),
                    "row `{row}` in {context}"
                );
            }
        }
    }
}

fn text(element: scraper::ElementRef) -> String {
    element.text().collect()
}

fn all(page: &Html, css: &str) -> Vec<String> {
    page.select(&Selector::parse(css).unwrap())
        .map(text)
        .collect()
}

#[test]
fn html_postmortems_name_zones_and_ranges_as_each_language_does() {
    let project = project();
    for case in CASES {
        for (lang, shown) in LANGS.iter().zip(&case.shown) {
            let page = Html::parse_document(&render(&project, case, lang, "html"));
            let context = format!("{} {lang}", case.id);
            let facts = all(&page, "dd");
            assert_eq!(facts[0], shown.period, "{context}");
            assert_eq!(facts[1], shown.lasted, "{context}");
            assert_eq!(all(&page, "th[scope=col]")[0], shown.heading, "{context}");
            assert_eq!(all(&page, "td.time time"), shown.rows, "{context}");
        }
    }
}

#[test]
fn site_cards_name_zones_and_ranges_as_each_language_does() {
    let project = project();
    let (_dir, out) = project.build();
    for (index, lang) in LANGS.iter().enumerate() {
        // Every month's page of the history (the history page itself shows the latest three).
        let months: Vec<Html> = std::fs::read_dir(out.join(lang).join("history"))
            .unwrap()
            .map(|entry| {
                Html::parse_document(&std::fs::read_to_string(entry.unwrap().path()).unwrap())
            })
            .collect();
        let card = Selector::parse("article.incident").unwrap();
        let cards: Vec<(String, String)> = months
            .iter()
            .flat_map(|month| month.select(&card))
            .map(|card| {
                let title = card
                    .select(&Selector::parse("h3 a").unwrap())
                    .map(text)
                    .collect();
                let meta = card
                    .select(&Selector::parse("p.meta").unwrap())
                    .map(text)
                    .collect();
                (title, meta)
            })
            .collect();
        // The language's own separator between the card's facts.
        let separator = if *lang == "ja" { "｜" } else { " · " };
        for case in CASES {
            let shown = &case.shown[index];
            let title = format!("Held-in {}", case.id);
            let (_, meta) = cards
                .iter()
                .find(|(t, _)| *t == title)
                .unwrap_or_else(|| panic!("{lang}: no card for {}: {cards:?}", case.id));
            assert!(
                meta.ends_with(&format!(
                    "{separator}{}{separator}{}",
                    shown.period, shown.lasted
                )),
                "{lang} {}: {meta}",
                case.id
            );
        }
    }
}
