//! `hindsight update` and `resolve` on records in every language, with `--lang` overlays,
//! on a record without a timeline, and keeping the file's mode.

mod common;

use common::{Project, repo};

const ONGOING: &str = "incidents/2026-11-21-webhook-delivery-delays.yaml";
const ID: &str = "2026-11-21-webhook-delivery-delays";
const LOGTO: &str = "incidents/2023-12-17-logto-image-deleted.yaml";
const LOGTO_DE: &str = "incidents/2023-12-17-logto-image-deleted.de.yaml";
const LOGTO_ID: &str = "2023-12-17-logto-image-deleted";

fn errors(project: &Project) -> Vec<serde_json::Value> {
    let (_, diagnostics) = project.lint_json();
    diagnostics
        .into_iter()
        // Resolving a published incident truly asks for its postmortem sections.
        .filter(|d| d["severity"] == "error" && d["rule"] != "missing-section")
        .collect()
}

#[test]
fn records_in_german_japanese_and_chinese_are_updated_and_resolved() {
    let cases = [
        (
            "de",
            "Die Auslieferung läuft wieder normal.",
            "Dieser Vorfall ist behoben.",
        ),
        ("ja", "配信は通常に戻りました。", "この障害は解消しました。"),
        ("zh", "投递已恢复正常。", "此事件已解决。"),
    ];
    for (lang, update, resolved) in cases {
        let text = common::read(repo(), ONGOING).replace("lang: en", &format!("lang: {lang}"));
        let project = Project::example(&[]).file(ONGOING, &text);
        let out = project.run(&["update", ID, "--status", "monitoring", update]);
        assert_eq!(out.code, 0, "{lang}: {}", out.stderr);
        let updated = project.read(ONGOING);
        assert!(updated.starts_with(&text), "{lang}: {updated}");
        assert!(
            updated.ends_with(&format!("    status: monitoring\n    text: {update}\n")),
            "{lang}: {updated}"
        );
        let out = project.run(&["resolve", ID]);
        assert_eq!(out.code, 0, "{lang}: {}", out.stderr);
        let resolved_text = project.read(ONGOING);
        assert!(
            resolved_text.ends_with(&format!(
                "    status: resolved\n    text: {resolved}\n    marks: resolved\n"
            )),
            "{lang}: {resolved_text}"
        );
        assert!(resolved_text.contains("\nresolved: "), "{lang}");
        assert_eq!(errors(&project), Vec::<serde_json::Value>::new(), "{lang}");
    }
}

#[test]
fn lang_adds_the_update_to_the_overlay_as_a_pair() {
    let project = Project::example(&[LOGTO, LOGTO_DE]);
    let overlay = project.read(LOGTO_DE);
    let (_, before) = project.lint_json();
    let out = project.run(&[
        "update",
        LOGTO_ID,
        "--force",
        "--lang",
        "de",
        "Die Images sind wiederhergestellt.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let record = project.read(LOGTO);
    assert!(
        record.contains("    text: Die Images sind wiederhergestellt.\n"),
        "{record}"
    );
    let edited = project.read(LOGTO_DE);
    let start = edited
        .find("\n- source: Die Images")
        .or_else(|| edited.find("\n  - source: Die Images"));
    let start = start.expect(&edited) + 1;
    let end = edited[start..]
        .find("text: Die Images sind wiederhergestellt.\n")
        .unwrap()
        + start;
    let end = end + "text: Die Images sind wiederhergestellt.\n".len();
    assert_eq!(format!("{}{}", &edited[..start], &edited[end..]), overlay);
    let (_, after) = project.lint_json();
    // No new finding: the pair's source is the entry's text, so the overlay is up to date.
    assert_eq!(after.len(), before.len(), "{after:?}");
}

#[test]
fn lang_without_an_overlay_is_refused_and_writes_nothing() {
    let project = Project::example(&[ONGOING]);
    let before = project.read(ONGOING);
    let out = project.run(&["update", ID, "--lang", "ja", "x"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "hindsight translate incidents/2026-11-21-webhook-delivery-delays.yaml --to ja"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(project.read(ONGOING), before);
}

#[test]
fn a_record_without_a_timeline_gets_one() {
    let text = common::read(repo(), ONGOING);
    let cut = text.find("timeline:\n").unwrap();
    let without = &text[..cut];
    let project = Project::example(&[]).file(ONGOING, without);
    let out = project.run(&["update", ID, "--at", "2026-11-21 11:00", "We are on it."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let updated = project.read(ONGOING);
    assert_eq!(
        updated,
        format!(
            "{without}timeline:\n  - at: 2026-11-21 11:00\n    status: investigating\n    text: We are on it.\n"
        )
    );
    assert_eq!(errors(&project), Vec::<serde_json::Value>::new());
}

#[cfg(unix)]
#[test]
fn the_file_mode_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let project = Project::example(&[ONGOING]);
    let path = project.path(ONGOING);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = project.run(&["update", ID, "Still on it."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
