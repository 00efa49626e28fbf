//! One record costs one record: `render`, `translate`, `new`, `update` and `resolve` read the
//! configuration, the record they touch and its overlays, and know the other records by
//! their file names alone. A project whose other record is broken (and unreadable, where
//! permissions bind) still serves them, while `lint` reports it.

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use common::Project;

const RECORD: &str = "incidents/2023-12-17-logto-image-deleted.yaml";
const OVERLAY: &str = "incidents/2023-12-17-logto-image-deleted.de.yaml";
const BROKEN: &str = "incidents/2024-01-01-broken.yaml";
const BROKEN_OVERLAY: &str = "incidents/2024-01-01-broken.ja.yaml";

/// The example's Logto record with its German overlay, and another record that is not YAML
/// at all, with an overlay just as broken; both made unreadable (which binds unless the
/// tests run as root: the broken text stands in then).
fn project_with_a_broken_record() -> Project {
    let project = Project::example(&[RECORD, OVERLAY])
        .file(BROKEN, "title: [never closed\nlang: en\n  : : :\n")
        .file(BROKEN_OVERLAY, "lang: ja\ntitle: {source: [\n");
    for path in [BROKEN, BROKEN_OVERLAY] {
        std::fs::set_permissions(project.path(path), std::fs::Permissions::from_mode(0o000))
            .unwrap();
    }
    project
}

/// Whether the broken record shows up in what a command printed.
fn mentions_broken(text: &str) -> bool {
    text.contains("2024-01-01-broken")
}

#[test]
fn lint_reads_the_broken_record_that_the_one_record_commands_leave_alone() {
    let project = project_with_a_broken_record();
    let out = project.lint(&[]);
    assert_ne!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        mentions_broken(&out.stdout) || mentions_broken(&out.stderr),
        "{}{}",
        out.stdout,
        out.stderr
    );
}

#[test]
fn render_and_translate_read_only_their_record() {
    let project = project_with_a_broken_record();
    let out = project.render(&[RECORD, "--lang", "de"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Docker-Image"), "{}", out.stdout);
    assert!(!mentions_broken(&out.stderr), "{}", out.stderr);

    let out = project.run(&["translate", RECORD, "--to", "ja"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        project
            .read("incidents/2023-12-17-logto-image-deleted.ja.yaml")
            .contains("source:")
    );
    assert!(!mentions_broken(&out.stderr), "{}", out.stderr);
}

#[test]
fn new_update_and_resolve_read_only_their_record() {
    let project = project_with_a_broken_record();
    let out = project.run(&[
        "new",
        "Search is slow",
        "--date",
        "2026-11-22",
        "--time",
        "10:00",
        "--affected",
        "logto-core=degraded_performance",
        "--announce",
        "We are looking into slow searches.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let id = "2026-11-22-search-is-slow";
    assert!(project.path(&format!("incidents/{id}.yaml")).is_file());

    let out = project.run(&[
        "update",
        id,
        "--status",
        "identified",
        "An index is missing.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = project.run(&["resolve", id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        project
            .read(&format!("incidents/{id}.yaml"))
            .contains("\nresolved: ")
    );
    assert!(!mentions_broken(&out.stderr), "{}", out.stderr);
}

#[test]
fn update_still_knows_every_id_by_its_file_name() {
    let project = project_with_a_broken_record();
    let out = project.run(&["update", "broken", "A note."]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `2024-01-01-broken`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_record_and_its_overlays_are_all_that_is_read() {
    let project = project_with_a_broken_record();
    let root = project.root();
    let loaded = hindsight::project::Project::load_record_file(root, &root.join(RECORD)).unwrap();
    let read: Vec<&Path> = loaded
        .corpus
        .records
        .iter()
        .map(|file| file.source.path.as_path())
        .chain(
            loaded
                .corpus
                .overlays
                .iter()
                .map(|o| o.source.path.as_path()),
        )
        .collect();
    assert_eq!(read, [root.join(RECORD), root.join(OVERLAY)]);
    assert_eq!(
        loaded.record_ids().unwrap(),
        ["2023-12-17-logto-image-deleted", "2024-01-01-broken"]
    );
    let named =
        hindsight::project::Project::load_record_named(root, "2024-01-01-broken.yaml").unwrap();
    assert_eq!(named.corpus.records.len(), 1);
    assert_eq!(named.corpus.overlays.len(), 1);
}

#[test]
fn a_namesake_in_another_folder_is_still_a_duplicate_for_render() {
    // Two files with one id are one group: the command reads both, and the one that comes
    // second (paths compare by their parts: `incidents/2023/…` comes first) is refused as
    // `lint` refuses it.
    let namesake = "incidents/2023/2023-12-17-logto-image-deleted.yaml";
    let project = Project::example(&[RECORD]).file(namesake, common::read(common::repo(), RECORD));
    let out = project.render(&[RECORD]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("the id `2023-12-17-logto-image-deleted` is already used by"),
        "{}",
        out.stderr
    );
    let out = project.render(&[namesake]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("duplicate-id"), "{}", out.stderr);
}
