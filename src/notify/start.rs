//! Where a run starts: the public page subscribers were last told, chosen from the delivery
//! log, `--since` or `--previous`, and checked against the repository's history, so that a
//! rewritten history or a run for an older commit never tells anything twice or backwards.

use std::path::Path;

use anyhow::bail;
use chrono::{DateTime, Utc};

use super::log::DeliveryLog;
use super::previous::{self, Previous};
use crate::diagnostic::display_path;

/// What a run compares with.
#[derive(Debug)]
pub enum Start {
    Compare {
        previous: Previous,
        /// The commit the previous state was read from, and the "now" it was derived at.
        from: Option<(String, DateTime<Utc>)>,
        /// What the user should know about where the run starts (for the command to print).
        notes: Vec<String>,
    },
    /// The log has told subscribers about a newer commit than the one checked out (a run
    /// for an older build finishing late): there is nothing to tell.
    AlreadyTold { commit: String },
}

/// How the user asked to start.
pub struct Asked<'a> {
    pub since: Option<&'a str>,
    pub previous: Option<&'a Path>,
}

/// The start of a run in the repository at `root` whose HEAD is `head`: an unfinished
/// run's start while one left work; else `--since` or `--previous`; else the commit the log
/// keeps, at the time of the last run. A `retry_from` commit that is gone (a rewritten
/// history) is dropped from `log` when `--since` says where to start instead.
pub fn start(
    root: &Path,
    asked: &Asked,
    log: &mut DeliveryLog,
    head: Option<&str>,
    now: DateTime<Utc>,
) -> anyhow::Result<Start> {
    if let Some(dir) = asked.previous {
        return Ok(Start::Compare {
            previous: previous::from_dir(dir)?,
            from: None,
            notes: Vec::new(),
        });
    }
    let exists = |commit: &str| previous::commit_of(root, commit).is_some();
    let mut notes = Vec::new();
    if let Some((commit, _)) = log.retry_from()
        && !exists(&commit)
    {
        let Some(since) = asked.since else {
            bail!(
                "the delivery log's `retry_from` commit {commit} (where an unfinished run started) is not in this repository: check out the whole history (in GitHub Actions, `fetch-depth: 0`); if the history was rewritten, run once with `--since REF` (the notify workflow: run it by hand with `since`)"
            );
        };
        notes.push(format!(
            "warning: the commit {commit} an unfinished run started from is gone; starting from `{since}`: what that run did not deliver before `{since}` is not sent"
        ));
        log.clear_retry_from();
    }
    // The old records at the last run's "now": windows that began or ended by the clock
    // since then are news.
    let then = log.last_run().filter(|t| *t <= now).unwrap_or(now);
    let (reference, then) = match (log.retry_from(), asked.since, log.last_commit()) {
        (Some((commit, at)), since, _) => {
            if let Some(since) = since {
                notes.push(format!(
                    "note: starting from {commit}, where an unfinished run started, not from `{since}`: that run's deliveries come first"
                ));
            }
            (commit, at)
        }
        (None, Some(reference), _) => (reference.to_string(), then),
        (None, None, Some(commit)) => {
            if !exists(commit) {
                bail!(
                    "the delivery log's last commit {commit} is not in this repository: check out the whole history (in GitHub Actions, `fetch-depth: 0`); if the history was rewritten, run once with `--since REF` (the notify workflow: run it by hand with `since`)"
                );
            }
            (commit.to_string(), then)
        }
        (None, None, None) if head.is_none() => bail!(
            "{} is not in a git repository: notify compares with the commit it notified last; give `--previous DIR` (a published site) instead",
            display_path(root)
        ),
        (None, None, None) => {
            return Ok(Start::Compare {
                previous: Previous::Nothing,
                from: None,
                notes,
            });
        }
    };
    let (state, commit) = previous::at_ref(root, &reference, then)?;
    if let (Some(commit), Some(head)) = (&commit, head)
        && commit != head
        && previous::is_ancestor(root, head, commit)
    {
        return Ok(Start::AlreadyTold {
            commit: commit.clone(),
        });
    }
    Ok(Start::Compare {
        previous: state,
        from: commit.map(|c| (c, then)),
        notes,
    })
}
