//! The JSON report: `{"diagnostics": [...], "summary": {...}}` (DESIGN.md §5).

use serde_json::{Value, json};

use super::display_path;
use crate::check::Report;
use crate::diagnostic::Severity;

pub fn json(report: &Report) -> String {
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.span();
            json!({
                "file": display_path(&d.file),
                "line": span.start.line,
                "column": span.start.column,
                "end_line": span.end.line.max(span.start.line),
                "end_column": if span.end.line > span.start.line || span.end.column > span.start.column { span.end.column } else { span.start.column },
                "severity": d.severity.as_str(),
                "rule": d.rule().as_str(),
                "message": d.message(),
                "help": d.help(),
            })
        })
        .collect();
    let value = json!({
        "diagnostics": diagnostics,
        "summary": {
            "files": report.files,
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
        }
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// The report of a run that could not check the project: the shape of every report (no
/// diagnostics, a summary that counts nothing, as nothing was checked), and the error.
pub fn json_failure(error: &str) -> String {
    let value = json!({
        "diagnostics": [],
        "summary": { "files": 0, "errors": 0, "warnings": 0 },
        "error": error,
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_run_is_json_with_the_error() {
        let value: Value = serde_json::from_str(&json_failure("cannot read x")).unwrap();
        assert_eq!(value["error"], "cannot read x");
        assert_eq!(value["diagnostics"], json!([]));
        // Read as every report is (DESIGN.md §5): the same summary, counting nothing.
        let clean: Value = serde_json::from_str(&json(&Report::default())).unwrap();
        assert_eq!(value["summary"], clean["summary"]);
    }
}
