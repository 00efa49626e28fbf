//! Incident and maintenance pages with keys: a build takes from the previous site, without
//! rendering them, the pages whose inputs did not change, and renders every page whose inputs did
//! (the edited record's, every page after a template, message or configuration change, an
//! ongoing incident's or a maintenance not yet over when the clock moves). The property test in `incremental.rs` compares
//! such builds with clean ones.

use crate::common::{NOW, Project, edit};

/// `hindsight build --format json --out public` at `now`: how many pages it kept and how
/// many files it wrote.
fn build(project: &Project, now: u64) -> (u64, u64) {
    let output = project
        .cmd()
        .env("SOURCE_DATE_EPOCH", now.to_string())
        .args(["build", "-q", "--format", "json", "--out", "public"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let count = |field: &str| {
        summary[field]
            .as_u64()
            .unwrap_or_else(|| panic!("{summary}"))
    };
    (count("kept"), count("written"))
}

/// The fixture's three published incidents (two resolved, one ongoing) in four languages.
const INCIDENT_PAGES: u64 = 3 * 4;
const PARTIAL: &str = "incidents/2026-11-20-api-partial.yaml";
const ONGOING: &str = "public/en/incidents/2026-11-21-db-ongoing.html";

#[test]
fn a_one_edit_build_renders_only_the_edited_incidents_pages() {
    let project = Project::fixture("build/uptime");
    let now: u64 = NOW.parse().unwrap();
    assert_eq!(build(&project, now).0, 0, "a first build keeps nothing");
    edit(
        &project.path(PARTIAL),
        "title: API errors for some requests",
        "title: API errors, renamed",
    );
    let (kept, written) = build(&project, now);
    // The other two incidents' pages in every language are kept; the edited one's four
    // pages are rendered, and so is every list page, feed and API file that shows it.
    assert_eq!(kept, INCIDENT_PAGES - 4);
    assert!(written > 4, "{written}");
    let page = project.read("public/de/incidents/2026-11-20-api-partial.html");
    assert!(page.contains("API errors, renamed"), "{page}");
    // An overlay is its record's input too.
    edit(
        &project.path("incidents/2026-11-20-api-down.de.yaml"),
        "  text: Die API war",
        "  text: Wirklich, die API war",
    );
    assert_eq!(build(&project, now).0, INCIDENT_PAGES - 4);
}

#[test]
fn a_moved_clock_renders_the_ongoing_incidents_pages_again() {
    let project = Project::fixture("build/uptime");
    let now: u64 = NOW.parse().unwrap();
    build(&project, now);
    let before = project.read(ONGOING);
    // An hour later: the ongoing incident's "as of" line and duration move, the resolved
    // incidents' pages do not.
    assert_eq!(build(&project, now + 3600).0, INCIDENT_PAGES - 4);
    let after = project.read(ONGOING);
    assert_ne!(after, before);
    assert!(after.contains("Status as of"), "{after}");
    // Resolved at last: its page no longer follows the clock.
    edit(
        &project.path("incidents/2026-11-21-db-ongoing.yaml"),
        "summary:",
        "resolved: 2026-11-22T12:30:00Z\nsummary:",
    );
    assert_eq!(build(&project, now + 7200).0, INCIDENT_PAGES - 4);
    assert!(!project.read(ONGOING).contains("Status as of"));
    assert_eq!(build(&project, now + 10800).0, INCIDENT_PAGES);
}

#[test]
fn a_template_message_or_configuration_change_renders_every_incident_page() {
    let project = Project::fixture("build/uptime");
    let now: u64 = NOW.parse().unwrap();
    build(&project, now);
    let locale = project.path("locales/en/site.ftl");
    std::fs::create_dir_all(locale.parent().unwrap()).unwrap();
    let built_in = include_str!("../../locales/en/site.ftl");
    std::fs::write(
        &locale,
        built_in.replace("site-history = ", "site-history = Old "),
    )
    .unwrap();
    assert_eq!(build(&project, now).0, 0, "a message changed");
    let page = project.read("public/en/incidents/2026-11-20-api-down.html");
    assert!(page.contains("Old "), "{page}");
    assert_eq!(build(&project, now + 60).0, INCIDENT_PAGES - 4);
    edit(
        &project.path("site/config.yaml"),
        "title: {en: Fixture Status,",
        "title: {en: Fixture Status Renamed,",
    );
    assert_eq!(build(&project, now + 60).0, 0, "the configuration changed");
    assert!(
        project
            .read("public/en/incidents/2026-11-20-api-down.html")
            .contains("Fixture Status Renamed")
    );
    // A project's own template may show anything on any page: no page is kept while there
    // is one, and the pages it changes are rendered.
    let template = project.path("templates/site/incident.html");
    std::fs::create_dir_all(template.parent().unwrap()).unwrap();
    let built_in = include_str!("../../templates/site/incident.html");
    std::fs::write(
        &template,
        built_in.replace("{% include", "<!-- own -->{% include"),
    )
    .unwrap();
    assert_eq!(build(&project, now + 60).0, 0);
    assert_eq!(build(&project, now + 60).0, 0, "own templates keep nothing");
    assert!(
        project
            .read("public/ja/incidents/2026-11-20-api-down.html")
            .contains("<!-- own -->")
    );
    std::fs::remove_dir_all(project.path("templates")).unwrap();
    assert_eq!(build(&project, now + 60).0, 0, "the pages had no keys");
    assert_eq!(build(&project, now + 120).0, INCIDENT_PAGES - 4);
}

/// The maintenance fixture's window in Berlin, 2026-10-24 23:30Z to 2026-10-25 03:00Z, and
/// its window called off (05:00Z to 06:00Z); two languages, no published incident.
const DB_UPGRADE: &str = "public/en/maintenance/2026-10-25-db-upgrade.html";
const MAINTENANCE_PAGES: u64 = 2 * 2;

#[test]
fn a_maintenance_page_is_kept_only_once_its_window_is_over_and_its_record_unchanged() {
    let project = Project::fixture("build/maintenance");
    let (before, during, after) = (1_792_879_200, 1_792_886_400, 1_792_915_200);
    assert_eq!(build(&project, before).0, 0);
    assert!(project.read(DB_UPGRADE).contains("maintenance-scheduled"));
    // Scheduled: the page follows the clock ("as of"), and the window starting changes it.
    assert_eq!(build(&project, before + 60).0, 0);
    assert_eq!(build(&project, during).0, 0);
    let page = project.read(DB_UPGRADE);
    assert!(page.contains("maintenance-in_progress"), "{page}");
    // The window ended: rendered once more, then kept while nothing it shows changes.
    assert_eq!(build(&project, after).0, 0);
    let page = project.read(DB_UPGRADE);
    assert!(page.contains("maintenance-completed"), "{page}");
    assert!(!page.contains("Status as of"), "{page}");
    assert_eq!(build(&project, after + 3600).0, MAINTENANCE_PAGES);
    // An edit to one window renders its pages; the other's are kept.
    edit(
        &project.path("incidents/2026-10-25-db-upgrade.yaml"),
        "Writes pause for up to a minute.",
        "Writes pause for up to two minutes.",
    );
    assert_eq!(build(&project, after + 3600).0, MAINTENANCE_PAGES - 2);
    assert!(project.read(DB_UPGRADE).contains("two minutes"));
    // What was kept is what a clean build writes.
    let kept = [
        "public/en/maintenance/2026-10-25-api-rollout.html",
        "public/de/maintenance/2026-10-25-api-rollout.html",
    ];
    let incremental: Vec<String> = kept.iter().map(|path| project.read(path)).collect();
    let output = project
        .cmd()
        .env("SOURCE_DATE_EPOCH", (after + 3600).to_string())
        .args(["build", "-q", "--clean", "--out", "public"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let clean: Vec<String> = kept.iter().map(|path| project.read(path)).collect();
    assert_eq!(incremental, clean);
}
