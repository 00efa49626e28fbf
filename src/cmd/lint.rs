//! `hindsight lint`: the check prefix, printed in the format asked for.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use clap::ValueEnum;
use hindsight::check::Linted;
use hindsight::project;
use hindsight::report::{self, SourceRoot};

use super::Outcome;
use super::terminal::{now, print, use_color, warnings};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or directories to report on (default: all of incidents/).
    paths: Vec<PathBuf>,
    /// human: rustc-style text; json: one object; github: workflow commands (annotations);
    /// sarif: SARIF 2.1.0, for code scanning.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Reuse the results of files that did not change since the last `lint --cache`, kept
    /// in .hindsight-cache/lint under the project (written only with this flag).
    #[arg(long)]
    cache: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
    Sarif,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let root = project::find_root(root, args.paths.first().map(PathBuf::as_path));
    // Only the formats that show source lines keep the texts of the files with findings.
    let texts = matches!(args.format, Format::Human | Format::Sarif);
    let checked = now().and_then(|now| {
        if args.cache {
            let (linted, cache_warnings) = project::lint_cached(&root, &args.paths, now, texts)?;
            warnings(&cache_warnings);
            Ok(linted)
        } else {
            project::lint(&root, &args.paths, now, texts)
        }
    });
    let Linted {
        report,
        texts,
        unread,
        ..
    } = match checked {
        Ok(checked) => checked,
        Err(error) => {
            // A machine-read format still gets a document on stdout that says the run failed
            // (a CI step uploads it either way); the error itself goes to stderr as always.
            let text = format!("{error:#}");
            match args.format {
                Format::Sarif => print(&report::sarif_failure(&text, source_root(&root).as_ref()))?,
                Format::Json => print(&report::json_failure(&text))?,
                Format::Human | Format::Github => {}
            }
            return Err(error);
        }
    };
    let sources: report::Sources<'_> = texts
        .iter()
        .map(|source| (source.path.as_path(), source.text.as_str()))
        .collect();
    let output = match args.format {
        Format::Human => report::human(&report, &sources, use_color()),
        Format::Json => report::json(&report),
        Format::Github => report::github(&report, &SourceRoot::of_project(&root)),
        Format::Sarif => report::sarif(&report, &sources, &SourceRoot::of_project(&root)),
    };
    print(&output)?;
    let gone = unread.iter().map(|path| {
        format!(
            "{} could not be read again to quote the lines of its findings (deleted or made unreadable since its check): they are shown by position only",
            hindsight::diagnostic::display_path(path)
        )
    });
    warnings(&gone.collect::<Vec<_>>());
    // After the annotations, and only a warning: the summary is a copy of what they say.
    if let Format::Github = args.format
        && let Err(error) = step_summary(&report, &SourceRoot::of_project(&root))
    {
        warnings(&[format!("{error:#}")]);
    }
    Ok(if report.fails(args.deny_warnings) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// The source root of a project root that exists (a wrong `--root` has none to name).
fn source_root(root: &Path) -> Option<SourceRoot> {
    root.is_dir().then(|| SourceRoot::of_project(root))
}

/// Appends the Markdown summary to the job summary file when GitHub Actions names one.
fn step_summary(report: &hindsight::check::Report, root: &SourceRoot) -> anyhow::Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .with_context(|| {
            format!(
                "cannot write the job summary {}",
                Path::new(&path).display()
            )
        })?;
    file.write_all(report::github_step_summary(report, root).as_bytes())
        .with_context(|| {
            format!(
                "cannot write the job summary {}",
                Path::new(&path).display()
            )
        })
}
