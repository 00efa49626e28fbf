//! What a build reads, fingerprinted without reading what did not change: every input file
//! (records, overlays, site/config.yaml and site/'s files, templates/, locales/) with its stat
//! and SHA-256, a stat like the previous build's reusing that build's hash (as git's index
//! does); with the binary, the git revisions the pages show and "now", the key of a build:
//! two builds with one key publish the same bytes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

use crate::discover::Sources;
use crate::publish::{Inputs, Stamp};

/// The build's inputs as found now, and its key.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub inputs: Inputs,
    /// SHA-256 (hex) of the format, hindsight's version and binary, "now", the git revisions
    /// and every input's path and hash.
    pub key: String,
    /// Every input, by its path under the root, and where it is.
    files: Vec<(String, PathBuf)>,
}

const FORMAT: &str = "hindsight build key 1";

/// The fingerprint of the project at `root`, whose sources are `sources`, built at `now`;
/// `previous` are the stamps of the last build, whose hashes are reused for files whose stat
/// did not change. None when some input cannot be fingerprinted (a refused or unreadable
/// file): the build then does everything, and records no key.
pub fn fingerprint(
    root: &Path,
    sources: &Sources,
    now: DateTime<Utc>,
    previous: &Inputs,
) -> Option<Fingerprint> {
    let taken = since_epoch(std::time::SystemTime::now())?;
    let files = input_files(root, sources)?;
    let files: Vec<(String, PathBuf)> = files.into_iter().collect();
    let stamped: Vec<Stamp> = files
        .par_iter()
        .map(|(label, path)| stamp(label, path, previous))
        .collect::<Option<_>>()?;
    let mut hasher = Sha256::new();
    hasher.update(format!("{FORMAT}\n{}\n", env!("CARGO_PKG_VERSION")));
    hasher.update(crate::check::cache::binary_hash());
    hasher.update(format!("\nnow {}\n", now.to_rfc3339()));
    hasher.update(crate::load::revisions(root).digest());
    hasher.update(format!("\nconfig {}\n", sources.config.is_some()));
    let mut stamps = std::collections::HashMap::with_capacity(stamped.len());
    for ((label, _), stamp) in files.iter().zip(stamped) {
        hasher.update(format!("{label}\0{}\n", stamp.hash));
        stamps.insert(path_hash(label), stamp);
    }
    Some(Fingerprint {
        inputs: Inputs { stamps, taken },
        key: hex(&hasher.finalize()),
        files,
    })
}

impl Fingerprint {
    /// Whether every input is still as it was stamped (by its stat): a file changed while
    /// the build read it may have given the site other bytes than the key says, so such a
    /// build records no key.
    pub fn still(&self) -> bool {
        self.files.par_iter().all(|(label, path)| {
            let stamped = self.inputs.stamps.get(&path_hash(label));
            let now = fs::metadata(path).ok().map(|m| Stamp::stat(&m));
            stamped.zip(now).is_some_and(|(before, now)| {
                Stamp {
                    hash: before.hash.clone(),
                    ..now
                } == *before
            })
        })
    }
}

/// Every file the build reads, by its path under `root` (`/`-separated), sorted. None when a
/// source is refused (the build reports it).
fn input_files(root: &Path, sources: &Sources) -> Option<BTreeMap<String, PathBuf>> {
    let mut files = BTreeMap::new();
    let label = |path: &Path| {
        let relative = path.strip_prefix(root).unwrap_or(path);
        relative.to_string_lossy().into_owned()
    };
    for file in &sources.files {
        if file.refused.is_some() {
            return None;
        }
        files.insert(label(&file.path), file.path.clone());
    }
    if let Some(config) = &sources.config {
        files.insert(label(config), config.clone());
    }
    // As `assets::layered` finds them: the project's own files over the built-in ones.
    for dir in ["site", "templates", "locales"] {
        for (name, path) in crate::assets::project_files(&root.join(dir)).ok()? {
            files.insert(format!("{dir}/{name}"), path);
        }
    }
    Some(files)
}

/// The stamp of the input `label` at `path`: its stat, and the previous hash when the stat
/// says it is the same file, else the hash of its bytes now.
fn stamp(label: &str, path: &Path, previous: &Inputs) -> Option<Stamp> {
    let metadata = fs::metadata(path).ok()?;
    if !metadata.is_file() {
        return None;
    }
    let mut stamp = Stamp::stat(&metadata);
    match previous.stamps.get(&path_hash(label)) {
        Some(before) if stamp.same_file(before, previous.taken) => stamp.hash = before.hash.clone(),
        _ => stamp.hash = hex(&Sha256::digest(fs::read(path).ok()?)),
    }
    Some(stamp)
}

/// The name an input has in the cache: a hash, so that no draft's file name is written.
fn path_hash(label: &str) -> String {
    hex(&Sha256::digest(label.as_bytes()))
}

fn since_epoch(at: std::time::SystemTime) -> Option<i128> {
    let since = at.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(since.as_nanos() as i128)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
