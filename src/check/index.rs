//! The project index: the little the cross-file rules need to know of each record (its id,
//! its path, its maintenance window), kept once a record has been checked and dropped, so
//! that lint holds the index instead of the corpus.

use std::path::PathBuf;

use chrono_tz::Tz;

use super::rules::maintenance_overlap as overlap;
use crate::load::{ConfigFile, RecordFile};

/// What the cross-file rules know of one record file (loaded or not).
#[derive(Debug, Clone)]
pub(crate) struct RecordEntry {
    pub path: PathBuf,
    /// The id its file name gives it.
    pub id: String,
    /// Its maintenance window, when `maintenance-overlap` compares it with others.
    pub window: Option<overlap::Window>,
}

impl RecordEntry {
    /// The entry of a record file, whose times are shown in `site_zone` unless it names one.
    pub(crate) fn of(file: &RecordFile, site_zone: Tz) -> RecordEntry {
        RecordEntry {
            path: file.source.path.clone(),
            id: file.id.clone(),
            window: file
                .record
                .as_ref()
                .and_then(|record| overlap::window(record, site_zone)),
        }
    }
}

/// What the cross-file rules run over: the configuration, the files of `site/`, and the
/// record entries in the order the records were discovered (the first of two files with
/// one id is the one that keeps it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Index<'a> {
    pub config: &'a ConfigFile,
    pub site_files: &'a [(String, PathBuf)],
    pub records: &'a [RecordEntry],
}

/// Every finding of the rules that look across files, with the file each belongs to.
pub(crate) fn cross_file(index: &Index<'_>) -> Vec<(PathBuf, crate::diagnostic::Finding)> {
    super::rules::REGISTRY
        .iter()
        .filter_map(|rule| match rule.scope {
            super::Scope::Index(run) => Some(run(index)),
            _ => None,
        })
        .flatten()
        .collect()
}
