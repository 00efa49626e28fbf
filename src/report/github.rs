//! GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.

use super::display_path;
use crate::check::Report;
use crate::diagnostic::Severity;

/// `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=RULE::MESSAGE`, one per line.
pub fn github(report: &Report) -> String {
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
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&display_path(&d.file)),
            span.start.line,
            span.start.column,
            span.end.line.max(span.start.line),
            span.end.column.max(span.start.column),
            escape_property(d.rule().as_str()),
            escape_data(&message)
        ));
    }
    out
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
    use super::*;

    #[test]
    fn escapes_what_would_break_the_command() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
