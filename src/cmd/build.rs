//! `hindsight build`: the public status site, built whole and published into `--out`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use hindsight::diagnostic::display_path;
use hindsight::project::{self, Outcome as Built, Project};
use hindsight::publish;
use hindsight::report::counted;

use super::Outcome;
use super::terminal::{ProgressBar, now, report_on_stderr, warnings};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The output directory (default: public/ in the project). It is replaced whole.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let clock = Instant::now();
    let now = now()?;
    let root = project::find_root(root, None);
    let out = args.out.unwrap_or_else(|| root.join("public"));
    let project = Project::load(&root, &[])?;
    let report = project.check(now);
    report_on_stderr(&project, &report);
    let progress = ProgressBar::new();
    let built = match project::build_site(&project, report, now, &progress)? {
        Built::Done(built) => built,
        Built::Refused(_) => {
            eprintln!(
                "error: the site was not built; fix the errors above ({} is unchanged)",
                display_path(&out)
            );
            return Ok(Outcome::Findings);
        }
    };
    progress.finish();
    warnings(&built.warnings);
    let files = publish::site(&project.protected()?, &out, &built.artifacts)?;
    eprintln!(
        "built {}: {} in {}, {}, {}, in {:.2} s",
        display_path(&out),
        counted(built.pages, "page"),
        counted(built.languages, "language"),
        counted(built.incidents, "incident"),
        counted(files, "file"),
        clock.elapsed().as_secs_f64()
    );
    Ok(Outcome::Clean)
}
