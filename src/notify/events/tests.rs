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

/// The state `corpus`'s site built at `now` publishes, read back from its API files.
fn published_state(corpus: &load::Corpus, now: DateTime<Utc>) -> state::PublicState {
    let assets = SiteAssets::builtin().unwrap();
    let built = crate::build::build(corpus, &assets, now, &crate::build::Quiet).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for artifact in built
        .artifacts()
        .unwrap()
        .iter()
        .filter(|a| a.path.starts_with("api/"))
    {
        let path = dir.path().join(&artifact.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &artifact.bytes).unwrap();
    }
    state::from_site_dir(dir.path()).unwrap()
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
        "December 1, 2026, 11:00–13:00 UTC\n\nUpgrading."
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
    let read = published_state(&corpus, now);
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

mod edges;
