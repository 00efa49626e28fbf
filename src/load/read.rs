//! Reading a source file from disk within the limits: its bytes (never from a pipe or
//! device, never more than the size budget), then its text, with the finding that says why
//! a file was not read or not decoded.

use std::fs;
use std::path::Path;

use anyhow::Context as _;

use super::yaml::{self, Limits};
use super::{Loaded, Read, RecordContext, SourceText, parse_file};
use crate::diagnostic::{Finding, Span};
use crate::discover::SourceFile;
use crate::model::RuleId;

/// Reads a file within the size budget. Input problems (too large, not UTF-8) come back as
/// a finding with whatever text could be shown; only I/O failures are errors.
pub(super) fn read(path: &Path, limits: &Limits) -> anyhow::Result<(SourceText, Option<Finding>)> {
    Ok(decode(path, read_bytes(path, limits)?, limits))
}

/// What reading a source found, before it is decoded: all that its text, findings and
/// parse depend on besides its path (the lint cache keys on it).
#[derive(Debug)]
pub(crate) enum RawState {
    /// Refused by discovery, with why.
    Refused(String),
    /// A pipe, socket or device.
    Irregular,
    /// Over the size budget, with its size.
    TooLarge(u64),
    Bytes(Vec<u8>),
}

/// A source file as read from disk, not yet decoded or parsed.
#[derive(Debug)]
pub(crate) struct RawSource {
    pub file: SourceFile,
    pub state: RawState,
}

/// Reads one record or overlay into memory as [`load_file`] does, without parsing it.
pub(crate) fn read_raw(file: &SourceFile) -> anyhow::Result<RawSource> {
    let state = match &file.refused {
        Some(why) => RawState::Refused(why.clone()),
        None => read_bytes(&file.path, &Limits::default())?,
    };
    Ok(RawSource {
        file: file.clone(),
        state,
    })
}

/// Decodes and parses a source read by [`read_raw`]: the same as [`load_file`].
pub(crate) fn parse_raw(raw: RawSource, context: &RecordContext) -> Loaded {
    let limits = Limits::default();
    let (source, unreadable) = decode(&raw.file.path, raw.state, &limits);
    parse_file(
        Read {
            file: raw.file,
            source,
            unreadable,
        },
        context,
    )
}

fn read_bytes(path: &Path, limits: &Limits) -> anyhow::Result<RawState> {
    use std::io::Read as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let cannot = || format!("cannot read {}", path.display());
    // Looked at before it is opened (opening a device can do things), and opened without
    // waiting and checked again once open: a pipe put at the file's place in between (a
    // file replaced while a build reads it) would hang the read.
    if !fs::metadata(path).with_context(cannot)?.is_file() {
        return Ok(RawState::Irregular);
    }
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .with_context(cannot)?;
    let metadata = file.metadata().with_context(cannot)?;
    if !metadata.is_file() {
        return Ok(RawState::Irregular);
    }
    let max = limits.max_bytes as u64;
    if metadata.len() > max {
        return Ok(RawState::TooLarge(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .with_context(cannot)?;
    if bytes.len() as u64 > max {
        return Ok(RawState::TooLarge(bytes.len() as u64));
    }
    Ok(RawState::Bytes(bytes))
}

pub(super) fn decode(
    path: &Path,
    state: RawState,
    limits: &Limits,
) -> (SourceText, Option<Finding>) {
    let source = |text: String| SourceText {
        path: path.to_path_buf(),
        text,
    };
    match state {
        RawState::Refused(why) => (source(String::new()), Some(irregular(path, &why))),
        RawState::Irregular => {
            let finding = irregular(path, "is not a regular file (a pipe, socket or device)");
            (source(String::new()), Some(finding))
        }
        RawState::TooLarge(size) => {
            let finding = yaml::too_large(usize::try_from(size).unwrap_or(usize::MAX), limits);
            (source(String::new()), Some(finding))
        }
        RawState::Bytes(bytes) => match yaml::decode(&bytes) {
            Ok(text) => (source(text.to_string()), None),
            // A binary file's "lines" would only garble the report: show its name alone.
            Err(finding) if yaml::is_binary(&bytes) => (source(String::new()), Some(finding)),
            Err(finding) => (
                source(String::from_utf8_lossy(&bytes).into_owned()),
                Some(finding),
            ),
        },
    }
}

/// The finding for a source that is not read at all.
pub(super) fn irregular(path: &Path, why: &str) -> Finding {
    Finding::new(
        RuleId::IrregularFile,
        Span::file_start(),
        format!(
            "{} {why}; it is not read",
            crate::diagnostic::display_path(path)
        ),
    )
    .help("copy the file into the project instead of linking to it, or remove it")
}
