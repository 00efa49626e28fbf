//! The previous public state: the project's records at a git ref (`--since`), derived as
//! `build` derives them, or a previously published site's API (`--previous`).

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};

use super::state::{self, PublicState};
use crate::diagnostic::Severity;
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

/// How many commits back `at_ref` looks for one whose site built.
const BROKEN_COMMITS_SKIPPED: usize = 20;

/// The state of the project at `root` as of git ref `reference`, derived at `now`, and the
/// commit it was read from. A commit whose site does not build (a record with an error) was
/// never published: the page then still showed its nearest first-parent ancestor that
/// built, so that one is read instead (else updates made since it would be lost).
pub fn at_ref(
    root: &Path,
    reference: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<(Previous, Option<String>)> {
    // The all-zero object id (SHA-1 or SHA-256) of a push that created the branch.
    if matches!(reference.len(), 40 | 64) && reference.bytes().all(|b| b == b'0') {
        return Ok((Previous::Nothing, None));
    }
    let Some(commit) = commit_of(root, reference) else {
        bail!(
            "`{reference}` names no commit in this git repository{}; on the first run, leave out \
             `--since` (it starts from the commit the delivery log keeps)",
            match root.canonicalize() {
                Ok(dir) => format!(" ({})", dir.display()),
                Err(_) => String::new(),
            }
        );
    };
    let prefix = git(root, &["rev-parse", "--show-prefix"])?;
    let prefix = String::from_utf8_lossy(&prefix).trim().to_string();
    let history = git(
        root,
        &[
            "rev-list",
            "--first-parent",
            &format!("--max-count={}", BROKEN_COMMITS_SKIPPED + 1),
            &commit,
        ],
    )?;
    let history = String::from_utf8_lossy(&history).into_owned();
    let mut first_broken = None;
    for candidate in history.lines() {
        match state_at(root, &format!("{candidate}:{prefix}"), now)
            .with_context(|| format!("cannot read the project as of `{reference}`"))?
        {
            Read::Nothing => break,
            Read::Built(state) => return Ok((state, Some(candidate.to_string()))),
            Read::Broken(state) => {
                first_broken.get_or_insert((state, Some(candidate.to_string())));
            }
        }
    }
    // Nothing before it built either: its records as they are.
    Ok(first_broken.unwrap_or((Previous::Nothing, None)))
}

/// The project in one tree of the history.
enum Read {
    /// No project there (no site/config.yaml).
    Nothing,
    Built(Previous),
    /// Its site would not build: never published.
    Broken(Previous),
}

fn state_at(root: &Path, tree: &str, now: DateTime<Utc>) -> anyhow::Result<Read> {
    let listed = match git(root, &["ls-tree", "--name-only", tree]) {
        Ok(listed) => String::from_utf8_lossy(&listed).into_owned(),
        // The project's folder did not exist then.
        Err(_) => return Ok(Read::Nothing),
    };
    let names: Vec<&str> = listed.lines().collect();
    if !names.contains(&"site") {
        return Ok(Read::Nothing);
    }
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let mut paths = vec!["site"];
    if names.contains(&"incidents") {
        paths.push("incidents");
    }
    export(root, tree, &paths, dir.path())?;
    // git keeps no empty folder: a project without records then had an empty incidents/.
    std::fs::create_dir_all(dir.path().join("incidents"))
        .context("cannot create a temporary folder")?;
    if !crate::project::has_config(dir.path()) {
        return Ok(Read::Nothing);
    }
    let project = crate::project::Project::load(dir.path(), &[])?;
    let builds = project.check(now).count(Severity::Error) == 0;
    let corpus = &project.corpus;
    let records: Vec<&Record> = corpus
        .records
        .iter()
        .filter_map(|file| file.record.as_ref())
        .collect();
    // No git history in the export: revisions only date pages, they change no status.
    let revisions = crate::load::Revisions::new();
    let status = crate::status::derive(&records, &corpus.config.config, &revisions, now);
    let state = Previous::State(state::from_status(&status));
    Ok(if builds {
        Read::Built(state)
    } else {
        Read::Broken(state)
    })
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

/// Whether `older` is an ancestor of `newer` (both commits of the repository at `root`).
pub(crate) fn is_ancestor(root: &Path, older: &str, newer: &str) -> bool {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["merge-base", "--is-ancestor", older, newer])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
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
