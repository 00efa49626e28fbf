//! The previous public state: the project's records at a git ref (`--since`), derived as
//! `build` derives them, or a previously published site's API (`--previous`).

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};

use super::state::{self, PublicState};
use crate::diagnostic::display_path;
use crate::model::Record;

/// What came before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Previous {
    State(PublicState),
    /// There was no project yet (the ref predates site/config.yaml, or is the all-zero
    /// "no commit" of a new branch): nothing is sent, so a first run does not flood
    /// subscribers with the whole history.
    Nothing,
}

/// The state of the project at `root` as of git ref `reference`, derived at `now`.
pub fn at_ref(root: &Path, reference: &str, now: DateTime<Utc>) -> anyhow::Result<Previous> {
    // The all-zero object id (SHA-1 or SHA-256) of a push that created the branch.
    if matches!(reference.len(), 40 | 64) && reference.bytes().all(|b| b == b'0') {
        return Ok(Previous::Nothing);
    }
    if reference.starts_with('-') {
        bail!("`{reference}` is not a git ref");
    }
    let commit = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{reference}^{{commit}}"),
        ],
    )
    .ok()
    .map(|out| String::from_utf8_lossy(&out).trim().to_string())
    .filter(|c| !c.is_empty())
    .with_context(|| {
        format!(
            "`{reference}` is not a commit of the git repository at {}",
            display_path(root)
        )
    })?;
    let prefix = git(root, &["rev-parse", "--show-prefix"])?;
    let prefix = String::from_utf8_lossy(&prefix).trim().to_string();
    let tree = format!("{commit}:{prefix}");
    let listed = match git(root, &["ls-tree", "--name-only", &tree]) {
        Ok(listed) => String::from_utf8_lossy(&listed).into_owned(),
        // The project's folder did not exist then.
        Err(_) => return Ok(Previous::Nothing),
    };
    let names: Vec<&str> = listed.lines().collect();
    if !names.contains(&"site") {
        return Ok(Previous::Nothing);
    }
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let mut paths = vec!["site"];
    if names.contains(&"incidents") {
        paths.push("incidents");
    }
    export(root, &tree, &paths, dir.path())?;
    // git keeps no empty folder: a project without records then had an empty incidents/.
    std::fs::create_dir_all(dir.path().join("incidents"))
        .context("cannot create a temporary folder")?;
    if !crate::project::has_config(dir.path()) {
        return Ok(Previous::Nothing);
    }
    let project = crate::project::Project::load(dir.path(), &[])
        .with_context(|| format!("cannot read the project as of `{reference}`"))?;
    let corpus = &project.corpus;
    let records: Vec<&Record> = corpus
        .records
        .iter()
        .filter_map(|file| file.record.as_ref())
        .collect();
    // No git history in the export: revisions only date pages, they change no status.
    let revisions = crate::load::Revisions::new();
    let status = crate::status::derive(&records, &corpus.config.config, &revisions, now);
    Ok(Previous::State(state::from_status(&status)))
}

/// The commit `reference` names in the repository at `root`, if it names one.
pub fn commit_of(root: &Path, reference: &str) -> Option<String> {
    if reference.starts_with('-') {
        return None;
    }
    let out = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{reference}^{{commit}}"),
        ],
    )
    .ok()?;
    Some(String::from_utf8_lossy(&out).trim().to_string()).filter(|c| !c.is_empty())
}

/// The state a previously published site in `dir` shows.
pub fn from_dir(dir: &Path) -> anyhow::Result<Previous> {
    Ok(Previous::State(state::from_site_dir(dir)?))
}

fn git(root: &Path, args: &[&str]) -> anyhow::Result<Vec<u8>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .context("cannot run git")?;
    if !output.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(output.stdout)
}

/// `git archive <tree> <paths> | tar -x -C <into>`.
fn export(root: &Path, tree: &str, paths: &[&str], into: &Path) -> anyhow::Result<()> {
    let mut archive = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", tree, "--"])
        .args(paths)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run git")?;
    let stdout = archive.stdout.take().expect("piped");
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(into)
        .stdin(stdout)
        .output()
        .context("cannot run tar")?;
    let archived = archive.wait_with_output().context("cannot run git")?;
    if !archived.status.success() {
        bail!(
            "git archive failed: {}",
            String::from_utf8_lossy(&archived.stderr).trim()
        );
    }
    if !tar.status.success() {
        bail!(
            "tar could not unpack the records: {}",
            String::from_utf8_lossy(&tar.stderr).trim()
        );
    }
    Ok(())
}
