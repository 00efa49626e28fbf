//! The streaming lint: each group of files (a record and its overlays) is read, parsed,
//! checked and dropped in turn, in parallel, so that memory holds the files in flight and
//! the project index, not the corpus. The same stages as [`super::check`].

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::{Filter, Report, Site, cache, finish, group};
use crate::discover::{SourceKind, Sources, group_id};
use crate::load::{self, SourceText};

/// A lint's report, and the texts of the files it has findings on (when asked for: a report
/// that shows source lines needs them).
#[derive(Debug, Default)]
pub struct Linted {
    pub report: Report,
    pub texts: Vec<SourceText>,
    /// Files with findings that could not be read again for their lines (deleted or made
    /// unreadable since their check): their findings stand, located but not quoted.
    pub unread: Vec<PathBuf>,
    /// With the cache: the new cache file's bytes.
    pub cache: Option<Vec<u8>>,
    /// With the cache: why the previous cache file was not trusted, if it was not.
    pub cache_problem: Option<&'static str>,
}

/// Lints every discovered source at time `now`, a group at a time. With `texts`, the texts of
/// the files with findings come back for the report.
pub fn lint(sources: &Sources, now: DateTime<Utc>, texts: bool) -> anyhow::Result<Linted> {
    run(sources, now, texts, None)
}

/// [`lint`] with the lint cache: `previous` is the cache file's bytes, if there is one. The
/// groups whose key and span of now match are not parsed or checked; the report is the same.
/// The new cache's bytes come back in [`Linted::cache`].
pub fn lint_cached(
    sources: &Sources,
    now: DateTime<Utc>,
    texts: bool,
    previous: Option<&[u8]>,
) -> anyhow::Result<Linted> {
    run(sources, now, texts, Some(previous))
}

fn run(
    sources: &Sources,
    now: DateTime<Utc>,
    texts: bool,
    cache: Option<Option<&[u8]>>,
) -> anyhow::Result<Linted> {
    let config = load::load_config(sources)?;
    let context = load::context(&config);
    let site = Site::of(&config, now);
    let filter = Filter {
        selected: sources.selected.as_ref(),
        config: &config.config,
    };
    let global = cache.map(|_| cache::global_key(&config));
    let (previous, cache_problem) = match (cache.flatten(), &global) {
        (Some(bytes), Some(global)) => match cache::decode(bytes, global) {
            Ok(groups) => (groups, None),
            Err(why) => (HashMap::new(), Some(why)),
        },
        _ => (HashMap::new(), None),
    };
    let groups = group::by_id(sources.files.iter().map(|file| group_id(&file.kind)));
    let results = groups
        .par_iter()
        .map(|positions| {
            let raws = positions
                .iter()
                .map(|&position| load::read_raw(&sources.files[position]))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let id = group_id(&sources.files[positions[0]].kind);
            let key = global.as_ref().map(|global| {
                let files: Vec<_> = raws
                    .iter()
                    .map(|raw| (raw, filter.is_selected(&raw.file.path)))
                    .collect();
                cache::group_key(global, &files)
            });
            let records = || {
                positions
                    .iter()
                    .copied()
                    .filter(|&p| matches!(sources.files[p].kind, SourceKind::Record { .. }))
            };
            if let Some(key) = key
                && let Some(entry) = previous.get(id)
                && entry.key == key
                && entry.span.contains(now)
                && entry.entries.len() == records().count()
            {
                let checked = group::Checked {
                    diagnostics: entry.diagnostics.clone(),
                    entries: records().zip(entry.entries.iter().cloned()).collect(),
                    files: entry.files,
                };
                return Ok((checked, Some((id.to_string(), entry.clone()))));
            }
            let loaded: Vec<_> = positions
                .iter()
                .zip(raws)
                .map(|(&position, raw)| (position, load::parse_raw(raw, &context)))
                .collect();
            let group = group::Group::of(&loaded);
            let checked = group::check(&group, site, &filter);
            let entry = key.map(|key| {
                let entry = cache::Entry {
                    key,
                    span: group::now_span(&group, site),
                    files: checked.files,
                    diagnostics: checked.diagnostics.clone(),
                    entries: checked.entries.iter().map(|(_, e)| e.clone()).collect(),
                };
                (id.to_string(), entry)
            });
            Ok((checked, entry))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (checked, entries): (Vec<_>, Vec<_>) = results.into_iter().unzip();
    let new_cache = global.map(|global| {
        let entries: Vec<_> = entries.into_iter().flatten().collect();
        cache::encode(&global, &entries)
    });
    let report = finish(&config, &sources.site_files, &filter, checked);
    let (mut kept, mut unread) = (Vec::new(), Vec::new());
    if texts {
        (kept, unread) = read_again(sources, &report);
        kept.extend(config.source);
    }
    Ok(Linted {
        report,
        texts: kept,
        unread,
        cache: new_cache,
        cache_problem,
    })
}

/// The texts of the files `report` has findings on, and the files among them that could
/// not be read. They are read again once the groups are gone, rather than kept from the
/// first read: kept texts pinned the allocator's memory between the groups that came after
/// them (150 MB against 40 MB at 10,000 records).
fn read_again(sources: &Sources, report: &Report) -> (Vec<SourceText>, Vec<PathBuf>) {
    let shown: HashSet<&Path> = report
        .diagnostics
        .iter()
        .map(|d| d.file.as_path())
        .collect();
    let mut texts = Vec::new();
    let mut unread = Vec::new();
    for file in sources
        .files
        .iter()
        .filter(|f| shown.contains(f.path.as_path()))
    {
        match load::read_text(file) {
            Ok(text) => texts.push(text),
            Err(_) => unread.push(file.path.clone()),
        }
    }
    (texts, unread)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_before_its_lines_are_quoted_keeps_its_findings_unquoted() {
        let dir = tempfile::tempdir().unwrap();
        let incidents = dir.path().join("incidents");
        std::fs::create_dir(&incidents).unwrap();
        let record = incidents.join("2024-01-01-x.yaml");
        std::fs::write(&record, "title: x\nlang: en\ncolour: red\n").unwrap();
        let sources = crate::discover::discover(dir.path(), &[]).unwrap();
        let now = DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let linted = lint(&sources, now, true).unwrap();
        assert!(
            linted.report.diagnostics.iter().any(|d| d.file == record),
            "{:?}",
            linted.report
        );
        assert!(linted.texts.iter().any(|text| text.path == record));
        assert!(linted.unread.is_empty());

        std::fs::remove_file(&record).unwrap();
        let (texts, unread) = read_again(&sources, &linted.report);
        assert!(texts.is_empty());
        assert_eq!(unread, [record]);
    }
}
