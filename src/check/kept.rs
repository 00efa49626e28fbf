//! The streamed check with something kept: each group of files is read, parsed and checked
//! as the streaming lint does it (the same [`group::check`] and [`finish`]), and a caller's
//! `keep` turns the loaded group into what it holds on to (a build's slim records) before the
//! group is dropped.

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::{Filter, Report, Site, cache, finish, group};
use crate::discover::{SourceKind, Sources, group_id};
use crate::load::{self, ConfigFile, Loaded};

/// What a caller keeps of each group, and how it reuses what it kept before.
pub(crate) struct Keeping<'k, T> {
    /// Turns a group, loaded and checked, into what is held on to.
    pub keep: &'k (dyn Fn(Vec<(usize, Loaded)>, GroupCheck) -> T + Sync),
    /// With a cache: a group's check (as the lint cache keeps it) and what is held of it,
    /// when the caller still has them for its files as they are (its record id and its
    /// files' positions); the group is then not read at all.
    pub reuse: Option<&'k Reuse<'k, T>>,
}

/// See [`Keeping::reuse`].
pub(crate) type Reuse<'k, T> = dyn Fn(&str, &[usize]) -> Option<(cache::Entry, T)> + Sync + 'k;

/// How a group's own checks went (cross-record rules come later).
pub(crate) struct GroupCheck {
    /// No error.
    pub clean: bool,
    /// With a cache ([`Keeping::reuse`]): the group's result as the lint cache keeps it,
    /// its key left to the caller.
    pub entry: Option<cache::Entry>,
}

/// Checks every source at `now` a group at a time, in parallel, and hands each loaded group
/// (its files with their positions in `sources.files`, in order) to `keeping.keep` once
/// checked, unless `keeping.reuse` has it already.
/// Returns the report, as [`super::check`] and [`super::lint`] make it, and what was kept
/// of each group.
pub(crate) fn check_keeping<T: Send>(
    sources: &Sources,
    config: &ConfigFile,
    now: DateTime<Utc>,
    keeping: &Keeping<'_, T>,
) -> anyhow::Result<(Report, Vec<T>)> {
    let context = load::context(config);
    let site = Site::of(config, now);
    let filter = Filter {
        selected: sources.selected.as_ref(),
        config: &config.config,
    };
    let groups = group::by_id(sources.files.iter().map(|file| group_id(&file.kind)));
    let (checked, kept): (Vec<_>, Vec<_>) = groups
        .par_iter()
        .map(|positions| {
            let id = group_id(&sources.files[positions[0]].kind);
            let records: Vec<usize> = positions
                .iter()
                .copied()
                .filter(|&p| matches!(sources.files[p].kind, SourceKind::Record { .. }))
                .collect();
            if let Some(reuse) = keeping.reuse
                && let Some((entry, kept)) = reuse(id, positions)
                && entry.span.contains(now)
                && entry.entries.len() == records.len()
            {
                let checked = group::Checked {
                    diagnostics: entry.diagnostics,
                    entries: records.into_iter().zip(entry.entries).collect(),
                    files: entry.files,
                };
                return Ok((checked, kept));
            }
            let mut loaded = Vec::with_capacity(positions.len());
            for &position in positions {
                loaded.push((
                    position,
                    load::load_file(&sources.files[position], &context)?,
                ));
            }
            let group = group::Group::of(&loaded);
            let checked = group::check(&group, site, &filter);
            let clean = !checked
                .diagnostics
                .iter()
                .any(|d| d.severity == crate::diagnostic::Severity::Error);
            let entry = keeping.reuse.map(|_| cache::Entry {
                key: [0; 32],
                span: group::now_span(&group, site),
                files: checked.files,
                diagnostics: checked.diagnostics.clone(),
                entries: checked.entries.iter().map(|(_, e)| e.clone()).collect(),
            });
            Ok((checked, (keeping.keep)(loaded, GroupCheck { clean, entry })))
        })
        .collect::<anyhow::Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    Ok((finish(config, &sources.site_files, &filter, checked), kept))
}
