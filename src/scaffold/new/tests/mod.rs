//! `new`: every template and language, hostile titles and bad values.

mod announce;

use super::*;

const CONFIG: &str = "title: T\nbase_url: https://s.example/\nlanguages: [en]\ntimezone: Europe/Berlin\ncomponents:\n  - id: website\n    name: Website\n";

fn made(request: &NewRecord) -> anyhow::Result<(String, String)> {
    let corpus = crate::load::from_texts(Some(CONFIG), &[]);
    let templates = assets::layered(None, "templates/new", NEW_TEMPLATES, Content::Text)?;
    let now = DateTime::from_timestamp(1_795_348_800, 0).unwrap();
    let messages = crate::localize::Messages::builtin()?;
    render(request, &corpus.config.config, &templates, &messages, now)
}

#[test]
fn hostile_titles_read_back_exactly_and_every_template_lints_as_a_draft() {
    let now = DateTime::from_timestamp(1_795_348_800, 0).unwrap();
    for title in [
        "Checkout: \"fails\" # for 'cards'",
        "- [x] {a: b} & *alias !tag %p @at `tick`",
        "back\\slash\ttab and a\nsecond line",
        "trailing space ",
    ] {
        for template in ["default", "brief", "security", "maintenance"] {
            for lang in Lang::ALL {
                let request = NewRecord {
                    title: title.into(),
                    lang: Some(*lang),
                    template: Some(template.into()),
                    affected: vec!["website=partial_outage".into()],
                    slug: Some("x".into()),
                    ..NewRecord::default()
                };
                let (id, text) = made(&request).unwrap();
                assert_eq!(id, "2026-11-22-x");
                let path = format!("incidents/{id}.yaml");
                let corpus = crate::load::from_texts(Some(CONFIG), &[(&path, &text)]);
                let record = corpus.records[0].record.as_ref().expect(&text);
                assert_eq!(record.title.value, title.trim(), "{text}");
                assert_eq!(record.lang.value, *lang);
                let report = crate::check::check(&corpus, now);
                assert!(
                    report.diagnostics.is_empty(),
                    "{template}/{lang}: {:?}\n{text}",
                    report.diagnostics
                );
            }
        }
    }
}

#[test]
fn the_time_is_now_in_the_sites_zone_unless_given() {
    let (id, text) = made(&NewRecord {
        title: "Late night".into(),
        ..NewRecord::default()
    })
    .unwrap();
    assert_eq!(id, "2026-11-22-late-night");
    assert!(text.contains("timezone: Europe/Berlin\n"), "{text}");
    assert!(text.contains("started: 2026-11-22 13:00\n"), "{text}");
    assert!(text.starts_with("# yaml-language-server: $schema="));
    let (id, text) = made(&NewRecord {
        title: "Late night".into(),
        date: Some("2024-02-29".into()),
        time: Some("23:59".into()),
        ..NewRecord::default()
    })
    .unwrap();
    assert_eq!(id, "2024-02-29-late-night");
    assert!(text.contains("started: 2024-02-29 23:59\n"));
}

#[test]
fn bad_values_name_the_value_and_the_choices() {
    let bad = |request: NewRecord, needles: &[&str]| {
        let error = format!("{:#}", made(&request).unwrap_err());
        for needle in needles {
            assert!(error.contains(needle), "{needle}: {error}");
        }
    };
    let base = || NewRecord {
        title: "t".into(),
        ..NewRecord::default()
    };
    bad(
        NewRecord {
            title: " \n".into(),
            ..base()
        },
        &["title is empty"],
    );
    bad(
        NewRecord {
            severity: Some("huge".into()),
            ..base()
        },
        &["`huge`", "none, minor, major, critical"],
    );
    bad(
        NewRecord {
            template: Some("nope".into()),
            ..base()
        },
        &["`nope`", "default, brief, security"],
    );
    bad(
        NewRecord {
            affected: vec!["db=major_outage".into()],
            ..base()
        },
        &["`db`", "website"],
    );
    bad(
        NewRecord {
            affected: vec!["website=down".into()],
            ..base()
        },
        &["`down`", "major_outage"],
    );
    bad(
        NewRecord {
            date: Some("31.12.2024".into()),
            ..base()
        },
        &["`31.12.2024`"],
    );
    bad(
        NewRecord {
            time: Some("25:00".into()),
            ..base()
        },
        &["`25:00`"],
    );
    bad(
        NewRecord {
            slug: Some("Bad Slug".into()),
            ..base()
        },
        &["`Bad Slug`"],
    );
}

#[test]
fn quoting_escapes_what_yaml_would_read_otherwise() {
    assert_eq!(
        double_quoted("a\"b\\c\nd\u{1}\u{2028}"),
        "\"a\\\"b\\\\c\\nd\\x01\\L\""
    );
}

#[test]
fn a_component_twice_and_times_the_clocks_skip_or_repeat_are_refused() {
    let error = |request: NewRecord| format!("{:#}", made(&request).unwrap_err());
    let twice = error(NewRecord {
        title: "t".into(),
        affected: vec![
            "website=major_outage".into(),
            "website=degraded_performance".into(),
        ],
        ..NewRecord::default()
    });
    assert!(twice.contains("`website` twice"), "{twice}");
    // Europe/Berlin: 02:00 -> 03:00 on 2026-03-29, 03:00 -> 02:00 on 2026-10-25.
    let skipped = error(NewRecord {
        title: "t".into(),
        date: Some("2026-03-29".into()),
        time: Some("02:30".into()),
        ..NewRecord::default()
    });
    assert!(
        skipped.contains("does not exist in Europe/Berlin"),
        "{skipped}"
    );
    let repeated = error(NewRecord {
        title: "t".into(),
        date: Some("2026-10-25".into()),
        time: Some("02:30".into()),
        ..NewRecord::default()
    });
    assert!(
        repeated.contains("happens twice in Europe/Berlin") && repeated.contains("`started:`"),
        "{repeated}"
    );
    // A window's start goes into `scheduled_for`, and the hint says so.
    let window = error(NewRecord {
        title: "t".into(),
        date: Some("2026-10-25".into()),
        time: Some("02:30".into()),
        template: Some("maintenance".into()),
        ..NewRecord::default()
    });
    assert!(window.contains("`scheduled_for:`"), "{window}");
}

#[test]
fn the_severity_follows_the_worst_state_unless_given() {
    let severity = |affected: &[&str], given: Option<&str>| {
        let (_, text) = made(&NewRecord {
            title: "t".into(),
            affected: affected.iter().map(|a| a.to_string()).collect(),
            severity: given.map(String::from),
            ..NewRecord::default()
        })
        .unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("severity: "))
            .unwrap()
            .to_string()
    };
    assert_eq!(severity(&[], None), "minor");
    assert_eq!(severity(&["website=partial_outage"], None), "minor");
    assert_eq!(severity(&["website=major_outage"], None), "major");
    assert_eq!(
        severity(&["website=major_outage"], Some("critical")),
        "critical"
    );
    assert_eq!(severity(&["website=major_outage"], Some("minor")), "minor");
}

#[test]
fn a_maintenance_is_a_window_of_an_hour_from_date_and_time() {
    let now = DateTime::from_timestamp(1_795_348_800, 0).unwrap();
    // 2026-10-25 in Berlin: the clocks go back at 03:00, so 01:30 + 1 h is 02:30 CEST.
    for (date, time, from, until) in [
        (
            "2026-12-01",
            "22:30",
            "2026-12-01 22:30",
            "2026-12-01 23:30",
        ),
        (
            "2026-10-25",
            "01:30",
            "2026-10-25 01:30",
            "2026-10-25T02:30+02:00",
        ),
        (
            "2026-03-29",
            "01:30",
            "2026-03-29 01:30",
            "2026-03-29 03:30",
        ),
    ] {
        for lang in Lang::ALL {
            let request = NewRecord {
                title: "Database upgrade".into(),
                lang: Some(*lang),
                template: Some("maintenance".into()),
                date: Some(date.into()),
                time: Some(time.into()),
                ..NewRecord::default()
            };
            let (id, text) = made(&request).unwrap();
            assert!(
                text.contains(&format!("\nscheduled_for: {from}\n")),
                "{text}"
            );
            assert!(
                text.contains(&format!("\nscheduled_until: {until}\n")),
                "{text}"
            );
            assert!(
                text.contains("\n  \"website\": under_maintenance\n"),
                "{text}"
            );
            let published = text.replace("status: draft", "status: published");
            let published = published.replace("TODO", "Planned work.");
            for (status, text) in [("draft", &text), ("published", &published)] {
                let path = format!("incidents/{id}.yaml");
                let corpus = crate::load::from_texts(Some(CONFIG), &[(&path, text)]);
                let record = corpus.records[0].record.as_ref().expect(text);
                assert!(record.is_maintenance());
                let report = crate::check::check(&corpus, now);
                assert!(
                    report.diagnostics.is_empty(),
                    "{status}/{lang}: {:?}\n{text}",
                    report.diagnostics
                );
            }
        }
    }
    let announced = NewRecord {
        title: "Database upgrade".into(),
        template: Some("maintenance".into()),
        announce: Some("We upgrade the database.".into()),
        ..NewRecord::default()
    };
    let refused = made(&announced).unwrap_err().to_string();
    assert!(refused.contains("status: published"), "{refused}");
}
