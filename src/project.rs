//! A project found and loaded once (its sources at once, its site assets on first use), and
//! the pipeline prefixes the commands run on it: check (lint), render one postmortem, build
//! the site, plan a translation refresh, and write what a command makes.
//!
//! Each prefix returns findings as data: a command prints them and picks the exit code.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};

use crate::build::{self, SiteAssets};
use crate::check::{self, Report};
use crate::diagnostic::Severity;
use crate::load::{self, Corpus, RecordFile};
use crate::localize;
use crate::model::{Lang, RuleId, RuleLevel};
use crate::render::Format;
use crate::schema::SchemaKind;
use crate::{discover, translate};

mod cache_file;
mod fingerprint;
mod lint;
mod one;
mod pass1;
mod site_build;
mod streamed;
pub use fingerprint::{Fingerprint, PageInputs, fingerprint};
pub use lint::{LINT_CACHE, lint, lint_cached};
pub use one::record_id_asked;
pub use pass1::PASS1_CACHE;
pub use site_build::{
    BuildObserver, BuildOptions, BuildOutcome, build_into, build_site, build_site_keyed,
};
pub use streamed::Pass1Cached;

/// The project directory: `explicit` (`--root`) when given, else the nearest folder upward
/// from `start` (the path named on the command line, or the current directory) that holds
/// site/config.yaml, written relative to the current directory when it can be; else the
/// current directory.
pub fn find_root(explicit: Option<&Path>, start: Option<&Path>) -> PathBuf {
    if let Some(root) = explicit {
        return root.to_path_buf();
    }
    let Some(found) = discover::find_root(start.unwrap_or(Path::new("."))) else {
        return PathBuf::from(".");
    };
    let Ok(here) = std::env::current_dir().and_then(|dir| dir.canonicalize()) else {
        return found;
    };
    if let Ok(below) = found.strip_prefix(&here) {
        return if below.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            below.to_path_buf()
        };
    }
    match here.strip_prefix(&found) {
        Ok(up) => up.components().map(|_| "..").collect(),
        Err(_) => found,
    }
}

/// "Now": `SOURCE_DATE_EPOCH` when it is set (reproducible output), else the clock. Years
/// 1970 to 9999 only, so that every date computed from it stays representable.
pub fn now(source_date_epoch: Option<&str>) -> anyhow::Result<DateTime<Utc>> {
    const LAST: i64 = 253_402_300_799;
    let Some(value) = source_date_epoch else {
        return Ok(Utc::now());
    };
    let seconds: i64 = value
        .trim()
        .parse()
        .with_context(|| format!("SOURCE_DATE_EPOCH=`{value}` is not a number of seconds"))?;
    match DateTime::from_timestamp(seconds, 0) {
        Some(now) if (0..=LAST).contains(&seconds) => Ok(now),
        _ => bail!(
            "SOURCE_DATE_EPOCH=`{value}` is out of range; give seconds since 1970 up to {LAST} (the end of the year 9999)"
        ),
    }
}

/// A loaded project: its root, every source in it, and (on first use) its site assets.
pub struct Project {
    pub root: PathBuf,
    pub corpus: Corpus,
    /// The id of every record file, read or not (a command about one record reads only its
    /// group), in the order discovered: see [`Project::record_ids`].
    ids: OnceLock<Vec<String>>,
    /// The input files that outputs must never replace, read or not, save those that the
    /// input folders protect already (see `one.rs`).
    inputs: Vec<PathBuf>,
    /// Templates, messages, static files and git revisions: read once, when a command first
    /// needs them (lint never does).
    assets: OnceLock<SiteAssets>,
    /// For a project loaded for a build ([`Project::load_for_build`]), whose records are
    /// slim: how its files are read again for the pages that show them whole.
    reread: Option<load::Reread>,
    /// For a project loaded for a build, the texts of the files its report quotes lines of:
    /// apart from the slim records, which keep no source text.
    report_texts: Vec<load::SourceText>,
    /// For a project loaded for a build, its incidents' views, made while their files were
    /// read whole: handed to the build that shows them.
    premade: std::sync::Mutex<Option<build::premade::Premade>>,
}

/// Whether the project at `root` has a site/config.yaml; known before anything is loaded.
pub fn has_config(root: &Path) -> bool {
    discover::config_path(root).is_file()
}

/// The site's `base_url` from the config at `root`, when the file is readable and the
/// address valid: what `hindsight schema` makes its `$id` from.
pub fn base_url(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(discover::config_path(root)).ok()?;
    let (config, _) = load::config::parse(&text, &load::yaml::Limits::default());
    let url = config.base_url?.value;
    load::config::is_base_url(&url).then_some(url)
}

impl Project {
    /// Finds and reads the sources of the project at `root`; `paths` select what is
    /// reported (the whole corpus is still read).
    pub fn load(root: &Path, paths: &[PathBuf]) -> anyhow::Result<Project> {
        let sources = discover::discover(root, paths)?;
        Ok(Project {
            root: root.to_path_buf(),
            corpus: load::load(&sources)?,
            ids: OnceLock::from(one::record_ids(&sources)),
            inputs: one::inputs(&sources),
            assets: OnceLock::new(),
            reread: None,
            report_texts: Vec::new(),
            premade: Default::default(),
        })
    }

    /// The project's templates, messages, static files and git revisions, over the built-in
    /// ones; read on the first call.
    pub fn assets(&self) -> anyhow::Result<&SiteAssets> {
        if let Some(assets) = self.assets.get() {
            return Ok(assets);
        }
        let assets = SiteAssets::load(&self.root)?;
        Ok(self.assets.get_or_init(|| assets))
    }

    /// The lint stage: every rule over the corpus.
    pub fn check(&self, now: DateTime<Utc>) -> Report {
        check::check(&self.corpus, now)
    }

    /// What the project's outputs must never touch: its folders, and every input file, read
    /// or not (a record reached through a link lives elsewhere).
    pub fn protected(&self) -> anyhow::Result<crate::publish::Protected> {
        let inputs = self.inputs.iter().map(PathBuf::as_path);
        crate::publish::Protected::new(&self.root)?.with_input_files(inputs)
    }

    /// The record that `file` names. An overlay is refused with a pointer to its record and to
    /// the command's own option that picks a language (`language_option`: `--to`, `--lang`).
    pub fn record_file(&self, file: &Path, language_option: &str) -> anyhow::Result<&RecordFile> {
        let wanted = file
            .canonicalize()
            .with_context(|| format!("cannot read {}", file.display()))?;
        let same = |path: &Path| path.canonicalize().is_ok_and(|path| path == wanted);
        let corpus = &self.corpus;
        match corpus.records.iter().find(|r| same(&r.source.path)) {
            Some(record) => Ok(record),
            None if corpus.overlays.iter().any(|o| same(&o.source.path)) => bail!(
                "{} is a translation overlay; name the record it translates and pick the language with {language_option}",
                file.display()
            ),
            None => bail!(
                "{} is not an incident record (incidents/<id>.yaml)",
                file.display()
            ),
        }
    }
}

/// A document, or the findings that stop it.
#[derive(Debug)]
pub enum Outcome<T> {
    Done(T),
    /// The input has errors; the report says which.
    Refused(Report),
}

/// What `render` needs to know besides the record.
#[derive(Debug, Clone, Copy)]
pub struct RenderRequest {
    /// The reader's language; `None` is the record's own.
    pub lang: Option<Lang>,
    pub format: Format,
    pub internal: bool,
}

/// One rendered postmortem, with what the reader of the command should be told.
#[derive(Debug)]
pub struct Rendered {
    pub document: String,
    /// Problems that did not stop the render (a project's locale files).
    pub warnings: Vec<String>,
}

/// The render prefix: given the project's lint `report`, localize and render the record
/// `file`. A project with errors is not rendered.
pub fn render_one(
    project: &Project,
    report: Report,
    file: &Path,
    request: RenderRequest,
    now: DateTime<Utc>,
) -> anyhow::Result<Outcome<Rendered>> {
    if report.count(Severity::Error) > 0 {
        return Ok(Outcome::Refused(report));
    }
    let record_file = project.record_file(file, "--lang")?;
    let Some(record) = record_file.record.as_ref() else {
        return Ok(Outcome::Refused(report));
    };
    let lang = request.lang.unwrap_or(record.lang.value);
    let overlay = project
        .corpus
        .overlay_file(&record.id, lang)
        .and_then(|o| o.overlay.as_ref());
    // Messages and templates only: not the site's static files, nor the git history, which
    // a project of 10,000 records takes long to read and a postmortem does not show.
    let (localizer, templates);
    let (localizer, templates) = match project.assets.get() {
        Some(assets) => (&assets.localizer, &assets.templates),
        None => {
            localizer = localize::Localizer::load(Some(&project.root))?;
            templates = crate::render::Templates::load(Some(&project.root))?;
            (&localizer, &templates)
        }
    };
    let options = localize::Options {
        internal: request.internal,
    };
    let config = &project.corpus.config.config;
    let view = localize::postmortem(record, overlay, lang, config, localizer, now, options);
    Ok(Outcome::Done(Rendered {
        document: templates.postmortem(&view, request.format)?,
        warnings: localizer.messages.warnings.clone(),
    }))
}

/// Writes a rendered document to `path`, which must not name anything the project holds.
pub fn write_document(project: &Project, path: &Path, document: &str) -> anyhow::Result<()> {
    check_document_path(project, path)?;
    crate::publish::write_file(path, document.as_bytes())
}

/// Whether `write_document` may write to `path`: asked before work whose result must be
/// written (a delivery log after a delivery) so that the refusal comes first.
pub fn check_document_path(project: &Project, path: &Path) -> anyhow::Result<()> {
    let protected = project.protected()?;
    protected.check_file(&crate::publish::guard::resolve(path)?, path)
}

/// Writes a refreshed overlay: inside incidents/, beside its record, and nowhere else.
pub fn write_translation(project: &Project, plan: &TranslationPlan) -> anyhow::Result<()> {
    let path = &plan.path;
    let protected = crate::publish::Protected::new(&project.root)?;
    protected.check_incident_file(&crate::publish::guard::resolve(path)?, path)?;
    crate::publish::write_file(path, plan.refreshed.text.as_bytes())
}

/// A refreshed overlay, ready to be written.
#[derive(Debug)]
pub struct TranslationPlan {
    pub path: PathBuf,
    pub refreshed: translate::Refresh,
    /// Whether an overlay existed before.
    pub existed: bool,
}

/// What a translation refresh will do.
#[derive(Debug)]
pub enum Planned {
    Ready(TranslationPlan),
    /// The record could not be read; the report says why.
    RecordHasErrors(Report),
    /// The existing overlay (at the path) could not be read whole: rewriting it would lose
    /// text. The report holds its findings.
    OverlayHasErrors(Report, PathBuf),
    /// The refreshed overlay (at the path) could not be read back (too large, or a writer
    /// bug); the text says why and what to do. Nothing is to be written.
    Unwritable(PathBuf, String),
}

/// The translate prefix: the refreshed overlay of the record `file` in `lang`. An overlay
/// that could not be read whole is never rewritten (its text would be lost), and a refresh
/// the loader could not read back is never written.
pub fn plan_translation(
    project: &Project,
    file: &Path,
    lang: Lang,
    now: DateTime<Utc>,
) -> anyhow::Result<Planned> {
    let corpus = &project.corpus;
    let record_file = project.record_file(file, "--to")?;
    let Some(record) = record_file.record.as_ref() else {
        return Ok(Planned::RecordHasErrors(check::check(corpus, now)));
    };
    if record.lang.value == lang {
        bail!(
            "{} is written in {lang} already; translate it into another language",
            file.display()
        );
    }
    let overlay_file = corpus.overlay_file(&record.id, lang);
    if let Some(existing) = overlay_file
        && !rewritable(existing)
    {
        // The overlay is rarely among the paths the user named: check it whole, so that
        // its errors are shown.
        let whole = Corpus {
            selected: None,
            ..corpus.clone()
        };
        let mut report = check::check(&whole, now);
        report
            .diagnostics
            .retain(|d| d.file == existing.source.path);
        return Ok(Planned::OverlayHasErrors(
            report,
            existing.source.path.clone(),
        ));
    }
    let existing = overlay_file.and_then(|o| o.overlay.as_ref());
    let path = record_file
        .source
        .path
        .with_file_name(format!("{}.{lang}.yaml", record.id));
    let mut refreshed = translate::refresh(record, existing, lang);
    // The existing overlay's leading comments (its modeline, the translator's notes) stay,
    // and gain a modeline if they have none; a modeline points up as many folders as the
    // overlay is deep, and only to a schema the project has (editors report a missing one).
    let modeline = SchemaKind::Overlay.in_project(&project.root).then(|| {
        let depth = path
            .strip_prefix(&project.root)
            .map_or(1, |below| below.components().count().saturating_sub(1));
        SchemaKind::Overlay.modeline(depth.max(1))
    });
    match overlay_file.map(|o| translate::leading_comments(&o.source.text)) {
        Some(kept) if !kept.is_empty() => match modeline {
            Some(modeline) if !kept.contains("# yaml-language-server:") => {
                let bom = if kept.starts_with('\u{feff}') {
                    "\u{feff}"
                } else {
                    ""
                };
                refreshed.replace_header(&format!("{bom}{modeline}{}", &kept[bom.len()..]));
            }
            _ => refreshed.replace_header(kept),
        },
        _ => refreshed.replace_header(&translate::header(record, lang, modeline.as_deref())),
    }
    if let Err(why) = refreshed.verify(&record.id, &load::Limits::default()) {
        return Ok(Planned::Unwritable(path, why));
    }
    Ok(Planned::Ready(TranslationPlan {
        path,
        refreshed,
        existed: existing.is_some(),
    }))
}

/// Whether an overlay was read whole, so that a refresh keeps every translation. An escaped
/// character that XML forbids loads exactly and is written back escaped, so it does not
/// stop a refresh.
fn rewritable(overlay: &load::OverlayFile) -> bool {
    overlay.overlay.is_some()
        && !overlay.findings.iter().any(|finding| {
            finding.rule != RuleId::InvalidCharacter
                && check::rule(finding.rule).default_level == RuleLevel::Error
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_is_the_clock_or_a_reproducible_epoch_in_range() {
        assert_eq!(now(Some("0")).unwrap().timestamp(), 0);
        assert_eq!(
            now(Some(" 1795348800\n")).unwrap().timestamp(),
            1_795_348_800
        );
        for bad in ["-1", "253402300800", "9223372036854775807", "soon", ""] {
            let error = now(Some(bad)).unwrap_err().to_string();
            assert!(error.contains("SOURCE_DATE_EPOCH"), "{bad}: {error}");
        }
        assert!(now(None).unwrap() > DateTime::from_timestamp(1_700_000_000, 0).unwrap());
    }

    #[test]
    fn an_overlay_with_errors_is_not_rewritable() {
        let limits = load::Limits::default();
        let read = |text: &str| {
            let (overlay, findings) = load::overlay::parse("x", text, &limits);
            load::OverlayFile {
                source: load::SourceText {
                    path: "incidents/x.de.yaml".into(),
                    text: text.into(),
                },
                record_id: "x".into(),
                lang_tag: "de".into(),
                overlay,
                findings,
            }
        };
        assert!(rewritable(&read(
            "lang: de\ntitle:\n  source: A\n  text: B\n"
        )));
        assert!(!rewritable(&read("lang: de\ntitle: [unclosed\n")));
        assert!(!rewritable(&read(
            "lang: de\ntitel:\n  source: A\n  text: B\n"
        )));
        assert!(rewritable(&read(
            "lang: de\ntitle:\n  source: A\n  text: \"B\\x01\"\n"
        )));
    }
}
