//! Planned maintenance on the pages at fixed "now"s before, inside and after a window that
//! spans the end of summer time (tests/fixtures/build/maintenance: `db` 01:30 CEST to 04:00
//! CET on 2026-10-25, i.e. 23:30Z to 03:00Z; a cancelled `api` window 06:00–07:00 CET; a
//! draft window that must never show).

use scraper::Html;

use crate::common::{Project, read};
use crate::{html_pages, select, text, texts};

/// 2026-10-24T23:00:00Z: half an hour before the window.
const BEFORE: i64 = 1_792_882_800;
/// 2026-10-25T01:30:00Z (02:30 CET, after the clocks went back): inside it.
const INSIDE: i64 = 1_792_891_800;
/// 2026-10-25T03:00:00Z (04:00 CET): the window's end, so it is over.
const AFTER: i64 = 1_792_897_200;

fn project() -> Project {
    Project::fixture("build/maintenance")
}

fn page(out: &std::path::Path, path: &str) -> Html {
    Html::parse_document(&read(out, path))
}

fn banner(page: &Html) -> (String, String) {
    let banner = select(page, "p.banner")[0];
    let class = banner.value().attr("class").unwrap_or_default().to_string();
    (class, text(banner))
}

/// The status of each component on the home page, in configuration order.
fn component_classes(page: &Html) -> Vec<String> {
    select(page, "li.component")
        .into_iter()
        .map(|c| c.value().attr("class").unwrap_or_default().to_string())
        .collect()
}

#[test]
fn before_the_window_it_is_announced_and_nothing_changes_yet() {
    let (_dir, out) = project().build_at(BEFORE);
    let en = page(&out, "en/index.html");
    assert_eq!(
        banner(&en),
        (
            "banner indicator-none".to_string(),
            "All systems operational".to_string()
        )
    );
    assert_eq!(
        texts(&en, "p.as-of"),
        ["Status as of October 25, 2026, 01:00 CEST"]
    );
    assert!(select(&en, "section.maintenances.active").is_empty());
    assert_eq!(
        texts(&en, "section.maintenances.upcoming h3"),
        ["Database upgrade", "API gateway rollout"],
        "soonest first"
    );
    assert_eq!(
        texts(&en, "section.maintenances.upcoming .meta"),
        [
            "Scheduled · October 25, 2026, 01:30 CEST – 04:00 CET",
            "Cancelled · October 25, 2026, 06:00–07:00 CET"
        ],
        "the window in the record's zone, each end with its own zone across the DST change"
    );
    assert_eq!(
        component_classes(&en),
        [
            "component status-operational",
            "component status-operational"
        ]
    );
    assert!(
        select(&en, "article.maintenance-cancelled .affected").is_empty(),
        "a called-off window puts no component under maintenance, so it lists none"
    );
    // The component's own page announces the window on it, and only that one.
    let db = page(&out, "en/components/db.html");
    assert_eq!(texts(&db, "section.maintenances h3"), ["Database upgrade"]);
    let de = page(&out, "de/index.html");
    assert_eq!(
        texts(&de, "section.maintenances.upcoming h3"),
        ["Datenbank-Upgrade", "API gateway rollout"],
        "the translation where there is one"
    );
    assert_eq!(
        texts(&de, "section.maintenances.upcoming .meta .status"),
        ["Geplant", "Abgesagt"]
    );
}

#[test]
fn inside_the_window_the_component_is_under_maintenance_and_the_banner_says_so() {
    let (_dir, out) = project().build_at(INSIDE);
    for (lang, words) in [
        ("en", "Maintenance in progress"),
        ("de", "Wartungsarbeiten laufen"),
    ] {
        let home = page(&out, &format!("{lang}/index.html"));
        assert_eq!(
            banner(&home),
            (
                "banner indicator-maintenance".to_string(),
                words.to_string()
            ),
            "{lang}"
        );
        assert_eq!(
            component_classes(&home),
            [
                "component status-operational",
                "component status-under_maintenance"
            ],
            "{lang}: the cancelled window puts nothing under maintenance"
        );
        assert_eq!(
            select(&home, "section.maintenances.active article").len(),
            1
        );
    }
    let en = page(&out, "en/index.html");
    assert_eq!(
        texts(&en, "p.as-of"),
        ["Status as of October 25, 2026, 02:30 CET"]
    );
    assert_eq!(
        texts(&en, "section.maintenances.upcoming h3"),
        ["API gateway rollout"]
    );
    // The window starting is the page's and the component's last change, for API clients.
    let json = |path: &str| -> serde_json::Value {
        serde_json::from_str(&read(&out, &format!("api/v2/{path}"))).unwrap()
    };
    let started = "2026-10-24T23:30:00.000Z";
    assert_eq!(json("status.json")["page"]["updated_at"], started);
    let components = json("components.json");
    let db = components["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "db")
        .unwrap();
    assert_eq!(db["status"], "under_maintenance");
    assert_eq!(db["updated_at"], started);
    // The badge and the widget say it in the maintenance colour, not an outage's.
    let badge = read(&out, "en/badge.svg");
    assert!(
        badge.contains(">under maintenance<") && badge.contains("fill=\"#0969da\""),
        "{badge}"
    );
    // A badge has room for a short form, not the banner's sentence.
    let badge = read(&out, "de/badge.svg");
    assert!(badge.contains(">Wartung<"), "{badge}");
    assert!(!badge.contains("Wartungsarbeiten laufen"), "{badge}");
    let widget = read(&out, "en/widget.html");
    assert!(widget.contains("state-maintenance"), "{widget}");
    let window = page(&out, "en/maintenance/2026-10-25-db-upgrade.html");
    assert_eq!(
        banner(&window),
        (
            "banner maintenance-banner maintenance-in_progress".to_string(),
            "In progress".to_string()
        )
    );
    assert_eq!(texts(&window, "p.kind"), ["Maintenance"]);
    assert_eq!(texts(&window, "#impact h2"), ["Expected impact"]);
    // Maintenance is never downtime.
    assert_eq!(
        texts(&en, "li.component .percent"),
        ["100.00% uptime", "100.00% uptime"]
    );
    let db_bars = select(&en, "li.component svg.days rect");
    assert!(
        db_bars
            .iter()
            .all(|bar| bar.value().attr("class") == Some("day up")),
        "no day of any bar shows downtime or degradation"
    );
}

#[test]
fn after_the_window_it_is_completed_and_listed_in_the_history() {
    let (_dir, out) = project().build_at(AFTER);
    let en = page(&out, "en/index.html");
    assert_eq!(banner(&en).0, "banner indicator-none");
    assert!(select(&en, "section.maintenances.active").is_empty());
    assert_eq!(
        component_classes(&en),
        [
            "component status-operational",
            "component status-operational"
        ]
    );
    // Under the month it began in, on the history page and on the month's own page.
    let history = page(&out, "en/history.html");
    assert_eq!(
        texts(&history, "section.month article.maintenance h3"),
        ["Database upgrade"]
    );
    let month = page(&out, "en/history/2026-10.html");
    assert_eq!(
        texts(&month, "section.maintenances.past h3"),
        ["Database upgrade"]
    );
    assert_eq!(
        texts(&month, "section.maintenances.past .meta .status"),
        ["Completed"]
    );
    // Over: its components are named, not said to be under maintenance now.
    assert_eq!(
        texts(&month, "section.maintenances.past .affected li"),
        ["Database"]
    );
    let window = page(&out, "de/maintenance/2026-10-25-db-upgrade.html");
    assert_eq!(banner(&window).1, "Abgeschlossen");
    // A window with nothing translated says so, not that "parts" are untranslated.
    let untranslated = page(&out, "de/maintenance/2026-10-25-api-rollout.html");
    assert_eq!(
        texts(&untranslated, "p.notice-fallback"),
        ["Diese Seite liegt noch nicht auf Deutsch vor und wird im Original (Englisch) angezeigt."]
    );
    assert!(select(&page(&out, "en/components/db.html"), "section.maintenances").is_empty());
}

#[test]
fn without_auto_complete_a_window_past_its_end_is_verifying_until_resolved() {
    let record = project().read("incidents/2026-10-25-db-upgrade.yaml");
    let verifying = project().record(
        "2026-10-25-db-upgrade.yaml",
        record.replace("summary:", "auto_complete: false\nsummary:"),
    );
    let (_dir, out) = verifying.build_at(AFTER);
    let en = page(&out, "en/index.html");
    assert_eq!(banner(&en).0, "banner indicator-maintenance");
    assert_eq!(
        texts(&en, "section.maintenances.active .meta .status"),
        ["Verifying"]
    );
    let resolved = project().record(
        "2026-10-25-db-upgrade.yaml",
        record.replace(
            "summary:",
            "auto_complete: false\nresolved: 2026-10-25T03:50\nsummary:",
        ),
    );
    let (_dir, out) = resolved.build_at(AFTER);
    assert_eq!(
        banner(&page(&out, "en/index.html")).0,
        "banner indicator-none"
    );
}

#[test]
fn an_ongoing_incident_outranks_maintenance_in_the_banner() {
    let project = project().record(
        "2026-10-25-api-errors.yaml",
        "title: API errors\nlang: en\nstatus: published\nseverity: minor\naffected:\n  db: major_outage\ntimezone: Europe/Berlin\nstarted: 2026-10-25T02:10+01:00\nsummary: Writes fail.\n",
    );
    let (_dir, out) = project.build_at(INSIDE);
    let en = page(&out, "en/index.html");
    assert_eq!(banner(&en).0, "banner indicator-minor");
    assert_eq!(
        component_classes(&en)[1],
        "component status-major_outage",
        "the worse state wins"
    );
}

#[test]
fn a_draft_window_reaches_no_page() {
    for now in [BEFORE, INSIDE, AFTER] {
        let (_dir, out) = project().build_at(now);
        assert!(
            !out.join("en/maintenance/2026-10-26-draft-window.html")
                .exists()
        );
        for path in html_pages(&out) {
            let html = std::fs::read_to_string(&path).unwrap();
            assert!(
                !html.contains("Secret draft window") && !html.contains("Not public yet"),
                "{}",
                path.display()
            );
        }
    }
}
