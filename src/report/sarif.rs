//! SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
//!
//! What code scanning needs to take a log as it is: file URIs relative to the repository
//! (`%SRCROOT%`, see [`SourceRoot`]), a fingerprint per result that survives line moves, rules
//! that link to their documentation, and an invocation that says whether the run worked, so a
//! run that failed still uploads a valid log that says so.

use std::collections::HashMap;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::Sources;
use super::key_path::Document;
use super::location::SourceRoot;
use crate::check::{Report, rules::REGISTRY};
use crate::diagnostic::{Diagnostic, Severity};
use crate::links;
use crate::model::RuleLevel;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// The `partialFingerprints` key; the version changes if what the hash covers changes.
const FINGERPRINT: &str = "hindsightFinding/v2";

/// The log of a run that checked the project.
pub fn sarif(report: &Report, sources: &Sources<'_>, root: &SourceRoot) -> String {
    let mut seen = HashMap::new();
    let mut documents = HashMap::new();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let document = documents.entry(d.file.as_path()).or_insert_with(|| {
                Document::parse(sources.get(d.file.as_path()).copied().unwrap_or(""))
            });
            let key_path = document.identity_path(d.span().start);
            result(d, sources, root, &key_path, &mut seen)
        })
        .collect();
    let invocation = json!({ "executionSuccessful": true, "toolExecutionNotifications": [] });
    log(results, invocation, Some(root))
}

/// The log of a run that could not check the project: no results, and the error as a
/// notification of an unsuccessful invocation.
pub fn sarif_failure(error: &str, root: Option<&SourceRoot>) -> String {
    let invocation = json!({
        "executionSuccessful": false,
        "toolExecutionNotifications": [{
            "level": "error",
            "message": { "text": error },
        }],
    });
    log(Vec::new(), invocation, root)
}

fn log(results: Vec<Value>, invocation: Value, root: Option<&SourceRoot>) -> String {
    let mut run = json!({
        "tool": { "driver": driver() },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(root) = root {
        run["originalUriBaseIds"] = json!({ SRCROOT: { "uri": root.uri() } });
    }
    let value = json!({ "$schema": SCHEMA, "version": "2.1.0", "runs": [run] });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

fn driver() -> Value {
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|rule| {
            let docs = rule.docs();
            let summary = plain(&rule.summary());
            json!({
                "id": rule.name(),
                // SARIF wants a readable name that differs from the id: the rule's type name.
                "name": format!("{:?}", rule.id),
                "shortDescription": { "text": first_sentence(&summary) },
                "fullDescription": { "text": summary },
                "help": { "text": plain_text(&docs), "markdown": docs },
                "helpUri": links::rule_help(rule.name()),
                "defaultConfiguration": { "level": level(rule.default_level) },
            })
        })
        .collect();
    json!({
        "name": "hindsight",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": links::REPOSITORY,
        "rules": rules,
    })
}

fn result(
    d: &Diagnostic,
    sources: &Sources<'_>,
    root: &SourceRoot,
    key_path: &str,
    seen: &mut HashMap<[String; 4], usize>,
) -> Value {
    let span = d.span();
    let mut message = d.message().to_string();
    if let Some(help) = d.help() {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let artifact = match root.relative_uri(&d.file) {
        Some(uri) => json!({ "uri": uri, "uriBaseId": SRCROOT }),
        None => json!({ "uri": SourceRoot::absolute_uri(&d.file) }),
    };
    let mut region = json!({ "startLine": span.start.line, "startColumn": span.start.column });
    let end_line = span.end.line.max(span.start.line);
    if end_line > span.start.line {
        region["endLine"] = json!(end_line);
        region["endColumn"] = json!(span.end.column);
    } else {
        region["endColumn"] = json!(span.end.column.max(span.start.column + 1));
    }
    let anchor = anchor_text(d, sources);
    let file = artifact["uri"].as_str().unwrap_or_default().to_string();
    let rule = d.rule().as_str();
    // A list item is named by what it says, not its position (`Document::identity_path`):
    // an action added above another, or another's fix, must not change its identity; items
    // nothing tells apart are told apart by their repeat index.
    let identity = [rule.to_string(), file, key_path.to_string(), anchor];
    let occurrence = seen.entry(identity.clone()).or_insert(0);
    *occurrence += 1;
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
            "physicalLocation": { "artifactLocation": artifact, "region": region }
        }],
        "partialFingerprints": {
            FINGERPRINT: fingerprint(&identity, *occurrence),
        },
    })
}

/// What a finding's fingerprint is anchored to besides its key path: the text of the line it
/// starts on with blanks normalised (not its number, so that lines added above it change
/// nothing), or its message where the line may hold a secret or the text is not at hand.
fn anchor_text(d: &Diagnostic, sources: &Sources<'_>) -> String {
    let text = sources.get(d.file.as_path()).copied().unwrap_or("");
    let line = text.lines().nth(d.span().start.line.saturating_sub(1));
    match line {
        Some(line) if !d.finding.secret && !line.trim().is_empty() => {
            line.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        _ => d.message().to_string(),
    }
}

/// SHA-256 over the rule, the file's URI, the key path, the anchor text and which occurrence
/// of exactly that (rule, file, key path, text) this is, in hex.
fn fingerprint(identity: &[String; 4], occurrence: usize) -> String {
    let mut hash = Sha256::new();
    let occurrence = occurrence.to_string();
    for part in identity.iter().chain([&occurrence]) {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Documentation text without Markdown's code marks, for viewers that show plain text.
fn plain(text: &str) -> String {
    text.replace('`', "")
}

/// Rule documentation as plain text, for `help.text` (viewers that show no Markdown): headings
/// without their marks, code blocks indented instead of fenced, no code marks.
fn plain_text(markdown: &str) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push(format!("    {line}"));
        } else if let Some(heading) = line.strip_prefix('#') {
            out.push(heading.trim_start_matches('#').trim().to_string());
        } else {
            out.push(plain(line));
        }
    }
    out.join("\n")
}

fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

fn level(level: RuleLevel) -> &'static str {
    match level {
        RuleLevel::Error => "error",
        RuleLevel::Warning => "warning",
        RuleLevel::Info => "note",
        RuleLevel::Off => "none",
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::diagnostic::{Finding, Pos, Span};
    use crate::model::RuleId;

    use crate::diagnostic::pos_at as at;

    fn report(file: &Path, spans: &[(Pos, Pos)]) -> Report {
        let diagnostics = spans
            .iter()
            .map(|&(start, end)| Diagnostic {
                file: file.to_path_buf(),
                severity: Severity::Warning,
                finding: Finding::new(RuleId::PlaceholderText, Span { start, end }, "TODO left"),
            })
            .collect();
        Report {
            diagnostics,
            files: 1,
        }
    }

    fn fingerprints(text: &str, lines: &[usize]) -> Vec<String> {
        let places: Vec<_> = lines.iter().map(|&l| (l, 1)).collect();
        fingerprints_at(text, &places)
    }

    fn fingerprints_at(text: &str, places: &[(usize, usize)]) -> Vec<String> {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("incidents/x.yaml");
        let spans: Vec<_> = places
            .iter()
            .map(|&(l, c)| (at(l, c), at(l, c + 4)))
            .collect();
        let sources = Sources::from([(file.as_path(), text)]);
        let out = sarif(
            &report(&file, &spans),
            &sources,
            &SourceRoot::of_project(tmp.path()),
        );
        let log: Value = serde_json::from_str(&out).unwrap();
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"][FINGERPRINT]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn fingerprints_survive_line_moves_and_tell_repeats_apart() {
        let before = fingerprints("a: TODO\nb: TODO\n", &[1, 2]);
        let after = fingerprints("# new line\n\na: TODO\nb: TODO\n", &[3, 4]);
        assert_eq!(before, after);
        assert_ne!(before[0], before[1]);
        let same_text = fingerprints("- TODO\n- TODO\n", &[1, 2]);
        assert_ne!(same_text[0], same_text[1], "occurrence index");
        let changed = fingerprints("a: TODO!\nb: TODO\n", &[1, 2]);
        assert_ne!(before[0], changed[0]);
    }

    #[test]
    fn fixing_one_of_two_identical_lines_leaves_the_other_its_fingerprint() {
        let before = fingerprints_at(
            "summary: |\n  TODO\nimpact: |\n  TODO\nresolution: |\n  TODO\n",
            &[(2, 3), (4, 3), (6, 3)],
        );
        let after = fingerprints_at(
            "summary: |\n  It broke.\nimpact: |\n  TODO\nresolution: |\n  TODO\n",
            &[(4, 3), (6, 3)],
        );
        assert_eq!(before[1..], after[..]);
        // The same text twice under one key is told apart by its repeat index alone.
        let twice = fingerprints_at("summary: |\n  TODO\n  TODO\n", &[(2, 3), (3, 3)]);
        assert_ne!(twice[0], twice[1]);
    }

    #[test]
    fn an_item_added_above_leaves_the_items_below_their_fingerprints() {
        let before = fingerprints_at("actions:\n  - text: TODO later\n", &[(2, 11)]);
        let after = fingerprints_at(
            "actions:\n  - text: Add an alert\n  - text: TODO later\n",
            &[(3, 11)],
        );
        assert_eq!(before, after);
    }

    /// Two actions both with `owner: TODO`: fixing the first leaves the second its own
    /// fingerprint rather than moving the first's onto it; an action added above changes
    /// neither.
    #[test]
    fn fixing_one_of_two_alike_items_leaves_the_other_its_fingerprint() {
        let text = "actions:\n  - text: Add an alert\n    owner: TODO\n  - text: Write a runbook\n    owner: TODO\n";
        let before = fingerprints_at(text, &[(3, 12), (5, 12)]);
        assert_ne!(before[0], before[1]);
        let fixed = text.replacen("owner: TODO", "owner: sre", 1);
        assert_eq!(fingerprints_at(&fixed, &[(5, 12)]), before[1..]);
        let added = format!(
            "actions:\n  - text: Page the DBA\n    owner: TODO\n{}",
            &text["actions:\n".len()..]
        );
        let after = fingerprints_at(&added, &[(3, 12), (5, 12), (7, 12)]);
        assert_eq!(after[1..], before[..]);
    }

    #[test]
    fn regions_give_end_columns_that_follow_the_start() {
        let file = PathBuf::from("incidents/x.yaml");
        let r = report(&file, &[(at(3, 3), at(3, 3)), (at(3, 3), at(5, 2))]);
        let out = sarif(&r, &Sources::new(), &SourceRoot::of_project(Path::new(".")));
        let log: Value = serde_json::from_str(&out).unwrap();
        let region = |i: usize| {
            log["runs"][0]["results"][i]["locations"][0]["physicalLocation"]["region"].clone()
        };
        assert_eq!(
            region(0),
            json!({"startLine": 3, "startColumn": 3, "endColumn": 4})
        );
        assert_eq!(
            region(1),
            json!({"startLine": 3, "startColumn": 3, "endLine": 5, "endColumn": 2})
        );
    }

    #[test]
    fn a_failed_run_is_a_valid_log_that_says_so() {
        let out = sarif_failure("cannot read x.yaml", None);
        let log: Value = serde_json::from_str(&out).unwrap();
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let note = &invocation["toolExecutionNotifications"][0];
        assert_eq!(note["level"], "error");
        assert_eq!(note["message"]["text"], "cannot read x.yaml");
        assert_eq!(log["runs"][0]["results"], json!([]));
    }

    #[test]
    fn rules_link_to_their_readme_rows_and_describe_themselves_plainly() {
        let out = sarif_failure("x", None);
        let log: Value = serde_json::from_str(&out).unwrap();
        let driver = &log["runs"][0]["tool"]["driver"];
        assert_eq!(driver["informationUri"], links::REPOSITORY);
        assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
        let rule = &driver["rules"][RuleId::DurationMismatch.index()];
        assert_eq!(
            rule["helpUri"],
            format!("{}#rule-duration-mismatch", links::REPOSITORY)
        );
        assert_ne!(rule["name"], rule["id"]);
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(!full.contains('`') && !full.contains('\n'), "{full}");
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## Fix")
        );
        let help = rule["help"]["text"].as_str().unwrap();
        assert!(help.contains("\nFix\n"), "{help}");
        assert!(help.contains("\n    duration: 18m"), "{help}");
        assert!(!help.contains("## ") && !help.contains('`'), "{help}");
    }
}
