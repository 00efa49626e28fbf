//! The lint prefix of the project: every rule over the files on disk, a group at a time,
//! with or without the lint cache at [`LINT_CACHE`].

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::cache_file::{CacheFile, Kind};
use crate::{check, discover};

/// The lint prefix, streamed: every rule over the project at `root` (reporting on `paths`,
/// or all), reading a record and its overlays at a time instead of loading the corpus. With
/// `texts`, the texts of the files with findings come back for showing their lines.
pub fn lint(
    root: &Path,
    paths: &[PathBuf],
    now: DateTime<Utc>,
    texts: bool,
) -> anyhow::Result<check::Linted> {
    let sources = discover::discover(root, paths)?;
    check::lint(&sources, now, texts)
}

/// Where `lint --cache` keeps its cache, relative to the project's root.
pub const LINT_CACHE: &str = ".hindsight-cache/lint";

/// [`lint`] with the lint cache at [`LINT_CACHE`] under `root`: read if it is there and
/// trusted, then written anew (through a temporary file and a rename). What goes wrong with
/// the cache is a warning, never a failure of the lint: the cache is refused where a
/// symbolic link would send it out of place (into an input folder, say), ignored when
/// damaged.
pub fn lint_cached(
    root: &Path,
    paths: &[PathBuf],
    now: DateTime<Utc>,
    texts: bool,
) -> anyhow::Result<(check::Linted, Vec<String>)> {
    let sources = discover::discover(root, paths)?;
    let mut warnings = Vec::new();
    let file = CacheFile::open(
        root,
        Path::new(LINT_CACHE),
        Kind {
            name: "lint cache",
            command: "lint",
            max_bytes: check::cache::MAX_BYTES,
        },
        true,
        &mut warnings,
    );
    let mut linted = check::lint_cached(&sources, now, texts, file.previous.as_deref())?;
    if let Some(why) = linted.cache_problem {
        file.ignored(why, &mut warnings);
    }
    let bytes = linted.cache.take().unwrap_or_default();
    file.save(&bytes, &mut warnings);
    Ok((linted, warnings))
}
