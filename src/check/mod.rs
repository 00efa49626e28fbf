//! Check stage: the lint rules over a loaded corpus -> diagnostics (data, not errors).
//!
//! Each rule lives in a file of its own under `rules/`, named after the problem it finds;
//! its doc comment is what `hindsight explain` prints. [`rules::REGISTRY`] lists them in
//! the order `hindsight rules` shows them.

pub(crate) mod cache;
mod group;
pub(crate) mod index;
mod kept;
pub mod rules;
mod stream;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::load::{ConfigFile, Corpus, OverlayFile};
use crate::model::overlay::Alignment;
use crate::model::{Keyword, Record, RuleId, RuleLevel, SiteConfig};

/// A lint rule: its stable name, default level, documentation and what it looks at.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: RuleId,
    pub default_level: RuleLevel,
    /// The rule's doc comment, as written (each line keeps rustdoc's leading space).
    docs: &'static str,
    pub(crate) scope: Scope,
}

impl Rule {
    /// The rule's name as written in reports and configs.
    pub fn name(&self) -> &'static str {
        self.id.as_str()
    }

    /// The documentation `hindsight explain` prints.
    pub fn docs(&self) -> String {
        let lines: Vec<&str> = self
            .docs
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect();
        lines.join("\n").trim().to_string()
    }

    /// The first paragraph of the docs: what the rule finds, in one line.
    pub fn summary(&self) -> String {
        let docs = self.docs();
        let paragraph = docs.split("\n\n").next().unwrap_or_default();
        paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// What a rule runs over.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope {
    /// Found while loading (syntax, shape, budgets); the rule only names and documents it.
    Load,
    Record(fn(&RecordCheck<'_>) -> Vec<Finding>),
    Overlay(fn(&OverlayCheck<'_>) -> Vec<Finding>),
    /// Across files, over the project index: returns the file each finding belongs to.
    Index(fn(&index::Index<'_>) -> Vec<(std::path::PathBuf, Finding)>),
}

/// Declares a rule; the doc comment becomes its `explain` text.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub $const:ident = $id:ident, $level:ident, $scope:expr) => {
        $(#[doc = $doc])*
        pub(crate) const $const: $crate::check::Rule = $crate::check::Rule {
            id: $crate::model::RuleId::$id,
            default_level: $crate::model::RuleLevel::$level,
            docs: concat!($($doc, "\n"),*),
            scope: $scope,
        };
    };
}
pub(crate) use declare_rule;

pub(crate) use kept::{GroupCheck, Keeping, check_keeping};
pub use stream::{Linted, lint, lint_cached};

/// What every rule may know about the project as a whole.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Site<'a> {
    pub config: &'a SiteConfig,
    /// Whether the project has a site/config.yaml (component checks need one).
    pub has_config: bool,
    pub now: DateTime<Utc>,
}

impl Site<'_> {
    fn of(config: &ConfigFile, now: DateTime<Utc>) -> Site<'_> {
        Site {
            config: &config.config,
            has_config: config.source.is_some(),
            now,
        }
    }
}

/// One record under check, with its source text for locating values inside long fields.
pub(crate) struct RecordCheck<'a> {
    pub record: &'a Record,
    pub text: &'a str,
    pub site: Site<'a>,
}

/// One overlay under check, with the record it translates (if that exists and loaded).
pub(crate) struct OverlayCheck<'a> {
    pub file: &'a OverlayFile,
    pub record: Option<&'a Record>,
    /// Whether a record file with the overlay's id exists (even if it failed to load).
    pub record_exists: bool,
    /// The overlay laid over that record, when both loaded: made once for the rules that
    /// compare them.
    pub alignment: Option<Alignment<'a>>,
}

/// The outcome of checking: diagnostics in file/position order, and how many files were read.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether lint fails: on any error, and on any warning when warnings are denied.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.count(Severity::Error) > 0 || (deny_warnings && self.count(Severity::Warning) > 0)
    }
}

pub fn find_rule(name: &str) -> Option<&'static Rule> {
    RuleId::parse(name).map(rule)
}

/// The rule named `name`, or what to tell a user who named none: the closest name, if one
/// is close, and where the list is.
pub fn find_rule_or_explain(name: &str) -> Result<&'static Rule, String> {
    find_rule(name).ok_or_else(|| {
        match crate::load::suggest_name(name, <RuleId as Keyword>::NAMES) {
            Some(best) => format!("there is no rule `{name}`; did you mean `{best}`?"),
            None => format!("there is no rule `{name}`; `hindsight rules` lists them"),
        }
    })
}

/// The registered rule of `id`: the registry lists every id once, in [`RuleId::ALL`] order.
pub(crate) fn rule(id: RuleId) -> &'static Rule {
    &rules::REGISTRY[id.index()]
}

/// The errors lint would report in `files` (path, text), read with the configuration
/// `config`: what a command checks before it writes a file it made or edited, one
/// `path:line: message [rule]` each.
pub(crate) fn errors_in_texts(
    config: Option<&str>,
    files: &[(&str, &str)],
    now: DateTime<Utc>,
) -> (Vec<crate::diagnostic::Diagnostic>, Vec<String>) {
    let corpus = crate::load::from_texts(config, files);
    let errors: Vec<_> = check(&corpus, now)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .filter(|d| {
            files
                .iter()
                .any(|(path, _)| d.file == std::path::Path::new(path))
        })
        .collect();
    let lines = errors
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {} [{}]",
                d.file.display(),
                d.span().start.line,
                d.message(),
                d.rule()
            )
        })
        .collect();
    (errors, lines)
}

/// Runs every rule over the corpus at time `now`: the same per-group and cross-file stages
/// as the streaming [`lint`], over files already loaded.
pub fn check(corpus: &Corpus, now: DateTime<Utc>) -> Report {
    let site = Site::of(&corpus.config, now);
    let filter = Filter {
        selected: corpus.selected.as_ref(),
        config: &corpus.config.config,
    };
    let records = corpus.records.iter().map(|file| file.id.as_str());
    let overlays = corpus.overlays.iter().map(|file| file.record_id.as_str());
    let groups = group::by_id(records.chain(overlays));
    let checked: Vec<_> = groups
        .par_iter()
        .map(|positions| {
            let mut group = group::Group::default();
            for &position in positions {
                match corpus.records.get(position) {
                    Some(file) => group.records.push((position, file)),
                    None => group
                        .overlays
                        .push(&corpus.overlays[position - corpus.records.len()]),
                }
            }
            group::check(&group, site, &filter)
        })
        .collect();
    finish(&corpus.config, &corpus.site_files, &filter, checked)
}

/// The end of a check: the configuration's own findings, the cross-file rules over the
/// index the groups left, and every diagnostic in file/position order.
pub(crate) fn finish(
    config: &ConfigFile,
    site_files: &[(String, std::path::PathBuf)],
    filter: &Filter<'_>,
    checked: Vec<group::Checked>,
) -> Report {
    let mut diagnostics = Vec::new();
    let mut files = 0;
    if let Some(source) = &config.source {
        let path = source.path.as_path();
        if filter.is_selected(path) {
            files += 1;
            let findings = config.findings.iter().cloned();
            let findings = findings.chain(lint_settings(&config.config)).collect();
            diagnostics.extend(filter.diagnostics(path, findings));
        }
    }
    let mut entries = Vec::new();
    for group in checked {
        diagnostics.extend(group.diagnostics);
        entries.extend(group.entries);
        files += group.files;
    }
    entries.sort_by_key(|(position, _)| *position);
    let records: Vec<_> = entries.into_iter().map(|(_, entry)| entry).collect();
    let index = index::Index {
        config,
        site_files,
        records: &records,
    };
    for (path, finding) in index::cross_file(&index) {
        if filter.is_selected(&path) {
            diagnostics.extend(filter.diagnostics(&path, vec![finding]));
        }
    }
    // By the rule's name, not its registry position: reports keep the order they always had.
    diagnostics.sort_by(|a, b| {
        (&a.file, a.span().start, a.rule().as_str()).cmp(&(
            &b.file,
            b.span().start,
            b.rule().as_str(),
        ))
    });
    diagnostics.dedup();
    Report { diagnostics, files }
}

/// Which findings are reported: those on the selected files, at the level the project
/// gives their rule, unless that is `off`.
pub(crate) struct Filter<'a> {
    pub selected: Option<&'a HashSet<PathBuf>>,
    pub config: &'a SiteConfig,
}

impl Filter<'_> {
    pub(crate) fn is_selected(&self, path: &Path) -> bool {
        self.selected.is_none_or(|selected| selected.contains(path))
    }

    /// The diagnostics of `findings` on `path` (a selected file) that are reported.
    pub(crate) fn diagnostics(
        &self,
        path: &Path,
        findings: Vec<Finding>,
    ) -> impl Iterator<Item = Diagnostic> {
        findings.into_iter().filter_map(move |finding| {
            let severity = severity_of(finding.rule, self.config)?;
            Some(Diagnostic {
                file: path.to_path_buf(),
                severity,
                finding,
            })
        })
    }
}

/// The severity a rule's findings are reported at, or `None` when the rule is off.
fn severity_of(id: RuleId, config: &SiteConfig) -> Option<Severity> {
    let default = rule(id).default_level;
    let level = if FIXED.contains(&id) {
        default
    } else {
        config.lint.get(&id).map_or(default, |level| level.value)
    };
    match level {
        RuleLevel::Error => Some(Severity::Error),
        RuleLevel::Warning => Some(Severity::Warning),
        RuleLevel::Info => Some(Severity::Info),
        RuleLevel::Off => None,
    }
}

/// Rules whose findings `build` depends on: a project cannot change their level, or lint
/// would pass where build fails.
pub(crate) const FIXED: &[RuleId] = &[
    RuleId::MissingConfig,
    RuleId::InvalidConfig,
    RuleId::ReservedSiteFile,
];

/// `lint:` in site/config.yaml may not change the fixed rules (the loader reports names
/// that are no rule).
pub(crate) fn lint_settings(config: &SiteConfig) -> Vec<Finding> {
    config
        .lint
        .iter()
        .filter(|(id, level)| FIXED.contains(id) && level.value != RuleLevel::Error)
        .map(|(id, level)| {
            Finding::new(
                RuleId::InvalidValue,
                level.span,
                format!("`{id}` cannot be changed: the build fails on what it reports"),
            )
            .help(format!(
                "remove `{id}` from `lint:`; fix what it reports instead"
            ))
        })
        .collect()
}
