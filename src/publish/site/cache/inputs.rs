//! What the build cache records of a build's inputs (each file's hash and stat) and of the
//! build itself (its key and what it reported).

use std::collections::HashMap;

/// An input file as a build found it: the hash of its bytes and its stat then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub hash: String,
    pub dev: u64,
    pub inode: u64,
    pub size: u64,
    /// Modification and status change times, in nanoseconds since the epoch.
    pub mtime: i128,
    pub ctime: i128,
}

impl Stamp {
    /// The stat part of the stamp of a file with `stat` (its hash left empty).
    pub(crate) fn stat(stat: &crate::stat::Stat) -> Stamp {
        Stamp {
            hash: String::new(),
            dev: stat.dev,
            inode: stat.inode,
            size: stat.size,
            mtime: stat.mtime,
            ctime: stat.ctime,
        }
    }

    /// Whether `self` (a fresh stat) is the file `previous` describes, in a way that lets
    /// its hash be reused: same stat, and changed before `taken` (when `previous` was taken)
    /// by more than the clock's granularity, so that a write in the same tick as that stat,
    /// which leaves it as it was, cannot go unseen ("racy" entries are hashed again).
    pub fn same_file(&self, previous: &Stamp, taken: i128) -> bool {
        const MARGIN: i128 = 2_000_000_000;
        self.dev == previous.dev
            && self.inode == previous.inode
            && self.size == previous.size
            && self.mtime == previous.mtime
            && self.ctime == previous.ctime
            && self.mtime.max(self.ctime) + MARGIN < taken
    }
}

/// What the inputs of a build were, for the next build to hash only the files that changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Inputs {
    /// By the hash of the file's path.
    pub stamps: HashMap<String, Stamp>,
    /// When the stamps were taken, in nanoseconds since the epoch.
    pub taken: i128,
}

/// The stamps of a previous build, by the hash of an input's path: unpacked ([`Inputs`]) or
/// looked up where the manifest holds them ([`super::Packed`]).
pub trait Stamps: Sync {
    fn stamp(&self, name: &str) -> Option<Stamp>;
    /// When the stamps were taken, in nanoseconds since the epoch.
    fn taken(&self) -> i128;
}

impl Stamps for Inputs {
    fn stamp(&self, name: &str) -> Option<Stamp> {
        self.stamps.get(name).cloned()
    }

    fn taken(&self) -> i128 {
        self.taken
    }
}

impl Stamps for super::Packed {
    fn stamp(&self, name: &str) -> Option<Stamp> {
        super::Packed::stamp(self, name)
    }

    fn taken(&self) -> i128 {
        super::Packed::taken(self)
    }
}

/// A build that published a site from inputs with `key`: what it reports, so that a build
/// with the same key (the same inputs, binary and "now") can report it without doing it.
/// Findings are not kept (they quote records): only the closing line of their count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub key: String,
    pub pages: usize,
    pub languages: usize,
    pub incidents: usize,
    /// In seconds since the epoch.
    pub next_change: Option<i64>,
    /// The count of the findings the build reported (`3 files: 0 errors, 2 warnings`), if
    /// any; one line.
    pub findings: Option<String>,
}

/// What a build that published its site leaves for the next one, once every page is
/// rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recording {
    /// Whether the pages' keys hold: false when an input changed while the site was built,
    /// so that a page may show other bytes than its key says (it is then kept by no key).
    pub page_keys: bool,
    /// The build's key and report, when the build may stand for the site next time.
    pub state: Option<State>,
}

impl Recording {
    /// The pages' keys, and no build state (the build is not stood for by a key).
    pub(crate) fn page_keys_only() -> Recording {
        Recording {
            page_keys: true,
            state: None,
        }
    }
}
