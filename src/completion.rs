//! What a shell completes from the project while the user types: record ids, record files,
//! and `COMPONENT=STATUS` pairs. Completion must be quick and never fail loudly, so each reads
//! only what it needs and answers nothing when the folder holds no project.

use std::path::Path;

use crate::discover::{self, SourceKind};
use crate::load::{Limits, config};
use crate::model::{ComponentStatus, Keyword as _};

/// The project a completion is for: the `--root` of the command line being completed (the
/// shell passes it whole), else the one around the current directory.
pub fn root_of(words: impl IntoIterator<Item = String>) -> std::path::PathBuf {
    let mut words = words.into_iter();
    let mut root = None;
    while let Some(word) = words.next() {
        if word == "--" {
            continue;
        }
        if word == "--root" {
            root = words.next();
        } else if let Some(value) = word.strip_prefix("--root=") {
            root = Some(value.to_string());
        }
    }
    crate::project::find_root(root.as_deref().map(Path::new), None)
}

/// The ids of the records under `root` (`incidents/<id>.yaml`, overlays left out), sorted.
pub fn record_ids(root: &Path) -> Vec<String> {
    let Ok(sources) = discover::discover(root, &[]) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = sources
        .files
        .into_iter()
        .filter(|file| file.refused.is_none())
        .filter_map(|file| match file.kind {
            SourceKind::Record { id } => Some(id),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

/// `--affected ID=STATUS`: the components of site/config.yaml as `ID=` while the id is typed,
/// then the statuses after the `=`.
pub fn affected_values(root: &Path, typed: &str) -> Vec<String> {
    if let Some((id, status)) = typed.split_once('=') {
        return ComponentStatus::NAMES
            .iter()
            .filter(|name| name.starts_with(status))
            .map(|name| format!("{id}={name}"))
            .collect();
    }
    let Ok(text) = std::fs::read_to_string(discover::config_path(root)) else {
        return Vec::new();
    };
    let (config, _) = config::parse(&text, &Limits::default());
    config
        .components
        .iter()
        .map(|component| format!("{}=", component.id.value))
        .filter(|value| value.starts_with(typed))
        .collect()
}

/// The record files under `root` whose path starts with `typed`, written relative to `here`
/// (the current directory) when they are below it, as the user would type them. Reading the
/// project's folder listing is all it does: a completion must be quick, and it never fails
/// loudly (a folder without records completes nothing).
pub fn record_paths(root: &Path, here: Option<&Path>, typed: &str) -> Vec<String> {
    let Ok(sources) = discover::discover(root, &[]) else {
        return Vec::new();
    };
    sources
        .files
        .into_iter()
        .filter(|file| matches!(file.kind, SourceKind::Record { .. }) && file.refused.is_none())
        .map(|file| {
            let below_here = here.and_then(|here| {
                let real = file.path.canonicalize().ok()?;
                Some(real.strip_prefix(here).ok()?.to_path_buf())
            });
            let path = below_here.unwrap_or(file.path);
            let path = path.strip_prefix("./").unwrap_or(&path);
            path.to_string_lossy().into_owned()
        })
        .filter(|path| path.starts_with(typed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_paths_are_the_records_without_overlays() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let paths = record_paths(root, None, "");
        let names: Vec<_> = paths
            .iter()
            .map(|p| {
                Path::new(p)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert!(names.contains(&"2023-12-17-logto-image-deleted.yaml".to_owned()));
        assert!(
            !names
                .iter()
                .any(|n| n.ends_with(".de.yaml") || n.ends_with(".ja.yaml"))
        );
        assert!(
            paths
                .iter()
                .all(|p| p.starts_with(&root.display().to_string()))
        );
    }

    #[test]
    fn record_paths_keep_only_what_matches_the_typed_prefix() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let prefix = format!("{}/incidents/2017", root.display());
        let paths = record_paths(root, None, &prefix);
        assert_eq!(paths.len(), 2, "{paths:?}");
    }

    #[test]
    fn record_paths_below_the_current_directory_are_relative_to_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let incidents = root.join("incidents").canonicalize().unwrap();
        let paths = record_paths(root, Some(&incidents), "2017-10");
        assert_eq!(paths, ["2017-10-27-monzo-payments-outage.yaml"]);
    }

    #[test]
    fn ids_are_the_record_ids_without_overlays() {
        let ids = record_ids(Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(ids.contains(&"2023-12-17-logto-image-deleted".to_owned()));
        assert!(!ids.iter().any(|id| id.contains('.')), "{ids:?}");
    }

    #[test]
    fn affected_completes_component_ids_then_statuses() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let ids = affected_values(root, "example-web");
        assert_eq!(ids, ["example-webhooks="]);
        assert_eq!(
            affected_values(root, "example-webhooks=major"),
            ["example-webhooks=major_outage"]
        );
    }

    #[test]
    fn the_root_of_the_line_being_completed_is_used() {
        let words = |line: &str| line.split(' ').map(String::from).collect::<Vec<_>>();
        let there = root_of(words("hindsight -- hindsight --root /tmp/p update x"));
        assert_eq!(there, Path::new("/tmp/p"));
        let there = root_of(words("hindsight -- hindsight --root=/tmp/q update x"));
        assert_eq!(there, Path::new("/tmp/q"));
    }

    #[test]
    fn a_folder_without_a_project_completes_nothing() {
        let empty = tempfile::tempdir().unwrap();
        assert!(record_paths(empty.path(), None, "").is_empty());
    }
}
