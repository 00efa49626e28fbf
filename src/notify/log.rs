//! The delivery log: which event each channel has been told, so a re-run of the same CI job
//! sends nothing twice and a failed delivery (never recorded) is tried again next run. A
//! small JSON file the CI job keeps (on a branch of its own); `notify` writes it whole
//! (temporary file and rename) after each delivery, through the project's write guard.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::diagnostic::display_path;

/// The file's format version: readers refuse a newer one rather than forget what was sent.
const VERSION: u32 = 1;

/// What was delivered: (channel, event id) -> when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryLog {
    delivered: BTreeMap<(String, String), String>,
    /// The "now" of the last run that delivered: the previous state is derived at it, so a
    /// window that started by the clock since then is news.
    last_run: Option<String>,
    /// The commit the last run that delivered compared up to: `notify` without `--since`
    /// compares with it (at `last_run`).
    last_commit: Option<String>,
    /// Set when a run could not deliver everything: the commit (and "now") it compared with,
    /// so later runs compare with it too, whatever `--since` says, until every channel has
    /// everything; the log keeps them from sending anything twice meanwhile.
    retry_from: Option<RetryFrom>,
}

/// Where a run that failed started from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct RetryFrom {
    commit: String,
    /// RFC 3339.
    at: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_run: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_commit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_from: Option<RetryFrom>,
    delivered: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    channel: String,
    event: String,
    /// RFC 3339.
    at: String,
}

impl DeliveryLog {
    /// The log at `path`; none yet is an empty log.
    pub fn load(path: &Path) -> anyhow::Result<DeliveryLog> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(DeliveryLog::default());
            }
            Err(error) => {
                return Err(error).with_context(|| {
                    format!("cannot read the delivery log {}", display_path(path))
                });
            }
        };
        Self::parse(&text)
            .with_context(|| format!("{} is not a hindsight delivery log", display_path(path)))
    }

    pub(crate) fn parse(text: &str) -> anyhow::Result<DeliveryLog> {
        let file: File = serde_json::from_str(text)?;
        if file.version > VERSION {
            bail!(
                "its version {} is newer than this hindsight's ({VERSION}); update hindsight",
                file.version
            );
        }
        Ok(DeliveryLog {
            last_run: file.last_run,
            last_commit: file.last_commit,
            retry_from: file.retry_from,
            delivered: file
                .delivered
                .into_iter()
                .map(|e| ((e.channel, e.event), e.at))
                .collect(),
        })
    }

    pub fn contains(&self, channel: &str, event: &str) -> bool {
        self.delivered
            .contains_key(&(channel.to_string(), event.to_string()))
    }

    pub fn record(&mut self, channel: &str, event: &str, at: DateTime<Utc>) {
        self.delivered
            .entry((channel.to_string(), event.to_string()))
            .or_insert_with(|| crate::localize::site::rfc3339(at));
    }

    pub fn last_run(&self) -> Option<DateTime<Utc>> {
        let text = self.last_run.as_deref()?;
        Some(DateTime::parse_from_rfc3339(text).ok()?.to_utc())
    }

    pub fn set_last_run(&mut self, now: DateTime<Utc>) {
        self.last_run = Some(crate::localize::site::rfc3339(now));
    }

    /// The commit the last delivering run compared up to, if it ran in a git repository.
    pub fn last_commit(&self) -> Option<&str> {
        self.last_commit.as_deref()
    }

    pub fn set_last_commit(&mut self, commit: Option<String>) {
        if commit.is_some() {
            self.last_commit = commit;
        }
    }

    /// The commit and "now" an unfinished earlier run compared with, if one left work.
    pub fn retry_from(&self) -> Option<(String, DateTime<Utc>)> {
        let from = self.retry_from.as_ref()?;
        let at = DateTime::parse_from_rfc3339(&from.at).ok()?.to_utc();
        Some((from.commit.clone(), at))
    }

    /// A run from `commit` at `at` left deliveries undone: keep the oldest such start.
    pub fn keep_retry_from(&mut self, commit: &str, at: DateTime<Utc>) {
        self.retry_from.get_or_insert_with(|| RetryFrom {
            commit: commit.to_string(),
            at: crate::localize::site::rfc3339(at),
        });
    }

    /// Every channel has everything: later runs start from their own `--since` again.
    pub fn clear_retry_from(&mut self) {
        self.retry_from = None;
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.delivered.len()
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.delivered.is_empty()
    }

    /// The file's text: sorted by channel and event, so a committed log diffs line by line.
    pub fn to_json(&self) -> String {
        let file = File {
            version: VERSION,
            last_run: self.last_run.clone(),
            last_commit: self.last_commit.clone(),
            retry_from: self.retry_from.clone(),
            delivered: self
                .delivered
                .iter()
                .map(|((channel, event), at)| Entry {
                    channel: channel.clone(),
                    event: event.clone(),
                    at: at.clone(),
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&file).expect("plain data serializes");
        text.push('\n');
        text
    }
}

/// One run's exclusive hold on a delivery log: a second `notify` with a log in the same
/// folder waits for it, then reads what it delivered, so two runs at once never send
/// anything twice. The lock is the folder's own (`flock` on a read-only handle of it): no
/// file is created, none can be put in its way, and the kernel frees it if a run dies. It
/// holds among runs on one machine, or on a shared file system that honours `flock`. (A
/// folder cannot be opened as a file on Windows: there, runs are not kept apart.)
#[derive(Debug)]
pub struct LogLock {
    _folder: Option<std::fs::File>,
}

impl LogLock {
    /// Takes the lock of the log at `path`, telling `waiting` once if another run holds it.
    pub fn take(path: &Path, waiting: impl FnOnce()) -> anyhow::Result<LogLock> {
        if !cfg!(unix) {
            return Ok(LogLock { _folder: None });
        }
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let handle = std::fs::File::open(folder).with_context(|| {
            format!(
                "cannot open the folder of the delivery log {}",
                display_path(path)
            )
        })?;
        let locked = |result: std::io::Result<()>| {
            result.with_context(|| format!("cannot lock the folder {}", display_path(folder)))
        };
        match handle.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                waiting();
                locked(handle.lock())?;
            }
            Err(std::fs::TryLockError::Error(error)) => locked(Err(error))?,
        }
        Ok(LogLock {
            _folder: Some(handle),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_log_reads_back_and_a_missing_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify-log.json");
        assert!(DeliveryLog::load(&path).unwrap().is_empty());
        let mut log = DeliveryLog::default();
        let at = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        log.record("webhook:HOOK", "incident.opened:x", at);
        log.record("webhook:HOOK", "incident.opened:x", at);
        log.set_last_run(at);
        crate::publish::write_file(&path, log.to_json().as_bytes()).unwrap();
        let read = DeliveryLog::load(&path).unwrap();
        assert_eq!(read, log);
        assert_eq!(read.len(), 1);
        assert_eq!(read.last_run(), Some(at));
        assert!(read.contains("webhook:HOOK", "incident.opened:x"));
        assert!(!read.contains("slack:HOOK", "incident.opened:x"));
        // No temporary file is left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_broken_or_newer_log_is_an_error_not_an_empty_log() {
        // An empty log would send everything again.
        assert!(DeliveryLog::parse("{").is_err());
        assert!(DeliveryLog::parse(r#"{"version":2,"delivered":[]}"#).is_err());
        assert!(DeliveryLog::parse(r#"{"version":1,"delivered":[]}"#).is_ok());
    }
}

#[cfg(test)]
mod lock_tests {
    use super::LogLock;

    #[test]
    fn a_second_run_with_a_log_in_the_same_folder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify-log.json");
        let first = LogLock::take(&path, || panic!("nobody holds it yet")).unwrap();
        let waited = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = std::sync::Arc::clone(&waited);
        let second = std::thread::spawn(move || {
            LogLock::take(&path, || {
                flag.store(true, std::sync::atomic::Ordering::SeqCst)
            })
            .unwrap()
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(!second.is_finished(), "the second run went ahead");
        drop(first);
        let _second = second.join().unwrap();
        assert!(waited.load(std::sync::atomic::Ordering::SeqCst));
        // A log in another folder is another lock; nothing is left behind.
        let elsewhere = tempfile::tempdir().unwrap();
        LogLock::take(&elsewhere.path().join("notify-log.json"), || {
            panic!("a different folder")
        })
        .unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
