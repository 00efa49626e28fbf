//! Load stage: source files -> typed records, overlays and site configuration, with findings.
//!
//! Reading and parsing run in parallel. Problems in the input (syntax, shape, budgets,
//! encoding) become findings on the file; only I/O failures are errors.

mod characters;
pub mod config;
mod fields;
pub mod overlay;
pub mod record;
pub(crate) mod yaml;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

pub(crate) use characters::INVALID_CHARACTER;
pub use fields::suggest as suggest_name;
pub use record::RecordContext;
pub use yaml::Limits;

use crate::diagnostic::Finding;
use crate::diagnostic::Span;
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
}

impl Corpus {
    /// The overlay file translating `record_id` into `lang`, as named on disk.
    pub fn overlay_file(&self, record_id: &str, lang: crate::model::Lang) -> Option<&OverlayFile> {
        self.overlays
            .iter()
            .find(|o| o.record_id == record_id && o.lang_tag == lang.as_str())
    }

    /// Whether findings in `path` are to be reported.
    pub fn is_selected(&self, path: &Path) -> bool {
        self.selected
            .as_ref()
            .is_none_or(|selected| selected.contains(path))
    }
}

/// Loads every discovered source.
pub fn load(sources: &Sources) -> anyhow::Result<Corpus> {
    let limits = Limits::default();
    let config = match &sources.config {
        Some(path) => {
            let file = crate::discover::classify(path);
            let (source, config, findings) = read_parsed(&file, &limits, |text| {
                let (config, findings) = config::parse(text, &limits);
                (Some(config), findings)
            })?;
            ConfigFile {
                path: path.clone(),
                source: Some(source),
                config: config.unwrap_or_default(),
                findings,
            }
        }
        None => ConfigFile {
            path: sources.config_path.clone(),
            ..ConfigFile::default()
        },
    };
    let context = RecordContext {
        default_zone: config.config.timezone,
        limits,
    };
    let records = sources
        .files
        .par_iter()
        .filter_map(|file| match &file.kind {
            SourceKind::Record { id } => Some((file, id)),
            SourceKind::Overlay { .. } => None,
        })
        .map(|(file, id)| {
            let (source, record, findings) =
                read_parsed(file, &limits, |text| record::parse(id, text, &context))?;
            Ok(RecordFile {
                source,
                id: id.clone(),
                record,
                findings,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let overlays = sources
        .files
        .par_iter()
        .filter_map(|file| match &file.kind {
            SourceKind::Overlay {
                record_id,
                lang_tag,
            } => Some((file, record_id, lang_tag)),
            SourceKind::Record { .. } => None,
        })
        .map(|(file, record_id, lang_tag)| {
            let (source, overlay, findings) = read_parsed(file, &limits, |text| {
                overlay::parse(record_id, text, &limits)
            })?;
            Ok(OverlayFile {
                source,
                record_id: record_id.clone(),
                lang_tag: lang_tag.clone(),
                overlay,
                findings,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Corpus {
        config,
        records,
        overlays,
        selected: sources.selected.clone(),
    })
}

/// Reads a file and parses its text; a file that cannot be read as text parses to `None`
/// with the finding that says why.
fn read_parsed<T>(
    file: &SourceFile,
    limits: &Limits,
    parse: impl FnOnce(&str) -> (Option<T>, Vec<Finding>),
) -> anyhow::Result<(SourceText, Option<T>, Vec<Finding>)> {
    if let Some(why) = &file.refused {
        let source = SourceText {
            path: file.path.clone(),
            text: String::new(),
        };
        return Ok((source, None, vec![irregular(&file.path, why)]));
    }
    let (source, unreadable) = read(&file.path, limits)?;
    let (value, findings) = match unreadable {
        Some(finding) => (None, vec![finding]),
        None => parse(&source.text),
    };
    Ok((source, value, findings))
}

/// Reads a file within the size budget. Input problems (too large, not UTF-8) come back as
/// a finding with whatever text could be shown; only I/O failures are errors.
fn read(path: &Path, limits: &Limits) -> anyhow::Result<(SourceText, Option<Finding>)> {
    let metadata = fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    let size = metadata.len();
    let source = |text: String| SourceText {
        path: path.to_path_buf(),
        text,
    };
    if !metadata.is_file() {
        let finding = irregular(path, "is not a regular file (a pipe, socket or device)");
        return Ok((source(String::new()), Some(finding)));
    }
    if size > limits.max_bytes as u64 {
        let finding = yaml::too_large(usize::try_from(size).unwrap_or(usize::MAX), limits);
        return Ok((source(String::new()), Some(finding)));
    }
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    match yaml::decode(&bytes) {
        Ok(text) => Ok((source(text.to_string()), None)),
        // A binary file's "lines" would only garble the report: show its name alone.
        Err(finding) if yaml::is_binary(&bytes) => Ok((source(String::new()), Some(finding))),
        Err(finding) => Ok((
            source(String::from_utf8_lossy(&bytes).into_owned()),
            Some(finding),
        )),
    }
}

/// The finding for a source that is not read at all.
fn irregular(path: &Path, why: &str) -> Finding {
    Finding::new(
        "irregular-file",
        Span::file_start(),
        format!(
            "{} {why}; it is not read",
            crate::diagnostic::display_path(path)
        ),
    )
    .help("copy the file into the project instead of linking to it, or remove it")
}
