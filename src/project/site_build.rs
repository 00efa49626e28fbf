//! `build`'s decision, from a project folder to a published site: fingerprint the inputs,
//! let the previous site stand when nothing changed, else load, check, render and publish,
//! recording what the next build needs to judge again; and the build prefix itself (a
//! checked project -> the site, ready to publish).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::bail;

use chrono::{DateTime, Utc};

use super::cache_file::{CacheFile, Kind};
use super::{Outcome, Project};
use crate::build::{self, Built, Progress, SiteSummary};
use crate::check::Report;
use crate::diagnostic::Severity;
use crate::publish::{self, Published};
use crate::render::site::Artifact;

/// How a build goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Ignore the build cache and write every file; the cache is rewritten.
    pub clean: bool,
    /// Whether the findings must be shown one by one: a site that stands kept only their
    /// count, so such a build checks again.
    pub findings_shown: bool,
}

/// What a build tells the one who asked, while it runs.
pub trait BuildObserver {
    /// The first pass checked every record: its findings, before any page renders.
    fn checked(&self, project: &Project, report: &Report);
    /// What follows the pages rendered.
    fn progress(&self) -> &dyn Progress;
}

/// How a build ended.
#[derive(Debug)]
pub enum BuildOutcome {
    /// Nothing the build reads changed since the build that published the site, which is
    /// intact: it stands, and nothing was written. `findings` is the count that build
    /// reported, if any.
    Stands {
        site: SiteSummary,
        published: Published,
        findings: Option<String>,
    },
    /// The site was built and published.
    Built {
        site: SiteSummary,
        published: Published,
    },
    /// Errors refused the build (the observer was shown them); nothing was written.
    Refused { errors: usize },
}

/// Builds the project at `root` into `out` at `now`, as `options` say; `observer` hears of
/// the findings and the pages.
pub fn build_into(
    root: &Path,
    out: &Path,
    now: DateTime<Utc>,
    options: BuildOptions,
    observer: &dyn BuildObserver,
) -> anyhow::Result<BuildOutcome> {
    let sources = crate::discover::discover(root, &[])?;
    let protected = Project::protected_for(root, &sources)?;
    let previous = match options.clean {
        true => publish::Previous::default(),
        false => publish::previous(&protected, out),
    };
    let mut fingerprint = super::fingerprint(root, &sources, now, previous.inputs());
    // Nothing the build reads changed since the build that published `out`: it stands.
    // Findings are not kept, only their count: a caller that shows each of them checks
    // again; a build that stands had no errors.
    if !options.clean
        && let Some(fingerprint) = &fingerprint
        && let Some((published, state)) =
            publish::unchanged(&protected, out, &fingerprint.key, &previous)?
        && (state.findings.is_none() || !options.findings_shown)
    {
        let site = SiteSummary {
            pages: state.pages,
            languages: state.languages,
            incidents: state.incidents,
            built_at: now,
            next_change: state
                .next_change
                .and_then(|at| DateTime::from_timestamp(at, 0)),
            warnings: Vec::new(),
        };
        return Ok(BuildOutcome::Stands {
            site,
            published,
            findings: state.findings,
        });
    }
    // Records are checked and kept slim in one pass; incident pages read theirs again.
    drop(previous);
    // Grouped only by a build that renders; taken, not copied: at 100,000 incidents they are
    // tens of megabytes.
    let pages = fingerprint
        .as_mut()
        .and_then(|f| f.take_pages(root, &sources));
    let mut cache_warnings = Vec::new();
    let (project, report) = load_checked(
        (root, sources, now),
        fingerprint.as_ref().zip(pages.as_ref()),
        options.clean,
        &mut cache_warnings,
    )?;
    observer.checked(&project, &report);
    let findings = (!report.diagnostics.is_empty()).then(|| crate::report::summary_line(&report));
    let keys = pages.and_then(|pages| build::PageKeys::new(pages.site, pages.groups));
    let progress = observer.progress();
    let built = match build_site_keyed(&project, report, now, progress, keys)? {
        Outcome::Done(built) => built,
        Outcome::Refused(report) => {
            return Ok(BuildOutcome::Refused {
                errors: report.count(Severity::Error),
            });
        }
    };
    let cache = match options.clean {
        true => publish::Cache::Rewrite,
        false => publish::Cache::Use,
    };
    let mut site = built.site.clone();
    site.warnings.extend(cache_warnings);
    // The build's own warnings (a project's locale files) are not kept: a build that had
    // them is not stood for by its key. (The first-pass cache's are its file's, which this
    // build replaced.)
    let quiet = built.site.warnings.is_empty();
    let inputs =
        (fingerprint.as_mut()).map_or_else(Default::default, |f| std::mem::take(&mut f.inputs));
    let key = fingerprint.as_ref().filter(|_| quiet);
    // Asked once every page is rendered (incident pages read their records again). An input
    // that changed since it was stamped may have given a page other bytes than its key says:
    // then no key is recorded, for the pages or the build.
    let source = Checked {
        built: &built,
        fingerprint: fingerprint.as_ref(),
        still: OnceLock::new(),
    };
    let record = || {
        let still = source.still();
        let state = key.filter(|_| still).map(|key| publish::State {
            key: key.key.clone(),
            pages: site.pages,
            languages: site.languages,
            incidents: site.incidents,
            next_change: site.next_change.map(|at| at.timestamp()),
            findings: findings.clone(),
        });
        publish::Recording {
            page_keys: still,
            state,
        }
    };
    let published = publish::site_recorded(&protected, out, &source, cache, inputs, &record)?;
    Ok(BuildOutcome::Built { site, published })
}

/// The project at `root` read and checked for a build (pass 1), through the first-pass cache
/// when the build has a fingerprint and its pages' inputs (`--clean` reads none, and writes
/// it anew). What goes wrong with the cache is a warning, in `warnings`.
fn load_checked(
    (root, sources, now): (&Path, crate::discover::Sources, DateTime<Utc>),
    keyed: Option<(&super::Fingerprint, &super::PageInputs)>,
    clean: bool,
    warnings: &mut Vec<String>,
) -> anyhow::Result<(Project, Report)> {
    let Some((fingerprint, pages)) = keyed else {
        return Project::load_for_build_from(root, sources, now);
    };
    let cache = CacheFile::open(
        root,
        Path::new(super::PASS1_CACHE),
        Kind {
            name: "build's first-pass cache",
            command: "build",
            max_bytes: super::pass1::MAX_BYTES,
        },
        !clean,
        warnings,
    );
    let previous = cache.previous.as_deref();
    let (project, report, pass1) =
        Project::load_for_build_cached(root, sources, now, pages, previous)?;
    if let Some(pass1) = pass1 {
        if let Some(why) = pass1.problem {
            cache.ignored(why, warnings);
        }
        // Kept only from files still as stamped (a group's key is its stamps' hash, and what
        // it holds was read after), and never by a refused build, which writes nothing.
        let read = pass1.read.iter().map(PathBuf::as_path).collect();
        if report.count(Severity::Error) == 0 && fingerprint.still_at(&read) {
            cache.save(&pass1.bytes, warnings);
        }
    }
    Ok((project, report))
}

/// The build prefix: given the project's lint `report`, the status site ready to render. A
/// project with errors is not built (lint passing means build succeeds, SAFETY.md 5).
pub fn build_site<'p>(
    project: &'p Project,
    report: Report,
    now: DateTime<Utc>,
    progress: &'p dyn Progress,
) -> anyhow::Result<Outcome<Built<'p>>> {
    build_site_keyed(project, report, now, progress, None)
}

/// [`build_site`], its incident pages keyed by `keys` (so that publishing can keep those
/// whose key is unchanged).
pub fn build_site_keyed<'p>(
    project: &'p Project,
    report: Report,
    now: DateTime<Utc>,
    progress: &'p dyn Progress,
    keys: Option<build::PageKeys>,
) -> anyhow::Result<Outcome<Built<'p>>> {
    if report.count(Severity::Error) > 0 {
        return Ok(Outcome::Refused(report));
    }
    let first = build::FirstPass {
        reread: project.reread.as_ref(),
        premade: project.take_premade()?,
        keys,
    };
    let (corpus, assets) = (&project.corpus, project.assets()?);
    let options = build::Options::default();
    let built = build::build_from(corpus, first, assets, now, progress, options)?;
    Ok(Outcome::Done(built))
}

/// The site of `built`, refused when a page was kept from the previous site while an input
/// changed since it was stamped: the kept page would show what the stamp says, the rest of
/// the site what the build read. (A page rendered reads its record again, and is refused
/// the same way when it changed.)
struct Checked<'b> {
    built: &'b Built<'b>,
    fingerprint: Option<&'b super::Fingerprint>,
    /// Whether every input was still as stamped once the pages were rendered: looked at
    /// once, for the pages kept and for what is recorded.
    still: OnceLock<bool>,
}

impl Checked<'_> {
    fn still(&self) -> bool {
        *(self.still).get_or_init(|| self.fingerprint.is_some_and(|print| print.still()))
    }
}

impl publish::Source for Checked<'_> {
    fn for_each_artifact(
        &self,
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        self.built.for_each_artifact(emit)
    }

    fn for_each_artifact_keeping(
        &self,
        keeper: &dyn publish::Keeper,
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        let noting = Noting {
            keeper,
            kept: AtomicBool::new(false),
        };
        self.built.for_each_artifact_keeping(&noting, emit)?;
        let kept = noting.kept.into_inner();
        if kept && !self.still() {
            bail!("the project's files changed during the build; build again");
        }
        Ok(())
    }
}

/// A keeper that notes whether it kept anything.
struct Noting<'k> {
    keeper: &'k dyn publish::Keeper,
    kept: AtomicBool,
}

impl publish::Keeper for Noting<'_> {
    fn keep(&self, path: &str, key: &str) -> anyhow::Result<bool> {
        let kept = self.keeper.keep(path, key)?;
        if kept {
            self.kept.store(true, Ordering::Relaxed);
        }
        Ok(kept)
    }
}
