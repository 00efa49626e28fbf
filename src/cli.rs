//! The command line: parses arguments, runs pipeline prefixes, prints, and picks the exit code.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::check::{self, rules::REGISTRY};
use crate::diagnostic::Severity;
use crate::{discover, load, report, schema};

/// Incident postmortems as structured records: lint, render, translate, publish.
#[derive(Debug, Parser)]
#[command(name = "hindsight", version, about, max_term_width = 100)]
struct Cli {
    /// The project directory, holding incidents/ and site/.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
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
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
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

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Lint {
            paths,
            format,
            deny_warnings,
        } => lint(&cli.root, &paths, format, deny_warnings),
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
    }
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
            match DateTime::from_timestamp(seconds, 0) {
                Some(now) => Ok(now),
                None => bail!("SOURCE_DATE_EPOCH=`{value}` is out of range"),
            }
        }
        Err(_) => Ok(Utc::now()),
    }
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
}

fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
