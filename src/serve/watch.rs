//! Watching the project's inputs (incidents/, site/, templates/, locales/) for changes,
//! debounced so that one save (or a checkout of many files) is one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context as _;
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// The folders a build reads.
const WATCHED: [&str; 4] = ["incidents", "site", "templates", "locales"];
/// Folders whose files are the site's assets (templates, messages, static files): a change
/// there reloads them; a change under incidents/ only reloads the records.
const ASSETS: [&str; 3] = ["site", "templates", "locales"];
/// Editors write a file in several steps; they settle within this.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// Starts watching the project at `root`: each item received is one batch of changed files
/// (relative to `root`), one rebuild. The watcher stops when the receiver is dropped.
pub(super) fn start(root: &Path) -> anyhow::Result<mpsc::Receiver<Vec<PathBuf>>> {
    let root = root
        .canonicalize()
        .with_context(|| format!("cannot read {}", root.display()))?;
    let (events, received) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(events).context("cannot watch the project")?;
    // The root itself, not recursively: a watched folder created later is seen, and then
    // watched itself.
    watch(&mut watcher, &root, RecursiveMode::NonRecursive)?;
    for name in WATCHED {
        let folder = root.join(name);
        if folder.is_dir() {
            watch(&mut watcher, &folder, RecursiveMode::Recursive)?;
        }
    }
    let (batches, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("hindsight-watch-events".into())
        .spawn(move || {
            while let Some(changed) = next_batch(&received, &root) {
                for path in &changed {
                    let folder = root.join(path);
                    if path.components().count() == 1 && folder.is_dir() {
                        let _ = watch(&mut watcher, &folder, RecursiveMode::Recursive);
                    }
                }
                if batches.send(changed).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the file watcher")?;
    Ok(receiver)
}

/// The next changes to the build's inputs: waits for one, then takes every other that comes
/// before a quiet spell of [`DEBOUNCE`]. Reads are no change: a build reads every input, and
/// must not set off the next one. `None` once the watcher is gone.
fn next_batch(events: &mpsc::Receiver<notify::Result<Event>>, root: &Path) -> Option<Vec<PathBuf>> {
    let mut changed: Vec<PathBuf> = Vec::new();
    loop {
        take(&mut changed, events.recv().ok()?, root);
        loop {
            match events.recv_timeout(DEBOUNCE) {
                Ok(event) => take(&mut changed, event, root),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
        if !changed.is_empty() {
            changed.sort();
            changed.dedup();
            return Some(changed);
        }
    }
}

/// Adds the watched files that `event` changed to `changed`.
fn take(changed: &mut Vec<PathBuf>, event: notify::Result<Event>, root: &Path) {
    let Ok(event) = event else { return };
    // A file closed after writing is a change; any other access is a read.
    let written = AccessKind::Close(AccessMode::Write);
    if matches!(event.kind, EventKind::Access(kind) if kind != written) {
        return;
    }
    let paths = event.paths.iter().filter_map(|path| relative(root, path));
    changed.extend(paths.filter(|path| first_is(path, &WATCHED) && !is_editor_debris(path)));
}

/// Files editors and tools write beside the ones they save, which no build reads: hidden
/// files (`.x.yaml.swp`), backups (`x.yaml~`), swap and temporary files, and vim's probe
/// file `4913`; under incidents/, anything but a `.yaml` file.
fn is_editor_debris(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return false;
    };
    let debris = name.starts_with('.')
        || name.ends_with('~')
        || [".swp", ".swo", ".swx", ".tmp"]
            .iter()
            .any(|end| name.ends_with(end))
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()));
    let not_a_record = first_is(path, &["incidents"])
        && path.components().count() > 1
        && path.extension().is_none_or(|extension| extension != "yaml");
    debris || not_a_record
}

fn watch(watcher: &mut RecommendedWatcher, path: &Path, mode: RecursiveMode) -> anyhow::Result<()> {
    watcher
        .watch(path, mode)
        .with_context(|| format!("cannot watch {}", path.display()))
}

/// `path` relative to `root`, whether the watcher reports it as watched or canonical.
fn relative(root: &Path, path: &Path) -> Option<PathBuf> {
    if let Ok(below) = path.strip_prefix(root) {
        return Some(below.to_path_buf());
    }
    let canonical = path.parent()?.canonicalize().ok()?.join(path.file_name()?);
    canonical.strip_prefix(root).ok().map(Path::to_path_buf)
}

fn first_is(path: &Path, names: &[&str]) -> bool {
    path.components()
        .next()
        .is_some_and(|first| names.iter().any(|name| first.as_os_str() == *name))
}

/// Whether a change to `path` (relative to the root) changes the site's assets (templates,
/// messages, static files), not only the records.
pub(super) fn is_asset(path: &Path) -> bool {
    first_is(path, &ASSETS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_inputs_of_a_build_are_watched_and_assets_told_apart() {
        let root = Path::new("/p");
        let rel = |p: &str| relative(root, Path::new(p)).unwrap();
        assert!(first_is(&rel("/p/incidents/a.yaml"), &WATCHED));
        assert!(first_is(&rel("/p/locales/de/site.ftl"), &WATCHED));
        assert!(!first_is(&rel("/p/public/index.html"), &WATCHED));
        assert!(!first_is(&rel("/p/incidents-old/a.yaml"), &WATCHED));
        assert!(!is_asset(&rel("/p/incidents/a.yaml")));
        assert!(is_asset(&rel("/p/templates/site/base.html")));
        assert!(is_asset(&rel("/p/site/config.yaml")));
    }

    #[test]
    fn what_editors_write_beside_a_file_is_no_change() {
        for debris in [
            "incidents/.a.yaml.swp",
            "incidents/a.yaml~",
            "incidents/4913",
            "incidents/a.yaml.tmp",
            "incidents/notes.txt",
            "site/.style.css.swx",
            "templates/site/base.html~",
        ] {
            assert!(is_editor_debris(Path::new(debris)), "{debris}");
        }
        for input in [
            "incidents/a.yaml",
            "incidents/a.de.yaml",
            "site/config.yaml",
            "site/logo.svg",
            "locales/de/site.ftl",
        ] {
            assert!(!is_editor_debris(Path::new(input)), "{input}");
        }
    }
}
