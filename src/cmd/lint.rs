//! `hindsight lint`: the check prefix, printed in the format asked for.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use hindsight::project::{self, Project};
use hindsight::report;

use super::Outcome;
use super::terminal::{now, print, use_color};

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
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
    Sarif,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let now = now()?;
    let root = project::find_root(root, args.paths.first().map(PathBuf::as_path));
    let project = Project::load(&root, &args.paths)?;
    let report = project.check(now);
    let output = match args.format {
        Format::Human => report::human(&report, &report::sources(&project.corpus), use_color()),
        Format::Json => report::json(&report),
        Format::Github => report::github(&report),
        Format::Sarif => report::sarif(&report),
    };
    print(&output)?;
    Ok(if report.fails(args.deny_warnings) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
