//! `init`: the file set of a new incident repository, written without replacing anything.

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::assets::INIT_FILES;
use crate::model::Lang;
use crate::publish;
use crate::schema::SchemaKind;

/// What `init` did.
#[derive(Debug)]
pub enum Initialized {
    /// The files written, and those skipped because a file of that name was already there
    /// (paths relative to the project).
    Done {
        written: Vec<PathBuf>,
        skipped: Vec<PathBuf>,
    },
    /// The folder holds files already and `--force` was not given; nothing was written.
    NotEmpty(PathBuf),
}

/// The files of a new project whose config comments are in `lang` and whose site is built in
/// `languages` (the first is the default; none: `lang` alone): (path under the project,
/// contents).
pub fn files(lang: Lang, languages: &[Lang]) -> Vec<(PathBuf, String)> {
    let embedded = |name: &str| {
        INIT_FILES
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, text)| text.to_string())
            .unwrap_or_default()
    };
    // For the modelines of every new record and overlay and of the config: editors validate
    // and complete them. Without `$id`: the project's address is not known yet.
    let copies = crate::schema::local_copies();
    let schema = |kind: SchemaKind| {
        let (path, text) = copies
            .iter()
            .find(|(path, _)| *path == kind.project_path())
            .cloned()
            .unwrap_or_default();
        (PathBuf::from(path), text)
    };
    vec![
        (
            "site/config.yaml".into(),
            SchemaKind::Config.modeline(1)
                + &with_languages(&embedded(&format!("config.{lang}.yaml")), languages),
        ),
        ("incidents/.gitkeep".into(), String::new()),
        schema(SchemaKind::Record),
        schema(SchemaKind::Overlay),
        (".gitignore".into(), embedded("gitignore")),
        (".editorconfig".into(), embedded("editorconfig")),
        (
            ".github/workflows/hindsight.yml".into(),
            embedded("workflow.yml"),
        ),
        (
            ".github/workflows/hindsight-notify.yml".into(),
            embedded("notify-workflow.yml"),
        ),
        // Last, so that the files before keep their places.
        schema(SchemaKind::Config),
    ]
}

/// The config with its `languages: […]` line listing `languages`.
fn with_languages(config: &str, languages: &[Lang]) -> String {
    if languages.is_empty() {
        return config.to_string();
    }
    let names: Vec<&str> = languages.iter().map(|lang| lang.as_str()).collect();
    config
        .split_inclusive('\n')
        .map(|line| match line.starts_with("languages: [") {
            true => format!("languages: [{}]\n", names.join(", ")),
            false => line.to_string(),
        })
        .collect()
}

/// Starts a project in `dir` (created if missing). A folder that holds anything is refused
/// unless `force`; even then no existing file is replaced. `/` and the home folder are
/// refused always.
pub fn init(
    dir: &Path,
    lang: Lang,
    languages: &[Lang],
    force: bool,
) -> anyhow::Result<Initialized> {
    if let Some(twice) = languages
        .iter()
        .find(|lang| languages.iter().filter(|l| l == lang).count() > 1)
    {
        bail!("--languages names {twice} twice; list each language once");
    }
    let resolved = publish::guard::resolve(dir)?;
    if resolved.parent().is_none() {
        bail!("refusing to start a project in /; name a new folder, such as `status`");
    }
    let home = std::env::var_os("HOME").filter(|home| !home.is_empty());
    if let Some(home) = home
        && publish::guard::resolve(Path::new(&home)).is_ok_and(|home| home == resolved)
    {
        bail!(
            "refusing to start a project in your home folder {}; name a new folder, such as `status`",
            resolved.display()
        );
    }
    if resolved.exists() && !resolved.is_dir() {
        bail!("{} exists and is not a folder", dir.display());
    }
    let occupied = std::fs::read_dir(&resolved).is_ok_and(|mut entries| entries.next().is_some());
    if occupied && !force {
        return Ok(Initialized::NotEmpty(dir.to_path_buf()));
    }
    // With --force, a link already in the folder (`.hindsight -> incidents`, `site -> ..`)
    // would send a file into an input folder or out of the project: refused before any is
    // written.
    let files = files(lang, languages);
    let protected = publish::Protected::new(&resolved)?;
    // A file already there is skipped, even a link: only the folders on its way are judged.
    for (path, _) in &files {
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            protected.check_project_file(folder)?;
        }
    }
    let (mut written, mut skipped) = (Vec::new(), Vec::new());
    for (path, text) in files {
        if publish::create_file(&dir.join(&path), text.as_bytes())? {
            written.push(path);
        } else {
            skipped.push(path);
        }
    }
    Ok(Initialized::Done { written, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Keyword as _;

    #[test]
    fn every_config_loads_without_findings_and_comments_in_its_language() {
        for lang in Lang::ALL {
            let set = files(*lang, &[]);
            let config = &set[0].1;
            let corpus = crate::load::from_texts(Some(config), &[]);
            assert!(
                corpus.config.findings.is_empty(),
                "{lang}: {:?}",
                corpus.config.findings
            );
            assert_eq!(corpus.config.config.languages, [*lang]);
            assert_eq!(corpus.config.config.components.len(), 1);
            let mut lines = config.lines();
            assert_eq!(
                lines.next(),
                Some("# yaml-language-server: $schema=../.hindsight/config.schema.json")
            );
            let first_comment = lines.next().unwrap();
            let native = match lang {
                Lang::En => "The status site",
                Lang::De => "Die Statusseite",
                Lang::Ja => "ステータスサイト",
                Lang::Zh => "状态页",
            };
            assert!(first_comment.contains(native), "{lang}: {first_comment}");
        }
        assert_eq!(Lang::NAMES.len(), 4);
    }

    #[test]
    fn languages_are_the_sites_in_the_order_given() {
        for lang in Lang::ALL {
            let set = files(*lang, &[Lang::Ja, Lang::En]);
            let corpus = crate::load::from_texts(Some(&set[0].1), &[]);
            assert_eq!(corpus.config.config.languages, [Lang::Ja, Lang::En]);
            assert!(corpus.config.findings.is_empty());
        }
        let dir = tempfile::tempdir().unwrap();
        let error = init(dir.path(), Lang::En, &[Lang::De, Lang::De], false).unwrap_err();
        assert!(error.to_string().contains("de twice"), "{error}");
    }

    #[test]
    fn a_non_empty_folder_is_refused_and_force_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".gitignore"), "mine\n").unwrap();
        assert!(matches!(
            init(dir.path(), Lang::En, &[], false).unwrap(),
            Initialized::NotEmpty(_)
        ));
        assert!(!dir.path().join("site").exists());
        let Initialized::Done { written, skipped } = init(dir.path(), Lang::En, &[], true).unwrap()
        else {
            panic!("forced");
        };
        assert_eq!(skipped, [PathBuf::from(".gitignore")]);
        assert_eq!(written.len(), files(Lang::En, &[]).len() - 1);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(".gitignore")).unwrap(),
            "mine\n"
        );
    }

    #[test]
    fn the_workflow_lints_uploads_sarif_deploys_pages_and_rebuilds_on_a_schedule() {
        let workflow = &files(Lang::En, &[])[6].1;
        for needed in [
            "--format github",
            "github/codeql-action/upload-sarif",
            "actions/upload-pages-artifact",
            "actions/deploy-pages",
            "cron:",
            "cargo install --locked --git",
        ] {
            assert!(workflow.contains(needed), "{needed}");
        }
    }

    /// The page flips on time without commits: a rebuild at least every 15 minutes, and a
    /// job that waits for `next_change` when it comes before the next scheduled run.
    #[test]
    fn the_workflow_rebuilds_every_15_minutes_and_at_the_next_change() {
        let workflow = &files(Lang::En, &[])[6].1;
        let yaml: serde_json::Value = serde_saphyr::from_str(workflow).unwrap();
        let crons: Vec<&str> = yaml["on"]["schedule"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["cron"].as_str().unwrap())
            .collect();
        assert_eq!(crons, ["*/15 * * * *"]);
        // A scheduled run changes no record: it builds without linting (and uploading) again.
        let lint_if = yaml["jobs"]["lint"]["if"].as_str().unwrap();
        assert!(lint_if.contains("!= 'schedule'"), "{lint_if}");
        let build_if = yaml["jobs"]["build"]["if"].as_str().unwrap();
        assert!(build_if.contains("'skipped'"), "{build_if}");
        let build = yaml["jobs"]["build"].to_string();
        assert!(build.contains("--format json"), "{build}");
        assert!(build.contains("next_change"), "{build}");
        assert!(build.contains("GITHUB_STEP_SUMMARY"), "{build}");
        let on_time = &yaml["jobs"]["on-time"];
        assert!(on_time["if"].as_str().unwrap().contains("next_change"));
        let steps = on_time["steps"].to_string();
        for needed in ["sleep", "900", "hindsight build", "actions/deploy-pages"] {
            assert!(steps.contains(needed), "{needed}");
        }
    }

    /// Notify runs after the build workflow, in a workflow a new push cannot cancel, and
    /// commits the delivery log even when a delivery failed.
    #[test]
    fn the_notify_workflow_follows_the_build_and_is_never_cancelled() {
        let files = files(Lang::En, &[]);
        let (path, workflow) = &files[7];
        assert_eq!(path, ".github/workflows/hindsight-notify.yml");
        let yaml: serde_json::Value = serde_saphyr::from_str(workflow).unwrap();
        let build: serde_json::Value = serde_saphyr::from_str(&files[6].1).unwrap();
        assert_eq!(yaml["on"]["workflow_run"]["workflows"][0], build["name"]);
        assert_eq!(yaml["on"]["workflow_run"]["branches"][0], "main");
        assert_eq!(yaml["concurrency"]["cancel-in-progress"], false);
        assert!(build["jobs"].get("notify").is_none());
        let steps = yaml["jobs"]["notify"]["steps"].as_array().unwrap();
        // The commit that was built, not main's newest, with the log from its own branch
        // (no one force-pushes it), saved back there even after a failure.
        let checked_out = steps[0]["with"]["ref"].as_str().unwrap();
        assert!(
            checked_out.contains("workflow_run.head_sha"),
            "{checked_out}"
        );
        assert_eq!(steps[0]["with"]["fetch-depth"], 0);
        assert!(
            steps[1]["run"]
                .as_str()
                .unwrap()
                .contains("origin hindsight-notify-log")
        );
        let save = steps.last().unwrap();
        assert_eq!(save["if"], "always()");
        assert!(
            save["run"]
                .as_str()
                .unwrap()
                .contains("refs/heads/hindsight-notify-log")
        );
        let by_hand = yaml["jobs"]["notify"]["if"].as_str().unwrap();
        assert!(by_hand.contains("refs/heads/main"), "{by_hand}");
        let notify = &steps[steps.len() - 2];
        assert!(
            notify["run"]
                .as_str()
                .unwrap()
                .starts_with("hindsight notify")
        );
        assert!(
            yaml["on"]["workflow_dispatch"]["inputs"]
                .get("since")
                .is_some()
        );
    }

    /// Every job that builds hindsight keys its cache on the commit it resolved this run, so
    /// that an unpinned (or moved) HINDSIGHT_REV never restores an old build forever.
    #[test]
    fn cached_builds_are_keyed_on_the_resolved_commit() {
        let files = files(Lang::En, &[]);
        let mut jobs = 0;
        for (_, workflow) in &files[6..8] {
            let yaml: serde_json::Value = serde_saphyr::from_str(workflow).unwrap();
            for (name, job) in yaml["jobs"].as_object().unwrap() {
                let Some(steps) = job["steps"].as_array() else {
                    continue;
                };
                let at = |uses: &str| steps.iter().position(|s| s["uses"] == uses);
                let Some(cache) = at("actions/cache@v4") else {
                    continue;
                };
                jobs += 1;
                let resolve = steps.iter().position(|s| s["id"] == "hindsight").unwrap();
                assert!(resolve < cache, "{name}");
                assert!(
                    steps[resolve]["run"]
                        .as_str()
                        .unwrap()
                        .contains("git ls-remote")
                );
                let key = steps[cache]["with"]["key"].as_str().unwrap();
                assert!(
                    key.contains("steps.hindsight.outputs.commit"),
                    "{name}: {key}"
                );
                assert!(!key.contains("vars."), "{name}: {key}");
                let install = &steps[cache + 1];
                assert!(
                    install["run"]
                        .as_str()
                        .unwrap()
                        .contains("--rev \"$COMMIT\"")
                );
            }
        }
        assert_eq!(jobs, 4, "lint, build, on-time, notify");
        assert!(!files[6].1.contains("no release binaries"));
    }

    /// SARIF goes to code scanning only from a run that checked the project (a failed run's
    /// empty log would close every alert), never on a fork's pull request (read-only token),
    /// with the current major version of the upload action.
    #[test]
    fn the_sarif_upload_skips_failed_runs_and_forks() {
        let workflow = &files(Lang::En, &[])[6].1;
        let yaml: serde_json::Value = serde_saphyr::from_str(workflow).unwrap();
        let steps = yaml["jobs"]["lint"]["steps"].as_array().unwrap();
        let upload = steps
            .iter()
            .find(|s| s["uses"] == "github/codeql-action/upload-sarif@v4")
            .unwrap();
        let condition = upload["if"].as_str().unwrap();
        for needed in [
            "!cancelled()",
            "steps.sarif.outcome == 'success'",
            "head.repo.full_name != github.repository",
        ] {
            assert!(condition.contains(needed), "{needed}: {condition}");
        }
        assert!(!workflow.contains("always()"), "{workflow}");
    }
}
