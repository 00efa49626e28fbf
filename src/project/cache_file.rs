//! A cache file hindsight keeps under the project (`lint --cache`'s, a build's first pass's):
//! read only when it is a regular file at its own place (no link, not too large, opened
//! without waiting), and written by a temporary file and a rename only when its bytes
//! changed. Whatever goes wrong with it is a warning: the command does all the work instead.

use std::path::{Path, PathBuf};

use crate::check::cache::read_file_of_at_most;

/// A cache file, as found before a command that uses it.
pub(crate) struct CacheFile {
    /// Its path, as shown.
    shown: PathBuf,
    /// Whether hindsight may write at its place (no symbolic link on the way).
    allowed: anyhow::Result<()>,
    /// Its bytes, when there was one and it could be read.
    pub(crate) previous: Option<Vec<u8>>,
    /// Its name in warnings (`lint cache`), and the command that would redo everything
    /// without it (`lint`).
    name: &'static str,
    command: &'static str,
    max_bytes: u64,
}

/// What a cache file is.
pub(crate) struct Kind {
    /// Its name in warnings (`lint cache`).
    pub name: &'static str,
    /// The command that does everything without it (`lint`).
    pub command: &'static str,
    /// The largest file read: memory stays bounded whatever sits at its place.
    pub max_bytes: u64,
}

impl CacheFile {
    /// The cache file at `relative` under `root`; with `read` false (`build --clean`) its
    /// bytes are not read. Problems go to `warnings`.
    pub(crate) fn open(
        root: &Path,
        relative: &Path,
        kind: Kind,
        read: bool,
        warnings: &mut Vec<String>,
    ) -> CacheFile {
        let shown = root.join(relative);
        let allowed = crate::publish::Protected::new(root)
            .and_then(|protected| protected.check_project_file(relative));
        let previous = match &allowed {
            Ok(()) if read => match read_file_of_at_most(&shown, kind.max_bytes) {
                Ok(bytes) => bytes,
                Err(error) => {
                    warnings.push(format!(
                        "the {} {} cannot be read ({error}); checking every file",
                        kind.name,
                        shown.display()
                    ));
                    None
                }
            },
            _ => None,
        };
        CacheFile {
            shown,
            allowed,
            previous,
            name: kind.name,
            command: kind.command,
            max_bytes: kind.max_bytes,
        }
    }

    /// Notes that its bytes were not trusted, and why.
    pub(crate) fn ignored(&self, why: &str, warnings: &mut Vec<String>) {
        warnings.push(format!(
            "the {} {} is unreadable and was ignored ({why}); checked every file",
            self.name,
            self.shown.display()
        ));
    }

    /// Writes `bytes` in its place, unless they are those it holds, or more than the next
    /// command would read (which would then check every file, and write it again).
    pub(crate) fn save(self, bytes: &[u8], warnings: &mut Vec<String>) {
        let unchanged = self.previous.as_deref() == Some(bytes);
        let written = self.allowed.and_then(|()| {
            if bytes.len() as u64 > self.max_bytes {
                anyhow::bail!(
                    "it would be {} bytes, over the {} bytes a command reads",
                    bytes.len(),
                    self.max_bytes
                )
            } else if unchanged {
                Ok(())
            } else {
                crate::publish::write_file(&self.shown, bytes)
            }
        });
        if let Err(error) = written {
            warnings.push(format!(
                "the {} was not written ({error:#}); the next {} checks every file",
                self.name, self.command
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(root: &Path, warnings: &mut Vec<String>) -> CacheFile {
        let kind = Kind {
            name: "test cache",
            command: "test",
            max_bytes: 8,
        };
        CacheFile::open(
            root,
            Path::new(".hindsight-cache/test"),
            kind,
            true,
            warnings,
        )
    }

    #[test]
    fn a_cache_larger_than_the_next_command_reads_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".hindsight-cache/test");
        let mut warnings = Vec::new();
        open(dir.path(), &mut warnings).save(b"12345678", &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"12345678");
        let cache = open(dir.path(), &mut warnings);
        assert_eq!(cache.previous.as_deref(), Some(&b"12345678"[..]));
        cache.save(b"123456789", &mut warnings);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("over the 8 bytes"), "{warnings:?}");
        // The last one that could be read stays: its groups' keys still say when it holds.
        assert_eq!(std::fs::read(&path).unwrap(), b"12345678");
    }
}
