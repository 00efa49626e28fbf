//! Nothing changed, nothing published: when the previous build's key (its inputs, binary
//! and "now") is the one this build would have, and every file it published is still in
//! place as it published it, with nothing else beside them, the output already is what a
//! clean build would write; the build then stages and exchanges nothing.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::Path;

use rayon::prelude::*;

use super::cache::{self, Inputs, Packed, Stamps, State};
use super::{Lock, MARKER, Published, remove_debris, split};
use crate::publish::guard::{Protected, resolve};
use crate::stat::{self, Folder, Kind, Links};

/// What the previous build into `out` recorded, read before its turn: its inputs, to hash
/// only the files that changed since, and its key and files, which [`unchanged`] checks in
/// its turn against the site then in place (so that a build in between is seen).
#[derive(Debug, Default)]
pub struct Previous {
    manifest: Option<Packed>,
    /// When the manifest was written (nanoseconds since the epoch): the last change the
    /// build made to its site, whose folders (modes, entries) changed no later than that.
    written: i128,
}

impl Previous {
    /// Empty when there is no cache or it cannot be trusted (the build then says so).
    pub fn inputs(&self) -> &dyn Stamps {
        static NONE: std::sync::LazyLock<Inputs> = std::sync::LazyLock::new(Inputs::default);
        match &self.manifest {
            Some(manifest) => manifest,
            None => &*NONE,
        }
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
        let manifest = cache::read_packed(&file).0?;
        let written = stat::of(&file, Links::Stay).ok()?.mtime;
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
    // What `refuse_foreign` refuses (no folder, no marker, a `.git` inside) is no intact
    // site either: the full build says why.
    // Whatever wrote the manifest, the files it names are checked now, in this turn.
    let Some(manifest) = &previous.manifest else {
        return Ok(None);
    };
    let Some(state) = manifest.state().filter(|state| state.key == key).cloned() else {
        return Ok(None);
    };
    if !intact(&target, manifest, previous.written) {
        return Ok(None);
    }
    let published = Published {
        files: manifest.files() + 1,
        written: 0,
        kept: 0,
        warnings: Vec::new(),
    };
    Ok(Some((published, state)))
}

/// Whether the folder `site` holds exactly the files of `manifest`, each still the file that
/// was published (inode, size, modification and status change times), and the marker; no
/// other file, link or folder (no `.git`), and no folder changed (its mode) since `written`.
fn intact(site: &Path, manifest: &Packed, written: i128) -> bool {
    let mut folders: HashSet<&str> = HashSet::new();
    for mut path in manifest.paths() {
        while let Some((parent, _)) = path.rsplit_once('/') {
            if !folders.insert(parent) {
                break;
            }
            path = parent;
        }
    }
    let Ok(top) = Folder::open(site) else {
        return false;
    };
    let own = top.stat(OsStr::new("."), Links::Stay);
    if !own.is_ok_and(|own| own.ctime <= written) {
        return false;
    }
    let walk = Walk {
        manifest,
        folders: &folders,
        written,
    };
    walk.folder(&top, "").is_some_and(|found| {
        found.marker && found.files == manifest.files() && found.dirs == folders.len()
    })
}

/// A walk of a published site, each entry looked at by its name in its folder, the entries of
/// a folder on every core.
struct Walk<'w> {
    manifest: &'w Packed,
    folders: &'w HashSet<&'w str>,
    written: i128,
}

/// What a walk found as published.
#[derive(Default)]
struct Found {
    files: usize,
    dirs: usize,
    marker: bool,
}

impl Walk<'_> {
    /// What `folder`, at `prefix` in the site, and the folders in it hold, when every entry
    /// is as published; None at the first that is not.
    fn folder(&self, folder: &Folder, prefix: &str) -> Option<Found> {
        let entries = folder.entries().ok()?;
        entries
            .par_chunks(256)
            .map(|chunk| {
                let mut found = Found::default();
                for (name, _) in chunk {
                    self.entry(folder, prefix, name, &mut found)?;
                }
                Some(found)
            })
            .try_reduce(Found::default, |a, b| {
                Some(Found {
                    files: a.files + b.files,
                    dirs: a.dirs + b.dirs,
                    marker: a.marker || b.marker,
                })
            })
    }

    /// Adds the entry `name` of `folder` to `found`; None when it is not as published.
    fn entry(&self, folder: &Folder, prefix: &str, name: &[u8], found: &mut Found) -> Option<()> {
        let name = std::str::from_utf8(name).ok()?;
        if name == ".git" {
            return None;
        }
        let relative = match prefix {
            "" => name.to_string(),
            prefix => format!("{prefix}/{name}"),
        };
        let stat = folder.stat(OsStr::new(name), Links::Stay).ok()?;
        match stat.kind {
            Kind::Dir => {
                if !self.folders.contains(relative.as_str()) || stat.ctime > self.written {
                    return None;
                }
                let inner = self.folder(&folder.open_in(OsStr::new(name)).ok()?, &relative)?;
                found.dirs += 1 + inner.dirs;
                found.files += inner.files;
            }
            Kind::File if relative == MARKER => found.marker = true,
            Kind::File => {
                let published = self.manifest.placed(&relative)?;
                if !published.is(&stat) {
                    return None;
                }
                found.files += 1;
            }
            Kind::Link | Kind::Other => return None,
        }
        Some(())
    }
}
