//! The lint cache against the uncached lint: the same report after any sequence of edits,
//! additions, deletions, selections and clock moves, and a damaged cache never trusted.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;

use super::*;
use crate::check::{Linted, lint, lint_cached};
use crate::discover::discover;

const CONFIG: &str = "title: Test\nbase_url: https://status.example.com/\nlanguages: [en, de]\ntimezone: Europe/Berlin\ncomponents:\n  - id: api\n    name: API\n  - id: web\n    name: Web\n";

/// A record whose findings depend on now in every way a rule reads it.
#[derive(Debug, Clone)]
struct Params {
    status: &'static str,
    started: &'static str,
    due: &'static str,
    action: &'static str,
    maintenance: bool,
    resolved: bool,
    title: &'static str,
}

/// An open incident with an action due 2026-06-08.
fn slow_api() -> Params {
    Params {
        status: "published",
        started: "2026-06-01T10:00:00Z",
        due: "2026-06-08",
        action: "todo",
        maintenance: false,
        resolved: false,
        title: "Slow API",
    }
}

/// A project with the configuration and one record made of `p`, and the record's path.
fn project_of(p: &Params) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("site/config.yaml"), CONFIG);
    let file = path(dir.path(), 0, false);
    write(&file, &record(p));
    (dir, file)
}

fn record(p: &Params) -> String {
    let resolved = if p.resolved {
        "resolved: 2026-06-20T12:00:00Z\n"
    } else {
        ""
    };
    if p.maintenance {
        return format!(
            "title: {}\nlang: en\nstatus: {}\nkind: maintenance\naffected:\n  api: under_maintenance\nscheduled_for: 2026-06-05 22:00\nscheduled_until: 2026-06-05 23:30\nstarted: {}\n{resolved}summary: Work on the API.\n",
            p.title, p.status, p.started
        );
    }
    format!(
        "title: {}\nlang: en\nstatus: {}\nseverity: minor\naffected:\n  api: degraded_performance\nstarted: {}\n{resolved}summary: The API was slow.\nimpact: Some requests failed.\nroot_cause: A full disk.\nresolution: Space was freed.\ntimeline:\n  - at: 2026-06-07\n    text: The disk filled up.\nactions:\n  - text: Alert on disk space.\n    status: {}\n    due: {}\n",
        p.title, p.status, p.started, p.action, p.due
    )
}

fn overlay(title: &str) -> String {
    format!("lang: de\ntitle:\n  source: {title}\n  text: Langsame API\n")
}

fn params() -> impl Strategy<Value = Params> {
    (
        prop::sample::select(vec!["draft", "review", "published"]),
        prop::sample::select(vec![
            "2026-06-05 22:02",
            "2026-06-01T10:00:00Z",
            "2026-06-06",
            "2026-06-12T09:30:00+02:00",
        ]),
        prop::sample::select(vec!["2026-06-08", "2026-06-10", "2026-07-01"]),
        prop::sample::select(vec!["todo", "in_progress", "done"]),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(vec!["Slow API", "Slow API again"]),
    )
        .prop_map(
            |(status, started, due, action, maintenance, resolved, title)| Params {
                status,
                started,
                due,
                action,
                maintenance,
                resolved,
                title,
            },
        )
}

/// One step of the sequence.
#[derive(Debug, Clone)]
enum Step {
    Write(usize, Params),
    Overlay(usize, &'static str),
    Broken(usize),
    Delete(usize),
    DeleteOverlay(usize),
    Clock(DateTime<Utc>),
    Select(Option<usize>),
    Config(bool),
}

fn instants() -> Vec<DateTime<Utc>> {
    let at = |text: &str| text.parse::<DateTime<Utc>>().unwrap();
    let mut nows = Vec::new();
    for base in [
        "2026-06-01T10:00:00Z",
        "2026-06-05T21:00:00Z",
        "2026-06-06T21:30:00Z",
        "2026-06-07T22:30:00Z",
        "2026-06-08T22:00:00Z",
        "2026-06-09T22:00:00Z",
        "2026-06-10T22:00:00Z",
        "2026-06-12T07:30:00Z",
    ] {
        for delta in [-1, 0, 1] {
            nows.push(at(base) + TimeDelta::nanoseconds(delta));
        }
        nows.push(at(base) + TimeDelta::minutes(30));
        nows.push(at(base) + TimeDelta::hours(1));
    }
    nows.push(at("2025-01-01T00:00:00Z"));
    nows.push(at("2027-01-01T00:00:00Z"));
    nows
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..4usize, params()).prop_map(|(i, p)| Step::Write(i, p)),
        2 => (0..4usize, prop::sample::select(vec!["Slow API", "Slow API again"]))
            .prop_map(|(i, t)| Step::Overlay(i, t)),
        1 => (0..4usize).prop_map(Step::Broken),
        1 => (0..4usize).prop_map(Step::Delete),
        1 => (0..4usize).prop_map(Step::DeleteOverlay),
        3 => prop::sample::select(instants()).prop_map(Step::Clock),
        1 => prop::option::of(0..4usize).prop_map(Step::Select),
        1 => any::<bool>().prop_map(Step::Config),
    ]
}

fn path(root: &Path, i: usize, overlay: bool) -> PathBuf {
    let lang = if overlay { ".de" } else { "" };
    root.join(format!("incidents/2026-06-0{}-api{lang}.yaml", i + 1))
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The lint's report and cache outcome, in a form that compares.
fn seen(linted: &Linted) -> String {
    format!("{:#?}", linted.report)
}

/// Runs a lint with the cache the previous one left; checks it against the uncached lint.
fn compare(root: &Path, selected: &[PathBuf], now: DateTime<Utc>, cache: &mut Option<Vec<u8>>) {
    let sources = discover(root, selected).unwrap();
    let plain = lint(&sources, now, false).unwrap();
    let cached = lint_cached(&sources, now, false, cache.as_deref()).unwrap();
    assert_eq!(cached.cache_problem, None);
    assert_eq!(seen(&cached), seen(&plain), "at {now}");
    *cache = cached.cache;
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_cached_lint_reports_what_an_uncached_one_does(steps in prop::collection::vec(step(), 1..24)) {
        let (dir, _) = project_of(&slow_api());
        let root = dir.path();
        write(&path(root, 0, true), &overlay("Slow API"));
        let mut now = instants()[0];
        let mut selected = Vec::new();
        let mut cache = None;
        compare(root, &selected, now, &mut cache);
        for step in steps {
            match step {
                Step::Write(i, p) => write(&path(root, i, false), &record(&p)),
                Step::Overlay(i, title) => write(&path(root, i, true), &overlay(title)),
                Step::Broken(i) => write(&path(root, i, false), "title: [\n"),
                Step::Delete(i) => { let _ = fs::remove_file(path(root, i, false)); }
                Step::DeleteOverlay(i) => { let _ = fs::remove_file(path(root, i, true)); }
                Step::Clock(at) => now = at,
                Step::Select(None) => selected.clear(),
                Step::Select(Some(i)) => selected = vec![path(root, i, false)],
                Step::Config(utc) => {
                    let config = if utc { CONFIG.replace("Europe/Berlin", "UTC") } else { CONFIG.to_string() };
                    write(&root.join("site/config.yaml"), &config);
                }
            }
            if selected.iter().any(|p| !p.exists()) {
                selected.clear();
            }
            compare(root, &selected, now, &mut cache);
        }
    }
}

#[test]
fn a_damaged_or_foreign_cache_is_not_trusted_and_the_report_is_the_same() {
    let (dir, _) = project_of(&slow_api());
    let root = dir.path();
    let now = "2026-06-10T12:00:00Z".parse().unwrap();
    let sources = discover(root, &[]).unwrap();
    let plain = seen(&lint(&sources, now, false).unwrap());
    let good = lint_cached(&sources, now, false, None)
        .unwrap()
        .cache
        .unwrap();
    assert!(
        plain.contains("OverdueAction"),
        "the fixture has a finding to lose: {plain}"
    );
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 1;
    let mut foreign = good.clone();
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = foreign
        .windows(version.len())
        .position(|w| w == version)
        .unwrap();
    foreign[at] ^= 1;
    let body = foreign.len() - 32;
    let checksum = Sha256::digest(&foreign[..body]);
    foreign[body..].copy_from_slice(&checksum);
    for (bytes, why) in [
        (&good[..good.len() / 2], "it fails its checksum"),
        (&good[..10], "it is truncated"),
        (&flipped[..], "it fails its checksum"),
        (&foreign[..], "another version of hindsight wrote it"),
        (
            &b"not a cache at all, but long enough to have a checksum"[..],
            "it has another format",
        ),
    ] {
        let linted = lint_cached(&sources, now, false, Some(bytes)).unwrap();
        assert_eq!(linted.cache_problem, Some(why));
        assert_eq!(seen(&linted), plain);
    }
    let linted = lint_cached(&sources, now, false, Some(&good)).unwrap();
    assert_eq!(linted.cache_problem, None);
    assert_eq!(
        linted.cache.as_deref(),
        Some(&good[..]),
        "the same project writes the same cache"
    );
}

#[test]
fn a_cached_result_holds_the_findings_and_index_it_was_made_with() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("site/config.yaml"), CONFIG);
    let p = Params {
        status: "published",
        started: "2026-06-05 22:02",
        due: "2026-06-08",
        action: "todo",
        maintenance: true,
        resolved: false,
        title: "Work",
    };
    // Two overlapping windows: the cross-file rule needs both index entries from the cache.
    write(&path(root, 0, false), &record(&p));
    write(&path(root, 1, false), &record(&p));
    write(&path(root, 0, true), &overlay("Old title"));
    let now: DateTime<Utc> = "2026-06-09T12:00:00Z".parse().unwrap();
    let sources = discover(root, &[]).unwrap();
    let first = lint_cached(&sources, now, false, None).unwrap();
    let bytes = first.cache.clone().unwrap();
    let groups = decode(
        &bytes,
        &global_key(&crate::load::load_config(&sources).unwrap()),
    )
    .unwrap();
    assert_eq!(groups.len(), 2);
    assert!(
        groups
            .values()
            .all(|g| g.entries.len() == 1 && g.entries[0].window.is_some())
    );
    let report = seen(&first);
    for rule in [
        "MaintenanceOverlap",
        "MaintenanceOverrun",
        "TranslationStale",
    ] {
        assert!(report.contains(rule), "{rule} in {report}");
    }
    let again = lint_cached(&sources, now, false, Some(&bytes)).unwrap();
    assert_eq!(seen(&again), report);
}

#[test]
fn a_file_changed_in_place_with_the_same_size_and_time_is_seen() {
    let p = slow_api();
    let (dir, file) = project_of(&p);
    let root = dir.path();
    let now = "2026-06-10T12:00:00Z".parse().unwrap();
    let sources = discover(root, &[]).unwrap();
    let cache = lint_cached(&sources, now, false, None).unwrap().cache;
    let mtime = fs::metadata(&file).unwrap().modified().unwrap();
    // `todo` to `done`: the same length, so the same size; the time is put back.
    let done = record(&Params {
        action: "done",
        ..p
    });
    write(&file, &done);
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(
        fs::metadata(&file).unwrap().len() as usize,
        record(&p).len()
    );
    let plain = seen(&lint(&sources, now, false).unwrap());
    let cached = lint_cached(&sources, now, false, cache.as_deref()).unwrap();
    assert_eq!(seen(&cached), plain);
    assert!(!plain.contains("OverdueAction"), "{plain}");
}

#[test]
fn every_rule_that_reads_now_narrows_the_span_of_a_cached_result() {
    // A rule that reads `site.now` must add its `now_span` to `rules::now_span`, or a cached
    // result would outlive its findings: this lists the rule files that read it.
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if fs::read_to_string(&path).unwrap().lines().any(|line| {
                !line.trim_start().starts_with("//") && line.replace("::now()", "").contains(".now")
            }) {
                found.push(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/rules"),
        &mut found,
    );
    found.sort();
    assert_eq!(
        found,
        [
            "future_time.rs",
            "maintenance_overrun.rs",
            "overdue_action.rs"
        ]
    );
    let registered = include_str!("../rules/mod.rs");
    for rule in ["future_time", "maintenance_overrun", "overdue_action"] {
        assert!(registered.contains(&format!("{rule}::now_span(subject, &mut span)")));
    }
}
