//! The project as `build` reads it: in one streamed pass that checks each record with its
//! overlays and keeps only a slim copy (src/build/slim.rs) and each file's fingerprint, so
//! that the corpus is never held; the pages that show a whole postmortem read its files
//! again, and refuse any that changed in between (`load::Reread`).

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use super::{Project, one};
use crate::build::slim;
use crate::check::{self, Report};
use crate::discover;
use crate::load::{self, Corpus, Fingerprint, Loaded, Reread};

impl Project {
    /// Reads and checks the project at `root` at `now` for a build, a record and its
    /// overlays at a time: the corpus holds slim records (and the texts of the files the
    /// report shows lines of), and the build reads a postmortem's files again for its page.
    pub fn load_for_build(root: &Path, now: DateTime<Utc>) -> anyhow::Result<(Project, Report)> {
        Project::load_for_build_from(root, discover::discover(root, &[])?, now)
    }

    /// [`Project::load_for_build`] of the `sources` already discovered.
    pub fn load_for_build_from(
        root: &Path,
        sources: discover::Sources,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(Project, Report)> {
        let config = load::load_config(&sources)?;
        let (report, kept) = check::check_keeping(&sources, &config, now, &slim_group)?;
        // A report that quotes lines needs the texts of the files it names: read again, as
        // the streaming lint does.
        let shown: HashSet<&Path> = report
            .diagnostics
            .iter()
            .map(|d| d.file.as_path())
            .collect();
        let mut reread = Reread::new(load::context(&config));
        // Moved out group by group (each group's list freed as it goes), then put in the
        // order discovered, in place: a slim file is still kilobytes of fields.
        let (mut records, mut overlays) = (Vec::new(), Vec::new());
        let mut report_texts = Vec::new();
        for group in kept {
            for (position, file, fingerprint) in group {
                let source = &sources.files[position];
                reread.add(source, fingerprint);
                // Kept beside the slim files, not in them: the text holds `internal`.
                if shown.contains(source.path.as_path()) {
                    report_texts.push(load::read_text(source)?);
                }
                match file {
                    Loaded::Record(file) => records.push((position, file)),
                    Loaded::Overlay(file) => overlays.push((position, file)),
                }
            }
        }
        records.sort_unstable_by_key(|(position, _)| *position);
        overlays.sort_unstable_by_key(|(position, _)| *position);
        let records = records.into_iter().map(|(_, file)| file).collect();
        let overlays = overlays.into_iter().map(|(_, file)| file).collect();
        let project = Project {
            root: root.to_path_buf(),
            corpus: Corpus {
                config,
                records,
                overlays,
                selected: sources.selected.clone(),
                site_files: sources.site_files.clone(),
            },
            ids: OnceLock::from(one::record_ids(&sources)),
            inputs: one::inputs(&sources),
            assets: OnceLock::new(),
            reread: Some(reread),
            report_texts,
        };
        Ok((project, report))
    }

    /// The text of each file the report names, to quote its lines: those of the corpus, and
    /// for a project loaded for a build those read for its report.
    pub fn report_sources(&self) -> crate::report::Sources<'_> {
        let mut sources = crate::report::sources(&self.corpus);
        for source in &self.report_texts {
            sources.insert(source.path.as_path(), source.text.as_str());
        }
        sources
    }
}

/// A checked group, slim, each file with the fingerprint of the text it was read from.
fn slim_group(group: Vec<(usize, Loaded)>) -> Vec<(usize, Loaded, Fingerprint)> {
    let fingerprints: Vec<(usize, Fingerprint)> = group
        .iter()
        .map(|(position, file)| match file {
            Loaded::Record(file) => (*position, load::fingerprint(&file.source)),
            Loaded::Overlay(file) => (*position, load::fingerprint(&file.source)),
        })
        .collect();
    let files = slim::group(group.into_iter().map(|(_, file)| file).collect());
    fingerprints
        .into_iter()
        .zip(files)
        .map(|((position, fingerprint), file)| (position, file, fingerprint))
        .collect()
}
