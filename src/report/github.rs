//! GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request,
//! and a closing notice (and the job summary) gives the counts.

use super::location::SourceRoot;
use super::summary_line;
use crate::check::Report;
use crate::diagnostic::Severity;

/// `::error file=F,line=L,col=C,endColumn=…,title=RULE::MESSAGE`, one per line, then
/// `::notice title=hindsight lint::N files: …`. GitHub takes columns only on a one-line span
/// (`col`/`endColumn`), and `endLine` only when the span ends on another line. `file=` is
/// relative to the repository (`root`), as GitHub reads it wherever lint ran.
pub fn github(report: &Report, root: &SourceRoot) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let span = d.span();
        let mut message = d.message().to_string();
        if let Some(help) = d.help() {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let mut place = format!(
            "file={},line={}",
            escape_property(&root.relative_path(&d.file)),
            span.start.line
        );
        if span.end.line > span.start.line {
            place.push_str(&format!(",endLine={}", span.end.line));
        } else {
            // A zero-width span marks the one character it stands on.
            let end = span.end.column.max(span.start.column + 1);
            place.push_str(&format!(",col={},endColumn={end}", span.start.column));
        }
        out.push_str(&format!(
            "::{command} {place},title={}::{}\n",
            escape_property(d.rule().as_str()),
            escape_data(&message)
        ));
    }
    out.push_str(&format!(
        "::notice title={}::{}\n",
        escape_property("hindsight lint"),
        escape_data(&summary_line(report))
    ));
    out
}

/// The job summary (`$GITHUB_STEP_SUMMARY`, Markdown): the counts and a table of findings.
pub fn github_step_summary(report: &Report, root: &SourceRoot) -> String {
    let mut out = format!("### hindsight lint\n\n{}\n", summary_line(report));
    if !report.diagnostics.is_empty() {
        out.push_str("\n| file | line | severity | rule | message |\n|---|---|---|---|---|\n");
        for d in &report.diagnostics {
            out.push_str(&format!(
                "| {} | {} | {} | `{}` | {} |\n",
                cell(&root.relative_path(&d.file)),
                d.span().start.line,
                d.severity,
                d.rule().as_str(),
                cell(d.message())
            ));
        }
    }
    out.push('\n');
    out
}

/// Text for a Markdown table cell: one line, no column breaks, no HTML.
fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// Escaping as the runner's toolkit does it for message data.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for `key=value` properties, which also may not contain `:` or `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostic::{Diagnostic, Finding, Pos, Span};
    use crate::model::RuleId;

    use crate::diagnostic::pos_at as at;

    /// A project folder outside any git work tree, and its source root.
    fn project() -> (tempfile::TempDir, SourceRoot) {
        let tmp = tempfile::tempdir().unwrap();
        let root = SourceRoot::of_project(tmp.path());
        (tmp, root)
    }

    fn report(dir: &Path, spans: &[(Pos, Pos)]) -> Report {
        let diagnostics = spans
            .iter()
            .map(|&(start, end)| Diagnostic {
                file: dir.join("incidents/a,b.yaml"),
                severity: Severity::Error,
                finding: Finding::new(RuleId::InvalidValue, Span { start, end }, "bad | value"),
            })
            .collect();
        Report {
            diagnostics,
            files: 3,
        }
    }

    #[test]
    fn escapes_what_would_break_the_command() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn columns_only_on_one_line_spans_and_end_line_only_when_it_differs() {
        let (tmp, root) = project();
        let spans = [
            (at(13, 3), at(14, 14)),
            (at(2, 11), at(2, 14)),
            (at(5, 1), at(5, 1)),
        ];
        let out = github(&report(tmp.path(), &spans), &root);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "::error file=incidents/a%2Cb.yaml,line=13,endLine=14,title=invalid-value::bad | value",
                "::error file=incidents/a%2Cb.yaml,line=2,col=11,endColumn=14,title=invalid-value::bad | value",
                "::error file=incidents/a%2Cb.yaml,line=5,col=1,endColumn=2,title=invalid-value::bad | value",
                "::notice title=hindsight lint::3 files: 3 errors, 0 warnings",
            ]
        );
    }

    #[test]
    fn a_clean_run_still_says_so() {
        let (tmp, root) = project();
        assert_eq!(
            github(&report(tmp.path(), &[]), &root),
            "::notice title=hindsight lint::3 files: 0 errors, 0 warnings\n"
        );
    }

    #[test]
    fn the_step_summary_is_a_markdown_table_that_cannot_be_broken() {
        let (tmp, root) = project();
        let out = github_step_summary(&report(tmp.path(), &[(at(2, 1), at(2, 4))]), &root);
        assert_eq!(
            out,
            "### hindsight lint\n\n3 files: 1 error, 0 warnings\n\n\
             | file | line | severity | rule | message |\n|---|---|---|---|---|\n\
             | incidents/a,b.yaml | 2 | error | `invalid-value` | bad \\| value |\n\n"
        );
    }

    #[test]
    fn files_are_named_relative_to_the_repository_not_the_current_folder() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join(".git")).unwrap();
        let project = tmp.path().join("status");
        std::fs::create_dir_all(project.join("incidents")).unwrap();
        let root = SourceRoot::of_project(&project);
        let out = github(&report(&project, &[(at(2, 1), at(2, 4))]), &root);
        assert!(
            out.starts_with("::error file=status/incidents/a%2Cb.yaml,line=2,"),
            "{out}"
        );
        let summary = github_step_summary(&report(&project, &[(at(2, 1), at(2, 4))]), &root);
        assert!(
            summary.contains("| status/incidents/a,b.yaml | 2 |"),
            "{summary}"
        );
    }
}
