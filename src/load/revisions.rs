//! Git revisions: when each record (with its overlays) last changed, read from `git log`
//! once for the whole project. The feeds use it as an entry's `updated` time.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};

/// Last change of each record, by record id.
pub(crate) type Revisions = HashMap<String, DateTime<Utc>>;

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
        _ => HashMap::new(),
    }
}

/// Parses `git log --format=%x00%ct --name-only`: newest commit first, so the first time a
/// file appears is its last change.
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
        let (Some(at), Some(id)) = (current, record_id_of(Path::new(line.trim()))) else {
            continue;
        };
        let entry = revisions.entry(id).or_insert(at);
        *entry = (*entry).max(at);
    }
    revisions
}

/// `incidents/2023-12-17-x.de.yaml` -> `2023-12-17-x`.
fn record_id_of(path: &Path) -> Option<String> {
    match crate::discover::classify(path).kind {
        crate::discover::SourceKind::Record { id } => Some(id),
        crate::discover::SourceKind::Overlay { record_id, .. } => Some(record_id),
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
        assert_eq!(revisions["2023-12-17-x"].timestamp(), 200);
        assert_eq!(revisions["2020-01-01-y"].timestamp(), 100);
        assert_eq!(revisions.len(), 2);
    }
}
