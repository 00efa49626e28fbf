//! `hindsight build`: the public status site, built whole and published into `--out`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Utc};
use clap::ValueEnum;
use hindsight::diagnostic::{Severity, display_path};
use hindsight::localize::site::rfc3339 as timestamp;
use hindsight::project::{self, Outcome as Built, Project};
use hindsight::publish;
use hindsight::report::counted;
use serde::Serialize;

use super::terminal::{ProgressBar, now, print, report_on_stderr, shell_word, warnings};
use super::{Outcome, output};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The output directory (default: public/ in the project). It is replaced whole.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// `json`: also a summary object on stdout (what was built, and `next_change`, the
    /// instant the page changes by itself); the report stays on stderr either way.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Ignore the build cache (beside the output, in `.hindsight-cache/`) and write every
    /// file; the cache is rewritten.
    #[arg(long)]
    clean: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// `--format json`'s summary of a build that published the site.
#[derive(Serialize)]
struct Summary {
    built: bool,
    out: String,
    pages: usize,
    languages: usize,
    incidents: usize,
    files: usize,
    /// Of `files`, those written; the rest were unchanged and linked from the previous site.
    written: usize,
    seconds: f64,
    built_at: String,
    next_change: Option<String>,
    warnings: Vec<String>,
}

/// `--format json`'s summary of a build that errors refused: nothing was written.
#[derive(Serialize)]
struct Refused {
    built: bool,
    out: String,
    errors: usize,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let clock = Instant::now();
    let now = now()?;
    let asked_root = root.map(|dir| format!("--root {} ", shell_word(&display_path(dir))));
    let root = project::find_root(root, None);
    let out = args.out.unwrap_or_else(|| root.join("public"));
    let sources = hindsight::discover::discover(&root, &[])?;
    let protected = Project::protected_for(&root, &sources)?;
    let previous = match args.clean {
        true => publish::Previous::default(),
        false => publish::previous(&protected, &out),
    };
    let fingerprint = project::fingerprint(&root, &sources, now, previous.inputs());
    // Nothing the build reads changed since the build that published `out`: it stands.
    // Findings are not kept, only their count: `--verbose`, which asks for each of them,
    // checks again; `--quiet` shows only errors, and a build that stands had none.
    let verbosity = output::verbosity();
    if !args.clean
        && let Some(fingerprint) = &fingerprint
        && let Some((published, state)) =
            publish::unchanged(&protected, &out, &fingerprint.key, &previous)?
        && (state.findings.is_none() || verbosity != output::Verbosity::Verbose)
    {
        if let Some(findings) = state.findings.as_ref()
            && verbosity == output::Verbosity::Normal
        {
            eprintln!(
                "{findings}, as the last build reported (nothing changed since; `hindsight lint` shows them)"
            );
        }
        let done = Done {
            pages: state.pages,
            languages: state.languages,
            incidents: state.incidents,
            built_at: now,
            next_change: state
                .next_change
                .and_then(|at| DateTime::from_timestamp(at, 0)),
            warnings: Vec::new(),
        };
        return finish(&args.format, &out, asked_root, clock, &done, &published);
    }
    // Records are checked and kept slim in one pass; incident pages read theirs again.
    drop(previous);
    let (project, report) = Project::load_for_build_from(&root, sources, now)?;
    report_on_stderr(&project, &report);
    let findings =
        (!report.diagnostics.is_empty()).then(|| hindsight::report::summary_line(&report));
    let progress = ProgressBar::new();
    let built = match project::build_site(&project, report, now, &progress)? {
        Built::Done(built) => built,
        Built::Refused(report) => {
            eprintln!(
                "error: the site was not built; fix the errors above ({} is unchanged)",
                display_path(&out)
            );
            if args.format == Format::Json {
                print(&json(&Refused {
                    built: false,
                    out: display_path(&out),
                    errors: report.count(Severity::Error),
                })?)?;
            }
            return Ok(Outcome::Findings);
        }
    };
    let cache = match args.clean {
        true => publish::Cache::Rewrite,
        false => publish::Cache::Use,
    };
    let done = Done {
        pages: built.pages,
        languages: built.languages,
        incidents: built.incidents,
        built_at: built.built_at,
        next_change: built.next_change,
        warnings: built.warnings.clone(),
    };
    // The build's own warnings (a project's locale files) are not kept: a build that had
    // them is not stood for by its key.
    let quiet = done.warnings.is_empty();
    let (inputs, key) = match fingerprint {
        Some(fingerprint) => (fingerprint.inputs.clone(), quiet.then_some(fingerprint)),
        None => (publish::Inputs::default(), None),
    };
    // Asked once every page is rendered (incident pages read their records again).
    let record = || -> Option<publish::State> {
        let key = key.as_ref().filter(|key| key.still())?;
        Some(publish::State {
            key: key.key.clone(),
            pages: done.pages,
            languages: done.languages,
            incidents: done.incidents,
            next_change: done.next_change.map(|at| at.timestamp()),
            findings: findings.clone(),
        })
    };
    let protected = project.protected()?;
    let published = publish::site_recorded(&protected, &out, &built, cache, inputs, &record)?;
    progress.finish();
    finish(&args.format, &out, asked_root, clock, &done, &published)
}

/// What a build reports: the site it built, or the one that stands.
struct Done {
    pages: usize,
    languages: usize,
    incidents: usize,
    built_at: DateTime<Utc>,
    next_change: Option<DateTime<Utc>>,
    warnings: Vec<String>,
}

fn finish(
    format: &Format,
    out: &Path,
    asked_root: Option<String>,
    clock: Instant,
    built: &Done,
    published: &publish::Published,
) -> anyhow::Result<Outcome> {
    let files = published.files;
    warnings(&built.warnings);
    warnings(&published.warnings);
    let seconds = clock.elapsed().as_secs_f64();
    output::status(&format!(
        "built {}: {} in {}, {}, {}, in {:.2} s",
        display_path(out),
        counted(built.pages, "page"),
        counted(built.languages, "language"),
        counted(built.incidents, "incident"),
        counted(files, "file"),
        seconds
    ));
    output::status(&next_change_line(built.next_change));
    let preview = if cfg!(feature = "serve") {
        let root = asked_root.unwrap_or_default();
        format!(", or run `hindsight {root}serve` for a live preview")
    } else {
        String::new()
    };
    output::status(&format!(
        "look at it: open {} in a browser{preview}",
        shell_word(&display_path(&out.join("index.html")))
    ));
    if *format == Format::Json {
        print(&json(&Summary {
            built: true,
            out: display_path(out),
            pages: built.pages,
            languages: built.languages,
            incidents: built.incidents,
            files,
            written: published.written,
            seconds: (seconds * 1000.0).round() / 1000.0,
            built_at: timestamp(built.built_at),
            next_change: built.next_change.map(timestamp),
            warnings: built.warnings.clone(),
        })?)?;
    }
    Ok(Outcome::Clean)
}

/// When the page goes stale: the scheduler (or a person) rebuilds then.
fn next_change_line(next_change: Option<DateTime<Utc>>) -> String {
    match next_change {
        Some(at) => format!(
            "next change: {} (a maintenance window starts or ends); rebuild then",
            timestamp(at)
        ),
        None => "next change: none (nothing changes without an edit)".to_string(),
    }
}

fn json(value: &impl Serialize) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}
