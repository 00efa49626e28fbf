//! The streamed check with something kept: each group of files is read, parsed and checked
//! as the streaming lint does it (the same [`group::check`] and [`finish`]), and a caller's
//! `keep` turns the loaded group into what it holds on to (a build's slim records) before the
//! group is dropped.

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::{Filter, Report, Site, finish, group};
use crate::discover::{Sources, group_id};
use crate::load::{self, ConfigFile, Loaded};

/// Checks every source at `now` a group at a time, in parallel, and hands each loaded group
/// (its files with their positions in `sources.files`, in order) to `keep` once checked,
/// with whether its own checks found no error (cross-record rules come later).
/// Returns the report, as [`super::check`] and [`super::lint`] make it, and what `keep`
/// returned for each group.
pub(crate) fn check_keeping<T: Send>(
    sources: &Sources,
    config: &ConfigFile,
    now: DateTime<Utc>,
    keep: &(dyn Fn(Vec<(usize, Loaded)>, bool) -> T + Sync),
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
            Ok((checked, keep(loaded, clean)))
        })
        .collect::<anyhow::Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    Ok((finish(config, &sources.site_files, &filter, checked), kept))
}
