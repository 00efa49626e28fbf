//! Findings as data: source positions, severities and the diagnostics every stage reports.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::RuleId;

/// A position in a source file. `line` and `column` are 1-based; `column` counts
/// characters (not bytes), which is what editors and CI annotations expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    /// Byte offset into the file's text, for snippet rendering.
    #[serde(skip)]
    pub offset: usize,
}

/// A position by line and column alone, as tests of positions without a text write them.
#[cfg(test)]
pub(crate) fn pos_at(line: usize, column: usize) -> Pos {
    Pos {
        line,
        column,
        offset: 0,
    }
}

/// The range of source text a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub(crate) fn point(pos: Pos) -> Self {
        Span {
            start: pos,
            end: pos,
        }
    }

    /// The start of a file: where findings about a whole file point.
    pub(crate) fn file_start() -> Self {
        Span::point(Pos {
            line: 1,
            column: 1,
            offset: 0,
        })
    }
}

/// How much a finding matters. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem found in one file, before the file and the configured severity are known.
/// Parsers and rules produce these; [`check`](crate::check::check) places them in their file as
/// [`Diagnostic`]s with the configured severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleId,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    /// The text at `span` may be a secret (a token written where a variable's name belongs):
    /// reports say where it is but never quote the source line, as CI logs are often public.
    pub secret: bool,
}

impl Finding {
    pub(crate) fn new(rule: RuleId, span: Span, message: impl Into<String>) -> Self {
        Finding {
            rule,
            span,
            message: message.into(),
            help: None,
            secret: false,
        }
    }

    /// Marks the source at the span as possibly secret: reports do not quote it.
    pub(crate) fn secret(mut self) -> Self {
        self.secret = true;
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// One reported problem: a finding placed in a file, with the severity it is reported at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub severity: Severity,
    pub finding: Finding,
}

impl Diagnostic {
    pub fn rule(&self) -> RuleId {
        self.finding.rule
    }
    pub(crate) fn span(&self) -> Span {
        self.finding.span
    }
    pub fn message(&self) -> &str {
        &self.finding.message
    }
    pub fn help(&self) -> Option<&str> {
        self.finding.help.as_deref()
    }
}

/// A path as users wrote it, relative and with `/` separators (what CI annotations and SARIF expect).
pub fn display_path(path: &Path) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    path.to_string_lossy().replace('\\', "/")
}
