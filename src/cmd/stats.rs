//! `hindsight stats`: parses the arguments, computes the stats value and prints it.

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::ValueEnum;
use hindsight::project::{self, Project};
use hindsight::stats::{self, By, Options};

use super::Outcome;
use super::terminal::{now, print};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Records or directories to count (default: all of incidents/).
    paths: Vec<PathBuf>,
    /// Only incidents that started on or after this date (YYYY-MM-DD, the site's zone).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only incidents that started on or before this date (YYYY-MM-DD, the site's zone).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// How the counts table groups the incidents.
    #[arg(long, value_enum, default_value_t = Group::Month)]
    by: Group,
    /// human: tables; json: one object; csv: one row per figure (section, key, component,
    /// measure, value).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Group {
    Month,
    Quarter,
    Component,
    Severity,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Csv,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let by = match args.by {
        Group::Month => By::Month,
        Group::Quarter => By::Quarter,
        Group::Component => By::Component,
        Group::Severity => By::Severity,
    };
    let options = match Options::new(args.since.as_deref(), args.until.as_deref(), by) {
        Ok(options) => options,
        Err(why) => bail!(why),
    };
    let now = now()?;
    let root = project::find_root(root, args.paths.first().map(PathBuf::as_path));
    let project = Project::load(&root, &args.paths)?;
    if let Some(why) = stats::config_problem(&project.corpus) {
        bail!(why);
    }
    let report = project.check(now);
    let stats = stats::compute(&project.corpus, &report, now, &options);
    let output = match args.format {
        Format::Human => stats::format::human(&stats),
        Format::Json => stats::format::json(&stats),
        Format::Csv => stats::format::csv(&stats),
    };
    print(&output)?;
    Ok(Outcome::Clean)
}
