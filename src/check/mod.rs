//! Check stage: the lint rules over a loaded corpus -> diagnostics (data, not errors).
//!
//! Each rule lives in a file of its own under `rules/`, named after the problem it finds;
//! its doc comment is what `hindsight explain` prints. [`rules::REGISTRY`] lists them in
//! the order `hindsight rules` shows them.

pub mod rules;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::load::{Corpus, OverlayFile};
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
    /// Across files: returns the file each finding belongs to.
    Corpus(fn(&Corpus) -> Vec<(std::path::PathBuf, Finding)>),
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

/// What every rule may know about the project as a whole.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Site<'a> {
    pub config: &'a SiteConfig,
    /// Whether the project has a site/config.yaml (component checks need one).
    pub has_config: bool,
    pub now: DateTime<Utc>,
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

/// Runs every rule over the corpus at time `now`.
pub fn check(corpus: &Corpus, now: DateTime<Utc>) -> Report {
    let site = Site {
        config: &corpus.config.config,
        has_config: corpus.config.source.is_some(),
        now,
    };
    let mut placed: Vec<(&Path, Finding)> = Vec::new();

    if let Some(source) = &corpus.config.source {
        placed.extend(
            corpus
                .config
                .findings
                .iter()
                .cloned()
                .map(|f| (source.path.as_path(), f)),
        );
        placed.extend(
            lint_settings(&corpus.config.config)
                .into_iter()
                .map(|f| (source.path.as_path(), f)),
        );
    }

    let record_rules: Vec<_> = rules::REGISTRY
        .iter()
        .filter_map(|rule| match rule.scope {
            Scope::Record(run) => Some(run),
            _ => None,
        })
        .chain([rules::markdown_in_record as fn(&RecordCheck<'_>) -> Vec<Finding>])
        .collect();
    let per_record: Vec<(&Path, Finding)> = corpus
        .records
        .par_iter()
        .flat_map_iter(|file| {
            let path = file.source.path.as_path();
            let loaded = file.findings.iter().cloned();
            let checked = file.record.as_ref().map(|record| {
                let subject = RecordCheck {
                    record,
                    text: &file.source.text,
                    site,
                };
                record_rules
                    .iter()
                    .flat_map(|run| run(&subject))
                    .collect::<Vec<_>>()
            });
            loaded
                .chain(checked.into_iter().flatten())
                .map(move |f| (path, f))
                .collect::<Vec<_>>()
        })
        .collect();
    placed.extend(per_record);

    let overlay_rules: Vec<_> = rules::REGISTRY
        .iter()
        .filter_map(|rule| match rule.scope {
            Scope::Overlay(run) => Some(run),
            _ => None,
        })
        .chain([rules::markdown_in_overlay as fn(&OverlayCheck<'_>) -> Vec<Finding>])
        .collect();
    let records: HashMap<&str, &Record> = corpus
        .records
        .iter()
        .filter_map(|file| {
            file.record
                .as_ref()
                .map(|record| (file.id.as_str(), record))
        })
        .collect();
    let record_ids: std::collections::HashSet<&str> =
        corpus.records.iter().map(|file| file.id.as_str()).collect();
    let per_overlay: Vec<(&Path, Finding)> = corpus
        .overlays
        .par_iter()
        .flat_map_iter(|file| {
            let path = file.source.path.as_path();
            let subject = OverlayCheck {
                file,
                record: records.get(file.record_id.as_str()).copied(),
                record_exists: record_ids.contains(file.record_id.as_str()),
            };
            let checked: Vec<_> = overlay_rules.iter().flat_map(|run| run(&subject)).collect();
            file.findings
                .iter()
                .cloned()
                .chain(checked)
                .map(move |f| (path, f))
                .collect::<Vec<_>>()
        })
        .collect();
    placed.extend(per_overlay);

    let corpus_findings: Vec<_> = rules::REGISTRY
        .iter()
        .filter_map(|rule| match rule.scope {
            Scope::Corpus(run) => Some(run(corpus)),
            _ => None,
        })
        .flatten()
        .collect();

    let mut diagnostics: Vec<Diagnostic> = placed
        .into_iter()
        .map(|(path, finding)| (path.to_path_buf(), finding))
        .chain(corpus_findings)
        .filter(|(path, _)| corpus.is_selected(path))
        .filter_map(|(file, finding)| {
            let severity = severity_of(finding.rule, &corpus.config.config)?;
            Some(Diagnostic {
                file,
                severity,
                finding,
            })
        })
        .collect();
    // By the rule's name, not its registry position: reports keep the order they always had.
    diagnostics.sort_by(|a, b| {
        (&a.file, a.span().start, a.rule().as_str()).cmp(&(
            &b.file,
            b.span().start,
            b.rule().as_str(),
        ))
    });
    diagnostics.dedup();
    let paths = corpus
        .records
        .iter()
        .map(|f| &f.source.path)
        .chain(corpus.overlays.iter().map(|f| &f.source.path));
    let files = paths
        .chain(corpus.config.source.iter().map(|s| &s.path))
        .filter(|path| corpus.is_selected(path))
        .count();
    Report { diagnostics, files }
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
