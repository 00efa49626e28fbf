//! What a build reads, fingerprinted without reading what did not change: every input file
//! (records, overlays, site/config.yaml and site/'s files, templates/, locales/) with its stat
//! and SHA-256, a stat like the previous build's reusing that build's hash (as git's index
//! does), and the running binary stamped the same way; with the git revisions the pages show
//! and "now", the key of a build: two builds with one key publish the same bytes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

use crate::discover::Sources;
use crate::publish::{Inputs, Stamp, Stamps};
use crate::stat::{self, Links, Stat};

/// The build's inputs as found now, and its key.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub inputs: Inputs,
    /// SHA-256 (hex) of the format, hindsight's version and binary, "now", the git revisions
    /// and every input's path and hash.
    pub key: String,
    /// Every input (and the binary): where it is, and the stat it was stamped with (the
    /// hash left empty; the stamps by name are `inputs`', which a build hands to publish).
    files: Vec<(PathBuf, Stamp)>,
    /// Every input's path under the project (the binary's is [`BINARY`]) and the hash of its
    /// bytes, as `files` orders them: what [`Fingerprint::take_pages`] makes the pages'
    /// inputs of (then None: not kept through the build).
    hashes: Option<Vec<(String, String)>>,
}

/// The inputs of a build as its pages depend on them: those of every page, and each record
/// group's own.
#[derive(Debug, Clone, Default)]
pub struct PageInputs {
    /// SHA-256 (hex) of the format, hindsight's version and binary, and every input that is
    /// not a record or an overlay (config, templates, locales, the site's files). None when
    /// the project has templates of its own, which may show anything on any page.
    pub site: Option<String>,
    /// By record id: SHA-256 (hex) of the paths and hashes of the group's files (its
    /// records and overlays).
    pub groups: std::collections::HashMap<String, String>,
}

const FORMAT: &str = "hindsight build key 2";

/// The name under which the running binary is stamped like an input: its hash is reused
/// while its stat is the one recorded, as an input's is (reading and hashing 20 MB was a
/// tenth of a build that finds nothing changed). No input's path holds a NUL.
const BINARY: &str = "\0the running binary";

/// The fingerprint of the project at `root`, whose sources are `sources`, built at `now`;
/// `previous` are the stamps of the last build, whose hashes are reused for files whose stat
/// did not change. None when some input cannot be fingerprinted (a refused or unreadable
/// file): the build then does everything, and records no key.
pub fn fingerprint(
    root: &Path,
    sources: &Sources,
    now: DateTime<Utc>,
    previous: &dyn Stamps,
) -> Option<Fingerprint> {
    let taken = since_epoch(std::time::SystemTime::now())?;
    let mut files: Vec<(String, PathBuf)> = input_files(root, sources)?.into_iter().collect();
    files.push((BINARY.to_string(), std::env::current_exe().ok()?));
    let paths: Vec<&Path> = files.iter().map(|(_, path)| path.as_path()).collect();
    let stats = stat::stat_all(&paths, Links::Follow);
    let stamped: Vec<(String, Stamp)> = files
        .par_iter()
        .zip(stats)
        .map(|((label, path), stat)| {
            let name = path_hash(label);
            let stamp = stamp(&name, path, stat?, previous)?;
            Some((name, stamp))
        })
        .collect::<Option<_>>()?;
    drop(paths);
    let mut hasher = Sha256::new();
    hasher.update(format!("{FORMAT}\n{}\n", env!("CARGO_PKG_VERSION")));
    hasher.update(format!("\nnow {}\n", now.to_rfc3339()));
    hasher.update(crate::load::revisions(root).digest());
    hasher.update(format!("\nconfig {}\n", sources.config.is_some()));
    let mut stamps = std::collections::HashMap::with_capacity(stamped.len());
    let mut stated = Vec::with_capacity(files.len());
    let mut hashes = Vec::with_capacity(files.len());
    for ((label, path), (name, stamp)) in files.into_iter().zip(stamped) {
        for part in [label.as_bytes(), b"\0", stamp.hash.as_bytes(), b"\n"] {
            hasher.update(part);
        }
        let stat = Stamp {
            hash: String::new(),
            ..stamp.clone()
        };
        hashes.push((label, stamp.hash.clone()));
        stamps.insert(name, stamp);
        stated.push((path, stat));
    }
    Some(Fingerprint {
        inputs: Inputs { stamps, taken },
        key: hex(&hasher.finalize()),
        files: stated,
        hashes: Some(hashes),
    })
}

/// The inputs every page depends on, and each group's, from the `hashes` of the inputs of
/// the project at `root`, whose sources are `sources`.
fn page_inputs(root: &Path, sources: &Sources, hashes: &[(String, String)]) -> PageInputs {
    let label = |path: &Path| {
        let relative = path.strip_prefix(root).unwrap_or(path);
        relative.to_string_lossy().into_owned()
    };
    let groups_of: std::collections::HashMap<String, &str> = sources
        .files
        .iter()
        .map(|file| (label(&file.path), crate::discover::group_id(&file.kind)))
        .collect();
    let mut site = Sha256::new();
    site.update(format!("{FORMAT}\n{}\n", env!("CARGO_PKG_VERSION")));
    site.update(format!("\nconfig {}\n", sources.config.is_some()));
    let mut groups: std::collections::HashMap<&str, Sha256> = std::collections::HashMap::new();
    let mut own_templates = false;
    // The running binary is one of `files`, under a name no group has: every page's part.
    for (label, hash) in hashes {
        let line = format!("{label}\0{hash}\n");
        match groups_of.get(label) {
            Some(id) => groups.entry(id).or_default().update(line),
            None => {
                own_templates |= label.starts_with("templates/");
                site.update(line);
            }
        }
    }
    PageInputs {
        site: (!own_templates).then(|| hex(&site.finalize())),
        groups: groups
            .into_iter()
            .map(|(id, hasher)| (id.to_string(), hex(&hasher.finalize())))
            .collect(),
    }
}

impl Fingerprint {
    /// What pages' keys are made of (see [`crate::build::PageKeys`]), for the project at
    /// `root` whose sources are `sources`: asked only by a build that renders, so that one
    /// which finds nothing changed does not group 40,000 files. Given once; None after.
    pub fn take_pages(&mut self, root: &Path, sources: &Sources) -> Option<PageInputs> {
        Some(page_inputs(root, sources, &self.hashes.take()?))
    }

    /// Whether every input is still as it was stamped (by its stat): a file changed while
    /// the build read it may have given the site other bytes than the key says, so such a
    /// build records no key.
    pub fn still(&self) -> bool {
        self.still_among(|_| true)
    }

    /// [`Fingerprint::still`] of the inputs at `paths` only (false for one not stamped).
    pub(crate) fn still_at(&self, paths: &std::collections::HashSet<&Path>) -> bool {
        let stamped = self
            .files
            .iter()
            .filter(|(path, _)| paths.contains(path.as_path()));
        stamped.count() == paths.len() && self.still_among(|path| paths.contains(path))
    }

    fn still_among(&self, among: impl Fn(&Path) -> bool) -> bool {
        let files: Vec<&(PathBuf, Stamp)> =
            self.files.iter().filter(|(path, _)| among(path)).collect();
        let paths: Vec<&Path> = files.iter().map(|(path, _)| path.as_path()).collect();
        let stats = stat::stat_all(&paths, Links::Follow);
        (files.into_iter().zip(stats))
            .all(|((_, stamped), now)| now.is_some_and(|now| Stamp::stat(&now) == *stamped))
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

/// The stamp of the input named `name` (the hash of its path) at `path`, whose stat is
/// `stat`: the previous hash when the stat says it is the same file, else the hash of its
/// bytes now.
fn stamp(name: &str, path: &Path, stat: Stat, previous: &dyn Stamps) -> Option<Stamp> {
    if stat.kind != stat::Kind::File {
        return None;
    }
    let mut stamp = Stamp::stat(&stat);
    match previous.stamp(name) {
        Some(before) if stamp.same_file(&before, previous.taken()) => stamp.hash = before.hash,
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
    crate::publish::hex(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem;

    fn project() -> (tempfile::TempDir, Sources) {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("incidents")).unwrap();
        fs::create_dir_all(dir.path().join("site")).unwrap();
        fs::write(
            dir.path().join("site/config.yaml"),
            "base_url: https://s.example/\n",
        )
        .unwrap();
        fs::write(dir.path().join("incidents/2024-01-01-a.yaml"), "title: A\n").unwrap();
        let sources = crate::discover::discover(dir.path(), &[]).unwrap();
        (dir, sources)
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn a_hash_is_reused_only_for_a_file_whose_stat_is_old_and_unchanged() {
        let (dir, sources) = project();
        let first = fingerprint(dir.path(), &sources, now(), &Inputs::default()).unwrap();
        let record = path_hash("incidents/2024-01-01-a.yaml");
        assert_eq!(
            first.inputs.stamps[&record].hash,
            hex(&Sha256::digest("title: A\n"))
        );
        // A previous build that hashed other bytes for the same stat: trusted when it took
        // its stamps well after the file last changed...
        let mut previous = first.inputs.clone();
        previous.stamps.get_mut(&record).unwrap().hash = "earlier".to_string();
        previous.taken = first.inputs.taken + 10_000_000_000;
        let again = fingerprint(dir.path(), &sources, now(), &previous).unwrap();
        assert_eq!(again.inputs.stamps[&record].hash, "earlier");
        assert_ne!(again.key, first.key);
        // ...but not when the file changed within the clock's granularity of that moment.
        previous.taken = first.inputs.taken;
        let racy = fingerprint(dir.path(), &sources, now(), &previous).unwrap();
        assert_eq!(racy.key, first.key);
        // Nor when the stat differs.
        previous.taken = first.inputs.taken + 10_000_000_000;
        previous.stamps.get_mut(&record).unwrap().size += 1;
        let changed = fingerprint(dir.path(), &sources, now(), &previous).unwrap();
        assert_eq!(changed.key, first.key);
    }

    #[test]
    fn the_binarys_hash_is_reused_only_while_its_stat_is_old_and_unchanged() {
        let (dir, sources) = project();
        let first = fingerprint(dir.path(), &sources, now(), &Inputs::default()).unwrap();
        let binary = path_hash(BINARY);
        let bytes = fs::read(std::env::current_exe().unwrap()).unwrap();
        let stamped = first.inputs.stamps[&binary].clone();
        assert_eq!(stamped.hash, hex(&Sha256::digest(bytes)));
        // A previous build that recorded another hash with the binary's stat: trusted when it
        // took its stamps well after the binary last changed (its bytes are not read)...
        let mut previous = first.inputs.clone();
        previous.stamps.get_mut(&binary).unwrap().hash = "earlier".to_string();
        previous.taken = stamped.mtime.max(stamped.ctime) + 10_000_000_000;
        let again = fingerprint(dir.path(), &sources, now(), &previous).unwrap();
        assert_eq!(again.inputs.stamps[&binary].hash, "earlier");
        assert_ne!(again.key, first.key, "the key follows the binary's hash");
        // ...not when the binary changed within the clock's granularity of that moment...
        previous.taken = stamped.mtime.max(stamped.ctime) + 1_000_000_000;
        let racy = fingerprint(dir.path(), &sources, now(), &previous).unwrap();
        assert_eq!(racy.inputs.stamps[&binary].hash, stamped.hash);
        assert_eq!(racy.key, first.key);
        // ...nor when its stat is another (a new build of it, or a copy over it).
        previous.taken = stamped.mtime.max(stamped.ctime) + 10_000_000_000;
        let changes: [fn(&mut Stamp); 2] = [|s| s.inode += 1, |s| s.ctime += 1];
        for change in changes {
            let mut changed = previous.clone();
            change(changed.stamps.get_mut(&binary).unwrap());
            let rehashed = fingerprint(dir.path(), &sources, now(), &changed).unwrap();
            assert_eq!(rehashed.inputs.stamps[&binary].hash, stamped.hash);
            assert_eq!(rehashed.key, first.key);
        }
    }

    #[test]
    fn a_record_reached_through_a_link_is_stamped_by_its_target() {
        let (dir, _) = project();
        let real = dir.path().join("kept/real.yaml");
        fs::create_dir_all(real.parent().unwrap()).unwrap();
        fs::write(&real, "title: A\n").unwrap();
        let record = dir.path().join("incidents/2024-01-01-a.yaml");
        fs::remove_file(&record).unwrap();
        std::os::unix::fs::symlink(&real, &record).unwrap();
        let sources = crate::discover::discover(dir.path(), &[]).unwrap();
        let first = fingerprint(dir.path(), &sources, now(), &Inputs::default()).unwrap();
        // Bytes of the same length rewritten in place, the old modification time put back:
        // the target's status change time tells, even to a build that trusts old stats.
        let modified = fs::metadata(&real).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut file = fs::OpenOptions::new().write(true).open(&real).unwrap();
        std::io::Write::write_all(&mut file, b"title: B\n").unwrap();
        file.set_modified(modified).unwrap();
        drop(file);
        let mut previous = first.inputs.clone();
        previous.taken += 10_000_000_000;
        let after = fingerprint(dir.path(), &sources, now(), &previous).unwrap();
        assert_ne!(after.key, first.key);
        assert!(!first.still(), "changed since it was stamped");
        // Asked of that file alone, or of the others.
        fn only(path: &Path) -> std::collections::HashSet<&Path> {
            std::collections::HashSet::from([path])
        }
        assert!(!first.still_at(&only(&record)));
        assert!(first.still_at(&only(&dir.path().join("site/config.yaml"))));
        assert!(!first.still_at(&only(&dir.path().join("not/an/input.yaml"))));
    }

    #[test]
    fn a_groups_page_inputs_follow_its_own_files_and_every_page_the_rest() {
        let (dir, _) = project();
        let write = |path: &str, text: &str| {
            let file = dir.path().join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, text).unwrap();
        };
        write("incidents/2024-01-02-b.yaml", "title: B\n");
        let pages = || {
            let sources = crate::discover::discover(dir.path(), &[]).unwrap();
            let fingerprint = fingerprint(dir.path(), &sources, now(), &Inputs::default());
            let mut fingerprint = fingerprint.unwrap();
            fingerprint.take_pages(dir.path(), &sources).unwrap()
        };
        let first = pages();
        assert!(first.site.is_some());
        assert_eq!(first.groups.len(), 2);
        // An overlay is its record's input; the other group and every page's part stay.
        write("incidents/2024-01-01-a.de.yaml", "title: A\n");
        let overlaid = pages();
        assert_ne!(
            overlaid.groups["2024-01-01-a"],
            first.groups["2024-01-01-a"]
        );
        assert_eq!(
            overlaid.groups["2024-01-02-b"],
            first.groups["2024-01-02-b"]
        );
        assert_eq!(overlaid.site, first.site);
        for (path, text) in [
            ("locales/en/site.ftl", "site-as-of = x\n"),
            ("site/a.css", "x"),
        ] {
            let before = pages();
            write(path, text);
            let after = pages();
            assert_ne!(after.site, before.site, "{path}");
            assert_eq!(after.groups, before.groups, "{path}");
        }
        // A project's own template may show anything anywhere: pages get no key.
        write("templates/site/home.html", "x");
        assert_eq!(pages().site, None);
    }

    #[test]
    fn a_fingerprint_whose_stamps_were_handed_on_still_tells_a_change() {
        let (dir, sources) = project();
        let mut first = fingerprint(dir.path(), &sources, now(), &Inputs::default()).unwrap();
        // As a build takes them, for publish and the page keys.
        let inputs = mem::take(&mut first.inputs);
        let pages = first.take_pages(dir.path(), &sources).unwrap();
        assert!(!inputs.stamps.is_empty() && !pages.groups.is_empty());
        assert!(first.still());
        fs::write(
            dir.path().join("incidents/2024-01-01-a.yaml"),
            "title: BB\n",
        )
        .unwrap();
        assert!(!first.still(), "changed since it was stamped");
    }

    #[test]
    fn the_key_follows_every_input_and_now() {
        let (dir, sources) = project();
        let key = |sources: &Sources, now| {
            fingerprint(dir.path(), sources, now, &Inputs::default()).unwrap()
        };
        let first = key(&sources, now());
        assert_eq!(key(&sources, now()).key, first.key);
        assert!(first.still());
        assert_ne!(
            key(&sources, now() + chrono::Duration::seconds(1)).key,
            first.key
        );
        for (path, text) in [
            ("templates/site/home.html", "x"),
            ("locales/en/site.ftl", "site-as-of = x\n"),
            ("site/extra.css", "x"),
            ("incidents/2024-01-01-a.yaml", "title: BB\n"),
        ] {
            let before = key(&sources, now());
            let file = dir.path().join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(&file, text).unwrap();
            assert_ne!(key(&sources, now()).key, before.key, "{path}");
            if path.starts_with("incidents/") {
                assert!(!before.still(), "changed since it was stamped");
            }
        }
        // A file added under incidents/: a new list of sources, a new key.
        let before = key(&sources, now());
        fs::write(dir.path().join("incidents/2024-01-02-b.yaml"), "title: B\n").unwrap();
        let sources = crate::discover::discover(dir.path(), &[]).unwrap();
        assert_ne!(key(&sources, now()).key, before.key);
    }
}
