//! Load stage: source files -> typed records, overlays and site configuration, with findings.
//!
//! Reading and parsing run in parallel. Problems in the input (syntax, shape, budgets,
//! encoding) become findings on the file; only I/O failures are errors.

mod characters;
pub mod config;
mod fields;
pub(crate) mod notify;
pub mod overlay;
mod read;
pub mod record;
mod reread;
mod revisions;
pub(crate) mod yaml;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub(crate) use fields::suggest as suggest_name;
pub(crate) use read::{RawSource, RawState, parse_raw, read_raw};
use read::{irregular, read};
pub use record::RecordContext;
pub use reread::Reread;
pub(crate) use reread::{Fingerprint, fingerprint};
pub(crate) use revisions::{Revisions, revisions};
pub use yaml::Limits;

use crate::diagnostic::Finding;
use crate::discover::{SourceFile, SourceKind, Sources};
use crate::model::{Overlay, Record, SiteConfig};

/// A file's text as far as it could be read, for showing source lines in diagnostics.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct RecordFile {
    pub source: SourceText,
    pub id: String,
    pub record: Option<Record>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone)]
pub struct OverlayFile {
    pub source: SourceText,
    pub record_id: String,
    /// The language named in the file name (`x.de.yaml` -> `de`).
    pub lang_tag: String,
    pub overlay: Option<Overlay>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    /// Where `site/config.yaml` belongs, whether or not it exists.
    pub path: PathBuf,
    pub source: Option<SourceText>,
    pub config: SiteConfig,
    pub findings: Vec<Finding>,
}

/// Everything the project holds, loaded.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub config: ConfigFile,
    pub records: Vec<RecordFile>,
    pub overlays: Vec<OverlayFile>,
    pub selected: Option<HashSet<PathBuf>>,
    /// The files of `site/` a build publishes as they are, by name under `site/` (none for a
    /// corpus from texts).
    pub site_files: Vec<(String, PathBuf)>,
}

impl Corpus {
    /// The overlay file translating `record_id` into `lang`, as named on disk.
    pub fn overlay_file(&self, record_id: &str, lang: crate::model::Lang) -> Option<&OverlayFile> {
        self.overlays
            .iter()
            .find(|o| o.record_id == record_id && o.lang_tag == lang.as_str())
    }

    /// Whether findings in `path` are to be reported.
    pub(crate) fn is_selected(&self, path: &Path) -> bool {
        self.selected
            .as_ref()
            .is_none_or(|selected| selected.contains(path))
    }
}

/// A source as read from disk: its text, or the finding that says why it has none.
struct Read {
    file: SourceFile,
    source: SourceText,
    unreadable: Option<Finding>,
}

/// Loads every discovered source: reads them (in parallel), then parses them.
pub fn load(sources: &Sources) -> anyhow::Result<Corpus> {
    let config = load_config(sources)?;
    let context = context(&config);
    let mut records = Vec::new();
    let mut overlays = Vec::new();
    let files = sources
        .files
        .par_iter()
        .map(|file| load_file(file, &context))
        .collect::<anyhow::Result<Vec<_>>>()?;
    for file in files {
        match file {
            Loaded::Record(file) => records.push(file),
            Loaded::Overlay(file) => overlays.push(file),
        }
    }
    Ok(Corpus {
        config,
        records,
        overlays,
        selected: sources.selected.clone(),
        site_files: sources.site_files.clone(),
    })
}

/// One source file, read and parsed.
// Both variants are large and a value lives only until it is moved into its place: boxing
// would add an allocation per file for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub(crate) enum Loaded {
    Record(RecordFile),
    Overlay(OverlayFile),
}

/// How records are read in the project of `config`: in its zone, within the budgets.
pub(crate) fn context(config: &ConfigFile) -> RecordContext {
    RecordContext {
        default_zone: config.config.timezone,
        limits: Limits::default(),
    }
}

/// Reads and parses site/config.yaml (records read times in its zone, so it comes first).
pub(crate) fn load_config(sources: &Sources) -> anyhow::Result<ConfigFile> {
    let read = sources
        .config
        .as_ref()
        .map(|path| read_source(&crate::discover::classify(path)))
        .transpose()?;
    Ok(parse_config(&sources.config_path, read))
}

/// Reads and parses one record or overlay: what [`load`] does for every file, and the lint
/// does a group at a time.
pub(crate) fn load_file(file: &SourceFile, context: &RecordContext) -> anyhow::Result<Loaded> {
    Ok(parse_file(read_source(file)?, context))
}

/// The text of one source file as [`load`] reads it, to show the lines a finding is on.
pub(crate) fn read_text(file: &SourceFile) -> anyhow::Result<SourceText> {
    Ok(read_source(file)?.source)
}

/// A source read from disk, or the finding that says why it is not read.
fn read_source(file: &SourceFile) -> anyhow::Result<Read> {
    let (source, unreadable) = match &file.refused {
        Some(why) => (
            SourceText {
                path: file.path.clone(),
                text: String::new(),
            },
            Some(irregular(&file.path, why)),
        ),
        None => read(&file.path, &Limits::default())?,
    };
    Ok(Read {
        file: file.clone(),
        source,
        unreadable,
    })
}

/// A corpus from texts in memory, parsed exactly as [`load`] parses files: `config` is the
/// text of site/config.yaml, `files` pairs a path under `incidents/` with its text.
pub fn from_texts(config: Option<&str>, files: &[(&str, &str)]) -> Corpus {
    let in_memory = |path: &Path, text: &str| Read {
        file: crate::discover::classify(path),
        source: SourceText {
            path: path.to_path_buf(),
            text: text.to_string(),
        },
        unreadable: None,
    };
    let config_path = crate::discover::config_path(Path::new(""));
    let config = parse_config(
        &config_path,
        config.map(|text| in_memory(&config_path, text)),
    );
    let context = context(&config);
    let mut corpus = Corpus {
        config,
        ..Corpus::default()
    };
    for (path, text) in files {
        match parse_file(in_memory(Path::new(path), text), &context) {
            Loaded::Record(file) => corpus.records.push(file),
            Loaded::Overlay(file) => corpus.overlays.push(file),
        }
    }
    corpus
}

/// Parses the configuration as read, or stands in for a missing one.
fn parse_config(config_path: &Path, read: Option<Read>) -> ConfigFile {
    let limits = Limits::default();
    match read {
        Some(read) => {
            let (source, config, findings) = parse_read(read, |text| {
                let (config, findings) = config::parse(text, &limits);
                (Some(config), findings)
            });
            ConfigFile {
                path: source.path.clone(),
                source: Some(source),
                config: config.unwrap_or_default(),
                findings,
            }
        }
        None => ConfigFile {
            path: config_path.to_path_buf(),
            ..ConfigFile::default()
        },
    }
}

/// Parses a record or an overlay as read.
fn parse_file(read: Read, context: &RecordContext) -> Loaded {
    match read.file.kind.clone() {
        SourceKind::Record { id } => {
            let (source, record, findings) =
                parse_read(read, |text| record::parse(&id, text, context));
            Loaded::Record(RecordFile {
                source,
                id,
                record,
                findings,
            })
        }
        SourceKind::Overlay {
            record_id,
            lang_tag,
        } => {
            let (source, overlay, findings) = parse_read(read, |text| {
                overlay::parse(&record_id, text, &context.limits)
            });
            Loaded::Overlay(OverlayFile {
                source,
                record_id,
                lang_tag,
                overlay,
                findings,
            })
        }
    }
}

/// Parses a source's text; a source that could not be read as text parses to `None` with
/// the finding that says why.
fn parse_read<T>(
    read: Read,
    parse: impl FnOnce(&str) -> (Option<T>, Vec<Finding>),
) -> (SourceText, Option<T>, Vec<Finding>) {
    let (value, findings) = match read.unreadable {
        Some(finding) => (None, vec![finding]),
        None => parse(&read.source.text),
    };
    (read.source, value, findings)
}
