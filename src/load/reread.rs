//! A project's records and overlays read a second time: a build that keeps only slim
//! records reads an incident's files again when its page needs the full text, and refuses
//! any file whose bytes are not those it read the first time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hasher as _;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::bail;

use super::{Loaded, RecordContext, SourceText, load_file};
use crate::diagnostic::display_path;
use crate::discover::SourceFile;
use crate::model::{Lang, Overlay, Record};

/// A file's fingerprint: its length and a 64-bit hash of its text. It only has to tell an
/// edit from no edit (nobody chooses the text to collide), and it is computed twice per file:
/// rustc-hash's, which takes 16 bytes a step (SipHash, 8 with more rounds, was 2% of a build).
pub(crate) type Fingerprint = (usize, u64);

/// The fingerprint of a source as [`load_file`] read it.
pub(crate) fn fingerprint(source: &SourceText) -> Fingerprint {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(source.text.as_bytes());
    (source.text.len(), hasher.finish())
}

/// The files of every record id, each with the fingerprint it had when first read.
pub struct Reread {
    /// Tells this project's groups from another's in the threads' caches.
    serial: u64,
    context: RecordContext,
    groups: HashMap<String, Group>,
}

#[derive(Default)]
struct Group {
    records: Vec<(SourceFile, Fingerprint)>,
    /// With the language its name gives (none for a tag that is not a language).
    overlays: Vec<(Option<Lang>, SourceFile, Fingerprint)>,
}

/// A record read again, with its overlays.
pub(crate) struct Full {
    pub record: Record,
    overlays: Vec<(Option<Lang>, Overlay)>,
}

impl Full {
    /// The overlay into `lang` (the last file of that language, as a build finds them).
    pub(crate) fn overlay(&self, lang: Lang) -> Option<&Overlay> {
        let found = self.overlays.iter().rev().find(|(l, _)| *l == Some(lang));
        found.map(|(_, overlay)| overlay)
    }
}

thread_local! {
    /// The group this thread read last: a build renders an incident's pages in every
    /// language one after the other, and reads its files once for them.
    static LAST: RefCell<Option<(u64, String, Rc<Full>)>> = const { RefCell::new(None) };
}

impl Reread {
    pub(crate) fn new(context: RecordContext) -> Reread {
        static SERIAL: AtomicU64 = AtomicU64::new(0);
        Reread {
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            context,
            groups: HashMap::new(),
        }
    }

    /// Remembers `file`, read first with `fingerprint`.
    pub(crate) fn add(&mut self, file: &SourceFile, fingerprint: Fingerprint) {
        let id = crate::discover::group_id(&file.kind);
        let group = match self.groups.get_mut(id) {
            Some(group) => group,
            None => self.groups.entry(id.to_string()).or_default(),
        };
        match &file.kind {
            crate::discover::SourceKind::Record { .. } => {
                group.records.push((file.clone(), fingerprint));
            }
            crate::discover::SourceKind::Overlay { lang_tag, .. } => {
                let lang = Lang::parse(lang_tag);
                group.overlays.push((lang, file.clone(), fingerprint));
            }
        }
    }

    /// The record `id` (the first file of that id that parses, as the project index keeps
    /// it) with its overlays, read again; an error when a file is not as first read.
    pub(crate) fn full(&self, id: &str) -> anyhow::Result<Rc<Full>> {
        let cached = LAST.with_borrow(|last| match last {
            Some((serial, last, full)) if *serial == self.serial && last == id => {
                Some(full.clone())
            }
            _ => None,
        });
        if let Some(full) = cached {
            return Ok(full);
        }
        let full = Rc::new(self.read_group(id)?);
        LAST.set(Some((self.serial, id.to_string(), full.clone())));
        Ok(full)
    }

    fn read_group(&self, id: &str) -> anyhow::Result<Full> {
        let Some(group) = self.groups.get(id) else {
            bail!("the record `{id}` is no longer among the project's files; build again");
        };
        let mut record = None;
        for (file, fingerprint) in &group.records {
            if let Loaded::Record(loaded) = self.read(file, *fingerprint)?
                && record.is_none()
            {
                record = loaded.record;
            }
        }
        let Some(record) = record else {
            bail!("the record `{id}` no longer loads; build again");
        };
        let mut overlays = Vec::with_capacity(group.overlays.len());
        for (lang, file, fingerprint) in &group.overlays {
            if let Loaded::Overlay(loaded) = self.read(file, *fingerprint)?
                && let Some(overlay) = loaded.overlay
            {
                overlays.push((*lang, overlay));
            }
        }
        Ok(Full { record, overlays })
    }

    fn read(&self, file: &SourceFile, fingerprint: Fingerprint) -> anyhow::Result<Loaded> {
        let changed = || {
            anyhow::anyhow!(
                "{} changed during the build; build again",
                display_path(&file.path)
            )
        };
        let loaded = load_file(file, &self.context).map_err(|_| changed())?;
        let source = match &loaded {
            Loaded::Record(file) => &file.source,
            Loaded::Overlay(file) => &file.source,
        };
        if self::fingerprint(source) != fingerprint {
            return Err(changed());
        }
        Ok(loaded)
    }
}
