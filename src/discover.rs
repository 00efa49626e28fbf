//! Finding the project's source files: records, overlays and the site configuration.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use walkdir::WalkDir;

/// What a YAML file under incidents/ is, judged by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    /// `<id>.yaml`
    Record { id: String },
    /// `<id>.<lang>.yaml`
    Overlay { record_id: String, lang_tag: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub kind: SourceKind,
}

/// Every source of a project, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// `site/config.yaml`, when the project has one.
    pub config: Option<PathBuf>,
    pub files: Vec<SourceFile>,
    /// The paths (as in `files` and `config`) of the files the user asked about;
    /// `None` means all of them.
    pub selected: Option<HashSet<PathBuf>>,
}

pub fn incidents_dir(root: &Path) -> PathBuf {
    root.join("incidents")
}

pub fn config_path(root: &Path) -> PathBuf {
    root.join("site").join("config.yaml")
}

/// Finds the project under `root`. With `paths`, the whole corpus is still read (an overlay
/// needs its record, duplicate ids need every id) but only those paths are selected.
pub fn discover(root: &Path, paths: &[PathBuf]) -> anyhow::Result<Sources> {
    let incidents = incidents_dir(root);
    let mut files = Vec::new();
    if incidents.is_dir() {
        walk(&incidents, &mut files)?;
    } else if paths.is_empty() {
        bail!(
            "there is no incidents/ directory in {} (use --root to point at the project, or create incidents/)",
            root.display()
        );
    }
    let mut asked = Vec::new();
    for path in paths {
        if !path.exists() {
            bail!("{}: no such file or directory", path.display());
        }
        if path.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(classify(path));
        }
        asked.push(canonical(path));
    }
    // The same file may be reached twice (`incidents/` and `./incidents/x.yaml`): keep it once.
    // The site configuration is never a record, even when a path or directory names it.
    let mut seen = HashSet::from([canonical(&config_path(root))]);
    let mut selected = HashSet::new();
    files.retain(|file| {
        let path = canonical(&file.path);
        if asked.iter().any(|a| path.starts_with(a)) {
            selected.insert(file.path.clone());
        }
        seen.insert(path)
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let config = Some(config_path(root)).filter(|path| path.is_file());
    if let Some(config) = &config
        && asked.iter().any(|a| canonical(config).starts_with(a))
    {
        selected.insert(config.clone());
    }
    Ok(Sources {
        config,
        files,
        selected: (!paths.is_empty()).then_some(selected),
    })
}

/// The one spelling of a path that two routes to the same file share.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn walk(dir: &Path, files: &mut Vec<SourceFile>) -> anyhow::Result<()> {
    let entries = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        if entry.file_type().is_file() && is_yaml(entry.path()) {
            files.push(classify(entry.path()));
        }
    }
    Ok(())
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// `x.yaml` is a record, `x.de.yaml` an overlay of record `x`.
pub fn classify(path: &Path) -> SourceFile {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kind = match stem.rsplit_once('.') {
        Some((record_id, lang_tag)) => SourceKind::Overlay {
            record_id: record_id.to_string(),
            lang_tag: lang_tag.to_string(),
        },
        None => SourceKind::Record { id: stem },
    };
    SourceFile {
        path: path.to_path_buf(),
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_decide_the_kind() {
        assert_eq!(
            classify(Path::new("incidents/2023-12-17-x.yaml")).kind,
            SourceKind::Record {
                id: "2023-12-17-x".into()
            }
        );
        assert_eq!(
            classify(Path::new("incidents/2023-12-17-x.de.yaml")).kind,
            SourceKind::Overlay {
                record_id: "2023-12-17-x".into(),
                lang_tag: "de".into()
            }
        );
    }
}
