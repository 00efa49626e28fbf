//! The lint cache (`lint --cache`): each group's result (its diagnostics and the index
//! entries of its records), keyed by everything the group check reads, so that a lint of an
//! unchanged project reads and hashes every file but parses and checks only the groups that
//! changed.
//!
//! A group's key is a SHA-256 of the cache format, hindsight's version and the bytes of the
//! running binary, the configuration's text, and each of the group's files: its path,
//! whether it is reported on, and its bytes as read (or why it is not read). Its result is
//! used only for the span of "now" in which the rules that read now cannot change it
//! ([`NowSpan`]). The file holds a checksum of itself; one that fails it, was written by
//! another format or version, or does not decode is ignored whole.

pub(crate) mod codec;
mod now;

use std::collections::HashMap;

use sha2::{Digest as _, Sha256};

pub(crate) use now::NowSpan;

use super::index::RecordEntry;
use crate::diagnostic::Diagnostic;
use crate::load::{ConfigFile, RawSource, RawState};
use codec::{MALFORMED, Reader, Writer};

/// The file's first bytes; a change of format changes them.
const MAGIC: &[u8] = b"hindsight lint cache 2\n";

/// The largest cache file read: a bigger one is ignored, so that memory stays bounded
/// whatever sits at the cache's place (the cache of 10,000 records is 3.3 MB).
pub(crate) const MAX_BYTES: u64 = 256 << 20;

/// A hash of what a group's result depends on.
pub(crate) type Key = [u8; 32];

/// One group's cached result.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: Key,
    /// The nows it holds for.
    pub span: NowSpan,
    /// How many of its files are reported on.
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// The index entries of its records, in the order of its record files.
    pub entries: Vec<RecordEntry>,
}

/// The inputs every group's result depends on: the format, this binary, the configuration.
pub(crate) fn global_key(config: &ConfigFile) -> Key {
    let mut hasher = Sha256::new();
    hasher.update(MAGIC);
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(binary_hash());
    match &config.source {
        Some(source) => {
            hasher.update([1]);
            hasher.update(source.path.as_os_str().as_encoded_bytes());
            hasher.update([0]);
            hasher.update(source.text.as_bytes());
        }
        None => hasher.update([0]),
    }
    hasher.finalize().into()
}

/// The hash of the running binary: a build with other rules, even of the same version,
/// trusts nothing an older one cached. Unreadable, it is a value no binary hashes to, and the
/// cache is never trusted.
pub(crate) fn binary_hash() -> Key {
    static HASH: std::sync::OnceLock<Key> = std::sync::OnceLock::new();
    *HASH.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::read)
            .map(|bytes| Sha256::digest(bytes).into())
            .unwrap_or_else(|_| {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                Sha256::digest(format!("unreadable {nanos} {}", std::process::id())).into()
            })
    })
}

/// The bytes of the cache file at `path`: `None` when there is none. Anything but a regular
/// file of at most [`MAX_BYTES`] is an error: it is opened without waiting (a FIFO there
/// would hang the lint) and without following a link, and checked once open.
pub(crate) fn read_file(path: &std::path::Path) -> std::io::Result<Option<Vec<u8>>> {
    read_file_of_at_most(path, MAX_BYTES)
}

/// [`read_file`] with another bound than [`MAX_BYTES`].
pub(crate) fn read_file_of_at_most(
    path: &std::path::Path,
    max_bytes: u64,
) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::{Error, ErrorKind, Read as _};
    use std::os::unix::fs::OpenOptionsExt as _;
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOFOLLOW;
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(Error::other("it is not a regular file"));
    }
    if metadata.len() > max_bytes {
        return Err(Error::other(format!(
            "it is larger than {} MiB",
            max_bytes >> 20
        )));
    }
    // Sized for the file at once: growing by doubling copied the build cache's 15 MB twice.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0) + 1);
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::other(format!(
            "it is larger than {} MiB",
            max_bytes >> 20
        )));
    }
    Ok(Some(bytes))
}

/// The key of a group: the global key, and each file as read and whether it is reported on.
pub(crate) fn group_key(global: &Key, files: &[(&RawSource, bool)]) -> Key {
    let mut hasher = Sha256::new();
    hasher.update(global);
    for (raw, selected) in files {
        let path = raw.file.path.as_os_str().as_encoded_bytes();
        hasher.update((path.len() as u64).to_le_bytes());
        hasher.update(path);
        hasher.update([u8::from(*selected)]);
        match &raw.state {
            RawState::Refused(why) => {
                hasher.update([0]);
                hasher.update((why.len() as u64).to_le_bytes());
                hasher.update(why.as_bytes());
            }
            RawState::Irregular => hasher.update([1]),
            RawState::TooLarge(size) => {
                hasher.update([2]);
                hasher.update(size.to_le_bytes());
            }
            RawState::Bytes(bytes) => {
                hasher.update([3]);
                hasher.update((bytes.len() as u64).to_le_bytes());
                hasher.update(bytes);
            }
        }
    }
    hasher.finalize().into()
}

/// The cached groups by id, read from a cache file's bytes: empty when they were made with
/// other global inputs; an error says why the file cannot be trusted.
pub(crate) fn decode(bytes: &[u8], global: &Key) -> Result<HashMap<String, Entry>, &'static str> {
    let groups = decode_with(bytes, MAGIC, global, |_| Ok(()))?;
    Ok(groups
        .into_iter()
        .map(|(id, (entry, ()))| (id, entry))
        .collect())
}

/// A cache file's bytes: the groups in the order of their ids (the same project gives the
/// same bytes), and the checksum.
pub(crate) fn encode(global: &Key, groups: &[(String, Entry)]) -> Vec<u8> {
    let groups: Vec<_> = groups.iter().map(|(id, entry)| (id, entry, ())).collect();
    encode_with(MAGIC, global, &groups, |_, ()| {})
}

/// [`decode`] of a cache file whose format is `magic`, each group's entry followed by what
/// `more` reads (a build's first pass keeps more of a group than its findings).
pub(crate) fn decode_with<'b, T>(
    bytes: &'b [u8],
    magic: &[u8],
    global: &Key,
    mut more: impl FnMut(&mut Reader<'b>) -> Result<T, &'static str>,
) -> Result<HashMap<String, (Entry, T)>, &'static str> {
    let Some(body_len) = bytes.len().checked_sub(32) else {
        return Err("it is truncated");
    };
    let (body, checksum) = bytes.split_at(body_len);
    if !body.starts_with(magic) {
        return Err("it has another format");
    }
    if Sha256::digest(body).as_slice() != checksum {
        return Err("it fails its checksum");
    }
    let mut reader = Reader {
        bytes: &body[magic.len()..],
    };
    if reader.string()? != env!("CARGO_PKG_VERSION") {
        return Err("another version of hindsight wrote it");
    }
    if reader.raw()? != global {
        return Ok(HashMap::new());
    }
    let count = reader.usize()?;
    let mut groups = HashMap::new();
    for _ in 0..count {
        let id = reader.string()?;
        let key = reader.raw()?.try_into().map_err(|_| MALFORMED)?;
        let span = NowSpan {
            from: reader.opt_instant()?,
            until: reader.opt_instant()?,
        };
        let files = reader.usize()?;
        let mut diagnostics = Vec::new();
        for _ in 0..reader.usize()? {
            diagnostics.push(reader.diagnostic()?);
        }
        let mut entries = Vec::new();
        for _ in 0..reader.usize()? {
            entries.push(reader.entry()?);
        }
        let entry = Entry {
            key,
            span,
            files,
            diagnostics,
            entries,
        };
        let more = more(&mut reader)?;
        groups.insert(id, (entry, more));
    }
    if !reader.bytes.is_empty() {
        return Err(MALFORMED);
    }
    Ok(groups)
}

/// [`encode`] in the format `magic`, each group's entry followed by what `more` writes of it.
pub(crate) fn encode_with<S: AsRef<str>, T>(
    magic: &[u8],
    global: &Key,
    groups: &[(S, &Entry, T)],
    more: impl Fn(&mut Writer, &T),
) -> Vec<u8> {
    let mut writer = Writer::default();
    writer.bytes.extend_from_slice(magic);
    writer.str(env!("CARGO_PKG_VERSION"));
    writer.raw(global);
    let mut order: Vec<&(S, &Entry, T)> = groups.iter().collect();
    order.sort_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
    writer.usize(order.len());
    for (id, entry, extra) in order {
        writer.str(id.as_ref());
        writer.raw(&entry.key);
        writer.opt_instant(entry.span.from);
        writer.opt_instant(entry.span.until);
        writer.usize(entry.files);
        writer.usize(entry.diagnostics.len());
        for diagnostic in &entry.diagnostics {
            writer.diagnostic(diagnostic);
        }
        writer.usize(entry.entries.len());
        for record in &entry.entries {
            writer.entry(record);
        }
        more(&mut writer, extra);
    }
    let checksum = Sha256::digest(&writer.bytes);
    writer.bytes.extend_from_slice(&checksum);
    writer.bytes
}

#[cfg(test)]
mod tests;
