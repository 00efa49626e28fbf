//! The translation workflow and `render` end to end through the command line: create an
//! overlay, translate, change the source, see it stale with its diff, refresh, lose nothing.

mod common;

use std::fs;
use std::path::Path;

use common::{Project, edit, hindsight, run};
use serde_json::Value;

const RECORD: &str = "incidents/2023-12-17-logto-image-deleted.yaml";
const OVERLAY: &str = "incidents/2023-12-17-logto-image-deleted.ja.yaml";

/// A project with the example's config and its Logto record, without any overlay.
fn project() -> Project {
    Project::example(&[RECORD])
}

fn status(dir: &Path) -> Value {
    let (code, out, _) = run(hindsight(dir).args(["translate", "status", "--format", "json"]));
    assert_eq!(code, 0);
    serde_json::from_str(&out).unwrap()
}

fn japanese(status: &Value) -> &Value {
    status["records"][0]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lang"] == "ja")
        .unwrap()
}

#[test]
fn translate_change_refresh_and_nothing_is_lost() {
    let dir = project();
    let root = dir.root();

    // Before: no Japanese overlay at all.
    let before = status(root);
    assert!(japanese(&before)["overlay"].is_null());
    let texts = japanese(&before)["missing"].as_array().unwrap().len();
    assert_eq!(texts, 19, "{before:#}");

    // Create it: every source text, empty translations (said on standard error).
    let (code, _, out) = run(hindsight(root).args(["translate", RECORD, "--to", "ja"]));
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!("created {OVERLAY}: 19 added, 0 kept")),
        "{out}"
    );
    let overlay = root.join(OVERLAY);
    assert_eq!(
        japanese(&status(root))["untranslated"]
            .as_array()
            .unwrap()
            .len(),
        19
    );

    // Translate the title and the first lesson.
    edit(
        &overlay,
        "  source: Production Docker images deleted by the image retention workflow\n  text: \"\"",
        "  source: Production Docker images deleted by the image retention workflow\n  text: イメージ保持ワークフローが本番の Docker イメージを削除",
    );
    edit(
        &overlay,
        "- source: Review and test a workflow before it runs against production.\n    text: \"\"",
        "- source: Review and test a workflow before it runs against production.\n    text: 本番で動かす前にワークフローをレビューしテストする。",
    );
    assert_eq!(japanese(&status(root))["current"], 2);

    // The record changes: the title is reworded, the first lesson is dropped.
    let record = root.join(RECORD);
    edit(
        &record,
        "title: Production Docker images deleted",
        "title: Production images deleted",
    );
    edit(
        &record,
        "  - Review and test a workflow before it runs against production.\n",
        "",
    );
    let changed = status(root);
    let stale = &japanese(&changed)["stale"][0];
    assert_eq!(stale["field"], "title");
    let diff: Vec<(String, String)> = stale["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["op"].as_str().unwrap().into(),
                s["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        diff.contains(&("delete".into(), "Docker ".into())),
        "{diff:?}"
    );
    assert_eq!(japanese(&changed)["orphaned"][0]["field"], "lessons");
    let (_, human, _) = run(hindsight(root).args(["translate", "status"]));
    assert!(human.contains("stale         title"), "{human}");
    assert!(
        human.contains("Production [-Docker -]images deleted"),
        "{human}"
    );

    // Refresh: the new source, the old translation kept with `previous`, the orphan kept.
    let (code, _, out) = run(hindsight(root).args(["translate", RECORD, "--to", "ja"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("0 added, 17 kept, 1 marked stale, 1 orphaned kept"),
        "{out}"
    );
    let refreshed = fs::read_to_string(&overlay).unwrap();
    assert!(
        refreshed.contains("source: Production images deleted by the image retention workflow")
    );
    assert!(
        refreshed
            .contains("previous: Production Docker images deleted by the image retention workflow")
    );
    assert!(refreshed.contains("text: イメージ保持ワークフローが本番の Docker イメージを削除"));
    assert!(refreshed.contains("text: 本番で動かす前にワークフローをレビューしテストする。"));
    assert_eq!(
        japanese(&status(root))["stale"].as_array().unwrap().len(),
        1
    );

    // The page uses the stale translation and says so, in Japanese.
    let (code, html, _) =
        run(hindsight(root).args(["render", RECORD, "--lang", "ja", "--format", "html"]));
    assert_eq!(code, 0);
    assert!(html.contains("イメージ保持ワークフローが本番の Docker イメージを削除"));
    assert!(html.contains("この翻訳の一部は古くなっています"));

    // The translator updates the text and deletes `previous`: current again.
    edit(
        &overlay,
        "  previous: Production Docker images deleted by the image retention workflow\n",
        "",
    );
    edit(&overlay, "本番の Docker イメージ", "本番イメージ");
    let done = status(root);
    assert!(
        japanese(&done)["stale"].as_array().unwrap().is_empty(),
        "{done:#}"
    );
    assert_eq!(japanese(&done)["current"], 1);
}

#[test]
fn an_overlay_with_errors_is_never_rewritten() {
    let dir = project();
    let overlay = dir.root().join(OVERLAY);
    for (broken, rule) in [
        (
            "lang: ja\ntitle:\n  source: [unclosed\n",
            "error[yaml-syntax]",
        ),
        (
            "lang: ja\ntitle:\n  source: A\n  txet: B\n",
            "error[unknown-field]",
        ),
    ] {
        fs::write(&overlay, broken).unwrap();
        let (code, _, err) = run(hindsight(dir.root()).args(["translate", RECORD, "--to", "ja"]));
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains("fix them first so that no translation is lost"),
            "{err}"
        );
        assert!(err.contains(rule), "the overlay's errors are shown: {err}");
        assert_eq!(fs::read_to_string(&overlay).unwrap(), broken);
    }
}

#[test]
fn translating_into_the_records_own_language_is_refused() {
    let dir = project();
    let (code, _, err) = run(hindsight(dir.root()).args(["translate", RECORD, "--to", "en"]));
    assert_eq!(code, 2);
    assert!(err.contains("is written in en already"), "{err}");
}

#[test]
fn render_writes_the_file_it_is_asked_to() {
    let dir = project();
    let (code, out, _) = run(hindsight(dir.root()).args([
        "render",
        RECORD,
        "--lang",
        "de",
        "-o",
        "out/logto.de.md",
    ]));
    assert_eq!((code, out.as_str()), (0, ""));
    let written = fs::read_to_string(dir.root().join("out/logto.de.md")).unwrap();
    assert!(
        written.starts_with("# Production Docker images"),
        "no German overlay here: {written}"
    );
    assert!(written.contains("## Zeitlicher Ablauf"));
}

#[test]
fn render_usage_errors_exit_2() {
    let dir = project();
    let (code, _, err) = run(hindsight(dir.root()).args(["render", RECORD, "--lang", "fr"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("`fr` is not a language hindsight writes; use one of en, de, ja, zh"),
        "{err}"
    );
    fs::write(dir.root().join(OVERLAY), "lang: ja\n").unwrap();
    let (code, _, err) = run(hindsight(dir.root()).args(["render", OVERLAY]));
    assert_eq!(code, 2);
    assert!(err.contains("is a translation overlay"), "{err}");
}

#[test]
fn a_record_with_errors_is_not_rendered() {
    let dir = project();
    edit(
        &dir.root().join(RECORD),
        "severity: critical",
        "severity: catastrophic",
    );
    let (code, out, err) = run(hindsight(dir.root()).args(["render", RECORD]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("error[invalid-value]"), "{err}");
}

#[test]
fn project_templates_and_locales_override_the_built_ins() {
    let dir = project();
    fs::create_dir_all(dir.root().join("locales/de")).unwrap();
    fs::write(
        dir.root().join("locales/de/postmortem.ftl"),
        "heading-timeline = Ablauf\n",
    )
    .unwrap();
    let (code, out, err) = run(hindsight(dir.root()).args(["render", RECORD, "--lang", "de"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("## Ablauf") && out.contains("## Zusammenfassung"),
        "{out}"
    );
    assert!(err.contains("using the built-in text for"), "{err}");

    fs::create_dir_all(dir.root().join("templates")).unwrap();
    fs::write(
        dir.root().join("templates/postmortem.md"),
        "# {{ title.markdown }}\n{% if %}\n",
    )
    .unwrap();
    let (code, _, err) = run(hindsight(dir.root()).args(["render", RECORD]));
    assert_eq!(code, 2);
    assert!(err.contains("templates/postmortem.md"), "{err}");
    assert!(err.contains("postmortem.md:2:"), "{err}");
}

/// The editor's modeline: left out, with a hint, while the project has no copy of the
/// schema (editors would report "Unable to load schema"); once `schema --write` made one,
/// added to an overlay whose leading comments have none, kept with the translator's own
/// comments by a refresh, and written for an overlay in a subfolder with the right path.
#[test]
fn overlays_get_the_modeline_and_a_refresh_keeps_the_leading_comments() {
    let dir = project();
    let root = dir.root();
    assert!(!root.join(".hindsight").exists());
    let (code, _, stderr) = run(hindsight(root).args(["translate", RECORD, "--to", "ja"]));
    assert_eq!(code, 0, "{stderr}");
    let created = fs::read_to_string(root.join(OVERLAY)).unwrap();
    assert!(!created.contains("yaml-language-server"), "{created}");
    assert!(
        stderr.contains(".hindsight/overlay.schema.json is missing")
            && stderr.contains("`hindsight schema --write`"),
        "{stderr}"
    );

    let (code, _, stderr) = run(hindsight(root).args(["schema", "--write"]));
    assert_eq!(code, 0, "{stderr}");
    let notes = "# Reviewed by Aiko.\n\n";
    let body = created.split_once("\nlang:").unwrap().1;
    fs::write(root.join(OVERLAY), format!("{notes}lang:{body}")).unwrap();
    let (code, _, stderr) = run(hindsight(root).args(["translate", RECORD, "--to", "ja"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("is missing"), "{stderr}");
    let gained = fs::read_to_string(root.join(OVERLAY)).unwrap();
    assert!(
        gained.starts_with(&format!(
            "# yaml-language-server: $schema=../.hindsight/overlay.schema.json\n{notes}lang: ja\n"
        )),
        "{gained}"
    );

    let mine = "# yaml-language-server: $schema=../schemas/overlay.json\n# Reviewed by Aiko.\n\n";
    fs::write(root.join(OVERLAY), format!("{mine}lang:{body}")).unwrap();
    edit(&root.join(RECORD), "title: ", "title: Still ");
    let (code, _, stderr) = run(hindsight(root).args(["translate", RECORD, "--to", "ja"]));
    assert_eq!(code, 0, "{stderr}");
    let refreshed = fs::read_to_string(root.join(OVERLAY)).unwrap();
    assert!(
        refreshed.starts_with(&format!("{mine}lang: ja\n")),
        "{refreshed}"
    );
    assert!(refreshed.contains("source: Still "), "{refreshed}");

    let nested = "incidents/2023/2023-12-17-logto-image-deleted.yaml";
    fs::create_dir_all(root.join("incidents/2023")).unwrap();
    fs::rename(root.join(RECORD), root.join(nested)).unwrap();
    fs::remove_file(root.join(OVERLAY)).unwrap();
    let (code, _, stderr) = run(hindsight(root).args(["translate", nested, "--to", "de"]));
    assert_eq!(code, 0, "{stderr}");
    let deeper =
        fs::read_to_string(root.join("incidents/2023/2023-12-17-logto-image-deleted.de.yaml"))
            .unwrap();
    assert!(
        deeper
            .starts_with("# yaml-language-server: $schema=../../.hindsight/overlay.schema.json\n"),
        "{deeper}"
    );
}

/// A stale title is quoted in the diff: the GitHub runner must not read it as a workflow
/// command (`##[add-mask]` anywhere, `::add-mask::` after a line break) in a CI log.
#[test]
fn record_text_cannot_become_a_workflow_command_in_a_ci_log() {
    let dir = project();
    let root = dir.root();
    let (code, _, _) = run(hindsight(root).args(["translate", RECORD, "--to", "ja"]));
    assert_eq!(code, 0);
    edit(
        &root.join(OVERLAY),
        "  source: Production Docker images deleted by the image retention workflow\n  text: \"\"",
        "  source: Production Docker images deleted by the image retention workflow\n  text: 削除",
    );
    edit(
        &root.join(RECORD),
        "title: Production Docker images deleted by the image retention workflow",
        "title: \"Login ##[add-mask]broke\\r::add-mask::secret \\e[31m\"",
    );
    let (code, human, _) = run(hindsight(root).args(["translate", "status"]));
    assert_eq!(code, 0, "{human}");
    assert!(human.contains("##\\[add-mask]broke"), "{human}");
    assert!(human.contains("\\r::add-mask::secret"), "{human}");
    assert!(human.contains("\\u{1b}[31m"), "{human}");
    for line in human.split(['\n', '\r']) {
        assert!(!line.trim_start().starts_with("::"), "{line:?} in\n{human}");
        assert!(!line.contains("##["), "{line:?} in\n{human}");
        assert!(!line.contains('\u{1b}'), "{line:?} in\n{human}");
    }
}
