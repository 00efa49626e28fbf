//! Stats of many files, each looked up by its own name in its folder (opened once) rather
//! than by its whole path: at 80,000 files, the kernel walking every path's folders again was
//! most of a build that finds nothing changed.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::os::fd::OwnedFd;
use std::path::Path;

use rayon::prelude::*;
use rustix::fs::{AtFlags, FileType, Mode, OFlags, StatxFlags};

/// What a stat says of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stat {
    pub kind: Kind,
    pub dev: u64,
    pub inode: u64,
    pub size: u64,
    /// Modification and status change times, in nanoseconds since the epoch.
    pub mtime: i128,
    pub ctime: i128,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    File,
    Dir,
    Link,
    /// A pipe, socket or device.
    Other,
}

/// Whether a stat of a link is of the link or of what it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    Follow,
    Stay,
}

/// A folder held open, whose entries are looked up by name.
#[derive(Debug)]
pub(crate) struct Folder {
    fd: OwnedFd,
}

impl Folder {
    /// The folder at `path` (a link to a folder leads to it).
    pub(crate) fn open(path: &Path) -> io::Result<Folder> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(rustix::fs::CWD, path, flags, Mode::empty())?;
        Ok(Folder { fd })
    }

    /// The folder `name` in this one; a link there is not followed (an error).
    pub(crate) fn open_in(&self, name: &OsStr) -> io::Result<Folder> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(&self.fd, name, flags, Mode::empty())?;
        Ok(Folder { fd })
    }

    /// The stat of the entry `name` (`.` for the folder itself).
    pub(crate) fn stat(&self, name: &OsStr, links: Links) -> io::Result<Stat> {
        statx(&self.fd, name, links)
    }

    /// The names of the folder's entries (without `.` and `..`), with their kind as the
    /// listing gives it (`None` where the file system does not say).
    pub(crate) fn entries(&self) -> io::Result<Vec<(Vec<u8>, Option<Kind>)>> {
        let mut entries = Vec::new();
        for entry in rustix::fs::Dir::read_from(&self.fd)? {
            let entry = entry?;
            let name = entry.file_name().to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            let kind = match entry.file_type() {
                FileType::RegularFile => Some(Kind::File),
                FileType::Directory => Some(Kind::Dir),
                FileType::Symlink => Some(Kind::Link),
                FileType::Unknown => None,
                _ => Some(Kind::Other),
            };
            entries.push((name.to_vec(), kind));
        }
        Ok(entries)
    }
}

/// The stat of the file at `path`.
pub(crate) fn of(path: &Path, links: Links) -> io::Result<Stat> {
    statx(rustix::fs::CWD, path.as_os_str(), links)
}

fn statx(at: impl rustix::fd::AsFd, path: &OsStr, links: Links) -> io::Result<Stat> {
    let flags = match links {
        Links::Follow => AtFlags::empty(),
        Links::Stay => AtFlags::SYMLINK_NOFOLLOW,
    };
    let found = rustix::fs::statx(at, path, flags, StatxFlags::BASIC_STATS)?;
    let nanos = |at: rustix::fs::StatxTimestamp| {
        i128::from(at.tv_sec) * 1_000_000_000 + i128::from(at.tv_nsec)
    };
    let kind = match FileType::from_raw_mode(found.stx_mode.into()) {
        FileType::RegularFile => Kind::File,
        FileType::Directory => Kind::Dir,
        FileType::Symlink => Kind::Link,
        _ => Kind::Other,
    };
    Ok(Stat {
        kind,
        dev: rustix::fs::makedev(found.stx_dev_major, found.stx_dev_minor),
        inode: found.stx_ino,
        size: found.stx_size,
        mtime: nanos(found.stx_mtime),
        ctime: nanos(found.stx_ctime),
    })
}

/// The stat of each of `paths`, in order (None for a path that cannot be looked at): each by
/// its name in its folder, the folders opened once per chunk of paths, the chunks on every
/// core.
pub(crate) fn stat_all(paths: &[&Path], links: Links) -> Vec<Option<Stat>> {
    paths
        .par_chunks(1024)
        .flat_map_iter(|chunk| {
            let mut folders: HashMap<&Path, Option<Folder>> = HashMap::new();
            chunk.iter().map(move |path| {
                let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
                    return None;
                };
                let parent = match parent.as_os_str().is_empty() {
                    true => Path::new("."),
                    false => parent,
                };
                let folder = folders
                    .entry(parent)
                    .or_insert_with(|| Folder::open(parent).ok())
                    .as_ref()?;
                folder.stat(name, links).ok()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::MetadataExt as _;

    use super::*;

    #[test]
    fn a_stat_by_name_is_the_stat_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "title: x\n").unwrap();
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let missing = dir.path().join("missing.yaml");
        let stats = stat_all(&[&file, &link, &missing], Links::Follow);
        let metadata = std::fs::metadata(&file).unwrap();
        let expected = Stat {
            kind: Kind::File,
            dev: metadata.dev(),
            inode: metadata.ino(),
            size: metadata.size(),
            mtime: i128::from(metadata.mtime()) * 1_000_000_000 + i128::from(metadata.mtime_nsec()),
            ctime: i128::from(metadata.ctime()) * 1_000_000_000 + i128::from(metadata.ctime_nsec()),
        };
        assert_eq!(stats, [Some(expected), Some(expected), None]);
        let not_followed = stat_all(&[&link], Links::Stay);
        assert_eq!(not_followed[0].unwrap().kind, Kind::Link);
        let folder = Folder::open(dir.path()).unwrap();
        let mut entries = folder.entries().unwrap();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            entries,
            [
                (b"a.yaml".to_vec(), Some(Kind::File)),
                (b"link.yaml".to_vec(), Some(Kind::Link))
            ]
        );
        assert!(folder.open_in(OsStr::new("link.yaml")).is_err());
    }
}
