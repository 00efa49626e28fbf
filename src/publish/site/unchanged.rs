//! Nothing changed, nothing published: when the previous build's key (its inputs, binary
//! and "now") is the one this build would have, and every file it published is still in
//! place as it published it, with nothing else beside them, the output already is what a
//! clean build would write; the build then stages and exchanges nothing.

use std::collections::HashSet;
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;

use super::cache::{self, Inputs, Manifest, State};
use super::{Lock, MARKER, Published, refuse_foreign, remove_debris, split};
use crate::publish::guard::{Protected, resolve};

/// What the previous build into `out` recorded, read before its turn: its inputs, to hash
/// only the files that changed since, and its key and files, which [`unchanged`] checks in
/// its turn against the site then in place (so that a build in between is seen).
#[derive(Debug, Default)]
pub struct Previous {
    manifest: Option<Manifest>,
    /// When the manifest was written (nanoseconds since the epoch): the last change the
    /// build made to its site, whose folders (modes, entries) changed no later than that.
    written: i128,
}

impl Previous {
    /// Empty when there is no cache or it cannot be trusted (the build then says so).
    pub fn inputs(&self) -> &Inputs {
        static NONE: std::sync::LazyLock<Inputs> = std::sync::LazyLock::new(Inputs::default);
        self.manifest.as_ref().map_or(&NONE, |m| &m.inputs)
    }
}

/// The cache of the previous build into `out`: see [`Previous`].
pub fn previous(protected: &Protected, out: &Path) -> Previous {
    let manifest = (|| {
        let target = resolve(out).ok()?;
        protected.check_site_dir(&target, out).ok()?;
        let (parent, name) = split(&target).ok()?;
        let dir = resolve(&cache::dir(parent, name)).ok()?;
        protected.check_site_dir(&dir, &dir).ok()?;
        let file = dir.join("manifest");
        let manifest = cache::read(&file).0?;
        let metadata = std::fs::symlink_metadata(&file).ok()?;
        let written =
            i128::from(metadata.mtime()) * 1_000_000_000 + i128::from(metadata.mtime_nsec());
        Some((manifest, written))
    })();
    let (manifest, written) = manifest.unzip();
    Previous {
        manifest,
        written: written.unwrap_or_default(),
    }
}

/// When the previous build into `out` had the key `key` and its site is intact: what it
/// published (no file written) and what it reported. Takes its turn like a build, and
/// removes what killed builds left; otherwise writes nothing.
pub fn unchanged(
    protected: &Protected,
    out: &Path,
    key: &str,
    previous: &Previous,
) -> anyhow::Result<Option<(Published, State)>> {
    let target = resolve(out)?;
    protected.check_site_dir(&target, out)?;
    let Ok((parent, name)) = split(&target) else {
        return Ok(None);
    };
    if !parent.is_dir() {
        return Ok(None);
    }
    let _turn = Lock::take(parent)?;
    remove_debris(parent, name)?;
    if refuse_foreign(&target).is_err() {
        // The full build says why.
        return Ok(None);
    }
    // Whatever wrote the manifest, the files it names are checked now, in this turn.
    let Some(manifest) = &previous.manifest else {
        return Ok(None);
    };
    let Some(state) = manifest.state.clone().filter(|state| state.key == key) else {
        return Ok(None);
    };
    if !intact(&target, manifest, previous.written) {
        return Ok(None);
    }
    let published = Published {
        files: manifest.entries.len() + 1,
        written: 0,
        kept: 0,
        warnings: Vec::new(),
    };
    Ok(Some((published, state)))
}

/// Whether the folder `site` holds exactly the files of `manifest`, each still the file that
/// was published (inode, size, modification and status change times), and the marker; no
/// other file, link or folder, and no folder changed (its mode) since `written`.
fn intact(site: &Path, manifest: &Manifest, written: i128) -> bool {
    let mut folders: HashSet<&str> = HashSet::new();
    for path in manifest.entries.keys() {
        let mut path = path.as_str();
        while let Some((parent, _)) = path.rsplit_once('/') {
            if !folders.insert(parent) {
                break;
            }
            path = parent;
        }
    }
    if std::fs::symlink_metadata(site).map_or(i128::MAX, |m| changed(&m)) > written {
        return false;
    }
    let (mut files, mut dirs, mut marker) = (0, 0, false);
    for entry in walkdir::WalkDir::new(site).min_depth(1) {
        let Ok(entry) = entry else {
            return false;
        };
        let Ok(relative) = entry.path().strip_prefix(site) else {
            return false;
        };
        let Some(relative) = relative.to_str() else {
            return false;
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            let changed = entry.metadata().map_or(i128::MAX, |m| changed(&m));
            if !folders.contains(relative) || changed > written {
                return false;
            }
            dirs += 1;
        } else if kind.is_file() && relative == MARKER {
            marker = true;
        } else if kind.is_file() {
            let Some(published) = manifest.entries.get(relative) else {
                return false;
            };
            let Ok(metadata) = entry.metadata() else {
                return false;
            };
            if !published.is(&metadata) {
                return false;
            }
            files += 1;
        } else {
            return false;
        }
    }
    marker && files == manifest.entries.len() && dirs == folders.len()
}

/// When a folder's mode or entries last changed, in nanoseconds since the epoch.
fn changed(metadata: &std::fs::Metadata) -> i128 {
    i128::from(metadata.ctime()) * 1_000_000_000 + i128::from(metadata.ctime_nsec())
}
