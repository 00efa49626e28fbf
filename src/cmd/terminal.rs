//! Printing: standard output and error (colour and verbosity as `output` decides them), and
//! the build's progress bar.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use hindsight::build;
use hindsight::project;

pub(crate) use super::findings::report_on_stderr;
use super::output::{self, Stream};

/// "Now" for this run: `SOURCE_DATE_EPOCH` when it is set, else the clock.
pub(crate) fn now() -> anyhow::Result<DateTime<Utc>> {
    let value = std::env::var("SOURCE_DATE_EPOCH").ok();
    hindsight::project::now(value.as_deref())
}

/// Whether a result printed on standard output gets colour.
pub(crate) fn use_color() -> bool {
    output::colour(Stream::Stdout)
}

pub(crate) fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// Warnings on standard error, silent with `--quiet`.
pub(crate) fn warnings(warnings: &[String]) {
    for warning in warnings {
        output::status(&format!("warning: {warning}"));
    }
}

/// Says once that no configuration was found, for the commands that work without one.
/// Says that no configuration was found, before anything is loaded, for the commands that
/// work without one.
pub(crate) fn warn_without_config(root: &Path) {
    if !project::has_config(root) {
        output::status(
            "warning: no site/config.yaml here or in any folder above: components, languages and the site's time zone are unchecked (pass --root to name the project)",
        );
    }
}

/// `word` as a POSIX shell reads it back, for the commands a hint tells the user to run: as it
/// is when it holds only safe characters (and does not start with `~`), otherwise in single
/// quotes.
pub(crate) fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./+,:@%".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// A progress bar on stderr, shown only where `output` allows one and only once a build has
/// taken long enough for one to help.
pub(crate) struct ProgressBar {
    bar: indicatif::ProgressBar,
    started: Instant,
    wanted: bool,
    shown: AtomicBool,
}

impl ProgressBar {
    const SHOW_AFTER: Duration = Duration::from_millis(400);

    pub(crate) fn new() -> Self {
        ProgressBar {
            bar: indicatif::ProgressBar::hidden(),
            started: Instant::now()
                .checked_sub(Self::shown_early())
                .unwrap_or_else(Instant::now),
            wanted: output::progress_bar(),
            shown: AtomicBool::new(false),
        }
    }

    /// How much sooner than [`Self::SHOW_AFTER`] to show the bar: all of it when
    /// `HINDSIGHT_PROGRESS_AT_ONCE` is set, so that a test on a fast machine still sees the
    /// bar without depending on how long a build takes.
    fn shown_early() -> Duration {
        match std::env::var_os("HINDSIGHT_PROGRESS_AT_ONCE") {
            Some(_) => Self::SHOW_AFTER,
            None => Duration::ZERO,
        }
    }

    pub(crate) fn finish(&self) {
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
        let due = self.started.elapsed() >= Self::SHOW_AFTER;
        if due && self.wanted && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn hints_quote_what_a_shell_would_read_otherwise() {
        assert_eq!(shell_word("status"), "status");
        assert_eq!(shell_word("../a/b-1"), "../a/b-1");
        assert_eq!(shell_word("my status"), "'my status'");
        assert_eq!(shell_word("a;touch pwned"), "'a;touch pwned'");
        assert_eq!(shell_word("~"), "'~'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
    }
}
