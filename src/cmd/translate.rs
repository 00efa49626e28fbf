//! `hindsight translate`: create or refresh an overlay, or report the state of translations.

use std::path::{Path, PathBuf};

use anyhow::bail;
use hindsight::diagnostic::display_path;
use hindsight::model::Lang;
use hindsight::project::{self, Planned, Project};
use hindsight::translate;

use super::terminal::{now, print, report_on_stderr, use_color, warn_without_config};
use super::{ListFormat, Outcome, output, parse_lang};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// The incident record to translate (incidents/<id>.yaml).
    #[arg(required = true, add = super::completions::record_files())]
    file: Option<PathBuf>,
    /// The language to translate into.
    #[arg(long, required = true, value_parser = parse_lang, value_name = "LANG")]
    to: Option<Lang>,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// List missing, untranslated, stale and orphaned translations, with word diffs.
    #[command(after_help = super::help::TRANSLATE_STATUS)]
    Status {
        /// Records to report on (default: all).
        paths: Vec<PathBuf>,
        /// human: a report with word diffs; json: the same, as one object.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    match (args.command, args.file, args.to) {
        (Some(Command::Status { paths, format }), _, _) => status(root, &paths, format),
        (None, Some(file), Some(lang)) => refresh(root, &file, lang),
        _ => bail!("usage: hindsight translate FILE --to LANG, or hindsight translate status"),
    }
}

fn refresh(root: Option<&Path>, file: &Path, lang: Lang) -> anyhow::Result<Outcome> {
    let now = now()?;
    let root = project::find_root(root, Some(file));
    warn_without_config(&root);
    let project = Project::load_record_file(&root, file)?;
    let plan = match project::plan_translation(&project, file, lang, now)? {
        Planned::Ready(plan) => plan,
        Planned::RecordHasErrors(report) => {
            report_on_stderr(&project, &report);
            return Ok(Outcome::Findings);
        }
        Planned::Unwritable(path, why) => {
            eprintln!("error: {}: {why}", display_path(&path));
            return Ok(Outcome::Findings);
        }
        Planned::OverlayHasErrors(report, overlay) => {
            report_on_stderr(&project, &report);
            eprintln!(
                "error: {} has errors; fix them first so that no translation is lost",
                overlay.display()
            );
            return Ok(Outcome::Findings);
        }
    };
    project::write_translation(&project, &plan)?;
    let (path, refreshed) = (&plan.path, &plan.refreshed);
    let verb = if plan.existed { "refreshed" } else { "created" };
    output::status(&format!(
        "{verb} {}: {} added, {} kept, {} marked stale, {} orphaned kept",
        display_path(path),
        refreshed.added,
        refreshed.kept,
        refreshed.stale,
        refreshed.orphaned
    ));
    if let Some(hint) = hindsight::schema::SchemaKind::Overlay.missing_hint(&root) {
        output::status(&hint);
    }
    Ok(Outcome::Clean)
}

fn status(root: Option<&Path>, paths: &[PathBuf], format: ListFormat) -> anyhow::Result<Outcome> {
    let root = project::find_root(root, paths.first().map(PathBuf::as_path));
    let project = Project::load(&root, paths)?;
    let status = translate::status(&project.corpus);
    let output = match format {
        ListFormat::Human => translate::status::human(&status, use_color()),
        ListFormat::Json => format!("{}\n", serde_json::to_string_pretty(&status)?),
    };
    print(&output)?;
    Ok(Outcome::Clean)
}
