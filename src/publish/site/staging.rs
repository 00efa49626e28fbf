//! The new site's folder as a build fills it: each file rendered is written, or linked from
//! the previous site when its bytes are those published there; a page whose key is the one
//! recorded for it is linked without being rendered at all; and what each file is, for the
//! manifest.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context as _;

use super::cache::{self, Entry, Manifest};
use super::check_relative;
use crate::publish::interrupt::Writing;
use crate::render::site::Artifact;

/// The previous site's pages, as a build may keep them instead of rendering them again.
pub trait Keeper: Sync {
    /// Whether the page at `path`, whose key is `key`, was kept: the previous site has it,
    /// recorded with that key and still as it was published, and it is now in the new site.
    /// False when the page must be rendered.
    fn keep(&self, path: &str, key: &str) -> anyhow::Result<bool>;
}

/// Keeps nothing: every page is rendered.
pub struct KeepNothing;

impl Keeper for KeepNothing {
    fn keep(&self, _: &str, _: &str) -> anyhow::Result<bool> {
        Ok(false)
    }
}

/// A staging folder being filled.
pub(super) struct Staging<'a> {
    /// The new site's folder.
    pub dir: &'a Path,
    /// The previous site, and what the cache says of it (empty when not used).
    pub target: &'a Path,
    pub previous: &'a Manifest,
    /// Whether a manifest is written (then files are hashed, and pages may be kept).
    pub recording: bool,
    pub writing: &'a Writing,
    pub written: AtomicUsize,
    pub files: AtomicUsize,
    pub kept: AtomicUsize,
    pub entries: Mutex<Manifest>,
}

impl<'a> Staging<'a> {
    pub(super) fn new(
        dir: &'a Path,
        target: &'a Path,
        previous: &'a Manifest,
        recording: bool,
        writing: &'a Writing,
    ) -> Self {
        Staging {
            dir,
            target,
            previous,
            recording,
            writing,
            written: AtomicUsize::new(0),
            files: AtomicUsize::new(0),
            kept: AtomicUsize::new(0),
            entries: Mutex::new(Manifest::default()),
        }
    }

    /// Puts `artifact` in the new site: linked from the previous one when the bytes are
    /// those published there and the file is still as published, else written.
    pub(super) fn add(&self, artifact: Artifact) -> anyhow::Result<()> {
        self.writing.check()?;
        let path = self.place(&artifact.path)?;
        let hash = self.recording.then(|| cache::hash(&artifact.bytes));
        let unchanged = hash.as_ref().and_then(|hash| {
            let entry = self.previous.entries.get(&artifact.path)?;
            let before = self.target.join(&artifact.path);
            (&entry.hash == hash && entry.still_at(&before)).then_some((before, entry))
        });
        // A second file at one path would silently replace the first: refused, not written
        // (a link, like a new file, is never made over an existing one).
        let linked = match unchanged {
            Some((before, entry)) => link_recorded(&before, &path, entry)?,
            None => false,
        };
        if !linked {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .and_then(|mut file| file.write_all(&artifact.bytes))
                .with_context(|| format!("cannot write {}", path.display()))?;
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        match hash {
            Some(hash) => self.record(artifact.path, &path, hash, artifact.key),
            None => Ok(()),
        }
    }

    /// Where `relative` goes in the new site, its folder made.
    fn place(&self, relative: &str) -> anyhow::Result<std::path::PathBuf> {
        check_relative(relative)?;
        let path = self.dir.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        Ok(path)
    }

    /// Notes the file now at `path` (the site's `relative`) for the manifest.
    fn record(
        &self,
        relative: String,
        path: &Path,
        hash: String,
        key: Option<String>,
    ) -> anyhow::Result<()> {
        if !Manifest::can_hold(&relative) {
            return Ok(());
        }
        let Some(mut entry) = Entry::of(path, hash) else {
            return Ok(());
        };
        entry.key = key;
        self.entries
            .lock()
            .map_err(|_| anyhow::anyhow!("a thread writing the site failed"))?
            .entries
            .insert(relative, entry);
        Ok(())
    }
}

impl Keeper for Staging<'_> {
    fn keep(&self, relative: &str, key: &str) -> anyhow::Result<bool> {
        self.writing.check()?;
        let Some(entry) = self.previous.entries.get(relative) else {
            return Ok(false);
        };
        let before = self.target.join(relative);
        if !self.recording || entry.key.as_deref() != Some(key) || !entry.still_at(&before) {
            return Ok(false);
        }
        let path = self.place(relative)?;
        if !link_recorded(&before, &path, entry)? {
            return Ok(false);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.kept.fetch_add(1, Ordering::Relaxed);
        let (hash, key) = (entry.hash.clone(), Some(key.to_string()));
        self.record(relative.to_string(), &path, hash, key)?;
        Ok(true)
    }
}

/// Links the previous site's file `before` at `path`, and keeps the link only when it is the
/// file `entry` describes: a file put in `before`'s place after it was looked at (or reached
/// through a folder swapped for a link since) is never taken. False when nothing was linked.
fn link_recorded(before: &Path, path: &Path, entry: &Entry) -> anyhow::Result<bool> {
    if fs::hard_link(before, path).is_err() {
        return Ok(false);
    }
    if entry.linked_at(path) {
        return Ok(true);
    }
    fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))?;
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_recorded_file_is_linked_and_another_in_its_place_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let (before, path) = (dir.path().join("before"), dir.path().join("new"));
        fs::write(&before, "published").unwrap();
        let entry = Entry::of(&before, cache::hash(b"published")).unwrap();
        assert!(link_recorded(&before, &path, &entry).unwrap());
        assert_eq!(fs::read_to_string(&path).unwrap(), "published");
        // Another file put in its place after the look (same bytes even): not linked, and
        // nothing left at `path`.
        fs::remove_file(&path).unwrap();
        let swapped = dir.path().join("swapped");
        fs::write(&swapped, "published").unwrap();
        fs::rename(&swapped, &before).unwrap();
        assert!(!link_recorded(&before, &path, &entry).unwrap());
        assert!(fs::symlink_metadata(&path).is_err());
    }
}
