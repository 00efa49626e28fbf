//! `hindsight completions`: shell completion scripts, and the callback that completes
//! values from the project (rule names, record files) while the user types.

use std::ffi::OsStr;
use std::path::Path;

use clap::{CommandFactory as _, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{CompleteEnv, Shells};
use hindsight::check::rules::REGISTRY;
use hindsight::discover::{self, SourceKind};
use hindsight::load::{Limits, config};
use hindsight::model::{ComponentStatus, Keyword as _};
use hindsight::project;

use super::terminal::print;
use super::{Cli, Outcome};

/// The variable a dynamic registration script sets when it calls back into hindsight.
const COMPLETE_VAR: &str = "COMPLETE";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
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
        ids(&project::find_root(None, None))
            .into_iter()
            .map(CompletionCandidate::new)
            .collect::<Vec<_>>()
    })
}

fn ids(root: &Path) -> Vec<String> {
    let Ok(sources) = discover::discover(root, &[]) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = sources
        .files
        .into_iter()
        .filter(|file| file.refused.is_none())
        .filter_map(|file| match file.kind {
            SourceKind::Record { id } => Some(id),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

/// `--affected ID=STATUS`: the components of site/config.yaml as `ID=`, then, once `=` is
/// typed, the statuses after it.
pub(crate) fn affected() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let root = project::find_root(None, None);
        affected_values(&root, &current.to_string_lossy())
            .into_iter()
            .map(CompletionCandidate::new)
            .collect::<Vec<_>>()
    })
}

fn affected_values(root: &Path, typed: &str) -> Vec<String> {
    if let Some((id, status)) = typed.split_once('=') {
        return ComponentStatus::NAMES
            .iter()
            .filter(|name| name.starts_with(status))
            .map(|name| format!("{id}={name}"))
            .collect();
    }
    let Ok(text) = std::fs::read_to_string(root.join("site").join("config.yaml")) else {
        return Vec::new();
    };
    let (config, _) = config::parse(&text, &Limits::default());
    config
        .components
        .iter()
        .map(|component| format!("{}=", component.id.value))
        .filter(|value| value.starts_with(typed))
        .collect()
}

/// The records of the project around the current directory (`incidents/<id>.yaml`, overlays
/// left out), as paths the shell can insert.
pub(crate) fn record_files() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let root = project::find_root(None, None);
        let here = std::env::current_dir()
            .and_then(|dir| dir.canonicalize())
            .ok();
        record_paths(&root, here.as_deref(), &current.to_string_lossy())
            .into_iter()
            .map(CompletionCandidate::new)
            .collect::<Vec<_>>()
    })
}

/// The record files under `root` whose path starts with `typed`, written relative to `here`
/// (the current directory) when they are below it, as the user would type them. Reading the
/// project's folder listing is all it does: a completion must be quick, and it never fails
/// loudly (a folder without records completes nothing).
fn record_paths(root: &Path, here: Option<&Path>, typed: &str) -> Vec<String> {
    let Ok(sources) = discover::discover(root, &[]) else {
        return Vec::new();
    };
    sources
        .files
        .into_iter()
        .filter(|file| matches!(file.kind, SourceKind::Record { .. }) && file.refused.is_none())
        .map(|file| {
            let below_here = here.and_then(|here| {
                let real = file.path.canonicalize().ok()?;
                Some(real.strip_prefix(here).ok()?.to_path_buf())
            });
            let path = below_here.unwrap_or(file.path);
            let path = path.strip_prefix("./").unwrap_or(&path);
            path.to_string_lossy().into_owned()
        })
        .filter(|path| path.starts_with(typed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_paths_are_the_records_without_overlays() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let paths = record_paths(root, None, "");
        let names: Vec<_> = paths
            .iter()
            .map(|p| {
                Path::new(p)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert!(names.contains(&"2023-12-17-logto-image-deleted.yaml".to_owned()));
        assert!(
            !names
                .iter()
                .any(|n| n.ends_with(".de.yaml") || n.ends_with(".ja.yaml"))
        );
        assert!(
            paths
                .iter()
                .all(|p| p.starts_with(&root.display().to_string()))
        );
    }

    #[test]
    fn record_paths_keep_only_what_matches_the_typed_prefix() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let prefix = format!("{}/incidents/2017", root.display());
        let paths = record_paths(root, None, &prefix);
        assert_eq!(paths.len(), 2, "{paths:?}");
    }

    #[test]
    fn record_paths_below_the_current_directory_are_relative_to_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let incidents = root.join("incidents").canonicalize().unwrap();
        let paths = record_paths(root, Some(&incidents), "2017-10");
        assert_eq!(paths, ["2017-10-27-monzo-payments-outage.yaml"]);
    }

    #[test]
    fn ids_are_the_record_ids_without_overlays() {
        let ids = ids(Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(ids.contains(&"2023-12-17-logto-image-deleted".to_owned()));
        assert!(!ids.iter().any(|id| id.contains('.')), "{ids:?}");
    }

    #[test]
    fn affected_completes_component_ids_then_statuses() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let ids = affected_values(root, "example-web");
        assert_eq!(ids, ["example-webhooks="]);
        assert_eq!(
            affected_values(root, "example-webhooks=major"),
            ["example-webhooks=major_outage"]
        );
    }

    #[test]
    fn a_folder_without_a_project_completes_nothing() {
        let empty = tempfile::tempdir().unwrap();
        assert!(record_paths(empty.path(), None, "").is_empty());
    }
}
