//! Git revisions: when each record (with its overlays) last changed, and when its file was
//! first committed, read from `git log` once for the whole project. The feeds use the last
//! change as an entry's `updated` time; the API dates a maintenance's announcement by the
//! first commit.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};

/// What git knows of each record, by record id.
#[derive(Debug, Clone, Default)]
pub struct Revisions {
    /// The last commit that changed the record or one of its overlays.
    last: HashMap<String, DateTime<Utc>>,
    /// The first commit that holds the record's own file.
    added: HashMap<String, DateTime<Utc>>,
}

impl Revisions {
    pub(crate) fn new() -> Revisions {
        Revisions::default()
    }

    /// When the record or one of its overlays last changed.
    pub(crate) fn last(&self, id: &str) -> Option<DateTime<Utc>> {
        self.last.get(id).copied()
    }

    /// When the record's own file was first committed.
    pub(crate) fn added(&self, id: &str) -> Option<DateTime<Utc>> {
        self.added.get(id).copied()
    }

    /// A hash of everything these revisions say, for the build's key.
    pub(crate) fn digest(&self) -> [u8; 32] {
        use sha2::{Digest as _, Sha256};
        let mut hasher = Sha256::new();
        for (name, map) in [("last", &self.last), ("added", &self.added)] {
            let mut pairs: Vec<_> = map.iter().collect();
            pairs.sort();
            hasher.update(format!("{name} {}\n", pairs.len()));
            for (id, at) in pairs {
                hasher.update(format!("{id}\t{}\n", at.timestamp()));
            }
        }
        hasher.finalize().into()
    }

    /// Revisions from `(id, last change)` pairs, each record first committed then too.
    #[cfg(test)]
    pub(crate) fn of(pairs: &[(&str, DateTime<Utc>)]) -> Revisions {
        let map: HashMap<String, DateTime<Utc>> =
            pairs.iter().map(|&(id, at)| (id.to_string(), at)).collect();
        Revisions {
            last: map.clone(),
            added: map,
        }
    }
}

/// The last commit time of each file under `incidents/`, by record id (a record and its
/// overlays count together), read from git in one pass. Empty when `root` is not in a git
/// work tree or git is not installed: the records' own times stand in then.
pub(crate) fn revisions(root: &Path) -> Revisions {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "log",
            "--format=%x00%ct",
            "--name-only",
            "--relative",
            "--no-renames",
            "--",
            "incidents",
        ])
        .stderr(std::process::Stdio::null())
        .output();
    match output {
        Ok(output) if output.status.success() => {
            parse_revisions(&String::from_utf8_lossy(&output.stdout))
        }
        _ => Revisions::new(),
    }
}

/// Parses `git log --format=%x00%ct --name-only`: newest commit first, so the first time a
/// file appears is its last change, and the last time a record's own file appears its first
/// commit.
fn parse_revisions(log: &str) -> Revisions {
    let mut revisions = Revisions::new();
    let mut current = None;
    for line in log.lines() {
        if let Some(seconds) = line.strip_prefix('\0') {
            current = seconds
                .trim()
                .parse()
                .ok()
                .and_then(|s| DateTime::from_timestamp(s, 0));
            continue;
        }
        let path = Path::new(line.trim());
        let (Some(at), Some((id, own))) = (current, record_id_of(path)) else {
            continue;
        };
        if own {
            let added = revisions.added.entry(id.clone()).or_insert(at);
            *added = (*added).min(at);
        }
        let last = revisions.last.entry(id).or_insert(at);
        *last = (*last).max(at);
    }
    revisions
}

/// `incidents/2023-12-17-x.de.yaml` -> `2023-12-17-x`, and whether it is the record's own
/// file (not an overlay).
fn record_id_of(path: &Path) -> Option<(String, bool)> {
    match crate::discover::classify(path).kind {
        crate::discover::SourceKind::Record { id } => Some((id, true)),
        crate::discover::SourceKind::Overlay { record_id, .. } => Some((record_id, false)),
    }
    .filter(|_| path.extension().is_some_and(|e| e == "yaml" || e == "yml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_log_gives_the_last_change_of_a_record_or_its_overlays() {
        let log = "\u{0}200\nincidents/2023-12-17-x.de.yaml\n\n\u{0}100\nincidents/2023-12-17-x.yaml\nincidents/2020-01-01-y.yaml\nREADME.md\n";
        let revisions = parse_revisions(log);
        let seconds = |at: Option<DateTime<Utc>>| at.map(|at| at.timestamp());
        assert_eq!(seconds(revisions.last("2023-12-17-x")), Some(200));
        assert_eq!(seconds(revisions.last("2020-01-01-y")), Some(100));
        assert_eq!(revisions.last.len(), 2);
        // First committed with its own file; a later translation is no new announcement.
        assert_eq!(seconds(revisions.added("2023-12-17-x")), Some(100));
    }
}
