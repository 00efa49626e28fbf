//! The build cache beside the output folder: what the previous build published (each file's
//! path, the hash of its bytes, and the inode, size and modification time it had), so that a
//! rebuild links the files whose bytes did not change instead of writing them again.
//!
//! The cache lives at `<parent of out>/.hindsight-cache/build/<out name>/manifest`, never
//! inside the published tree (`build/`: beside `lint`'s cache, whatever the folder's name).
//! It holds only public paths and hashes. A manifest is trusted only when it parses, has this
//! format and this binary's version, and passes its own checksum;
//! and an entry is used only when the file at its path still has the recorded inode, size
//! and modification time, and the newly rendered bytes hash the same.
//!
//! It also holds what the build read ([`Stamp`]: each input's hash with the stat it had, keyed
//! by a hash of its path, so that a draft's file name is not written) and the key of the whole
//! build ([`State`]), so that the next build can see without reading that nothing changed;
//! and, for each page with a key (`build::PageKeys`), that key, so that the next build can
//! link the page without rendering it when nothing it shows changed.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use sha2::{Digest as _, Sha256};

use crate::publish::guard::{Protected, resolve};
use crate::stat::{self, Kind, Links, Stat};

mod inputs;
mod packed;
pub use inputs::{Inputs, Recording, Stamp, Stamps, State};
pub(crate) use packed::Packed;

/// Whether a build uses the cache beside its output folder (see this module).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    /// Neither read nor written.
    Off,
    /// Read (files whose bytes did not change are linked from the previous site) and
    /// rewritten.
    Use,
    /// Not read, but rewritten: `build --clean`.
    Rewrite,
}

/// The manifest's first line; a change of format changes it.
const FORMAT: &str = "hindsight-cache 5";

/// The cache's folder for the output folder `name` in `parent`.
pub(crate) fn dir(parent: &Path, name: &str) -> PathBuf {
    parent.join(".hindsight-cache").join("build").join(name)
}

/// What a published file was: the hash of its bytes and where it was on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub hash: String,
    pub inode: u64,
    pub size: u64,
    /// Modification time, in nanoseconds since the epoch.
    pub mtime: i128,
    /// Status change time, in nanoseconds since the epoch: bytes rewritten in place with
    /// the old modification time put back (`touch -r`), or a changed mode, change it.
    pub ctime: i128,
    /// For a page with a key (`build::PageKeys`), its key: a build whose page has the same
    /// key links this file without rendering the page.
    pub key: Option<String>,
}

impl Entry {
    /// The entry of the file at `path` (not followed if a link) whose bytes hash to `hash`;
    /// None for anything but a regular file.
    pub(crate) fn of(path: &Path, hash: String) -> Option<Entry> {
        let stat = stat::of(path, Links::Stay).ok()?;
        (stat.kind == Kind::File).then_some(Entry {
            hash,
            inode: stat.inode,
            size: stat.size,
            mtime: stat.mtime,
            ctime: stat.ctime,
            key: None,
        })
    }

    /// Whether the file at `path` is still the one this entry describes.
    pub(crate) fn still_at(&self, path: &Path) -> bool {
        stat::of(path, Links::Stay).is_ok_and(|stat| self.is(&stat))
    }

    /// Whether `stat` (of a link, not of what it leads to) is of the file this entry
    /// describes.
    pub(crate) fn is(&self, stat: &Stat) -> bool {
        let placed = Placed {
            inode: self.inode,
            size: self.size,
            mtime: self.mtime,
            ctime: self.ctime,
        };
        placed.is(stat)
    }

    /// Whether the file at `path`, a link just made to the file this entry describes, is that
    /// file: the same inode (a link is made within one file system), size and modification
    /// time; its status change time moved with the link.
    pub(crate) fn linked_at(&self, path: &Path) -> bool {
        stat::of(path, Links::Stay).is_ok_and(|stat| {
            stat.kind == Kind::File
                && stat.inode == self.inode
                && stat.size == self.size
                && stat.mtime == self.mtime
        })
    }

    /// The entry again for the file now at `path`, after a link to it was made or removed
    /// (which changes only its status change time); false when it is another file.
    pub(crate) fn refresh(&mut self, path: &Path) -> bool {
        let Ok(stat) = stat::of(path, Links::Stay) else {
            return false;
        };
        let before = self.ctime;
        self.ctime = stat.ctime;
        if self.is(&stat) {
            return true;
        }
        self.ctime = before;
        false
    }
}

/// Where a published file was: its inode, size, modification and status change times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    pub inode: u64,
    pub size: u64,
    pub mtime: i128,
    pub ctime: i128,
}

impl Placed {
    /// Whether `stat` (of a link, not of what it leads to) is of the file placed so.
    pub(crate) fn is(&self, stat: &Stat) -> bool {
        stat.kind == Kind::File
            && stat.inode == self.inode
            && stat.size == self.size
            && stat.mtime == self.mtime
            && stat.ctime == self.ctime
    }
}

/// The hash of a file's bytes, in hex.
pub(crate) fn hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        text.push(char::from(DIGITS[usize::from(b >> 4)]));
        text.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    text
}

/// The previous build's files, by path.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Manifest {
    pub entries: HashMap<String, Entry>,
    pub inputs: Inputs,
    pub state: Option<State>,
}

impl Manifest {
    /// The manifest's bytes (see [`packed`]): the same site gives the same bytes.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        packed::encode(self)
    }

    /// Reads a manifest's bytes; an error says why it cannot be trusted.
    #[cfg(test)]
    pub(crate) fn parse(bytes: Vec<u8>) -> Result<Manifest, &'static str> {
        Packed::parse(bytes).map(|packed| packed.unpack())
    }

    /// Whether `path` is recorded: a path with a tab or a line break never is (no page the
    /// built-in templates make has one), so that every recorded path is one line of text.
    pub(crate) fn can_hold(path: &str) -> bool {
        !path.contains(['\t', '\n', '\r'])
    }
}

/// Reads the manifest at `file`: None when there is none; a warning when there is one that
/// cannot be trusted (it is then ignored). Opened as `lint`'s cache is: a FIFO there does
/// not make the build wait, a link is not followed, a huge file is not read whole.
pub(crate) fn read(file: &Path) -> (Option<Manifest>, Option<String>) {
    let (packed, warning) = read_packed(file);
    (packed.map(|packed| packed.unpack()), warning)
}

/// [`read`], the manifest left packed.
pub(crate) fn read_packed(file: &Path) -> (Option<Packed>, Option<String>) {
    let bytes = match crate::check::cache::read_file(file) {
        Ok(None) => return (None, None),
        Err(error) if error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
            Err("it is a link")
        }
        Err(error) if error.kind() == std::io::ErrorKind::Other => {
            Err("it is not a regular file of at most 256 MiB")
        }
        Err(_) => Err("it cannot be read"),
        Ok(Some(bytes)) => Ok(bytes),
    };
    match bytes.and_then(Packed::parse) {
        Ok(manifest) => (Some(manifest), None),
        Err(why) => (
            None,
            Some(format!(
                "the build cache {} is unreadable and was ignored ({why}); building everything",
                file.display()
            )),
        ),
    }
}

/// The cache of the output folder `name` in `parent`, as `mode` asks: where its manifest
/// is (None when the cache is off) and what the previous build published (empty when the
/// cache is not read, or cannot be trusted: then `warnings` says so). The cache is judged
/// like an output folder: never in or over the project's inputs.
pub(crate) fn open(
    protected: &Protected,
    parent: &Path,
    name: &str,
    mode: Cache,
    warnings: &mut Vec<String>,
) -> anyhow::Result<(Option<PathBuf>, Manifest)> {
    if mode == Cache::Off {
        return Ok((None, Manifest::default()));
    }
    let dir = resolve(&dir(parent, name))?;
    protected.check_site_dir(&dir, &dir)?;
    let file = dir.join("manifest");
    let previous = match mode {
        Cache::Use => {
            let (manifest, warning) = read(&file);
            warnings.extend(warning);
            manifest.unwrap_or_default()
        }
        _ => Manifest::default(),
    };
    Ok((Some(file), previous))
}

/// Removes the manifest before the site it describes changes, so that no kill leaves a
/// manifest beside a site it does not describe.
pub(crate) fn forget(file: &Path) -> anyhow::Result<()> {
    match fs::remove_file(file) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(error).with_context(|| format!("cannot remove {}", file.display()))
        }
        _ => Ok(()),
    }
}

/// Writes the manifest of the site just published (through a temporary file and a
/// rename); a failure is a warning: the next build then writes every file.
pub(crate) fn write(file: &Path, manifest: &Manifest) -> Option<String> {
    crate::publish::write_file(file, &manifest.to_bytes())
        .err()
        .map(|error| {
            format!(
                "the build cache {} could not be written ({error:#}); the next build writes every file",
                file.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        let mut entries = HashMap::new();
        entries.insert(
            "en/index.html".to_string(),
            Entry {
                hash: hash(b"x"),
                inode: 12,
                size: 1,
                mtime: 1_700_000_000_123_456_789,
                ctime: 1_700_000_000_123_456_790,
                key: Some(hash(b"page")),
            },
        );
        let stamp = Stamp {
            hash: hash(b"title: x"),
            dev: 2049,
            inode: 7,
            size: 8,
            mtime: 1_700_000_000_000_000_001,
            ctime: 1_700_000_000_000_000_002,
        };
        Manifest {
            entries,
            inputs: Inputs {
                stamps: HashMap::from([(hash(b"incidents/a.yaml"), stamp)]),
                taken: 1_700_000_001_000_000_000,
            },
            state: Some(State {
                key: hash(b"key"),
                pages: 14,
                languages: 2,
                incidents: 1,
                next_change: Some(1_700_000_000),
                findings: Some("3 files: 0 errors, 2 warnings".to_string()),
            }),
        }
    }

    #[test]
    fn a_manifest_reads_back_as_written() {
        let manifest = sample();
        assert_eq!(Manifest::parse(manifest.to_bytes()), Ok(manifest));
    }

    #[test]
    fn a_manifest_is_looked_up_in_place_as_it_unpacks() {
        let mut manifest = sample();
        for n in 0..50u64 {
            let entry = Entry {
                inode: n,
                key: None,
                ..manifest.entries["en/index.html"].clone()
            };
            manifest.entries.insert(format!("de/{n}.html"), entry);
            let stamp = Stamp {
                inode: n,
                ..manifest.inputs.stamps[&hash(b"incidents/a.yaml")].clone()
            };
            manifest.inputs.stamps.insert(hash(&n.to_le_bytes()), stamp);
        }
        let packed = Packed::parse(manifest.to_bytes()).unwrap();
        assert_eq!(packed.unpack(), manifest);
        assert_eq!(packed.files(), manifest.entries.len());
        for (path, entry) in &manifest.entries {
            let placed = packed.placed(path).unwrap();
            assert_eq!((placed.inode, placed.ctime), (entry.inode, entry.ctime));
        }
        for (name, stamp) in &manifest.inputs.stamps {
            assert_eq!(packed.stamp(name).as_ref(), Some(stamp));
        }
        assert_eq!(packed.placed("en/missing.html"), None);
        assert_eq!(packed.stamp(&hash(b"missing")), None);
        // A value that is no hash is never recorded: what it named is done again.
        manifest.entries.get_mut("de/7.html").unwrap().hash = "earlier".to_string();
        let packed = Packed::parse(manifest.to_bytes()).unwrap();
        assert_eq!(packed.placed("de/7.html"), None);
        assert_eq!(packed.files(), manifest.entries.len() - 1);
    }

    #[test]
    fn a_damaged_manifest_is_not_trusted() {
        let bytes = sample().to_bytes();
        assert_eq!(
            Manifest::parse(bytes[..20].to_vec()),
            Err("it is truncated")
        );
        assert_eq!(
            Manifest::parse(bytes[..bytes.len() / 2].to_vec()),
            Err("it fails its checksum")
        );
        let mut tampered = bytes.clone();
        tampered[bytes.len() / 2] ^= 1;
        assert_eq!(Manifest::parse(tampered), Err("it fails its checksum"));
        // A manifest of the previous format, or of another version, even with a valid
        // checksum of its own.
        let old = b"hindsight-cache 4\nversion 0.1.0\ntaken 1\nchecksum 00\n".repeat(4);
        assert_eq!(Manifest::parse(old), Err("it has another format"));
        let other = String::from_utf8_lossy(&bytes[..64])
            .replace(env!("CARGO_PKG_VERSION"), "0.0.0-other")
            .into_bytes();
        let mut foreign = [&other[..], &bytes[64..bytes.len() - 32]].concat();
        foreign.extend(Sha256::digest(&foreign));
        assert_eq!(
            Manifest::parse(foreign),
            Err("another version of hindsight wrote it")
        );
        // Records out of order, with a valid checksum: not trusted either.
        let mut two = sample();
        let entry = two.entries["en/index.html"].clone();
        two.entries.insert("de/index.html".to_string(), entry);
        let mut swapped = two.to_bytes();
        let at = swapped.len() - 32 - "de/index.htmlen/index.html".len();
        swapped[at..at + 2].copy_from_slice(b"zz");
        swapped.truncate(swapped.len() - 32);
        swapped.extend(Sha256::digest(&swapped));
        assert_eq!(Manifest::parse(swapped), Err("it is malformed"));
        assert_eq!(Manifest::parse(Vec::new()), Err("it is truncated"));
    }

    #[test]
    fn a_manifest_that_is_a_fifo_or_a_link_is_neither_waited_for_nor_followed() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::write(&real, sample().to_bytes()).unwrap();
        assert_eq!(read(&real).0, Some(sample()));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let (manifest, warning) = read(&link);
        assert_eq!(manifest, None);
        assert!(warning.unwrap().contains("it is a link"));
        let fifo = dir.path().join("fifo");
        crate::publish::tests::make_fifo(&fifo);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(read(&fifo)).unwrap());
        let (manifest, warning) = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("a FIFO at the manifest's place made the build wait");
        assert_eq!(manifest, None);
        assert!(warning.unwrap().contains("not a regular file"));
    }

    #[test]
    fn an_entry_matches_only_the_same_file_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.html");
        fs::write(&file, "one").unwrap();
        let entry = Entry::of(&file, hash(b"one")).unwrap();
        assert!(entry.still_at(&file));
        // Rewritten in place with other bytes of the same length: the time tells.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&file, "two").unwrap();
        assert!(!entry.still_at(&file));
        assert!(!entry.still_at(&dir.path().join("missing.html")));
        // Rewritten in place again, its modification time put back (`touch -r`): the
        // status change time tells.
        let entry = Entry::of(&file, hash(b"two")).unwrap();
        let modified = fs::metadata(&file).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut handle = fs::OpenOptions::new().write(true).open(&file).unwrap();
        std::io::Write::write_all(&mut handle, b"TWO").unwrap();
        handle.set_modified(modified).unwrap();
        drop(handle);
        assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), modified);
        assert!(!entry.still_at(&file));
        // A link made to it changes only its status change time: refreshed, it is the same.
        let mut entry = Entry::of(&file, hash(b"TWO")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::hard_link(&file, dir.path().join("b.html")).unwrap();
        assert!(!entry.still_at(&file));
        assert!(entry.refresh(&file));
        assert!(entry.still_at(&file));
    }
}
