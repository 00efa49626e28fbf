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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::group::Checked;
    use crate::check::{Filter, finish};
    use crate::model::RuleId;

    fn window(status: &str, from: &str, until: &str) -> String {
        format!(
            "title: Upgrade\nlang: en\nstatus: {status}\nkind: maintenance\naffected:\n  api: under_maintenance\n  web: under_maintenance\ntimezone: Europe/Berlin\nscheduled_for: {from}\nscheduled_until: {until}\nsummary: Work.\n"
        )
    }

    #[test]
    fn an_entry_keeps_id_path_and_only_a_window_the_overlap_rule_compares() {
        let published = window("published", "2026-12-10 22:00", "2026-12-10 23:30");
        let draft = window("draft", "2026-12-10 22:00", "2026-12-10 23:30");
        let day_only = window("published", "2026-12-10", "2026-12-11");
        let corpus = crate::load::from_texts(
            None,
            &[
                ("incidents/2026-12-10-db.yaml", &published),
                ("incidents/2026-12-10-draft.yaml", &draft),
                ("incidents/2026-12-10-day.yaml", &day_only),
                ("incidents/2026-12-10-broken.yaml", "title: [\n"),
            ],
        );
        let entries: Vec<_> = corpus
            .records
            .iter()
            .map(|file| RecordEntry::of(file, Tz::UTC))
            .collect();
        let ids: Vec<_> = entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "2026-12-10-db",
                "2026-12-10-draft",
                "2026-12-10-day",
                "2026-12-10-broken"
            ]
        );
        assert_eq!(
            entries[0].path,
            PathBuf::from("incidents/2026-12-10-db.yaml")
        );
        let windows: Vec<_> = entries.iter().map(|e| e.window.is_some()).collect();
        assert_eq!(windows, [true, false, false, false]);
    }

    #[test]
    fn cross_file_rules_see_records_in_discovery_order_whatever_order_groups_finish_in() {
        let entry = |path: &str| RecordEntry {
            path: PathBuf::from(path),
            id: "2026-12-10-db".to_string(),
            window: None,
        };
        // The groups finish in any order (rayon): the later file reached the index first.
        let checked = vec![
            Checked {
                entries: vec![(1, entry("incidents/b/2026-12-10-db.yaml"))],
                ..Checked::default()
            },
            Checked {
                entries: vec![(0, entry("incidents/a/2026-12-10-db.yaml"))],
                ..Checked::default()
            },
        ];
        let config = ConfigFile::default();
        let filter = Filter {
            selected: None,
            config: &config.config,
        };
        let report = finish(&config, &[], &filter, checked);
        let duplicates: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule() == RuleId::DuplicateId)
            .collect();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(
            duplicates[0].file,
            PathBuf::from("incidents/b/2026-12-10-db.yaml")
        );
        assert!(
            duplicates[0]
                .message()
                .contains("incidents/a/2026-12-10-db.yaml"),
            "{}",
            duplicates[0].message()
        );
    }
}
