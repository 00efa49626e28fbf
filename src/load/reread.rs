//! A project's records and overlays read a second time: a build that keeps only slim
//! records reads an incident's files again when its page needs the full text, and refuses
//! any file whose bytes are not those it read the first time.

use std::collections::HashMap;
use std::hash::Hasher as _;

use anyhow::bail;

use super::{Loaded, RecordContext, SourceText, load_file};
use crate::diagnostic::display_path;
use crate::discover::SourceFile;
use crate::model::{Lang, Overlay, Record};

/// A file's fingerprint: its length and a 64-bit SipHash of its text. It only has to tell an
/// edit from no edit (nobody chooses the text to collide), and it is computed twice per file.
pub(crate) type Fingerprint = (usize, u64);

/// The fingerprint of a source as [`load_file`] read it.
pub(crate) fn fingerprint(source: &SourceText) -> Fingerprint {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(source.text.as_bytes());
    (source.text.len(), hasher.finish())
}

/// The files of every record id, each with the fingerprint it had when first read.
pub struct Reread {
    context: RecordContext,
    groups: HashMap<String, Group>,
}

#[derive(Default)]
struct Group {
    records: Vec<(SourceFile, Fingerprint)>,
    /// With the language its name gives (none for a tag that is not a language).
    overlays: Vec<(Option<Lang>, SourceFile, Fingerprint)>,
}

impl Reread {
    pub(crate) fn new(context: RecordContext) -> Reread {
        Reread {
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
    /// it) and its overlay into `lang` (the last file of that language, as a build finds
    /// overlays), read again; an error when a file is not as first read.
    pub(crate) fn record_in(&self, id: &str, lang: Lang) -> anyhow::Result<(Record, Option<Overlay>)> {
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
        let overlay = match group.overlays.iter().rev().find(|o| o.0 == Some(lang)) {
            Some((_, file, fingerprint)) => match self.read(file, *fingerprint)? {
                Loaded::Overlay(loaded) => loaded.overlay,
                Loaded::Record(_) => None,
            },
            None => None,
        };
        Ok((record, overlay))
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
        if super::reread::fingerprint(source) != fingerprint {
            return Err(changed());
        }
        Ok(loaded)
    }
}
