//! `hindsight completions`: shell completion scripts, and the callback that completes
//! values from the project (rule names, record files) while the user types.

use std::ffi::OsStr;

use clap::{CommandFactory as _, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{CompleteEnv, Shells};
use hindsight::check::rules::REGISTRY;
use hindsight::completion;

use super::terminal::print;
use super::{Cli, Outcome};

/// The variable a dynamic registration script sets when it calls back into hindsight.
const COMPLETE_VAR: &str = "COMPLETE";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell the script is for.
    shell: Shell,
    /// Print a script that asks hindsight for every completion as you type, so that rule names
    /// and the project's record files are completed too (the binary must be on PATH).
    #[arg(long)]
    dynamic: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl Shell {
    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Powershell => "powershell",
        }
    }
}

pub(crate) fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    let name = command.get_name().to_owned();
    let mut script = Vec::new();
    if args.dynamic {
        let shells = Shells::builtins();
        let shell = shells
            .completer(args.shell.name())
            .ok_or_else(|| anyhow::anyhow!("no dynamic completion for {}", args.shell.name()))?;
        shell.write_registration(COMPLETE_VAR, &name, &name, &name, &mut script)?;
    } else {
        let shell = match args.shell {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
            Shell::Powershell => clap_complete::Shell::PowerShell,
        };
        clap_complete::generate(shell, &mut command, &name, &mut script);
    }
    print(&String::from_utf8(script)?)?;
    Ok(Outcome::Clean)
}

/// Answers a completion request from a dynamic script (`COMPLETE=<shell> hindsight -- …`) and
/// exits; does nothing on an ordinary run.
pub(crate) fn answer_if_asked() {
    CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .complete();
}

/// The lint rules' names, for `explain`.
pub(crate) fn rule_names() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        REGISTRY
            .iter()
            .map(|rule| CompletionCandidate::new(rule.name()).help(Some(rule.summary().into())))
            .collect::<Vec<_>>()
    })
}

/// The ids of the project's records (`incidents/<id>.yaml`), for `update ID` and `resolve ID`.
pub(crate) fn record_ids() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        completion::record_ids(&completion::root_of(std::env::args()))
            .into_iter()
            .map(CompletionCandidate::new)
            .collect::<Vec<_>>()
    })
}

/// `--affected ID=STATUS`: the components of site/config.yaml as `ID=`, then, once `=` is
/// typed, the statuses after it.
pub(crate) fn affected() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let root = completion::root_of(std::env::args());
        completion::affected_values(&root, &current.to_string_lossy())
            .into_iter()
            .map(CompletionCandidate::new)
            .collect::<Vec<_>>()
    })
}

/// The records of the project around the current directory (`incidents/<id>.yaml`, overlays
/// left out), as paths the shell can insert.
pub(crate) fn record_files() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let root = completion::root_of(std::env::args());
        let here = std::env::current_dir()
            .and_then(|dir| dir.canonicalize())
            .ok();
        completion::record_paths(&root, here.as_deref(), &current.to_string_lossy())
            .into_iter()
            .map(CompletionCandidate::new)
            .collect::<Vec<_>>()
    })
}
