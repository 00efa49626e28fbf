//! The command line's argument types and the dispatch to one file per command.

mod build;
mod completions;
mod findings;
mod help;
mod init;
mod lint;
mod man;
mod new;
mod notify;
mod output;
mod render;
mod rules;
#[cfg(feature = "serve")]
mod serve;
mod stats;
mod terminal;
mod translate;
mod update;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use hindsight::model::{Keyword as _, Lang};

pub(crate) use completions::answer_if_asked as answer_completion_request;
pub(crate) use output::{Stream, color_in_args, colour_with};
pub(crate) use terminal::is_broken_pipe;

/// Incident postmortems as structured records: lint, render, translate, publish.
#[derive(Debug, Parser)]
#[command(name = "hindsight", version, about, max_term_width = 100)]
#[command(after_help = help::EXIT_CODES)]
pub(crate) struct Cli {
    /// The project directory, holding incidents/ and site/ (default: the nearest folder
    /// upward, from the file named or the current directory, that has site/config.yaml).
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// When to colour the output: auto (on a terminal whose TERM is not dumb, unless NO_COLOR
    /// is set), always (through a pipe too, whatever NO_COLOR says) or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = output::ColorChoice::Auto)]
    color: output::ColorChoice,
    /// Print only errors besides the results (no status lines, notes, warnings or progress,
    /// but for a draft the page does not show and a preview open to the network).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more on standard error: every finding in full (not the per-record summaries of
    /// translation warnings), each file `init` writes.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate records, overlays and site/config.yaml.
    #[command(after_help = help::LINT)]
    Lint(lint::Args),
    /// List the lint rules.
    #[command(after_help = help::RULES)]
    Rules(rules::RulesArgs),
    /// Print the documentation of one rule.
    #[command(after_help = help::EXPLAIN)]
    Explain(rules::ExplainArgs),
    /// Print the JSON Schema of an incident record, an overlay or site/config.yaml.
    #[command(after_help = help::SCHEMA)]
    Schema(rules::SchemaArgs),
    /// Render one postmortem as Markdown or as a self-contained HTML page.
    #[command(after_help = help::RENDER)]
    Render(render::Args),
    /// Create or refresh a translation overlay, or report the state of translations.
    #[command(after_help = help::TRANSLATE)]
    Translate(translate::Args),
    /// Build the public status site: pages in every language, feeds, badges and the JSON API.
    #[command(after_help = help::BUILD)]
    Build(build::Args),
    /// Start a new incident repository: config, incidents/, .gitignore and a CI workflow.
    #[command(after_help = help::INIT)]
    Init(init::Args),
    /// Write a new incident record from a template (incidents/<date>-<slug>.yaml).
    #[command(after_help = help::NEW)]
    New(new::Args),
    /// Post a public status update to an incident, editing its record in place.
    #[command(after_help = help::UPDATE)]
    Update(update::UpdateArgs),
    /// Resolve an incident: set `resolved` and post the resolving update.
    #[command(after_help = help::UPDATE)]
    Resolve(update::ResolveArgs),
    /// Incident figures: counts, time to detect/acknowledge/mitigate/resolve, uptime by month
    /// and year, follow-up actions.
    #[command(after_help = help::STATS)]
    Stats(stats::Args),
    /// Tell subscribers (webhooks, chat, e-mail) what changed on the public page, exactly once.
    #[command(after_help = help::NOTIFY)]
    Notify(notify::Args),
    /// Preview the site with live reload: drafts and reviews shown (marked), never published.
    #[cfg(feature = "serve")]
    #[command(after_help = help::SERVE)]
    Serve(serve::Args),
    /// Print a shell completion script (bash, zsh, fish or powershell).
    #[command(after_help = help::COMPLETIONS)]
    Completions(completions::Args),
    /// Print the manual page (roff): `hindsight man | man -l -`.
    #[command(after_help = help::MAN)]
    Man,
}

/// How a list or report is printed.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

/// What a command found: nothing wrong, or problems in the input.
pub(crate) enum Outcome {
    Clean,
    Findings,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a language hindsight writes; use one of {}",
            Lang::NAMES.join(", ")
        )
    })
}

/// Runs the parsed command.
pub(crate) fn run(cli: Cli) -> anyhow::Result<Outcome> {
    output::set(cli.color, cli.quiet, cli.verbose);
    let root = cli.root.as_deref();
    match cli.command {
        Command::Lint(args) => lint::run(root, args),
        Command::Rules(args) => rules::rules(args),
        Command::Explain(args) => rules::explain(args),
        Command::Schema(args) => rules::schema(root, args),
        Command::Render(args) => render::run(root, args),
        Command::Translate(args) => translate::run(root, args),
        Command::Build(args) => build::run(root, args),
        Command::Init(args) => init::run(root, args),
        Command::New(args) => new::run(root, args),
        Command::Update(args) => update::update(root, args),
        Command::Resolve(args) => update::resolve(root, args),
        Command::Stats(args) => stats::run(root, args),
        Command::Notify(args) => notify::run(root, args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(root, args),
        Command::Completions(args) => completions::run(args),
        Command::Man => man::run(),
    }
}
