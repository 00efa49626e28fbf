//! `hindsight render`: one postmortem, to standard output or a file.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use hindsight::project::{self, Outcome as Rendering, Project, RenderRequest};
use hindsight::render::Format;

use super::terminal::{now, print, report_on_stderr, warn_without_config, warnings};
use super::{Outcome, output, parse_lang};
use hindsight::diagnostic::display_path;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The incident record (incidents/<id>.yaml).
    #[arg(add = super::completions::record_files())]
    file: PathBuf,
    /// The reader's language (default: the record's own).
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    lang: Option<hindsight::model::Lang>,
    /// md: Markdown; html: a self-contained HTML page.
    #[arg(long, value_enum, default_value_t = DocFormat::Md)]
    format: DocFormat,
    /// Include the `internal` section (never use for public copies).
    #[arg(long)]
    internal: bool,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "OUT")]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DocFormat {
    Md,
    Html,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let now = now()?;
    let root = project::find_root(root, Some(&args.file));
    warn_without_config(&root);
    let project = Project::load_record_file(&root, &args.file)?;
    let report = project.check(now);
    report_on_stderr(&project, &report);
    let request = RenderRequest {
        lang: args.lang,
        format: match args.format {
            DocFormat::Md => Format::Markdown,
            DocFormat::Html => Format::Html,
        },
        internal: args.internal,
    };
    let rendered = match project::render_one(&project, report, &args.file, request, now)? {
        Rendering::Done(rendered) => rendered,
        Rendering::Refused(_) => return Ok(Outcome::Findings),
    };
    warnings(&rendered.warnings);
    match &args.out {
        Some(path) if path != Path::new("-") => {
            project::write_document(&project, path, &rendered.document)?;
            output::status(&format!("wrote {}", display_path(path)));
        }
        _ => print(&rendered.document)?,
    }
    Ok(Outcome::Clean)
}
