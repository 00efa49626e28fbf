//! The build's cache of its first pass, at [`PASS1_CACHE`] under the project: for each
//! incident whose views the first pass made, what it kept (its findings and index entries as
//! the lint cache keeps them, its slim record, status and views, and its files'
//! fingerprints), so that a build reads and checks only the groups whose files changed.
//!
//! A group's key is a SHA-256 of this format, the inputs every page depends on (the build's
//! fingerprint `PageInputs::site`: hindsight's version and binary, the configuration, the
//! templates, messages and site files), the group's files (their paths and hashes) and the
//! git revision the incident shows. Its result holds for the span of now in which neither
//! its findings ([`crate::check::cache::NowSpan`]) nor its views can change: an incident's
//! views follow the clock until it is resolved and its every instant is past (the rule of
//! `build::PageKeys`), so only such incidents are kept.
//!
//! Only groups with views are kept: the others (maintenance, drafts, namesakes, groups with
//! errors) keep whole texts between the passes, and are few; they are read every build.

mod codec;
mod record;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use sha2::{Digest as _, Sha256};

use crate::build::premade::Made;
use crate::check::cache::codec::{Reader, Writer};
use crate::check::cache::{self, Entry, Key, NowSpan};
use crate::discover::Sources;
use crate::load::{Fingerprint, RecordFile, Revisions};

/// Where a build keeps its first pass's cache, relative to the project's root.
pub const PASS1_CACHE: &str = ".hindsight-cache/build-pass1";

/// The largest cache file read: the views of 10,000 incidents in 4 languages are 64 MB, so
/// 100,000 fit, and memory stays bounded whatever sits at its place.
pub(crate) const MAX_BYTES: u64 = 1 << 30;

/// The file's first bytes; a change of format changes them.
const MAGIC: &[u8] = b"hindsight build first pass 2\n";

/// What the first pass holds of an incident it can take from the cache.
#[derive(Debug)]
pub(crate) struct Held {
    /// Its record, slim (`slim::viewed`).
    pub record: RecordFile,
    pub made: Made,
    /// The fingerprint of each of its files, in the group's order.
    pub fingerprints: Vec<Fingerprint>,
}

/// The cache as one build uses it: the previous file's groups, and how keys are made now.
pub(crate) struct Pass1Cache<'a> {
    global: Key,
    /// By record id, the hash of the group's files (`PageInputs::groups`).
    groups: &'a HashMap<String, String>,
    sources: &'a Sources,
    revisions: &'a Revisions,
    previous: HashMap<String, (Entry, &'a [u8])>,
    /// Why the previous file was not trusted, if it was not.
    pub problem: Option<&'static str>,
}

impl<'a> Pass1Cache<'a> {
    /// The cache of a build whose pages share the inputs `site` and whose groups' files hash
    /// to `groups`, from the previous file's bytes (if any).
    pub(crate) fn new(
        site: &str,
        groups: &'a HashMap<String, String>,
        sources: &'a Sources,
        revisions: &'a Revisions,
        previous: Option<&'a [u8]>,
    ) -> Pass1Cache<'a> {
        let mut hasher = Sha256::new();
        hasher.update(MAGIC);
        hasher.update(site.as_bytes());
        let global: Key = hasher.finalize().into();
        let (previous, problem) = match previous.map(|bytes| decode(bytes, &global)) {
            None => (HashMap::new(), None),
            Some(Ok(groups)) => (groups, None),
            Some(Err(why)) => (HashMap::new(), Some(why)),
        };
        Pass1Cache {
            global,
            groups,
            sources,
            revisions,
            previous,
            problem,
        }
    }

    /// The key of group `id`, whose files are at `positions` in the sources: None when the
    /// fingerprint does not know it.
    pub(crate) fn key(&self, id: &str, positions: &[usize]) -> Option<Key> {
        let files = self.groups.get(id)?;
        let mut hasher = Sha256::new();
        hasher.update(self.global);
        for part in [id.as_bytes(), b"\0", files.as_bytes(), b"\0"] {
            hasher.update(part);
        }
        for &position in positions {
            let path = self.sources.files[position].path.as_os_str();
            hasher.update((path.len() as u64).to_le_bytes());
            hasher.update(path.as_encoded_bytes());
        }
        match self.revisions.last(id) {
            Some(at) => hasher.update(format!("revised {}", at.to_rfc3339())),
            None => hasher.update("never revised"),
        }
        Some(hasher.finalize().into())
    }

    /// What the previous build kept of group `id` at `positions`, if its key is the one its
    /// files have now (whether it holds at this now is for the caller, by the entry's span).
    pub(crate) fn reuse(&self, id: &str, positions: &[usize]) -> Option<(Entry, Held)> {
        let &(ref entry, bytes) = self.previous.get(id)?;
        if Some(entry.key) != self.key(id, positions) {
            return None;
        }
        let held = decode_held(bytes).ok()?;
        let whole = held.fingerprints.len() == positions.len();
        let named = held.made.0 == id && held.record.id == id;
        (whole && named).then(|| (entry.clone(), held))
    }

    /// A new file's bytes: each group's entry and what is held of it.
    pub(crate) fn encode(&self, groups: &[(&str, &Entry, HeldRef<'_>)]) -> Vec<u8> {
        cache::encode_with(MAGIC, &self.global, groups, encode_held)
    }
}

/// The entry of a group whose views were made (its check's `entry`, given its key), when
/// the cache may keep it: an incident resolved and revised before `now`, whose views then
/// stay as they are; the span of its findings narrowed to that.
pub(crate) fn entry(mut entry: Entry, key: Key, now: DateTime<Utc>, made: &Made) -> Option<Entry> {
    let derived = &made.1;
    if derived.resolved.is_none() || derived.revised >= now {
        return None;
    }
    let settled = NowSpan {
        from: Some(derived.revised + TimeDelta::nanoseconds(1)),
        until: None,
    };
    entry.key = key;
    entry.span = entry.span.and(settled);
    Some(entry)
}

/// What is held of a group, as it is written.
pub(crate) struct HeldRef<'k> {
    pub record: &'k RecordFile,
    pub made: &'k Made,
    pub fingerprints: Vec<Fingerprint>,
}

fn encode_held(writer: &mut Writer, held: &HeldRef<'_>) {
    let (id, derived, views) = held.made;
    // Written whole after its length: a group is decoded only when it is used.
    let mut group = Writer::default();
    record::record_file(&mut group, held.record);
    group.str(id);
    codec::derived(&mut group, derived);
    codec::list(&mut group, views, |writer, view| codec::view(writer, view));
    codec::list(&mut group, &held.fingerprints, |writer, &(len, hash)| {
        writer.usize(len);
        writer.u64(hash);
    });
    writer.raw(&group.bytes);
}

fn decode<'b>(
    bytes: &'b [u8],
    global: &Key,
) -> Result<HashMap<String, (Entry, &'b [u8])>, &'static str> {
    cache::decode_with(bytes, MAGIC, global, |reader| reader.raw())
}

fn decode_held(bytes: &[u8]) -> Result<Held, &'static str> {
    let mut reader = Reader { bytes };
    let record = record::read_record_file(&mut reader)?;
    let id = reader.string()?;
    let derived = codec::read_derived(&mut reader)?;
    let views = codec::read_list(&mut reader, |reader| codec::read_view(reader).map(Box::new))?;
    let fingerprints = codec::read_list(&mut reader, |reader| {
        let len = reader.usize()?;
        Ok((len, reader.u64()?))
    })?;
    if !reader.bytes.is_empty() {
        return Err(cache::codec::MALFORMED);
    }
    Ok(Held {
        record,
        made: (id, derived, views),
        fingerprints,
    })
}
