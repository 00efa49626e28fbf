//! Publish stage: the only code that writes output files, and the rules for where it may.
//!
//! Every write goes to a temporary file (or folder) beside its target and is renamed over
//! it, so a failure or an interrupt never leaves half a file; a site is staged whole and
//! exchanged with the previous one. Targets are resolved and checked by [`guard`] first.

pub mod guard;
pub mod interrupt;
mod site;

use std::io::Write as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use anyhow::{Context as _, bail};

pub use guard::Protected;
pub use interrupt::Interrupted;
pub(crate) use site::hex;
pub use site::{
    Cache, Inputs, KeepNothing, Keeper, Previous, Published, Recording, Source, Stamp, Stamps,
    State, previous, site, site_cached, site_recorded, unchanged,
};

/// Writes `bytes` to `path` whole, through a temporary file in the same folder and a rename;
/// creates the parent folder if needed. A new file gets the usual permissions (0666 less the
/// umask), a replaced one keeps its own; a read-only file or anything but a regular file is
/// refused.
pub fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write(path, bytes, true).map(|_| ())
}

/// Writes `bytes` to a new file `path` like [`write_file`], but never over an existing one:
/// `false` when `path` exists (the rename itself refuses, so a file made meanwhile is kept).
pub fn create_file(path: &Path, bytes: &[u8]) -> anyhow::Result<bool> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Ok(false);
    }
    write(path, bytes, false)
}

/// Writes several files as one change: each is checked and written to its temporary twin
/// before any is renamed into place, so a file that cannot be written (read-only, a full
/// disk) leaves every one of them as it was.
pub fn write_files(files: &[(&Path, &[u8])]) -> anyhow::Result<()> {
    let writing = interrupt::Writing::start()?;
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes))
        .collect::<anyhow::Result<Vec<_>>>()?;
    writing.check()?;
    let mut written: Vec<String> = Vec::new();
    for staged in staged {
        let shown = staged.path.display().to_string();
        staged
            .file
            .persist(&staged.target)
            .map_err(|error| error.error)
            .with_context(|| match written.is_empty() {
                true => format!("cannot write {shown}"),
                false => format!(
                    "cannot write {shown} ({} written already)",
                    written.join(", ")
                ),
            })?;
        written.push(shown);
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8], replace: bool) -> anyhow::Result<bool> {
    let writing = interrupt::Writing::start()?;
    let Staged { file, target, .. } = stage(path, bytes)?;
    writing.check()?;
    if !replace {
        return match file.persist_noclobber(&target) {
            Ok(_) => Ok(true),
            Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(error) => {
                Err(error.error).with_context(|| format!("cannot write {}", path.display()))
            }
        };
    }
    file.persist(&target)
        .map_err(|error| error.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(true)
}

/// A file written whole to a temporary file beside its target, waiting to be renamed there.
struct Staged {
    file: tempfile::NamedTempFile,
    target: std::path::PathBuf,
    path: std::path::PathBuf,
}

/// Checks that `path` may be written (a regular file that is not read-only, or nothing yet)
/// and writes `bytes` to a temporary file in its folder, with the permissions it will keep.
fn stage(path: &Path, bytes: &[u8]) -> anyhow::Result<Staged> {
    let target = guard::resolve(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", path.display()));
        }
    };
    if let Some(metadata) = &existing {
        if !metadata.is_file() {
            bail!(
                "{} exists and is not a regular file; choose another file",
                path.display()
            );
        }
        if metadata.permissions().mode() & 0o222 == 0 {
            bail!(
                "{} is read-only; make it writable (chmod u+w) if it is to be replaced",
                path.display()
            );
        }
    }
    let parent = target.parent().unwrap_or(Path::new("/"));
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    remove_stale_temporaries(parent);
    let mut file = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(parent)
        .with_context(|| format!("cannot write in {}", parent.display()))?;
    // Held until the file is renamed or removed: it tells a later run that the file is
    // still being written, not left behind by a killed one.
    rustix::fs::flock(
        file.as_file(),
        rustix::fs::FlockOperation::NonBlockingLockExclusive,
    )
    .map_err(std::io::Error::from)
    .with_context(|| format!("cannot lock {}", file.path().display()))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    if let Some(metadata) = &existing {
        file.as_file()
            .set_permissions(metadata.permissions())
            .with_context(|| format!("cannot keep the permissions of {}", path.display()))?;
    }
    Ok(Staged {
        file,
        target,
        path: path.to_path_buf(),
    })
}

const TEMPORARY_PREFIX: &str = ".hindsight-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Removes the temporary files that killed runs left in `dir`: ours by name, older than a
/// minute, and locked by no one (a running write holds its lock).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.as_encoded_bytes();
        let ours = name.starts_with(TEMPORARY_PREFIX.as_bytes())
            && name.ends_with(TEMPORARY_SUFFIX.as_bytes());
        // By name first: a stat of every entry took most of the time of `update` in a
        // folder of 40,000 records.
        if !ours {
            continue;
        }
        let stale = entry
            .metadata()
            .is_ok_and(|m| m.is_file() && m.modified().is_ok_and(|modified| modified < minute_ago));
        if !stale {
            continue;
        }
        let Ok(file) = std::fs::File::open(entry.path()) else {
            continue;
        };
        let unused = rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive);
        if unused.is_ok() {
            std::fs::remove_file(entry.path()).ok();
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::fs;
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn writes_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out/postmortem.md");
        write_file(&target, b"first").unwrap();
        write_file(&target, b"second").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "second");
        assert_eq!(fs::read_dir(dir.path().join("out")).unwrap().count(), 1);
    }

    #[test]
    fn a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let reference = dir.path().join("reference");
        fs::File::create(&reference).unwrap();
        let new = dir.path().join("new.md");
        write_file(&new, b"x").unwrap();
        assert_eq!(
            mode(&new),
            mode(&reference),
            "0666 less the umask, like any new file"
        );
        assert_ne!(mode(&new), 0o600);

        let shared = dir.path().join("shared.yaml");
        fs::write(&shared, "a").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o664)).unwrap();
        write_file(&shared, b"b").unwrap();
        assert_eq!(mode(&shared), 0o664);
    }

    #[test]
    fn a_read_only_file_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x.de.yaml");
        fs::write(&target, "mine").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
        let error = write_file(&target, b"theirs").unwrap_err();
        assert!(error.to_string().contains("read-only"), "{error}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "mine");
    }

    /// A FIFO at `path`: what a reader that waits would hang on.
    pub(crate) fn make_fifo(path: &Path) {
        let mode = rustix::fs::Mode::from_raw_mode(0o644);
        rustix::fs::mknodat(rustix::fs::CWD, path, rustix::fs::FileType::Fifo, mode, 0).unwrap();
    }

    #[test]
    fn only_regular_files_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        crate::publish::tests::make_fifo(&fifo);
        assert!(write_file(&fifo, b"x").is_err());
        assert!(write_file(dir.path(), b"x").is_err());
    }

    #[test]
    fn temporaries_of_killed_runs_are_removed_and_running_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let temporary = |name: &str| {
            let path = dir.path().join(name);
            let file = fs::File::create(&path).unwrap();
            file.set_modified(old).unwrap();
            (path, file)
        };
        let (stale, _) = temporary(".hindsight-killed.tmp");
        let (running, held) = temporary(".hindsight-running.tmp");
        rustix::fs::flock(&held, rustix::fs::FlockOperation::LockExclusive).unwrap();
        let (mine, _) = temporary(".hindsight-notes.txt");
        write_file(&dir.path().join("x.md"), b"x").unwrap();
        assert!(!stale.exists(), "left by a killed run");
        assert!(running.exists(), "another run is writing it");
        assert!(mine.exists(), "not a name hindsight gives");
    }

    #[test]
    fn create_file_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("new/record.yaml");
        assert!(create_file(&target, b"first").unwrap());
        assert!(!create_file(&target, b"second").unwrap());
        assert_eq!(fs::read_to_string(&target).unwrap(), "first");
        assert_eq!(fs::read_dir(dir.path().join("new")).unwrap().count(), 1);
    }

    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_file(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}
