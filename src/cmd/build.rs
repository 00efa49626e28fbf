//! `hindsight build`: the public status site, built whole and published into `--out`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use chrono::{DateTime, Utc};
use clap::ValueEnum;
use hindsight::build::Progress;
use hindsight::build::SiteSummary;
use hindsight::check::Report;
use hindsight::diagnostic::display_path;
use hindsight::localize::site::rfc3339 as timestamp;
use hindsight::project::{self, BuildObserver, BuildOptions, BuildOutcome, Project};
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
    /// Of those linked, the pages not even rendered: nothing they show changed.
    kept: usize,
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
    let verbosity = output::verbosity();
    let options = BuildOptions {
        clean: args.clean,
        findings_shown: verbosity == output::Verbosity::Verbose,
    };
    let observer = Terminal::default();
    let outcome = project::build_into(&root, &out, now, options, &observer)?;
    if let Some(progress) = observer.progress.get() {
        progress.finish();
    }
    match outcome {
        BuildOutcome::Stands {
            site,
            published,
            findings,
        } => {
            if let Some(findings) = findings
                && verbosity == output::Verbosity::Normal
            {
                eprintln!(
                    "{findings}, as the last build reported (nothing changed since; `hindsight lint` shows them)"
                );
            }
            finish(&args.format, &out, asked_root, clock, &site, &published)
        }
        BuildOutcome::Built { site, published } => {
            finish(&args.format, &out, asked_root, clock, &site, &published)
        }
        BuildOutcome::Refused { errors } => {
            eprintln!(
                "error: the site was not built; fix the errors above ({} is unchanged)",
                display_path(&out)
            );
            if args.format == Format::Json {
                print(&json(&Refused {
                    built: false,
                    out: display_path(&out),
                    errors,
                })?)?;
            }
            Ok(Outcome::Findings)
        }
    }
}

/// The terminal's share of a build: the findings on stderr once checked, then a progress
/// bar over the pages.
#[derive(Default)]
struct Terminal {
    progress: OnceLock<ProgressBar>,
}

impl BuildObserver for Terminal {
    fn checked(&self, project: &Project, report: &Report) {
        report_on_stderr(project, report);
        // The first pass's freed blocks (the groups as read, the boxes its slim records were
        // moved out of) are of sizes the render seldom asks for: handed back now, they are
        // not resident for the rest of the build.
        crate::allocator::release_freed();
    }

    fn progress(&self) -> &dyn Progress {
        self.progress.get_or_init(ProgressBar::new)
    }
}

fn finish(
    format: &Format,
    out: &Path,
    asked_root: Option<String>,
    clock: Instant,
    built: &SiteSummary,
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
            kept: published.kept,
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
