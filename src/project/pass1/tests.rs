//! The first pass's cache against a build without it: the same project and report, and a
//! group taken from the cache only while its files, its git revision and now allow.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::*;
use crate::project::{Pass1Cached, Project, fingerprint};
use crate::publish::Inputs;

const CONFIG: &str = "base_url: https://status.example.com/\nlanguages: [en, de]\ntimezone: UTC\ncomponents:\n  - id: api\n    name: API\n";
const RECORD: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\nstarted: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T10:30:00Z\ntimeline:\n  - at: 2024-01-10T10:05:00Z\n    text: We see errors.\n    status: investigating\nsummary: The API returned errors.\nimpact: Some calls failed.\nroot_cause: A bad deploy.\nresolution: Rolled back.\nactions:\n  - text: Add a canary stage.\n    status: todo\n    due: 2024-03-01\ninternal: INTERNAL-MARKER\n";
const OVERLAY: &str = "lang: de\ntitle:\n  source: API errors\n  text: API-Fehler\nsummary:\n  source: The API returned errors.\n  text: Die API gab Fehler zurück.\n";
const ID: &str = "2024-01-10-api";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("site")).unwrap();
    fs::create_dir_all(root.join("incidents")).unwrap();
    fs::write(root.join("site/config.yaml"), CONFIG).unwrap();
    fs::write(root.join(format!("incidents/{ID}.yaml")), RECORD).unwrap();
    fs::write(root.join(format!("incidents/{ID}.de.yaml")), OVERLAY).unwrap();
    dir
}

/// What a build keeps of the project and says of it, as text: the report, and for each
/// incident its status and views.
fn outcome(project: &Project, report: &crate::check::Report) -> String {
    let mut premade = project.take_premade().unwrap().unwrap();
    let mut text = format!("{:?}\n", report.diagnostics);
    for record in &project.corpus.records {
        let id = &record.id;
        text += &format!("{id} {:?}\n{:?}\n", premade.derived(id), record.record);
        for lang in 0..2 {
            let view = premade
                .take(id, lang)
                .map(|view| serde_json::to_string(&view));
            text += &format!("{view:?}\n");
        }
    }
    text
}

/// The project at `root` loaded for a build at `now` with the cache's `previous` bytes:
/// what it keeps and says, and the new cache.
fn load(root: &Path, now: DateTime<Utc>, previous: Option<&[u8]>) -> (String, Pass1Cached) {
    let sources = crate::discover::discover(root, &[]).unwrap();
    let mut print = fingerprint(root, &sources, now, &Inputs::default()).unwrap();
    let pages = print.take_pages(root, &sources).unwrap();
    let (project, report, cached) =
        Project::load_for_build_cached(root, sources, now, &pages, previous).unwrap();
    (outcome(&project, &report), cached.unwrap())
}

/// The same without the cache.
fn uncached(root: &Path, now: DateTime<Utc>) -> String {
    let (project, report) = Project::load_for_build(root, now).unwrap();
    outcome(&project, &report)
}

/// Whether the cache `bytes` would give group `id` of the project at `root` at `now`.
fn reused(root: &Path, now: DateTime<Utc>, bytes: &[u8], id: &str) -> bool {
    let sources = crate::discover::discover(root, &[]).unwrap();
    let mut print = fingerprint(root, &sources, now, &Inputs::default()).unwrap();
    let pages = print.take_pages(root, &sources).unwrap();
    let revisions = crate::load::revisions(root);
    let site = pages.site.as_deref().unwrap();
    let cache = Pass1Cache::new(site, &pages.groups, &sources, &revisions, Some(bytes));
    assert_eq!(cache.problem, None);
    let positions: Vec<usize> = (0..sources.files.len())
        .filter(|&p| crate::discover::group_id(&sources.files[p].kind) == id)
        .collect();
    cache
        .reuse(id, &positions)
        .is_some_and(|(entry, _)| entry.span.contains(now))
}

#[test]
fn a_cached_group_gives_the_project_and_report_an_uncached_load_gives() {
    let dir = project();
    let now = at("2024-02-01T00:00:00Z");
    let (first, cached) = load(dir.path(), now, None);
    assert_eq!(first, uncached(dir.path(), now));
    assert!(reused(dir.path(), now, &cached.bytes, ID));
    let (second, again) = load(dir.path(), now, Some(&cached.bytes));
    assert_eq!(second, first);
    // The same project gives the same file.
    assert_eq!(again.bytes, cached.bytes);
    // It holds what the slim record keeps, never what it drops.
    let text = String::from_utf8_lossy(&cached.bytes);
    assert!(!text.contains("INTERNAL-MARKER") && !text.contains("Add a canary"));
}

#[test]
fn a_changed_overlay_invalidates_its_group() {
    let dir = project();
    let now = at("2024-02-01T00:00:00Z");
    let (_, cached) = load(dir.path(), now, None);
    let overlay = dir.path().join(format!("incidents/{ID}.de.yaml"));
    fs::write(&overlay, OVERLAY.replace("API-Fehler", "API-Störung")).unwrap();
    assert!(!reused(dir.path(), now, &cached.bytes, ID));
    let (outcome, _) = load(dir.path(), now, Some(&cached.bytes));
    assert!(outcome.contains("API-Störung"), "{outcome}");
    assert_eq!(outcome, uncached(dir.path(), now));
    // So does an overlay added or removed.
    fs::remove_file(&overlay).unwrap();
    assert!(!reused(dir.path(), now, &cached.bytes, ID));
}

#[test]
fn an_ongoing_incident_is_not_reused() {
    let dir = project();
    let record = dir.path().join(format!("incidents/{ID}.yaml"));
    fs::write(
        &record,
        RECORD.replace("resolved: 2024-01-10T10:30:00Z\n", ""),
    )
    .unwrap();
    let now = at("2024-02-01T00:00:00Z");
    let (first, cached) = load(dir.path(), now, None);
    assert!(!reused(dir.path(), now, &cached.bytes, ID));
    let later = at("2024-02-02T00:00:00Z");
    let (outcome, _) = load(dir.path(), later, Some(&cached.bytes));
    assert_ne!(outcome, first);
    assert_eq!(outcome, uncached(dir.path(), later));
}

#[test]
fn an_incident_revised_after_now_is_not_reused_until_then() {
    let dir = project();
    // Its timeline reaches past now: the view shows it as of now.
    let record = dir.path().join(format!("incidents/{ID}.yaml"));
    let late = RECORD.replace("at: 2024-01-10T10:05:00Z", "at: 2024-02-01T12:00:00Z");
    fs::write(&record, late).unwrap();
    let now = at("2024-02-01T00:00:00Z");
    let (_, cached) = load(dir.path(), now, None);
    assert!(!reused(dir.path(), now, &cached.bytes, ID));
    let later = at("2024-02-02T00:00:00Z");
    let (_, cached) = load(dir.path(), later, Some(&cached.bytes));
    assert!(reused(dir.path(), later, &cached.bytes, ID));
    assert!(!reused(
        dir.path(),
        at("2024-02-01T06:00:00Z"),
        &cached.bytes,
        ID
    ));
}

#[test]
fn a_group_whose_findings_depend_on_now_is_checked_again_after_its_span() {
    let dir = project();
    // Before the action's due date (2024-03-01): no `overdue-action`.
    let before = at("2024-02-01T00:00:00Z");
    let (first, cached) = load(dir.path(), before, None);
    assert!(!first.contains("OverdueAction"), "{first}");
    assert!(reused(dir.path(), before, &cached.bytes, ID));
    let after = at("2024-03-05T00:00:00Z");
    assert!(!reused(dir.path(), after, &cached.bytes, ID));
    let (outcome, _) = load(dir.path(), after, Some(&cached.bytes));
    assert!(outcome.contains("OverdueAction"), "{outcome}");
    assert_eq!(outcome, uncached(dir.path(), after));
}

#[test]
fn a_crafted_entry_for_a_changed_file_is_never_used() {
    let dir = project();
    let now = at("2024-02-01T00:00:00Z");
    let (_, cached) = load(dir.path(), now, None);
    // An entry that says the record's title is CRAFTED, under the key of its files as they
    // were: once the record changes, its key is another, and the entry is not used.
    let crafted = replaced(&cached.bytes, b"API errors", b"CRAFTED ER");
    // Re-sealed with a valid checksum, as whoever can write the file could: used while the
    // files are as they were.
    let body = &crafted[..crafted.len() - 32];
    let (outcome, _) = load(dir.path(), now, Some(&resealed(body)));
    assert!(outcome.contains("CRAFTED"), "{outcome}");
    let record = dir.path().join(format!("incidents/{ID}.yaml"));
    fs::write(
        &record,
        RECORD.replace("Rolled back.", "Rolled back again."),
    )
    .unwrap();
    let crafted = resealed(body);
    assert!(!reused(dir.path(), now, &crafted, ID));
    let (outcome, _) = load(dir.path(), now, Some(&crafted));
    assert!(!outcome.contains("CRAFTED"), "{outcome}");
    assert_eq!(outcome, uncached(dir.path(), now));
}

/// `bytes` with every `from` replaced by `to`, of the same length.
fn replaced(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    let mut start = 0;
    while let Some(found) = bytes[start..].windows(from.len()).position(|w| w == from) {
        let at = start + found;
        bytes[at..at + to.len()].copy_from_slice(to);
        start = at + to.len();
    }
    bytes
}

/// `body` with its checksum.
fn resealed(body: &[u8]) -> Vec<u8> {
    let mut bytes = body.to_vec();
    bytes.extend_from_slice(&Sha256::digest(body));
    bytes
}

#[test]
fn a_damaged_cache_is_ignored_and_says_why() {
    let dir = project();
    let now = at("2024-02-01T00:00:00Z");
    let (first, cached) = load(dir.path(), now, None);
    let mut damaged = cached.bytes.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 1;
    let (outcome, again) = load(dir.path(), now, Some(&damaged));
    assert_eq!(again.problem, Some("it fails its checksum"));
    assert_eq!(outcome, first);
    assert_eq!(again.bytes, cached.bytes);
}
