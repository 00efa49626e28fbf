//! The findings a command shows on standard error beside its work (`build`, `render`,
//! `translate`, `serve`): errors in full; translation warnings summed up in one line per
//! overlay, since they repeat on every build until someone translates (each in full with
//! `--verbose`); nothing but errors with `--quiet`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hindsight::check::Report;
use hindsight::diagnostic::{Diagnostic, Severity, display_path};
use hindsight::model::{Lang, RuleId};
use hindsight::project::Project;
use hindsight::report;

use super::output::{self, Stream, Verbosity};

/// A report of findings on standard error, as `lint` prints it; nothing when it is empty.
pub(crate) fn report_on_stderr(project: &Project, report: &Report) {
    let verbosity = output::verbosity();
    let (shown, summaries) = match verbosity {
        Verbosity::Verbose => (report.diagnostics.iter().collect(), Vec::new()),
        Verbosity::Normal => summarise(&report.diagnostics),
        Verbosity::Quiet => {
            let errors = report.diagnostics.iter();
            (
                errors.filter(|d| d.severity == Severity::Error).collect(),
                Vec::new(),
            )
        }
    };
    if shown.is_empty() && summaries.is_empty() {
        return;
    }
    let shown = Report {
        diagnostics: shown.into_iter().cloned().collect(),
        files: report.files,
    };
    let sources = project.report_sources();
    let text = report::human(&shown, &sources, output::colour(Stream::Stderr));
    // The closing count is the whole report's (with --quiet too: it stays true), after the
    // summaries of what is not shown.
    let ending = format!("{}\n", report::summary_line(&shown));
    let text = text.strip_suffix(&ending).unwrap_or(&text);
    eprint!("{text}");
    for line in &summaries {
        eprintln!("{line}");
    }
    eprintln!("{}", report::summary_line(report));
}

/// How many translation warnings of each kind one overlay has.
#[derive(Default)]
struct Tally {
    stale: usize,
    untranslated: usize,
    orphaned: usize,
}

impl Tally {
    /// The rules summed up (`translation-language` is about the file, not its pairs).
    const KINDS: [RuleId; 3] = [
        RuleId::TranslationStale,
        RuleId::TranslationUntranslated,
        RuleId::TranslationOrphan,
    ];

    fn add(&mut self, rule: RuleId) {
        match rule {
            RuleId::TranslationStale => self.stale += 1,
            RuleId::TranslationUntranslated => self.untranslated += 1,
            _ => self.orphaned += 1,
        }
    }
}

/// The diagnostics to show in full, and one line per overlay for its translation warnings.
fn summarise(diagnostics: &[Diagnostic]) -> (Vec<&Diagnostic>, Vec<String>) {
    let mut shown = Vec::new();
    let mut tallies: BTreeMap<(PathBuf, Lang), Tally> = BTreeMap::new();
    for diagnostic in diagnostics {
        let rule = diagnostic.rule();
        let summed = diagnostic.severity != Severity::Error && Tally::KINDS.contains(&rule);
        match overlay_of(&diagnostic.file).filter(|_| summed) {
            Some(key) => tallies.entry(key).or_default().add(rule),
            None => shown.push(diagnostic),
        }
    }
    let lines = tallies
        .into_iter()
        .map(|((record, lang), tally)| summary(&record, lang, &tally))
        .collect();
    (shown, lines)
}

fn summary(record: &Path, lang: Lang, tally: &Tally) -> String {
    let mut parts = Vec::new();
    if tally.stale > 0 {
        parts.push(format!("stale in {}", fields(tally.stale)));
    }
    if tally.untranslated > 0 {
        parts.push(format!("missing in {}", fields(tally.untranslated)));
    }
    if tally.orphaned > 0 {
        parts.push(format!("orphaned in {}", fields(tally.orphaned)));
    }
    let record = display_path(record);
    format!(
        "warning: {record}: {} translation is {}; run `hindsight translate status {record}` (or add --verbose to see each warning)",
        language_name(lang),
        parts.join(", ")
    )
}

fn fields(n: usize) -> String {
    report::counted(n, "field")
}

/// The record and language of an overlay path (`incidents/<id>.<lang>.yaml`).
fn overlay_of(path: &Path) -> Option<(PathBuf, Lang)> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".yaml")?;
    let (id, lang) = stem.rsplit_once('.')?;
    let lang = Lang::parse(lang)?;
    Some((path.with_file_name(format!("{id}.yaml")), lang))
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::De => "German",
        Lang::Ja => "Japanese",
        Lang::Zh => "Chinese",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlay_names_its_record_and_language() {
        let (record, lang) = overlay_of(Path::new("incidents/2024-01-10-x.de.yaml")).unwrap();
        assert_eq!(record, Path::new("incidents/2024-01-10-x.yaml"));
        assert_eq!(lang, Lang::De);
        assert!(overlay_of(Path::new("incidents/2024-01-10-x.yaml")).is_none());
    }

    #[test]
    fn a_summary_counts_each_kind() {
        let tally = Tally {
            stale: 7,
            untranslated: 3,
            orphaned: 0,
        };
        assert_eq!(
            summary(Path::new("incidents/x.yaml"), Lang::De, &tally),
            "warning: incidents/x.yaml: German translation is stale in 7 fields, missing in 3 fields; run `hindsight translate status incidents/x.yaml` (or add --verbose to see each warning)"
        );
    }
}
