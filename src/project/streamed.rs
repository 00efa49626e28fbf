//! The project as `build` reads it: in one streamed pass that checks each record with its
//! overlays and keeps only a slim copy (src/build/slim.rs) and each file's fingerprint, so
//! that the corpus is never held; the pages that show a whole postmortem read its files
//! again, and refuse any that changed in between (`load::Reread`).

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, Utc};

use super::pass1::{Held, HeldRef, Pass1Cache};
use super::{PageInputs, Project, one, pass1};
use crate::build::premade::{self, Premade};
use crate::build::{SiteAssets, slim};
use crate::check::cache::Entry;
use crate::check::{self, Report};
use crate::discover;
use crate::load::{self, Corpus, Fingerprint, Loaded, Reread};
use crate::model::SiteConfig;

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
        let (project, report, _) = Project::load_streamed(root, sources, now, None)?;
        Ok((project, report))
    }

    /// [`Project::load_for_build_from`] with the first pass's cache (src/project/pass1):
    /// `pages` are the inputs the build's fingerprint found, `previous` the cache file's
    /// bytes, if any. The groups whose key and span of now match are not read; the project
    /// and report are the same. No cache is used, or made, when the pages cannot be keyed.
    pub fn load_for_build_cached(
        root: &Path,
        sources: discover::Sources,
        now: DateTime<Utc>,
        pages: &PageInputs,
        previous: Option<&[u8]>,
    ) -> anyhow::Result<(Project, Report, Option<Pass1Cached>)> {
        Project::load_streamed(root, sources, now, Some((pages, previous)))
    }

    fn load_streamed(
        root: &Path,
        sources: discover::Sources,
        now: DateTime<Utc>,
        cached: Option<(&PageInputs, Option<&[u8]>)>,
    ) -> anyhow::Result<(Project, Report, Option<Pass1Cached>)> {
        let config = load::load_config(&sources)?;
        // The incidents' views are made in the first pass, with the templates' messages and
        // the git history; assets that do not load leave them to later, where the build
        // fails on them as it always did (after the report). A group with errors is never
        // localized: the build refuses it, and localizing assumes a record that passed.
        let assets = SiteAssets::load(root).ok();
        let cache = match (cached, &assets) {
            (Some((pages, previous)), Some(assets)) if sources.selected.is_none() => {
                let site = pages.site.as_deref();
                site.map(|site| {
                    let revisions = &assets.revisions;
                    Pass1Cache::new(site, &pages.groups, &sources, revisions, previous)
                })
            }
            _ => None,
        };
        let keep = |group: Vec<(usize, Loaded)>, check: check::GroupCheck| {
            let assets = assets.as_ref().filter(|_| check.clean);
            let positions: Vec<usize> = group.iter().map(|(position, _)| *position).collect();
            let kept = slim_group(group, assets, &config.config, now);
            let entry = cache.as_ref().zip(check.entry).and_then(|(cache, entry)| {
                let made = kept.1.as_ref()?;
                pass1::entry(entry, cache.key(&made.0, &positions)?, now, made)
            });
            (kept, entry.map(|entry| (entry, true)))
        };
        let reuse = |id: &str, positions: &[usize]| {
            let (entry, held) = cache.as_ref()?.reuse(id, positions)?;
            let kept = held_kept(held, positions, &sources);
            Some((entry.clone(), (kept, Some((entry, false)))))
        };
        let keeping = check::Keeping {
            keep: &keep,
            reuse: cache.as_ref().map(|_| &reuse as _),
        };
        let (report, kept) = check::check_keeping(&sources, &config, now, &keeping)?;
        let (kept, entries): (Vec<Kept>, Vec<_>) = kept.into_iter().unzip();
        let pass1 = cache.map(|cache| {
            let read = kept.iter().zip(&entries).filter(|(_, entry)| {
                let fresh = entry.as_ref().map(|(_, fresh)| *fresh);
                fresh.unwrap_or(false)
            });
            let read = read.flat_map(|((files, _), _)| files.iter().map(|file| file.0));
            let read = read.map(|position| sources.files[position].path.clone());
            let read = read.collect();
            let entries: Vec<Option<Entry>> = entries.into_iter().map(|e| Some(e?.0)).collect();
            Pass1Cached {
                bytes: cache.encode(&held(&kept, &entries)),
                problem: cache.problem,
                read,
            }
        });
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
        let mut premade = Premade::default();
        for (group, views) in kept {
            if let Some(made) = views {
                premade.insert(made);
            }
            for (position, file, fingerprint) in group {
                let source = &sources.files[position];
                reread.add(source, fingerprint);
                // Kept beside the slim files, not in them: the text holds `internal`.
                if shown.contains(source.path.as_path()) {
                    report_texts.push(load::read_text(source)?);
                }
                match file.map(|file| *file) {
                    Some(Loaded::Record(file)) => records.push((position, file)),
                    Some(Loaded::Overlay(file)) => overlays.push((position, file)),
                    None => {}
                }
            }
        }
        records.sort_unstable_by_key(|(position, _)| *position);
        overlays.sort_unstable_by_key(|(position, _)| *position);
        // Held for the whole build: without the spare room they grew with.
        let mut records: Vec<_> = records.into_iter().map(|(_, file)| file).collect();
        let mut overlays: Vec<_> = overlays.into_iter().map(|(_, file)| file).collect();
        records.shrink_to_fit();
        overlays.shrink_to_fit();
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
            assets: assets.map_or_else(OnceLock::new, OnceLock::from),
            reread: Some(reread),
            premade: Mutex::new(Some(premade)),
            report_texts,
        };
        Ok((project, report, pass1))
    }

    /// [`Project::protected`] of the project at `root` with `sources`, before it is loaded.
    pub fn protected_for(
        root: &Path,
        sources: &crate::discover::Sources,
    ) -> anyhow::Result<crate::publish::Protected> {
        // The records and overlays as discovery listed them; the configuration, which it
        // does not list, looked at (it may be a link).
        let files = sources.files.iter().map(|file| file.path.as_path());
        crate::publish::Protected::new(root)?
            .with_listed_input_files(files, &sources.links)?
            .with_input_files(sources.config.iter().map(std::path::PathBuf::as_path))
    }

    /// The incidents' views made while the project was loaded for a build, for the one build
    /// that shows them (its slim records hold no text to make them again from).
    pub(crate) fn take_premade(&self) -> anyhow::Result<Option<Premade>> {
        let mut premade = self
            .premade
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match premade.take() {
            None if self.reread.is_some() => {
                anyhow::bail!("a project loaded for a build is built once; load it again")
            }
            premade => Ok(premade),
        }
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

/// What a build's first pass did with its cache.
#[derive(Debug)]
pub struct Pass1Cached {
    /// The new cache file's bytes.
    pub bytes: Vec<u8>,
    /// Why the previous cache file was not trusted, if it was not.
    pub problem: Option<&'static str>,
    /// The files this pass read of the groups it keeps in the cache: a group's key is the
    /// hash of its files when stamped, so the file is to be kept only if they are still so.
    pub read: Vec<std::path::PathBuf>,
}

/// What the first pass keeps of a group: each file slim (or nothing of it), with the
/// fingerprint of the text it was read from; and its incident's status and views.
/// (A file is boxed: a `Loaded` is kilobytes of fields before any text, most of them those
/// of the overlays not kept.)
type Kept = (
    Vec<(usize, Option<Box<Loaded>>, Fingerprint)>,
    Option<premade::Made>,
);

/// What the first pass keeps of a group taken from the cache (at `positions`): its record
/// where the record file is, nothing of its overlays.
fn held_kept(held: Held, positions: &[usize], sources: &discover::Sources) -> Kept {
    let Held {
        record,
        made,
        fingerprints,
    } = held;
    let mut record = Some(Box::new(Loaded::Record(record)));
    let files = positions
        .iter()
        .zip(fingerprints)
        .map(|(&position, fingerprint)| {
            let file = match sources.files[position].kind {
                discover::SourceKind::Record { .. } => record.take(),
                _ => None,
            };
            (position, file, fingerprint)
        })
        .collect();
    (files, Some(made))
}

/// What the cache keeps of each group that has an entry (its id, entry and what is held).
fn held<'k>(
    kept: &'k [Kept],
    entries: &'k [Option<Entry>],
) -> Vec<(&'k str, &'k Entry, HeldRef<'k>)> {
    let groups = kept.iter().zip(entries);
    groups
        .filter_map(|((files, made), entry)| {
            let (entry, made) = (entry.as_ref()?, made.as_ref()?);
            let record = files
                .iter()
                .find_map(|(_, file, _)| match file.as_deref() {
                    Some(Loaded::Record(record)) => Some(record),
                    _ => None,
                })?;
            let fingerprints = files.iter().map(|file| file.2).collect();
            let held = HeldRef {
                record,
                made,
                fingerprints,
            };
            Some((made.0.as_str(), entry, held))
        })
        .collect()
}

/// A checked group, slim. With `assets`, the views of its incident are made now, and then its
/// overlays are not kept and its record keeps no text (`slim::viewed`).
fn slim_group(
    group: Vec<(usize, Loaded)>,
    assets: Option<&SiteAssets>,
    config: &SiteConfig,
    now: DateTime<Utc>,
) -> Kept {
    let fingerprints: Vec<(usize, Fingerprint)> = group
        .iter()
        .map(|(position, file)| match file {
            Loaded::Record(file) => (*position, load::fingerprint(&file.source)),
            Loaded::Overlay(file) => (*position, load::fingerprint(&file.source)),
        })
        .collect();
    let files: Vec<Loaded> = group.into_iter().map(|(_, file)| file).collect();
    let views = assets.and_then(|assets| premade::views(&files, config, assets, now));
    let (files, views): (Vec<Option<Box<Loaded>>>, _) = match views {
        Some(views) => {
            let files = files
                .into_iter()
                .map(|file| match file {
                    Loaded::Record(file) => Some(Box::new(Loaded::Record(slim::viewed(file)))),
                    Loaded::Overlay(_) => None,
                })
                .collect();
            (files, Some(views))
        }
        None => {
            let files = slim::group(files).into_iter().map(Box::new).map(Some);
            (files.collect(), None)
        }
    };
    let files = fingerprints
        .into_iter()
        .zip(files)
        .map(|((position, fingerprint), file)| (position, file, fingerprint))
        .collect();
    (files, views)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "base_url: https://status.example.com/\nlanguages: [en, de]\ncomponents:\n  - id: api\n    name: API\n";
    const RECORD: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\nstarted: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T10:30:00Z\nsummary: The API returned errors.\nimpact: Some calls failed.\nroot_cause: A bad deploy.\nresolution: Rolled back.\nactions:\n  - text: Add a canary stage.\n    status: done\n";

    #[test]
    fn the_inputs_protected_before_a_build_include_the_targets_of_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        for folder in ["project/site", "project/incidents", "conf", "records"] {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        }
        let config = dir.path().join("conf/config.yaml");
        let record = dir.path().join("records/record.yaml");
        std::fs::write(&config, CONFIG).unwrap();
        std::fs::write(&record, RECORD).unwrap();
        std::os::unix::fs::symlink(&config, root.join("site/config.yaml")).unwrap();
        let link = root.join("incidents/2024-01-10-api.yaml");
        std::os::unix::fs::symlink(&record, link).unwrap();
        let sources = discover::discover(&root, &[]).unwrap();
        let protected = Project::protected_for(&root, &sources).unwrap();
        // A site over the folder of either target would replace an input.
        for folder in ["conf", "records"] {
            let out = crate::publish::guard::resolve(&dir.path().join(folder)).unwrap();
            let error = protected.check_site_dir(&out, &out).unwrap_err();
            assert!(error.to_string().contains("holds an input file"), "{error}");
        }
    }

    #[test]
    fn only_a_group_without_errors_is_localized_in_the_first_pass() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("site")).unwrap();
        std::fs::create_dir_all(root.join("incidents")).unwrap();
        std::fs::write(root.join("site/config.yaml"), CONFIG).unwrap();
        std::fs::write(root.join("incidents/2024-01-10-api.yaml"), RECORD).unwrap();
        // Resolved before it started: lint's `milestone-order` error, which refuses the build.
        let backwards = RECORD
            .replace(
                "started: 2024-01-10T10:00:00Z",
                "started: 2024-01-11T10:00:00Z",
            )
            .replace(
                "resolved: 2024-01-10T10:30:00Z",
                "resolved: 2024-01-11T09:00:00Z",
            );
        std::fs::write(root.join("incidents/2024-01-11-api.yaml"), backwards).unwrap();
        let now = DateTime::from_timestamp(1_795_348_800, 0).unwrap();
        let (project, report) = Project::load_for_build(root, now).unwrap();
        let errors: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .map(|d| d.rule().as_str())
            .collect();
        assert_eq!(errors, ["milestone-order"], "{report:?}");
        let premade = project.take_premade().unwrap().unwrap();
        assert!(premade.derived("2024-01-10-api").is_some());
        assert!(premade.derived("2024-01-11-api").is_none());
    }
}
