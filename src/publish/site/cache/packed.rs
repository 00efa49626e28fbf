//! The manifest as it is on disk (binary, format 5), and read in place: a build that finds
//! nothing changed looks up the stamps and files it checks in the bytes as read, by binary
//! search, instead of first making maps of the strings of 80,000 lines (which, with the
//! memory they took, was a third of such a build).
//!
//! Integers are little-endian, text follows its length. In order: the format and version
//! lines (text); when the stamps were taken; the build's state (a flag, its key, counts, next
//! change and findings); the inputs' stamps, sorted by the hash of their path; the published
//! files, sorted by path, each naming its path in the table of paths that follows; that table;
//! and the SHA-256 of all that. Hashes of files and page keys are their 32 bytes; a value that
//! is no such hash is left out (an input is then hashed again, a file written again, a page
//! rendered: never trusted).

use std::collections::HashMap;
use std::ops::Range;

use sha2::{Digest as _, Sha256};

use crate::check::cache::codec::{MALFORMED, Reader};

use super::{Entry, FORMAT, Inputs, Manifest, Placed, Stamp, State, hex};

const DIGEST: usize = 32;
/// A stamp: the hash of the input's path, the hash of its bytes, its device, inode and size,
/// its modification and status change times.
const STAMP: usize = 2 * DIGEST + 3 * 8 + 2 * 16;
/// A published file: the hash of its bytes, whether it has a page key and that key, its
/// inode and size, its modification and status change times, and where its path is.
const ENTRY: usize = 2 * DIGEST + 1 + 2 * 8 + 2 * 16 + 2 * 4;

fn head() -> String {
    format!("{FORMAT}\nversion {}\n", env!("CARGO_PKG_VERSION"))
}

/// A manifest read and checked, its records looked up where they are.
#[derive(Debug)]
pub(crate) struct Packed {
    bytes: Vec<u8>,
    taken: i128,
    state: Option<State>,
    stamps: Range<usize>,
    entries: Range<usize>,
    paths: Range<usize>,
}

impl Packed {
    /// The manifest in `bytes`; an error says why it cannot be trusted.
    pub(crate) fn parse(bytes: Vec<u8>) -> Result<Packed, &'static str> {
        let head = head();
        let (format, _) = head.split_once('\n').unwrap_or_default();
        if bytes.len() < head.len() + DIGEST {
            return Err("it is truncated");
        }
        if !bytes.starts_with(format!("{format}\n").as_bytes()) {
            return Err("it has another format");
        }
        let (body, checksum) = bytes.split_at(bytes.len() - DIGEST);
        if Sha256::digest(body).as_slice() != checksum {
            return Err("it fails its checksum");
        }
        if !body.starts_with(head.as_bytes()) {
            return Err("another version of hindsight wrote it");
        }
        let mut read = Reader {
            bytes: &body[head.len()..],
        };
        let at = |read: &Reader| body.len() - read.bytes.len();
        let taken = read.i128()?;
        let state = match read.u8()? {
            0 => None,
            1 => Some(read_state(&mut read)?),
            _ => return Err(MALFORMED),
        };
        let mut records = |size: usize| {
            let count = read.u32()? as usize;
            let start = at(&read);
            read.take(count.checked_mul(size).ok_or(MALFORMED)?)?;
            Ok::<_, &'static str>(start..at(&read))
        };
        let (stamps, entries) = (records(STAMP)?, records(ENTRY)?);
        let paths_len = read.u32()? as usize;
        let paths = at(&read)..at(&read) + read.take(paths_len)?.len();
        if !read.bytes.is_empty() {
            return Err(MALFORMED);
        }
        let packed = Packed {
            taken,
            state,
            stamps,
            entries,
            paths,
            bytes,
        };
        packed.check_order()?;
        Ok(packed)
    }

    /// Whether the stamps and the files are each in strictly increasing order (what binary
    /// search needs, and no path twice) and every path is text within the table.
    fn check_order(&self) -> Result<(), &'static str> {
        for i in 1..self.stamp_count() {
            if self.stamp_record(i - 1)[..DIGEST] >= self.stamp_record(i)[..DIGEST] {
                return Err(MALFORMED);
            }
        }
        let mut last: Option<&str> = None;
        for i in 0..self.files() {
            let path = self.path_at(i).ok_or(MALFORMED)?;
            if last.is_some_and(|last| last >= path) {
                return Err(MALFORMED);
            }
            if !matches!(self.entry_record(i)[DIGEST], 0 | 1) {
                return Err(MALFORMED);
            }
            last = Some(path);
        }
        Ok(())
    }

    /// When the previous build took its stamps, in nanoseconds since the epoch.
    pub(crate) fn taken(&self) -> i128 {
        self.taken
    }

    pub(crate) fn state(&self) -> Option<&State> {
        self.state.as_ref()
    }

    /// The stamp of the input whose path hashes to `name` (hex).
    pub(crate) fn stamp(&self, name: &str) -> Option<Stamp> {
        let name = digest(name)?;
        let (mut low, mut high) = (0, self.stamp_count());
        while low < high {
            let middle = (low + high) / 2;
            let record = self.stamp_record(middle);
            match record[..DIGEST].cmp(&name) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(stamp_of(record)),
            }
        }
        None
    }

    /// How many files the build published (the marker aside).
    pub(crate) fn files(&self) -> usize {
        self.entries.len() / ENTRY
    }

    /// The paths of the files published.
    pub(crate) fn paths(&self) -> impl Iterator<Item = &str> {
        (0..self.files()).filter_map(|i| self.path_at(i))
    }

    /// Where the file at `path` was when published.
    pub(crate) fn placed(&self, path: &str) -> Option<Placed> {
        let (mut low, mut high) = (0, self.files());
        while low < high {
            let middle = (low + high) / 2;
            match self.path_bytes(middle)?.cmp(path.as_bytes()) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(entry_of(self.entry_record(middle)).1),
            }
        }
        None
    }

    /// The whole manifest, unpacked.
    pub(crate) fn unpack(&self) -> Manifest {
        let mut stamps = HashMap::with_capacity(self.stamp_count());
        for i in 0..self.stamp_count() {
            let record = self.stamp_record(i);
            stamps.insert(hex(&record[..DIGEST]), stamp_of(record));
        }
        let mut entries = HashMap::with_capacity(self.files());
        for i in 0..self.files() {
            let Some(path) = self.path_at(i) else {
                continue;
            };
            let record = self.entry_record(i);
            let (hash, placed) = entry_of(record);
            let key = (record[DIGEST] == 1).then(|| hex(&record[DIGEST + 1..2 * DIGEST + 1]));
            let entry = Entry {
                hash,
                inode: placed.inode,
                size: placed.size,
                mtime: placed.mtime,
                ctime: placed.ctime,
                key,
            };
            entries.insert(path.to_string(), entry);
        }
        Manifest {
            entries,
            inputs: Inputs {
                stamps,
                taken: self.taken,
            },
            state: self.state.clone(),
        }
    }

    fn stamp_count(&self) -> usize {
        self.stamps.len() / STAMP
    }

    fn stamp_record(&self, i: usize) -> &[u8] {
        let at = self.stamps.start + i * STAMP;
        &self.bytes[at..at + STAMP]
    }

    fn entry_record(&self, i: usize) -> &[u8] {
        let at = self.entries.start + i * ENTRY;
        &self.bytes[at..at + ENTRY]
    }

    /// The path of the `i`th file; None when the record names no text within the table.
    fn path_at(&self, i: usize) -> Option<&str> {
        std::str::from_utf8(self.path_bytes(i)?).ok()
    }

    /// The bytes of the `i`th file's path; None when the record names none of the table.
    fn path_bytes(&self, i: usize) -> Option<&[u8]> {
        let record = self.entry_record(i);
        let mut read = Reader {
            bytes: &record[ENTRY - 8..],
        };
        let (at, len) = (read.u32().ok()? as usize, read.u32().ok()? as usize);
        let table = &self.bytes[self.paths.clone()];
        table.get(at..at.checked_add(len)?)
    }
}

/// The bytes of `manifest` (see the module).
pub(crate) fn encode(manifest: &Manifest) -> Vec<u8> {
    let mut out = head().into_bytes();
    out.extend(manifest.inputs.taken.to_le_bytes());
    let state = manifest.state.as_ref();
    match state {
        None => out.push(0),
        Some(state) => {
            out.push(1);
            out.extend((state.key.len() as u32).to_le_bytes());
            out.extend(state.key.as_bytes());
            for count in [state.pages, state.languages, state.incidents] {
                out.extend((count as u64).to_le_bytes());
            }
            out.push(u8::from(state.next_change.is_some()));
            out.extend(state.next_change.unwrap_or_default().to_le_bytes());
            let findings = state.findings.as_deref().unwrap_or_default();
            out.push(u8::from(state.findings.is_some()));
            out.extend((findings.len() as u32).to_le_bytes());
            out.extend(findings.as_bytes());
        }
    }
    let mut stamps: Vec<([u8; DIGEST], [u8; DIGEST], &Stamp)> = (manifest.inputs.stamps.iter())
        .filter_map(|(name, stamp)| Some((digest(name)?, digest(&stamp.hash)?, stamp)))
        .collect();
    stamps.sort_unstable_by_key(|(name, _, _)| *name);
    out.extend((stamps.len() as u32).to_le_bytes());
    for (name, hash, stamp) in stamps {
        out.extend(name);
        out.extend(hash);
        for n in [stamp.dev, stamp.inode, stamp.size] {
            out.extend(n.to_le_bytes());
        }
        out.extend(stamp.mtime.to_le_bytes());
        out.extend(stamp.ctime.to_le_bytes());
    }
    let mut entries: Vec<(&String, &Entry)> = manifest.entries.iter().collect();
    entries.sort_unstable_by_key(|(path, _)| *path);
    let mut table: Vec<u8> = Vec::new();
    let mut records = Vec::with_capacity(entries.len() * ENTRY);
    let mut count = 0u32;
    for (path, entry) in entries {
        let Some(hash) = digest(&entry.hash) else {
            continue;
        };
        let key = entry.key.as_deref().and_then(digest);
        records.extend(hash);
        records.push(u8::from(key.is_some()));
        records.extend(key.unwrap_or_default());
        records.extend(entry.inode.to_le_bytes());
        records.extend(entry.size.to_le_bytes());
        records.extend(entry.mtime.to_le_bytes());
        records.extend(entry.ctime.to_le_bytes());
        records.extend((table.len() as u32).to_le_bytes());
        records.extend((path.len() as u32).to_le_bytes());
        table.extend(path.as_bytes());
        count += 1;
    }
    out.extend(count.to_le_bytes());
    out.extend(records);
    out.extend((table.len() as u32).to_le_bytes());
    out.extend(table);
    let checksum = Sha256::digest(&out);
    out.extend(checksum);
    out
}

/// The 32 bytes of the hash `text` (64 lowercase hex digits, as [`hex`] writes them).
fn digest(text: &str) -> Option<[u8; DIGEST]> {
    let text = text.as_bytes();
    if text.len() != 2 * DIGEST {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0; DIGEST];
    for (byte, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        *byte = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

fn read_state(read: &mut Reader) -> Result<State, &'static str> {
    let len = read.u32()? as usize;
    let key = std::str::from_utf8(read.take(len)?).map_err(|_| MALFORMED)?;
    let key = key.to_string();
    let mut count = || usize::try_from(read.u64()?).map_err(|_| MALFORMED);
    let (pages, languages, incidents) = (count()?, count()?, count()?);
    let next = (read.u8()?, read.i64()?);
    let next_change = match next {
        (0, _) => None,
        (1, at) => Some(at),
        _ => return Err(MALFORMED),
    };
    let has_findings = read.u8()?;
    let len = read.u32()? as usize;
    let findings = std::str::from_utf8(read.take(len)?).map_err(|_| MALFORMED)?;
    let findings = match has_findings {
        0 => None,
        1 => Some(findings.to_string()),
        _ => return Err(MALFORMED),
    };
    Ok(State {
        key,
        pages,
        languages,
        incidents,
        next_change,
        findings,
    })
}

/// The stamp of a stamp's record.
fn stamp_of(record: &[u8]) -> Stamp {
    let mut read = Reader {
        bytes: &record[2 * DIGEST..],
    };
    let mut next = || read.u64().unwrap_or_default();
    let (dev, inode, size) = (next(), next(), next());
    Stamp {
        hash: hex(&record[DIGEST..2 * DIGEST]),
        dev,
        inode,
        size,
        mtime: read.i128().unwrap_or_default(),
        ctime: read.i128().unwrap_or_default(),
    }
}

/// The hash (hex) and place of a published file's record.
fn entry_of(record: &[u8]) -> (String, Placed) {
    let mut read = Reader {
        bytes: &record[2 * DIGEST + 1..],
    };
    let placed = Placed {
        inode: read.u64().unwrap_or_default(),
        size: read.u64().unwrap_or_default(),
        mtime: read.i128().unwrap_or_default(),
        ctime: read.i128().unwrap_or_default(),
    };
    (hex(&record[..DIGEST]), placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_its_bytes_and_anything_else_is_no_hash() {
        let hash = super::super::hash(b"x");
        assert_eq!(hex(&digest(&hash).unwrap()), hash);
        for not in [
            "",
            "earlier",
            &hash.to_uppercase(),
            &hash[1..],
            &format!("{hash}0"),
        ] {
            assert_eq!(digest(not), None, "{not}");
        }
    }
}
