//! Presenting diagnostics: rustc-style text, JSON, GitHub workflow commands and SARIF.

mod ci_log;
mod github;
mod human;
mod json;
mod key_path;
mod location;
mod sarif;

use std::collections::HashMap;
use std::path::Path;

pub(crate) use crate::diagnostic::display_path;

use crate::check::Report;

// `pub`: `notify`'s report is written in the binary (src/cmd/notify.rs).
pub use ci_log::{escape_controls, inert};
pub use github::{github, github_step_summary};
pub use human::human;
pub use json::{json, json_failure};
pub use location::SourceRoot;
pub use sarif::{sarif, sarif_failure};

/// The text of each file, for showing the source line a diagnostic points at.
pub type Sources<'a> = HashMap<&'a Path, &'a str>;

/// Collects the file texts of a corpus.
pub fn sources(corpus: &crate::load::Corpus) -> Sources<'_> {
    let records = corpus.records.iter().map(|f| &f.source);
    let overlays = corpus.overlays.iter().map(|f| &f.source);
    records
        .chain(overlays)
        .chain(corpus.config.source.iter())
        .map(|source| (source.path.as_path(), source.text.as_str()))
        .collect()
}

/// `n` and an English noun that takes an `s` in the plural: "1 file", "2 files".
pub fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The one-line count at the end of human output.
pub fn summary_line(report: &Report) -> String {
    use crate::diagnostic::Severity;
    let plural = counted;
    format!(
        "{}: {}, {}",
        plural(report.files, "file"),
        plural(report.count(Severity::Error), "error"),
        plural(report.count(Severity::Warning), "warning")
    )
}
