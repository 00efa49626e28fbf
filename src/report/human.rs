//! rustc-style diagnostics: the message, the location, the source line and a caret under the value.
//!
//! This text often lands in CI logs, where the GitHub runner reads every line for workflow
//! commands (actions/runner `ActionCommand.TryParseV2`: a line that starts with `::` after
//! leading blanks; `TryParse`: `##[` anywhere before a `]`). Record text is quoted in messages
//! and shown in snippets, so control characters in it are escaped and a line that would still
//! read as a command is made inert.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::ci_log::{escape_controls, inert};
use super::{Sources, display_path, summary_line};
use crate::check::Report;
use crate::diagnostic::{Diagnostic, Severity};

/// Renders every diagnostic and a closing summary line. `color` adds ANSI styles.
pub fn human(report: &Report, sources: &Sources<'_>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let text = sources
            .get(diagnostic.file.as_path())
            .copied()
            .unwrap_or("");
        out.push_str(&render_one(&renderer, diagnostic, text));
        out.push_str("\n\n");
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    inert(&out)
}

fn render_one(renderer: &Renderer, diagnostic: &Diagnostic, text: &str) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let path = escape_controls(&display_path(&diagnostic.file));
    let span = diagnostic.span();
    // `lint` reads a file with findings again for its lines: edited meanwhile, its text may no
    // longer hold the span, which is then located but not quoted.
    let on_text = |offset: usize| text.is_char_boundary(offset.min(text.len()));
    let text = if on_text(span.start.offset) && on_text(span.end.offset) {
        text
    } else {
        ""
    };
    // Show only the line the value starts on: a long block scalar would bury the message.
    let line_start = text[..span.start.offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = text.get(line_start..line_end).unwrap_or("");
    let message = escape_controls(diagnostic.message());
    let title = level
        .clone()
        .primary_title(message.as_str())
        .id(diagnostic.rule().as_str());
    // A possibly secret value gets only its position, never its line.
    let mut group = if text.is_empty() || diagnostic.finding.secret {
        title.element(
            annotate_snippets::Origin::path(path.clone())
                .line(span.start.line)
                .char_column(span.start.column),
        )
    } else {
        let start = span.start.offset.saturating_sub(line_start).min(line.len());
        let end = if span.end.offset > span.start.offset {
            span.end.offset.min(line_end) - line_start
        } else {
            start
        };
        // A zero-width span gets a one-character caret so the position is visible.
        let end = if end <= start {
            line[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8())
        } else {
            end
        };
        title.element(
            Snippet::source(line)
                .line_start(span.start.line)
                .path(path)
                .annotation(AnnotationKind::Primary.span(start..end)),
        )
    };
    let help = diagnostic.help().map(escape_controls);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let report: &[Group<'_>] = &[group];
    renderer.render(report)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::diagnostic::{Finding, Pos, Span};

    fn diagnostic(text: &str, needle: &str) -> Diagnostic {
        let offset = text.find(needle).unwrap();
        let line = text[..offset].matches('\n').count() + 1;
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        let start = Pos {
            line,
            column,
            offset,
        };
        let end = Pos {
            line,
            column: column + needle.chars().count(),
            offset: offset + needle.len(),
        };
        Diagnostic {
            file: PathBuf::from("incidents/x.yaml"),
            severity: Severity::Warning,
            finding: Finding::new(
                crate::model::RuleId::DurationMismatch,
                Span { start, end },
                "stated duration disagrees",
            )
            .help("fix it"),
        }
    }

    #[test]
    fn caret_sits_under_the_value_even_after_wide_characters() {
        let text = "title: 画像が見つからない\nduration: 18分 18m\n";
        let d = diagnostic(text, "18m");
        let report = Report {
            diagnostics: vec![d],
            files: 1,
        };
        let sources = Sources::from([(std::path::Path::new("incidents/x.yaml"), text)]);
        let out = human(&report, &sources, false);
        insta::assert_snapshot!(out, @r"
        warning[duration-mismatch]: stated duration disagrees
         --> incidents/x.yaml:2:15
          |
        2 | duration: 18分 18m
          |                ^^^
          |
          = help: fix it

        1 file: 0 errors, 1 warning
        ");
    }

    #[test]
    fn a_span_the_text_no_longer_holds_is_located_not_quoted() {
        // The text lint reads again for the lines, changed since the check: the offsets fall
        // inside a character.
        let checked = "title: x\nduration: 18m\n";
        let d = diagnostic(checked, "18m");
        let report = Report {
            diagnostics: vec![d],
            files: 1,
        };
        let edited = "title: x\nduration:分分分分\n";
        let sources = Sources::from([(std::path::Path::new("incidents/x.yaml"), edited)]);
        let out = human(&report, &sources, false);
        assert!(out.contains("--> incidents/x.yaml:2:11"), "{out}");
        assert!(!out.contains("分"), "{out}");
        assert!(out.contains("help: fix it"), "{out}");
    }

    #[test]
    fn a_secret_value_is_located_but_never_quoted() {
        let text = "notify:\n  - kind: slack\n    url_env: xoxb1234abcdEFGH5678\n";
        let mut d = diagnostic(text, "xoxb1234abcdEFGH5678");
        d.finding = d.finding.secret();
        let report = Report {
            diagnostics: vec![d],
            files: 1,
        };
        let sources = Sources::from([(std::path::Path::new("incidents/x.yaml"), text)]);
        let out = human(&report, &sources, false);
        assert!(!out.contains("xoxb"), "{out}");
        assert!(out.contains("--> incidents/x.yaml:3:14"), "{out}");
        assert!(out.contains("help: fix it"), "{out}");
    }

    #[test]
    fn record_text_cannot_become_a_workflow_command_in_a_ci_log() {
        let text = "bad:\n  - \"x ##[add-mask]secret\"\n";
        let mut d = diagnostic(text, "x ##[add-mask]secret");
        d.finding.message = "unknown key \"bad\n::add-mask::secret\"".to_string();
        d.finding.help = Some("remove it\r  ::error::x".to_string());
        d.file = PathBuf::from("incidents/a\n::warning::b.yaml");
        let report = Report {
            diagnostics: vec![d],
            files: 1,
        };
        let sources =
            Sources::from([(std::path::Path::new("incidents/a\n::warning::b.yaml"), text)]);
        let out = human(&report, &sources, false);
        assert!(
            out.contains(r#"unknown key "bad\n::add-mask::secret""#),
            "{out}"
        );
        assert!(out.contains(r"remove it\r  ::error::x"), "{out}");
        assert!(out.contains(r"a\n::warning::b.yaml"), "{out}");
        for line in out.split(['\n', '\r']) {
            assert!(!line.trim_start().starts_with("::"), "{line:?} in\n{out}");
            assert!(!line.contains("##["), "{line:?} in\n{out}");
        }
        assert_eq!(
            inert("  ::error::x\n##[debug]y\n"),
            "  \\::error::x\n##\\[debug]y\n"
        );
    }
}
