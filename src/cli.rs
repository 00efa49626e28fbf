//! The command line: parses arguments, runs pipeline prefixes, prints, and picks the exit code.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::{self, rules::REGISTRY};
use crate::diagnostic::Severity;
use crate::load::{Corpus, RecordFile};
use crate::localize::{self, Localizer};
use crate::model::{Keyword, Lang};
use crate::render::{Format, Templates};
use crate::{build, discover, load, publish, report, schema, translate};

/// Incident postmortems as structured records: lint, render, translate, publish.
#[derive(Debug, Parser)]
#[command(name = "hindsight", version, about, max_term_width = 100)]
struct Cli {
    /// The project directory, holding incidents/ and site/ (default: the nearest folder
    /// upward, from the file named or the current directory, that has site/config.yaml).
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate records, overlays and site/config.yaml.
    Lint {
        /// Files or directories to report on (default: all of incidents/).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = LintFormat::Human)]
        format: LintFormat,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// List the lint rules.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print the documentation of one rule.
    Explain {
        /// The rule's name, e.g. timeline-order.
        rule: String,
    },
    /// Print the JSON Schema of an incident record (or of an overlay).
    Schema {
        /// The schema of a translation overlay instead.
        #[arg(long)]
        overlay: bool,
    },
    /// Render one postmortem as Markdown or as a self-contained HTML page.
    Render {
        /// The incident record (incidents/<id>.yaml).
        file: PathBuf,
        /// The reader's language (default: the record's own).
        #[arg(long, value_parser = parse_lang, value_name = "LANG")]
        lang: Option<Lang>,
        #[arg(long, value_enum, default_value_t = DocFormat::Md)]
        format: DocFormat,
        /// Include the `internal` section (never use for public copies).
        #[arg(long)]
        internal: bool,
        /// Write to this file instead of standard output (`-` is standard output).
        #[arg(short, long, value_name = "OUT")]
        out: Option<PathBuf>,
    },
    /// Create or refresh a translation overlay, or report the state of translations.
    Translate(TranslateArgs),
    /// Build the public status site: pages in every language, feeds, badges and the JSON API.
    Build {
        /// The output directory (default: public/ in the project). It is replaced whole.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct TranslateArgs {
    #[command(subcommand)]
    command: Option<TranslateCommand>,
    /// The incident record to translate (incidents/<id>.yaml).
    #[arg(required = true)]
    file: Option<PathBuf>,
    /// The language to translate into.
    #[arg(long, required = true, value_parser = parse_lang, value_name = "LANG")]
    to: Option<Lang>,
}

#[derive(Debug, Subcommand)]
enum TranslateCommand {
    /// List missing, untranslated, stale and orphaned translations, with word diffs.
    Status {
        /// Records to report on (default: all).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DocFormat {
    Md,
    Html,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a language hindsight writes; use one of {}",
            Lang::NAMES.join(", ")
        )
    })
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LintFormat {
    Human,
    Json,
    Github,
    Sarif,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

/// What a command found: nothing wrong, or problems in the input.
enum Outcome {
    Clean,
    Findings,
}

/// The one exit point: 0 clean, 1 findings in the input, 2 the tool could not run.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    // Ctrl-C (or a termination signal) ends the command at once, unless it is writing: then
    // the write stops at its next step and removes what it staged.
    let _ = ctrlc::set_handler(|| {
        if publish::interrupt::on_signal() {
            std::process::exit(130);
        }
    });
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if error.is::<publish::Interrupted>() => {
            eprintln!("error: {error:#}");
            ExitCode::from(130)
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The project directory: `--root` when given, else the nearest folder upward from `start`
/// (the path named on the command line, or the current directory) that holds
/// site/config.yaml, written relative to the current directory when it can be; else the
/// current directory.
fn project_root(root: Option<&Path>, start: Option<&Path>) -> PathBuf {
    if let Some(root) = root {
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

/// Says once that no configuration was found, for the commands that work without one.
fn warn_without_config(root: &Path) {
    if !discover::config_path(root).is_file() {
        eprintln!(
            "warning: no site/config.yaml here or in any folder above: components, languages and the site's time zone are unchecked (pass --root to name the project)"
        );
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let root = cli.root.as_deref();
    match cli.command {
        Command::Lint {
            paths,
            format,
            deny_warnings,
        } => {
            let root = project_root(root, paths.first().map(PathBuf::as_path));
            lint(&root, &paths, format, deny_warnings)
        }
        Command::Rules { format } => {
            print(&rules_listing(format))?;
            Ok(Outcome::Clean)
        }
        Command::Explain { rule } => {
            let found = check::find_rule(&rule).ok_or_else(|| {
                let names: Vec<&str> = REGISTRY.iter().map(|r| r.name).collect();
                match load::suggest_name(&rule, &names) {
                    Some(best) => anyhow!("there is no rule `{rule}`; did you mean `{best}`?"),
                    None => anyhow!("there is no rule `{rule}`; `hindsight rules` lists them"),
                }
            })?;
            print(&format!(
                "{} (default: {})\n\n{}\n",
                found.name,
                found.default_level,
                found.docs()
            ))?;
            Ok(Outcome::Clean)
        }
        Command::Schema { overlay } => {
            let schema = if overlay {
                schema::overlay_schema()
            } else {
                schema::record_schema()
            };
            print(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
            Ok(Outcome::Clean)
        }
        Command::Render {
            file,
            lang,
            format,
            internal,
            out,
        } => {
            let root = project_root(root, Some(&file));
            warn_without_config(&root);
            render(&root, &file, lang, format, internal, out.as_deref())
        }
        Command::Build { out } => {
            let root = project_root(root, None);
            let out = out.unwrap_or_else(|| root.join("public"));
            build_site(&root, &out)
        }
        Command::Translate(args) => match (args.command, args.file, args.to) {
            (Some(TranslateCommand::Status { paths, format }), _, _) => {
                let root = project_root(root, paths.first().map(PathBuf::as_path));
                translate_status(&root, &paths, format)
            }
            (None, Some(file), Some(lang)) => {
                let root = project_root(root, Some(&file));
                warn_without_config(&root);
                translate_record(&root, &file, lang)
            }
            _ => bail!("usage: hindsight translate FILE --to LANG, or hindsight translate status"),
        },
    }
}

/// Loads the project and checks it, reporting on `selected` only. Errors there stop the
/// command (exit 1) with the same report `lint` gives; warnings go to stderr.
fn load_checked(
    root: &std::path::Path,
    paths: &[PathBuf],
    now: DateTime<Utc>,
) -> anyhow::Result<Result<Corpus, Outcome>> {
    let sources = discover::discover(root, paths)?;
    let corpus = load::load(&sources)?;
    let report = check::check(&corpus, now);
    if !report.diagnostics.is_empty() {
        let text = report::human(&report, &report::sources(&corpus), use_color_on_stderr());
        eprint!("{text}");
    }
    if report.count(Severity::Error) > 0 {
        return Ok(Err(Outcome::Findings));
    }
    Ok(Ok(corpus))
}

/// The record `file` names, from a loaded corpus.
fn record_named<'c>(corpus: &'c Corpus, file: &std::path::Path) -> anyhow::Result<&'c RecordFile> {
    let wanted =
        std::fs::canonicalize(file).with_context(|| format!("cannot read {}", file.display()))?;
    let found = corpus
        .records
        .iter()
        .find(|r| std::fs::canonicalize(&r.source.path).is_ok_and(|path| path == wanted));
    match found {
        Some(record) => Ok(record),
        None if corpus
            .overlays
            .iter()
            .any(|o| std::fs::canonicalize(&o.source.path).is_ok_and(|path| path == wanted)) =>
        {
            bail!(
                "{} is a translation overlay; name the record it translates and pick the language with --lang",
                file.display()
            )
        }
        None => bail!(
            "{} is not an incident record (incidents/<id>.yaml)",
            file.display()
        ),
    }
}

fn render(
    root: &std::path::Path,
    file: &std::path::Path,
    lang: Option<Lang>,
    format: DocFormat,
    internal: bool,
    out: Option<&std::path::Path>,
) -> anyhow::Result<Outcome> {
    let now = now()?;
    let corpus = match load_checked(root, &[file.to_path_buf()], now)? {
        Ok(corpus) => corpus,
        Err(outcome) => return Ok(outcome),
    };
    let record_file = record_named(&corpus, file)?;
    let Some(record) = record_file.record.as_ref() else {
        return Ok(Outcome::Findings);
    };
    let lang = lang.unwrap_or(record.lang.value);
    let overlay = corpus
        .overlay_file(&record.id, lang)
        .and_then(|o| o.overlay.as_ref());
    let localizer = Localizer::load(Some(root))?;
    for warning in &localizer.messages.warnings {
        eprintln!("warning: {warning}");
    }
    let templates = Templates::load(Some(root))?;
    let view = localize::postmortem(
        record,
        overlay,
        lang,
        &corpus.config.config,
        &localizer,
        now,
        localize::Options { internal },
    );
    let format = match format {
        DocFormat::Md => Format::Markdown,
        DocFormat::Html => Format::Html,
    };
    let document = templates.postmortem(&view, format)?;
    match out {
        Some(path) if path != std::path::Path::new("-") => {
            let protected = publish::Protected::new(root)?.with_input_file(file)?;
            protected.check_file(&publish::guard::resolve(path)?, path)?;
            publish::write_file(path, document.as_bytes())?;
        }
        _ => print(&document)?,
    }
    Ok(Outcome::Clean)
}

fn build_site(root: &std::path::Path, out: &std::path::Path) -> anyhow::Result<Outcome> {
    let clock = std::time::Instant::now();
    let now = now()?;
    let corpus = match load_checked(root, &[], now)? {
        Ok(corpus) => corpus,
        Err(outcome) => {
            eprintln!(
                "error: the site was not built; fix the errors above ({} is unchanged)",
                crate::diagnostic::display_path(out)
            );
            return Ok(outcome);
        }
    };
    let progress = ProgressBar::new();
    let built = build::build(root, &corpus, now, &progress)?;
    progress.finish();
    for warning in &built.warnings {
        eprintln!("warning: {warning}");
    }
    publish::site(&publish::Protected::new(root)?, out, &built.artifacts)?;
    eprintln!(
        "built {}: {} pages in {} languages, {} incidents, {} files, in {:.2} s",
        crate::diagnostic::display_path(out),
        built.pages,
        built.languages,
        built.incidents,
        built.artifacts.len() + 1,
        clock.elapsed().as_secs_f64()
    );
    Ok(Outcome::Clean)
}

/// A progress bar on stderr, shown only on a terminal and only once a build has taken long
/// enough for one to help.
struct ProgressBar {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl ProgressBar {
    const SHOW_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

    fn new() -> Self {
        ProgressBar {
            bar: indicatif::ProgressBar::hidden(),
            started: std::time::Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl build::Progress for ProgressBar {
    fn start(&self, pages: u64) {
        self.bar.set_length(pages);
        let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        self.bar.set_style(style);
    }

    fn page_done(&self) {
        self.bar.inc(1);
        let due = self.started.elapsed() > Self::SHOW_AFTER;
        if due
            && io::stderr().is_terminal()
            && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

fn translate_record(
    root: &std::path::Path,
    file: &std::path::Path,
    lang: Lang,
) -> anyhow::Result<Outcome> {
    let now = now()?;
    let sources = discover::discover(root, &[file.to_path_buf()])?;
    let corpus = load::load(&sources)?;
    let record_file = record_named(&corpus, file)?;
    let Some(record) = record_file.record.as_ref() else {
        let report = check::check(&corpus, now);
        eprint!(
            "{}",
            report::human(&report, &report::sources(&corpus), use_color_on_stderr())
        );
        return Ok(Outcome::Findings);
    };
    if record.lang.value == lang {
        bail!(
            "{} is written in {lang} already; translate it into another language",
            file.display()
        );
    }
    let overlay_file = corpus.overlay_file(&record.id, lang);
    let overlay_path = record_file
        .source
        .path
        .with_file_name(format!("{}.{lang}.yaml", record.id));
    // Never rewrite an overlay that could not be read whole: its text would be lost.
    if let Some(existing) = overlay_file {
        // An escaped character XML forbids loads exactly and is written back escaped.
        let broken = existing.overlay.is_none()
            || existing.findings.iter().any(|f| {
                f.rule != load::INVALID_CHARACTER
                    && check::find_rule(f.rule)
                        .is_some_and(|r| r.default_level == crate::model::RuleLevel::Error)
            });
        if broken {
            let mut report = check::check(&corpus, now);
            report
                .diagnostics
                .retain(|d| d.file == existing.source.path);
            eprint!(
                "{}",
                report::human(&report, &report::sources(&corpus), use_color_on_stderr())
            );
            eprintln!(
                "error: {} has errors; fix them first so that no translation is lost",
                existing.source.path.display()
            );
            return Ok(Outcome::Findings);
        }
    }
    let existing = overlay_file.and_then(|o| o.overlay.as_ref());
    let refreshed = translate::refresh(record, existing, lang);
    publish::Protected::new(root)?
        .check_overlay(&publish::guard::resolve(&overlay_path)?, &overlay_path)?;
    if let Err(why) = refreshed.verify(&record.id, &load::Limits::default()) {
        eprintln!(
            "error: {}: {why}",
            crate::diagnostic::display_path(&overlay_path)
        );
        return Ok(Outcome::Findings);
    }
    publish::write_file(&overlay_path, refreshed.text.as_bytes())?;
    let verb = if existing.is_some() {
        "refreshed"
    } else {
        "created"
    };
    print(&format!(
        "{verb} {}: {} added, {} kept, {} marked stale, {} orphaned kept\n",
        crate::diagnostic::display_path(&overlay_path),
        refreshed.added,
        refreshed.kept,
        refreshed.stale,
        refreshed.orphaned
    ))?;
    Ok(Outcome::Clean)
}

fn translate_status(
    root: &std::path::Path,
    paths: &[PathBuf],
    format: ListFormat,
) -> anyhow::Result<Outcome> {
    let sources = discover::discover(root, paths)?;
    let corpus = load::load(&sources)?;
    let status = translate::status(&corpus);
    let output = match format {
        ListFormat::Human => translate::status::human(&status, use_color()),
        ListFormat::Json => format!("{}\n", serde_json::to_string_pretty(&status)?),
    };
    print(&output)?;
    Ok(Outcome::Clean)
}

fn lint(
    root: &std::path::Path,
    paths: &[PathBuf],
    format: LintFormat,
    deny_warnings: bool,
) -> anyhow::Result<Outcome> {
    let now = now()?;
    let sources = discover::discover(root, paths)?;
    let corpus = load::load(&sources)?;
    let report = check::check(&corpus, now);
    let output = match format {
        LintFormat::Human => report::human(&report, &report::sources(&corpus), use_color()),
        LintFormat::Json => report::json(&report),
        LintFormat::Github => report::github(&report),
        LintFormat::Sarif => report::sarif(&report),
    };
    print(&output)?;
    let failing =
        report.count(Severity::Error) > 0 || (deny_warnings && report.count(Severity::Warning) > 0);
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn rules_listing(format: ListFormat) -> String {
    match format {
        ListFormat::Json => {
            let rules: Vec<_> = REGISTRY
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "name": rule.name,
                        "default_level": rule.default_level.as_str(),
                        "summary": rule.summary(),
                        "docs": rule.docs(),
                    })
                })
                .collect();
            format!(
                "{}\n",
                serde_json::to_string_pretty(&rules).unwrap_or_default()
            )
        }
        ListFormat::Human => {
            let width = REGISTRY.iter().map(|r| r.name.len()).max().unwrap_or(0);
            REGISTRY
                .iter()
                .map(|rule| {
                    format!(
                        "{:width$}  {:7}  {}\n",
                        rule.name,
                        rule.default_level.as_str(),
                        rule.summary()
                    )
                })
                .collect()
        }
    }
}

/// "Now": `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock.
fn now() -> anyhow::Result<DateTime<Utc>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => {
            let seconds: i64 = value.trim().parse().with_context(|| {
                format!("SOURCE_DATE_EPOCH=`{value}` is not a number of seconds")
            })?;
            // Years 1970 to 9999: every date computed from "now" (uptime windows, feeds)
            // stays representable.
            const LAST: i64 = 253_402_300_799;
            match DateTime::from_timestamp(seconds, 0) {
                Some(now) if (0..=LAST).contains(&seconds) => Ok(now),
                _ => bail!(
                    "SOURCE_DATE_EPOCH=`{value}` is out of range; give seconds since 1970 up to {LAST} (the end of the year 9999)"
                ),
            }
        }
        Err(_) => Ok(Utc::now()),
    }
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
}

fn use_color_on_stderr() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stderr().is_terminal()
}

fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
