//! `hindsight update` and `resolve` on records in every language, with `--translation`s,
//! on a record without a timeline, and keeping the file's mode.

mod common;

use common::{Project, repo};

const ONGOING: &str = "incidents/2026-11-21-webhook-delivery-delays.yaml";
const ID: &str = "2026-11-21-webhook-delivery-delays";
const LOGTO: &str = "incidents/2023-12-17-logto-image-deleted.yaml";
const LOGTO_DE: &str = "incidents/2023-12-17-logto-image-deleted.de.yaml";
const LOGTO_JA: &str = "incidents/2023-12-17-logto-image-deleted.ja.yaml";
const LOGTO_ID: &str = "2023-12-17-logto-image-deleted";

#[test]
fn records_in_german_japanese_and_chinese_are_updated_and_resolved() {
    let cases = [
        (
            "de",
            "Die Auslieferung läuft wieder normal.",
            "Diese Störung ist behoben.",
        ),
        (
            "ja",
            "配信は通常に戻りました。",
            "このインシデントは解決しました。",
        ),
        ("zh", "投递已恢复正常。", "此故障已解决。"),
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
        assert_eq!(
            project.lint_errors(),
            Vec::<serde_json::Value>::new(),
            "{lang}"
        );
    }
}

#[test]
fn a_translation_goes_to_the_overlay_as_a_pair_of_the_records_text() {
    let project = Project::example(&[LOGTO, LOGTO_DE, LOGTO_JA]);
    let overlay = project.read(LOGTO_DE);
    let japanese = project.read(LOGTO_JA);
    let (_, before) = project.lint_json();
    let out = project.run(&[
        "update",
        LOGTO_ID,
        "--force",
        "--translation",
        "de=Die Images sind wiederhergestellt.",
        "The images are restored.",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let record = project.read(LOGTO);
    assert!(
        record.contains("    text: The images are restored.\n"),
        "{record}"
    );
    let edited = project.read(LOGTO_DE);
    let start = edited
        .find("\n- source: The images are restored.")
        .or_else(|| edited.find("\n  - source: The images are restored."));
    let start = start.expect(&edited) + 1;
    let pair_end = "text: Die Images sind wiederhergestellt.\n";
    let end = edited[start..].find(pair_end).unwrap() + start + pair_end.len();
    assert_eq!(format!("{}{}", &edited[..start], &edited[end..]), overlay);
    // The Japanese overlay was not given a translation: it is left as it was, and said so.
    assert_eq!(project.read(LOGTO_JA), japanese);
    assert!(
        out.stderr
            .contains("the ja overlay has no translation of this update"),
        "{}",
        out.stderr
    );
    let (_, after) = project.lint_json();
    let new: Vec<_> = after.iter().filter(|d| !before.contains(d)).collect();
    // The German pair's source is the entry's text, so only the Japanese overlay lags.
    assert!(
        new.iter().all(|d| d["rule"] == "translation-untranslated"
            && d["file"].as_str().unwrap().ends_with(".ja.yaml")),
        "{new:?}"
    );
    assert!(!new.is_empty());
}

#[test]
fn a_translation_without_an_overlay_or_into_the_records_language_is_refused() {
    let project = Project::example(&[ONGOING]);
    let before = project.read(ONGOING);
    let out = project.run(&["update", ID, "--translation", "ja=x", "x"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "hindsight translate incidents/2026-11-21-webhook-delivery-delays.yaml --to ja"
        ),
        "{}",
        out.stderr
    );
    let out = project.run(&["update", ID, "--translation", "en=x", "x"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("is written in en"), "{}", out.stderr);
    let out = project.run(&["update", ID, "--translation", "fr=x", "x"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("`fr`"), "{}", out.stderr);
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
    assert_eq!(project.lint_errors(), Vec::<serde_json::Value>::new());
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
