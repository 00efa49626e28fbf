//! `hindsight init`: a new incident repository.

use std::path::{Path, PathBuf};

use hindsight::diagnostic::display_path;
use hindsight::model::Lang;
use hindsight::scaffold::{self, Initialized};

use hindsight::report::counted;

use super::terminal::shell_word;
use super::{Outcome, output, parse_lang};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The folder to start the project in (created if missing; default: --root, else the
    /// current one).
    dir: Option<PathBuf>,
    /// The language of the configuration's comments, and the site's (unless --languages).
    #[arg(long, value_parser = parse_lang, value_name = "LANG", default_value = "en")]
    lang: Lang,
    /// The languages the site is built in, the first being the default, such as en,de
    /// (default: LANG alone).
    #[arg(long, value_parser = parse_lang, value_delimiter = ',', value_name = "LANG,LANG")]
    languages: Vec<Lang>,
    /// Start it in a folder that holds files already (no existing file is replaced).
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let dir = &folder(root, args.dir.as_deref())?;
    let (written, skipped) = match scaffold::init(dir, args.lang, &args.languages, args.force)? {
        Initialized::Done { written, skipped } => (written, skipped),
        Initialized::NotEmpty(dir) => {
            eprintln!(
                "error: {} is not empty; pass --force to add the project's files to it (no existing file is replaced)",
                display_path(&dir)
            );
            return Ok(Outcome::Findings);
        }
    };
    for path in &written {
        output::detail(&format!("created {}", display_path(&dir.join(path))));
    }
    let here = display_path(dir).is_empty();
    output::status(&format!(
        "created {} in {}",
        counted(written.len(), "file"),
        if here {
            "the current folder".to_string()
        } else {
            display_path(dir)
        }
    ));
    for path in &skipped {
        output::status(&format!(
            "skipped {} (it exists; left as it was)",
            display_path(&dir.join(path))
        ));
    }
    let root = if here {
        String::new()
    } else {
        format!("--root {} ", shell_word(&display_path(dir)))
    };
    output::status(&format!(
        "next: `hindsight {root}new \"What happened\"`, then `hindsight {root}build`"
    ));
    Ok(Outcome::Clean)
}

/// The folder to start in: DIR, else the global --root, else the current one. Both naming
/// different folders is a mistake to point out, not one to resolve by picking either.
fn folder(root: Option<&Path>, dir: Option<&Path>) -> anyhow::Result<PathBuf> {
    match (root, dir) {
        (Some(root), Some(dir)) if !same_folder(root, dir) => anyhow::bail!(
            "--root {} and the folder {} differ; name the new project's folder once",
            display_path(root),
            display_path(dir)
        ),
        (_, Some(dir)) | (Some(dir), None) => Ok(dir.to_path_buf()),
        (None, None) => Ok(PathBuf::from(".")),
    }
}

/// Whether two names lead to one folder (which need not exist yet).
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => match (std::path::absolute(a), std::path::absolute(b)) {
            (Ok(a), Ok(b)) => a.components().eq(b.components()),
            _ => false,
        },
    }
}
