//! The global output switches (`--color`, `--quiet`, `--verbose`): the one place that decides
//! whether a stream gets colour and whether a status line, a note or a detail is printed.
//!
//! The convention: results (reports, documents, JSON) go to standard output and are printed
//! whatever the switches say; progress, status lines, notes and warnings go to standard error,
//! and only errors, and the few warnings a user must not miss, remain with `--quiet`.

use std::ffi::OsString;
use std::io::{self, IsTerminal as _};
use std::sync::OnceLock;

pub(crate) use clap::ColorChoice;

/// How much a command says on standard error besides its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

#[derive(Debug, Clone, Copy)]
struct Settings {
    color: ColorChoice,
    verbosity: Verbosity,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Records the run's switches, once, before the command prints anything.
pub(crate) fn set(color: ColorChoice, quiet: bool, verbose: bool) {
    let verbosity = match (quiet, verbose) {
        (true, _) => Verbosity::Quiet,
        (false, true) => Verbosity::Verbose,
        (false, false) => Verbosity::Normal,
    };
    let _ = SETTINGS.set(Settings { color, verbosity });
}

fn settings() -> Settings {
    SETTINGS.get().copied().unwrap_or(Settings {
        color: ColorChoice::Auto,
        verbosity: Verbosity::Normal,
    })
}

pub(crate) fn verbosity() -> Verbosity {
    settings().verbosity
}

/// The standard streams, for [`colour`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stream {
    Stdout,
    Stderr,
}

/// Whether what is printed on `stream` gets ANSI colour: every colour decision of the binary
/// (clap's help and errors, lint reports, `translate status`) goes through here.
pub(crate) fn colour(stream: Stream) -> bool {
    colour_with(settings().color, stream)
}

/// [`colour`] with the choice given, for clap's errors, printed before the settings are known.
pub(crate) fn colour_with(choice: ColorChoice, stream: Stream) -> bool {
    let terminal = match stream {
        Stream::Stdout => io::stdout().is_terminal(),
        Stream::Stderr => io::stderr().is_terminal(),
    };
    decide(choice, |name| std::env::var_os(name), terminal)
}

/// The rule, as no-color.org, bixense.com/clicolors and clap's own anstream read it: an
/// explicit `--color always|never` wins over the environment (a per-run argument overrides
/// NO_COLOR); with `auto`, a non-empty `NO_COLOR` turns colour off, then a `CLICOLOR_FORCE`
/// other than `0` turns it on even through a pipe, then `CLICOLOR=0` turns it off, and
/// otherwise only a terminal whose `TERM` is not `dumb` gets colour.
fn decide(choice: ColorChoice, env: impl Fn(&str) -> Option<OsString>, terminal: bool) -> bool {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("CLICOLOR_FORCE").is_some_and(|value| value != "0") {
                true
            } else if set("CLICOLOR").is_some_and(|value| value == "0") {
                false
            } else {
                terminal && env("TERM").is_none_or(|term| term != "dumb")
            }
        }
    }
}

/// Whether a progress bar may be drawn on standard error. It redraws itself with escape
/// sequences, so it is drawn only where colour would be (a terminal whose `TERM` is not
/// `dumb`, no `NO_COLOR`, not `--color never`), and on a terminal only (`--color always` or
/// `CLICOLOR_FORCE` colour a pipe, where a bar would be noise); never with `--quiet`.
pub(crate) fn progress_bar() -> bool {
    let terminal = io::stderr().is_terminal();
    progress_with(settings(), |name| std::env::var_os(name), terminal)
}

fn progress_with(
    settings: Settings,
    env: impl Fn(&str) -> Option<OsString>,
    terminal: bool,
) -> bool {
    settings.verbosity >= Verbosity::Normal && terminal && decide(settings.color, env, terminal)
}

/// The `--color` a command line asks for, read before clap has parsed it (a usage error is
/// printed before anything else is known); the last one wins, as clap takes it.
pub(crate) fn color_in_args(args: impl IntoIterator<Item = OsString>) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--color") => args.next(),
            Some(other) => other.strip_prefix("--color=").map(OsString::from),
            None => None,
        };
        match value.as_ref().and_then(|v| v.to_str()) {
            Some("always") => choice = ColorChoice::Always,
            Some("never") => choice = ColorChoice::Never,
            Some("auto") => choice = ColorChoice::Auto,
            _ => {}
        }
    }
    choice
}

/// A status line on standard error (what was built or written), silent with `--quiet`.
pub(crate) fn status(line: &str) {
    if verbosity() >= Verbosity::Normal {
        eprintln!("{line}");
    }
}

/// A warning the user needs even with `--quiet`, because the command did not do what they
/// most likely meant (an update to a draft is not on the status page).
pub(crate) fn needed_warning(line: &str) {
    eprintln!("warning: {line}");
}

/// A detail on standard error, printed only with `--verbose`.
pub(crate) fn detail(line: &str) {
    if verbosity() >= Verbosity::Verbose {
        eprintln!("{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, OsString)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn auto_colours_a_terminal_only() {
        let term = env(&[("TERM", "xterm-256color")]);
        assert!(decide(ColorChoice::Auto, &term, true));
        assert!(!decide(ColorChoice::Auto, &term, false));
    }

    #[test]
    fn auto_honours_no_color_and_a_dumb_terminal() {
        assert!(!decide(ColorChoice::Auto, env(&[("NO_COLOR", "1")]), true));
        assert!(!decide(ColorChoice::Auto, env(&[("TERM", "dumb")]), true));
        assert!(!decide(ColorChoice::Auto, env(&[("CLICOLOR", "0")]), true));
        // An empty NO_COLOR is not set (no-color.org).
        assert!(decide(ColorChoice::Auto, env(&[("NO_COLOR", "")]), true));
    }

    #[test]
    fn clicolor_force_colours_a_pipe_unless_no_color() {
        assert!(decide(
            ColorChoice::Auto,
            env(&[("CLICOLOR_FORCE", "1")]),
            false
        ));
        assert!(!decide(
            ColorChoice::Auto,
            env(&[("CLICOLOR_FORCE", "0")]),
            false
        ));
        let both = env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
        assert!(!decide(ColorChoice::Auto, both, false));
    }

    #[test]
    fn an_explicit_choice_wins_over_the_environment() {
        let against = env(&[("NO_COLOR", "1"), ("TERM", "dumb")]);
        assert!(decide(ColorChoice::Always, &against, false));
        let forced = env(&[("CLICOLOR_FORCE", "1"), ("TERM", "xterm")]);
        assert!(!decide(ColorChoice::Never, &forced, true));
    }

    #[test]
    fn a_progress_bar_only_where_escapes_are_wanted() {
        let normal = |color| Settings {
            color,
            verbosity: Verbosity::Normal,
        };
        let xterm = env(&[("TERM", "xterm-256color")]);
        assert!(progress_with(normal(ColorChoice::Auto), &xterm, true));
        assert!(!progress_with(normal(ColorChoice::Auto), &xterm, false));
        let dumb = env(&[("TERM", "dumb")]);
        assert!(!progress_with(normal(ColorChoice::Auto), dumb, true));
        let no_color = env(&[("TERM", "xterm"), ("NO_COLOR", "1")]);
        assert!(!progress_with(normal(ColorChoice::Auto), no_color, true));
        assert!(!progress_with(normal(ColorChoice::Never), &xterm, true));
        assert!(!progress_with(normal(ColorChoice::Always), &xterm, false));
        let quiet = Settings {
            color: ColorChoice::Always,
            verbosity: Verbosity::Quiet,
        };
        assert!(!progress_with(quiet, &xterm, true));
    }

    #[test]
    fn the_color_flag_is_found_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            color_in_args(args(&["hindsight", "lint"])),
            ColorChoice::Auto
        );
        let spaced = args(&["hindsight", "--color", "always", "lint"]);
        assert_eq!(color_in_args(spaced), ColorChoice::Always);
        let joined = args(&["hindsight", "lint", "--color=never", "--bad"]);
        assert_eq!(color_in_args(joined), ColorChoice::Never);
        let after_dashes = args(&["hindsight", "update", "x", "--", "--color=always"]);
        assert_eq!(color_in_args(after_dashes), ColorChoice::Auto);
    }
}
