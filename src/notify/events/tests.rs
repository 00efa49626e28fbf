//! Events from two real corpora: every kind, two languages, drafts never told.

use super::*;
use crate::build::SiteAssets;
use crate::load;
use crate::notify::current;
use crate::notify::state;

const CONFIG: &str = "base_url: https://status.example.com/\nlanguages: [en, de]\ncomponents:\n  - id: api\n    name: API\n  - id: db\n    name:\n      en: Database\n      de: Datenbank\n";

const API_BEFORE: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\ntimezone: UTC\nstarted: 2026-11-20T10:00:00Z\ntimeline:\n  - at: 2026-11-20T10:05:00Z\n    status: investigating\n    text: Looking into **errors**.\n";
const API_AFTER: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\ntimezone: UTC\nstarted: 2026-11-20T10:00:00Z\nresolved: 2026-11-20T11:00:00Z\nroot_cause: A bad deploy.\nimpact: Calls failed.\nresolution: Rolled back.\nactions:\n  - text: Add a canary.\n    status: done\nsummary: The API failed calls for an hour.\ntimeline:\n  - at: 2026-11-20T10:05:00Z\n    status: investigating\n    text: Looking into **errors**.\n  - at: 2026-11-20T10:30:00Z\n    status: identified\n    text: A bad deploy.\n  - at: 2026-11-20T11:00:00Z\n    status: resolved\n    text: Rolled back.\n";
const DB_NEW: &str = "title: Database down\nlang: en\nstatus: published\nseverity: critical\naffected:\n  db: major_outage\ntimezone: UTC\nstarted: 2026-11-22T11:30:00Z\ntimeline:\n  - at: 2026-11-22T11:35:00Z\n    status: investigating\n    text: The database is down.\n";
const DRAFT: &str = "title: SECRET-DRAFT-MARKER\nlang: en\nstatus: draft\nseverity: critical\naffected:\n  db: major_outage\ntimezone: UTC\nstarted: 2026-11-20T09:00:00Z\n";

fn window(title: &str, from: &str, until: &str, extra: &str) -> String {
    format!(
        "title: {title}\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: UTC\nscheduled_for: {from}\nscheduled_until: {until}\nsummary: Upgrading.\n{extra}"
    )
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

fn page_of(records: &[(&str, String)], now: DateTime<Utc>) -> current::Page {
    let files: Vec<(String, &str)> = records
        .iter()
        .map(|(id, text)| (format!("incidents/{id}.yaml"), text.as_str()))
        .collect();
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let corpus = load::from_texts(Some(CONFIG), &files);
    let report = crate::check::check(&corpus, now);
    assert_eq!(
        report.count(crate::diagnostic::Severity::Error),
        0,
        "{report:?}"
    );
    let assets = SiteAssets::builtin().unwrap();
    current::page(&corpus, &assets, "https://status.example.com/", now)
}

fn before() -> current::Page {
    page_of(
        &[
            ("2026-11-20-api", API_BEFORE.to_string()),
            ("2026-11-20-draft", DRAFT.to_string()),
            (
                "2026-11-22-upgrade",
                window(
                    "Upgrade",
                    "2026-11-22T11:00:00Z",
                    "2026-11-22T13:00:00Z",
                    "",
                ),
            ),
            (
                "2026-11-25-later",
                window("Later", "2026-11-25T11:00:00Z", "2026-11-25T13:00:00Z", ""),
            ),
            (
                "2026-11-20-early",
                window("Early", "2026-11-20T10:00:00Z", "2026-11-20T10:30:00Z", ""),
            ),
        ],
        at("2026-11-20T10:15:00Z"),
    )
}

fn after() -> current::Page {
    page_of(
        &[
            ("2026-11-20-api", API_AFTER.to_string()),
            ("2026-11-20-draft", DRAFT.to_string()),
            ("2026-11-22-db", DB_NEW.to_string()),
            (
                "2026-11-22-upgrade",
                window(
                    "Upgrade",
                    "2026-11-22T11:00:00Z",
                    "2026-11-22T13:00:00Z",
                    "",
                ),
            ),
            (
                "2026-11-25-later",
                window(
                    "Later",
                    "2026-11-25T11:00:00Z",
                    "2026-11-25T13:00:00Z",
                    "cancelled: true\n",
                ),
            ),
            (
                "2026-11-20-early",
                window("Early", "2026-11-20T10:00:00Z", "2026-11-20T10:30:00Z", ""),
            ),
            (
                "2026-12-01-new",
                window("New", "2026-12-01T11:00:00Z", "2026-12-01T13:00:00Z", ""),
            ),
        ],
        at("2026-11-22T12:00:00Z"),
    )
}

#[test]
fn every_kind_of_change_is_one_event_with_a_stable_id() {
    let (before, after) = (before(), after());
    let got: Vec<String> = events(&before.state, &after)
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let api_changed = after.components["api"]
        .changed
        .unwrap_or(after.now)
        .timestamp();
    let db_changed = after.components["db"]
        .changed
        .unwrap_or(after.now)
        .timestamp();
    assert_eq!(
        got,
        [
            "incident.updated:2026-11-20-api:2026-11-20-api-identified-1795170600".to_string(),
            "incident.resolved:2026-11-20-api".to_string(),
            "postmortem.published:2026-11-20-api".to_string(),
            "incident.opened:2026-11-22-db".to_string(),
            "maintenance.completed:2026-11-20-early".to_string(),
            "maintenance.started:2026-11-22-upgrade".to_string(),
            "maintenance.cancelled:2026-11-25-later".to_string(),
            "maintenance.scheduled:2026-12-01-new".to_string(),
            format!("component.changed:api:partial_outage-under_maintenance:{api_changed}"),
            format!("component.changed:db:operational-major_outage:{db_changed}"),
        ]
    );
    let kinds: std::collections::BTreeSet<EventKind> = events(&before.state, &after)
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds.len(), EventKind::ALL.len(), "every kind is produced");
}

#[test]
fn the_same_state_gives_no_events_and_the_same_changes_give_the_same_ids() {
    let after = after();
    assert!(events(&after.state, &after).is_empty());
    assert_eq!(
        events(&before().state, &after),
        events(&before().state, &after)
    );
}

#[test]
fn every_language_of_the_site_is_filled_from_the_page() {
    let all = events(&before().state, &after());
    let update = &all[0];
    assert_eq!(update.kind, EventKind::UpdatePosted);
    assert_eq!(
        update.texts.keys().copied().collect::<Vec<_>>(),
        [Lang::En, Lang::De]
    );
    let (en, de) = (&update.texts[&Lang::En], &update.texts[&Lang::De]);
    assert_eq!(en.title, "API errors");
    assert_eq!(en.status, "Identified");
    assert_ne!(de.status, en.status, "the status word is German");
    assert_eq!(en.body, "A bad deploy.");
    assert_eq!(
        en.url,
        "https://status.example.com/en/incidents/2026-11-20-api.html"
    );
    assert_eq!(
        de.url,
        "https://status.example.com/de/incidents/2026-11-20-api.html"
    );
    assert_eq!(update.at, at("2026-11-20T10:30:00Z"));
    assert_eq!(update.components, ["api"]);
    // Markdown becomes plain text.
    let opened = all
        .iter()
        .find(|e| e.kind == EventKind::IncidentOpened)
        .unwrap();
    assert_eq!(opened.texts[&Lang::En].body, "The database is down.");
    let db = all
        .iter()
        .find(|e| e.kind == EventKind::ComponentChanged && e.subject == "db")
        .unwrap();
    assert_eq!(db.texts[&Lang::De].title, "Datenbank");
    assert_eq!(db.texts[&Lang::En].title, "Database");
    let postmortem = all
        .iter()
        .find(|e| e.kind == EventKind::PostmortemPublished)
        .unwrap();
    assert_eq!(
        postmortem.texts[&Lang::En].body,
        "The API failed calls for an hour."
    );
    let scheduled = all
        .iter()
        .find(|e| e.kind == EventKind::MaintenanceScheduled)
        .unwrap();
    assert_eq!(
        scheduled.texts[&Lang::De].url,
        "https://status.example.com/de/maintenance/2026-12-01-new.html"
    );
    // An announcement says when the window is, in the page's words, then what is done.
    assert_eq!(
        scheduled.texts[&Lang::En].body,
        "December 1, 2026 at 11:00 – 13:00 UTC\n\nUpgrading."
    );
}

#[test]
fn text_that_reorders_or_hides_itself_reaches_no_channel() {
    assert_eq!(
        crate::notify::format::clean("a\u{202E}lert\u{2066}x\u{2069}\u{200B}\u{FEFF}b\u{200D}c"),
        "alertxb\u{200D}c",
        "bidi controls, zero-width space and BOM go; the joiner emoji need stays"
    );
}

#[test]
fn drafts_never_produce_events() {
    let all = events(&state::PublicState::default(), &after());
    let text = format!("{all:?}");
    assert!(!text.contains("SECRET-DRAFT-MARKER"));
    assert!(!text.contains("2026-11-20-draft"));
}

#[test]
fn a_state_read_back_from_the_published_api_equals_the_derived_one() {
    let now = at("2026-11-22T12:00:00Z");
    let corpus = load::from_texts(
        Some(CONFIG),
        &[
            ("incidents/2026-11-20-api.yaml", API_AFTER),
            ("incidents/2026-11-22-db.yaml", DB_NEW),
            ("incidents/2026-11-20-draft.yaml", DRAFT),
            (
                "incidents/2026-11-25-later.yaml",
                &window(
                    "Later",
                    "2026-11-25T11:00:00Z",
                    "2026-11-25T13:00:00Z",
                    "cancelled: true\n",
                ),
            ),
            (
                "incidents/2026-11-22-upgrade.yaml",
                &window(
                    "Upgrade",
                    "2026-11-22T11:00:00Z",
                    "2026-11-22T13:00:00Z",
                    "",
                ),
            ),
        ],
    );
    let assets = SiteAssets::builtin().unwrap();
    let built = crate::build::build(&corpus, &assets, now, &crate::build::Quiet).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for artifact in built
        .artifacts
        .iter()
        .filter(|a| a.path.starts_with("api/"))
    {
        let path = dir.path().join(&artifact.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &artifact.bytes).unwrap();
    }
    let read = state::from_site_dir(dir.path()).unwrap();
    let page = current::page(&corpus, &assets, "https://status.example.com/", now);
    // The API reports a cancelled window as `completed`; the cancellation is still known.
    let mut derived = page.state.clone();
    // The published page's instant is its `updated_at`, not the build's "now".
    assert!(read.at.is_some());
    derived.at = read.at;
    derived
        .maintenances
        .get_mut("2026-11-25-later")
        .unwrap()
        .status = "completed".to_string();
    assert_eq!(read, derived);
    assert!(read.maintenances["2026-11-25-later"].cancelled);
}

#[test]
fn a_retrospective_is_told_as_resolved_not_as_opened() {
    let empty = page_of(&[], at("2026-11-22T12:00:00Z"));
    let after = page_of(
        &[("2026-11-20-api", API_AFTER.to_string())],
        at("2026-11-22T12:00:00Z"),
    );
    let kinds: Vec<EventKind> = events(&empty.state, &after)
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [EventKind::IncidentResolved, EventKind::PostmortemPublished]
    );
}

#[test]
fn a_component_change_has_one_id_however_late_it_is_seen_and_a_later_one_another() {
    let upgrade = |day: &str| {
        (
            format!("2026-11-{day}-upgrade"),
            window(
                "Upgrade",
                &format!("2026-11-{day}T11:00:00Z"),
                &format!("2026-11-{day}T13:00:00Z"),
                "",
            ),
        )
    };
    let first = upgrade("22");
    let second = upgrade("29");
    let records = [
        (first.0.as_str(), first.1.clone()),
        (second.0.as_str(), second.1.clone()),
    ];
    let ids = |before: &str, now: &str| -> Vec<String> {
        let before = page_of(&records, at(before));
        let now = page_of(&records, at(now));
        events(&before.state, &now)
            .into_iter()
            .filter(|e| e.kind == EventKind::ComponentChanged)
            .map(|e| e.id)
            .collect()
    };
    let one = ids("2026-11-22T10:00:00Z", "2026-11-22T12:00:00Z");
    let two = ids("2026-11-29T10:00:00Z", "2026-11-29T12:00:00Z");
    assert_eq!(one.len(), 1);
    assert_eq!(two.len(), 1);
    assert_ne!(
        one, two,
        "the second window's change would be taken as sent"
    );
    // A re-run later in the same window names the same change: it is not sent twice.
    let again = ids("2026-11-22T10:00:00Z", "2026-11-22T12:30:00Z");
    assert_eq!(one, again);
}

/// An incident taken back to review leaves its component operational with no record to date
/// the change: every run comparing with the same state names it alike, so a re-run while a
/// retry is pending does not tell it again.
#[test]
fn an_undated_component_change_is_named_after_the_state_compared_with() {
    let opened = [("2026-11-22-db", DB_NEW.to_string())];
    let before = page_of(&opened, at("2026-11-22T12:00:00Z"));
    let withdrawn = [(
        "2026-11-22-db",
        DB_NEW.replace("status: published", "status: review"),
    )];
    let ids = |now: &str| -> Vec<String> {
        events(&before.state, &page_of(&withdrawn, at(now)))
            .into_iter()
            .filter(|e| e.kind == EventKind::ComponentChanged)
            .map(|e| e.id)
            .collect()
    };
    let first = ids("2026-11-22T12:15:00Z");
    assert_eq!(
        first,
        [format!(
            "component.changed:db:major_outage-operational:{}",
            at("2026-11-22T12:00:00Z").timestamp()
        )]
    );
    assert_eq!(ids("2026-11-22T12:30:00Z"), first);
}

#[test]
fn incidents_older_than_the_published_api_lists_are_not_news() {
    // 52 resolved incidents: the API's incidents.json lists the newest 50.
    let texts: Vec<(String, String)> = (0..52)
        .map(|i| {
            let start = at("2026-09-01T00:00:00Z") + chrono::TimeDelta::hours(i * 10);
            let end = start + chrono::TimeDelta::hours(1);
            (
                format!("incidents/i{i:02}.yaml"),
                format!(
                    "title: Incident {i}\nlang: en\nstatus: published\nseverity: minor\ntimezone: UTC\nstarted: {}\nresolved: {}\nsummary: Slow.\n",
                    crate::localize::site::rfc3339(start),
                    crate::localize::site::rfc3339(end)
                ),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let corpus = load::from_texts(Some(CONFIG), &files);
    let now = at("2026-11-22T12:00:00Z");
    let assets = SiteAssets::builtin().unwrap();
    let built = crate::build::build(&corpus, &assets, now, &crate::build::Quiet).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for artifact in built
        .artifacts
        .iter()
        .filter(|a| a.path.starts_with("api/"))
    {
        let path = dir.path().join(&artifact.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &artifact.bytes).unwrap();
    }
    let previous = state::from_site_dir(dir.path()).unwrap();
    assert_eq!(previous.incidents.len(), 50);
    let page = current::page(&corpus, &assets, "https://status.example.com/", now);
    assert_eq!(events(&previous, &page), []);
}

#[test]
fn titles_and_statuses_are_one_line_for_every_channel() {
    // A component name that would be a Markdown heading of its own in a multi-line title.
    let config = CONFIG.replace("name: API", "name: \"API\\r\\n# hdr\"");
    let upgrade = window(
        "Upgrade",
        "2026-11-22T11:00:00Z",
        "2026-11-22T13:00:00Z",
        "",
    );
    let page = |now: &str| {
        let corpus = load::from_texts(
            Some(&config),
            &[("incidents/2026-11-22-upgrade.yaml", upgrade.as_str())],
        );
        let now = at(now);
        let report = crate::check::check(&corpus, now);
        assert_eq!(
            report.count(crate::diagnostic::Severity::Error),
            0,
            "{report:?}"
        );
        let assets = SiteAssets::builtin().unwrap();
        current::page(&corpus, &assets, "https://status.example.com/", now)
    };
    let all = events(
        &page("2026-11-22T10:00:00Z").state,
        &page("2026-11-22T12:00:00Z"),
    );
    let changed = all
        .iter()
        .find(|e| e.kind == EventKind::ComponentChanged && e.subject == "api")
        .expect("the API's change");
    for text in changed.texts.values() {
        assert_eq!(text.title, "API # hdr");
    }
    for text in all.iter().flat_map(|e| e.texts.values()) {
        for line in [&text.title, &text.status] {
            assert!(!line.contains(['\n', '\r']), "{line:?}");
        }
    }
}
