//! The per-group stage of the check: a record, the other records with its id and the
//! overlays that translate it are checked together (an overlay's rules need its record),
//! and leave their findings and index entries behind.
//!
//! The corpus check and the streaming lint both run it, so there is one rule path.

use std::collections::HashMap;
use std::path::Path;

use super::cache::NowSpan;
use super::index::RecordEntry;
use super::{Filter, OverlayCheck, RecordCheck, Scope, Site, rules};
use crate::diagnostic::{Diagnostic, Finding};
use crate::load::{Loaded, OverlayFile, RecordFile};
use crate::model::align;

/// The groups of `keys` (a group id per file): each a list of positions into `keys`, in
/// order, the groups in the order their first file comes.
pub(crate) fn by_id<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut found: HashMap<&str, usize> = HashMap::new();
    for (position, key) in keys.into_iter().enumerate() {
        let group = *found.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(position);
    }
    groups
}

/// One group under check: record files with one id, each with its position among the
/// project's records (the index keeps that order), and the overlays of that id.
#[derive(Debug, Default)]
pub(crate) struct Group<'a> {
    pub records: Vec<(usize, &'a RecordFile)>,
    pub overlays: Vec<&'a OverlayFile>,
}

impl<'a> Group<'a> {
    /// The group of `loaded` files, each with its position among the project's files.
    pub(crate) fn of(loaded: &'a [(usize, Loaded)]) -> Self {
        let mut group = Group::default();
        for (position, file) in loaded {
            match file {
                Loaded::Record(file) => group.records.push((*position, file)),
                Loaded::Overlay(file) => group.overlays.push(file),
            }
        }
        group
    }
}

/// What a checked group leaves behind.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// The findings reported (on selected files, at a level that is not off).
    pub diagnostics: Vec<Diagnostic>,
    /// The index entries of its records, with their positions.
    pub entries: Vec<(usize, RecordEntry)>,
    /// How many of its files are selected.
    pub files: usize,
}

/// Runs the per-record and per-overlay rules over one group.
pub(crate) fn check(group: &Group<'_>, site: Site<'_>, filter: &Filter<'_>) -> Checked {
    let mut checked = Checked::default();
    let mut report = |path: &Path, findings: Vec<Finding>| {
        if filter.is_selected(path) {
            checked.files += 1;
            checked
                .diagnostics
                .extend(filter.diagnostics(path, findings));
        }
    };
    for (_, file) in &group.records {
        let mut findings = file.findings.clone();
        if let Some(record) = &file.record {
            let subject = RecordCheck {
                record,
                text: &file.source.text,
                site,
            };
            findings.extend(record_rules().flat_map(|run| run(&subject)));
        }
        report(&file.source.path, findings);
    }
    // With two records of one id, an overlay is checked against the last that loaded.
    let record = group
        .records
        .iter()
        .rev()
        .find_map(|(_, file)| file.record.as_ref());
    for file in &group.overlays {
        let alignment = record
            .zip(file.overlay.as_ref())
            .map(|(record, overlay)| align(record, overlay));
        let subject = OverlayCheck {
            file,
            record,
            record_exists: !group.records.is_empty(),
            alignment,
        };
        let mut findings = file.findings.clone();
        findings.extend(overlay_rules().flat_map(|run| run(&subject)));
        report(&file.source.path, findings);
    }
    checked.entries = group
        .records
        .iter()
        .map(|&(position, file)| (position, RecordEntry::of(file, site.config.timezone)))
        .collect();
    checked
}

/// The nows for which the group's findings stay as they are at `site.now` (the lint cache).
pub(crate) fn now_span(group: &Group<'_>, site: Site<'_>) -> NowSpan {
    let mut span = NowSpan::ALWAYS;
    for (_, file) in &group.records {
        if let Some(record) = &file.record {
            let subject = RecordCheck {
                record,
                text: &file.source.text,
                site,
            };
            span = span.and(rules::now_span(&subject));
        }
    }
    span
}

fn record_rules() -> impl Iterator<Item = fn(&RecordCheck<'_>) -> Vec<Finding>> {
    rules::REGISTRY
        .iter()
        .filter_map(|rule| match rule.scope {
            Scope::Record(run) => Some(run),
            _ => None,
        })
        .chain([rules::markdown_in_record as fn(&RecordCheck<'_>) -> Vec<Finding>])
}

fn overlay_rules() -> impl Iterator<Item = fn(&OverlayCheck<'_>) -> Vec<Finding>> {
    rules::REGISTRY
        .iter()
        .filter_map(|rule| match rule.scope {
            Scope::Overlay(run) => Some(run),
            _ => None,
        })
        .chain([rules::markdown_in_overlay as fn(&OverlayCheck<'_>) -> Vec<Finding>])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_group_by_id_in_the_order_their_first_file_comes() {
        let keys = ["b", "a", "b", "c", "a", "b"];
        assert_eq!(
            by_id(keys),
            vec![vec![0, 2, 5], vec![1, 4], vec![3]],
            "each group lists its positions in order"
        );
        assert!(by_id([]).is_empty());
    }
}
