//! The streaming lint: each group of files (a record and its overlays) is read, parsed,
//! checked and dropped in turn, in parallel, so that memory holds the files in flight and
//! the project index, not the corpus. The same stages as [`super::check`].

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::{Filter, Report, Site, cache, finish, group};
use crate::discover::{SourceKind, Sources, group_id};
use crate::load::{self, Loaded, SourceText};

/// A lint's report, and the texts of the files it has findings on (when asked for: a report
/// that shows source lines needs them).
#[derive(Debug, Default)]
pub struct Linted {
    pub report: Report,
    pub texts: Vec<SourceText>,
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
            let mut group = group::Group::default();
            for (position, file) in &loaded {
                match file {
                    Loaded::Record(file) => group.records.push((*position, file)),
                    Loaded::Overlay(file) => group.overlays.push(file),
                }
            }
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
    let mut kept = Vec::new();
    if texts {
        // The files with findings are read again once the groups are gone, rather than kept
        // from the first read: kept texts pinned the allocator's memory between the groups
        // that came after them (150 MB against 40 MB at 10,000 records).
        let shown: HashSet<&Path> = report
            .diagnostics
            .iter()
            .map(|d| d.file.as_path())
            .collect();
        for file in sources
            .files
            .iter()
            .filter(|f| shown.contains(f.path.as_path()))
        {
            kept.push(load::read_text(file)?);
        }
        kept.extend(config.source);
    }
    Ok(Linted {
        report,
        texts: kept,
        cache: new_cache,
        cache_problem,
    })
}
