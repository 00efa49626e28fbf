//! The streaming lint: each group of files (a record and its overlays) is read, parsed,
//! checked and dropped in turn, in parallel, so that memory holds the files in flight and
//! the project index, not the corpus. The same stages as [`super::check`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::{Filter, Report, Site, finish, group};
use crate::discover::{Sources, group_id};
use crate::load::{self, Loaded, SourceText};

/// A lint's report, and the texts of the files it has findings on (when asked for: a report
/// that shows source lines needs them).
#[derive(Debug, Default)]
pub struct Linted {
    pub report: Report,
    pub texts: Vec<SourceText>,
}

/// Lints every discovered source at time `now`, a group at a time. With `texts`, the texts of
/// the files with findings are kept for the report.
pub fn lint(sources: &Sources, now: DateTime<Utc>, texts: bool) -> anyhow::Result<Linted> {
    let config = load::load_config(sources)?;
    let context = load::context(&config);
    let site = Site::of(&config, now);
    let filter = Filter {
        selected: sources.selected.as_ref(),
        config: &config.config,
    };
    let groups = group::by_id(sources.files.iter().map(|file| group_id(&file.kind)));
    let checked = groups
        .par_iter()
        .map(|positions| {
            let mut loaded = Vec::with_capacity(positions.len());
            for &position in positions {
                loaded.push((position, load::load_file(&sources.files[position], &context)?));
            }
            let mut group = group::Group::default();
            for (position, file) in &loaded {
                match file {
                    Loaded::Record(file) => group.records.push((*position, file)),
                    Loaded::Overlay(file) => group.overlays.push(file),
                }
            }
            let checked = group::check(&group, site, &filter);
            let kept = if texts {
                let shown: HashSet<&Path> = checked.diagnostics.iter().map(|d| d.file.as_path()).collect();
                loaded
                    .into_iter()
                    .map(|(_, file)| match file {
                        Loaded::Record(file) => file.source,
                        Loaded::Overlay(file) => file.source,
                    })
                    .filter(|source| shown.contains(source.path.as_path()))
                    .collect()
            } else {
                Vec::new()
            };
            Ok((checked, kept))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut kept = Vec::new();
    let checked = checked
        .into_iter()
        .map(|(checked, texts)| {
            kept.extend(texts);
            checked
        })
        .collect();
    let report = finish(&config, &sources.site_files, &filter, checked);
    if texts {
        kept.extend(config.source.clone());
        // The cross-file rules report on files whose text went with their group: read those
        // few again.
        let have: HashSet<PathBuf> = kept.iter().map(|s| s.path.clone()).collect();
        let wanted: HashSet<&Path> = report
            .diagnostics
            .iter()
            .map(|d| d.file.as_path())
            .filter(|path| !have.contains(*path))
            .collect();
        for file in sources.files.iter().filter(|f| wanted.contains(f.path.as_path())) {
            kept.push(load::read_text(file)?);
        }
    }
    Ok(Linted {
        report,
        texts: kept,
    })
}
