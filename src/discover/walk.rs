//! Walking a folder of incidents/ for its YAML files, in the order walkdir's sorted walk
//! gives, with the links in it judged; or, for the commands about one record, for the files
//! of some groups alone.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::{SourceFile, canonical, classify};

/// Walks `dir` (see [`Walk`]); false when a walk of some groups gave up.
pub(super) fn walk(
    dir: &Path,
    project: &Path,
    files: &mut Vec<SourceFile>,
    links: &mut HashSet<PathBuf>,
    only: Option<&[&str]>,
) -> anyhow::Result<bool> {
    let mut walk = Walk {
        project,
        files,
        links,
        visited: HashSet::new(),
        only,
    };
    walk.dir(dir)
}

/// A walk collecting the YAML files under a folder, and in `links` the paths of those that
/// are links. Links are followed while they stay inside the `project`; any other link, and
/// anything that is not a regular file, is kept with the reason it will not be read.
struct Walk<'w> {
    project: &'w Path,
    files: &'w mut Vec<SourceFile>,
    links: &'w mut HashSet<PathBuf>,
    /// The folders walked, resolved: a link back up is walked once.
    visited: HashSet<PathBuf>,
    /// The groups whose files are kept ([`super::discover_groups`]); any link ends such a walk.
    only: Option<&'w [&'w str]>,
}

impl Walk<'_> {
    /// Walks `dir`; false when a walk of some groups met a link and gave up.
    fn dir(&mut self, dir: &Path) -> anyhow::Result<bool> {
        if !self.visited.insert(canonical(dir)) {
            return Ok(true);
        }
        self.folder(dir, dir)
    }

    /// One folder of a walk from `top`: its entries in name order, each folder's entries
    /// where the folder comes (hidden ones skipped), as walkdir's sorted walk lists them.
    /// Sorting the names, not the paths, matters: comparing 40,000 paths by their last
    /// component took half the time of a command about one record. A walk of some groups
    /// neither keeps nor sorts the names of other groups.
    fn folder(&mut self, top: &Path, folder: &Path) -> anyhow::Result<bool> {
        let cannot_read = || format!("cannot read {}", top.display());
        let mut entries = Vec::new();
        for entry in fs::read_dir(folder).with_context(cannot_read)? {
            let entry = entry.with_context(cannot_read)?;
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            // The kind comes with the folder's entries (no stat per file).
            let kind = entry.file_type().with_context(cannot_read)?;
            if let Some(groups) = self.only {
                if kind.is_symlink() {
                    return Ok(false);
                }
                if !kind.is_dir() && !in_groups(&name, groups) {
                    continue;
                }
            }
            entries.push((name, kind));
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (name, kind) in entries {
            let path = &folder.join(name);
            if kind.is_dir() {
                if !self.folder(top, path)? {
                    return Ok(false);
                }
            } else if kind.is_symlink() {
                self.link(path)?;
            } else if is_yaml(path) {
                if kind.is_file() {
                    self.files.push(classify(path));
                } else {
                    self.files.push(refuse(
                        path,
                        "is not a regular file (a pipe, socket or device)",
                    ));
                }
            }
        }
        Ok(true)
    }

    fn link(&mut self, path: &Path) -> anyhow::Result<()> {
        self.links.insert(path.to_path_buf());
        let inside = |target: &Path| target.starts_with(self.project);
        match path.canonicalize() {
            Ok(target) if inside(&target) && target.is_dir() => {
                self.dir(path)?;
            }
            Ok(target) if inside(&target) && target.is_file() => {
                if is_yaml(path) {
                    self.files.push(classify(path));
                }
            }
            Ok(target) if inside(&target) => {
                if is_yaml(path) {
                    self.files.push(refuse(
                        path,
                        "is a link to something that is not a regular file",
                    ));
                }
            }
            Ok(target) => {
                if is_yaml(path) || target.is_dir() {
                    self.files
                        .push(refuse(path, "is a link that leads out of the project"));
                }
            }
            Err(_) => {
                if is_yaml(path) {
                    self.files.push(refuse(path, "is a link to nothing"));
                }
            }
        }
        Ok(())
    }
}

/// Whether the file `name` is of one of the `groups`: most names differ from them within
/// their first bytes, so those are compared before the name is read as text.
pub(super) fn in_groups(name: &OsStr, groups: &[&str]) -> bool {
    let bytes = name.as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(name) => groups
            .iter()
            .any(|group| name.starts_with(group) && name_group(name) == *group),
        Err(_) => groups.contains(&name_group(&name.to_string_lossy())),
    }
}

/// The group a file's name puts it in, as [`classify`] and [`super::group_id`] judge it, without
/// building its path: `x.yaml` and `x.de.yaml` are of group `x`.
pub(super) fn name_group(name: &str) -> &str {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.rsplit_once('.').map_or(stem, |(group, _)| group)
}

fn refuse(path: &Path, why: &str) -> SourceFile {
    SourceFile {
        refused: Some(why.to_string()),
        ..classify(path)
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}
