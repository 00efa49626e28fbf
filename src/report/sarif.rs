//! SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

use serde_json::{Value, json};

use super::display_path;
use crate::check::{Report, rules::REGISTRY};
use crate::diagnostic::Severity;
use crate::model::RuleLevel;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn sarif(report: &Report) -> String {
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|rule| {
            json!({
                "id": rule.name(),
                "name": rule.name(),
                "shortDescription": { "text": rule.summary() },
                "fullDescription": { "text": rule.docs() },
                "help": { "text": rule.docs(), "markdown": rule.docs() },
                "defaultConfiguration": { "level": level(rule.default_level) },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.span();
            let mut message = d.message().to_string();
            if let Some(help) = d.help() {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            json!({
                "ruleId": d.rule().as_str(),
                // The registry lists the rules in `RuleId::ALL` order.
                "ruleIndex": d.rule().index(),
                "level": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "note",
                },
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": display_path(&d.file), "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": span.start.line,
                            "startColumn": span.start.column,
                            "endLine": span.end.line.max(span.start.line),
                            "endColumn": span.end.column.max(span.start.column + 1),
                        }
                    }
                }],
            })
        })
        .collect();
    let value = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "hindsight",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

fn level(level: RuleLevel) -> &'static str {
    match level {
        RuleLevel::Error => "error",
        RuleLevel::Warning => "warning",
        RuleLevel::Info => "note",
        RuleLevel::Off => "none",
    }
}
