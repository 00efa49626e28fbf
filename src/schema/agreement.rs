//! Lint and the schemas agree: every record, overlay and config among the test fixtures and
//! the example project, and mutations of each (every field removed, emptied, given a value
//! of the wrong type, another field's example or a near miss of a time or duration), is
//! refused by the schema exactly when lint reports a problem of shape (unknown, missing or
//! invalid fields and values, a maintenance window's missing ends).

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::variants::{mutations, plain_yaml};
use super::{SchemaKind, schema};
use crate::diagnostic::Finding;
use crate::load::yaml::{self, Limits, Node, Value as Yaml};
use crate::model::RuleId;

/// The rules of the loader's shape checks: what a schema is for.
const SHAPE: [RuleId; 6] = [
    RuleId::UnknownField,
    RuleId::MissingField,
    RuleId::InvalidValue,
    RuleId::InvalidTime,
    RuleId::InvalidConfig,
    // Its findings about which fields a record has (`maintenance_window::shape`).
    RuleId::MaintenanceWindow,
];

/// Problems the loader reports that no JSON Schema can express, by what their message says;
/// the README's "Editor support" lists them.
pub(super) const SEMANTIC: &[&str] = &[
    // A YAML key written twice: editors report it as a YAML error of their own.
    "is listed twice in `affected`",
    // Uniqueness of a field across the items of a list.
    "is defined twice",
    // References to other parts of the config.
    "is not a component of the site",
    "the site has no `",
    // Addresses as the mail library parses them.
    "is not one e-mail address",
    "`unsubscribe` is neither",
    // Local times in the hour a zone's clocks skip or repeat.
    "does not exist in",
    "happens twice in",
    // A time of day whose date would come from a time that is missing or broken.
    "has no date",
];

/// Whether a finding's message is one of [`SEMANTIC`]; a time of day is no date where the
/// schema asks for one (`started`, `scheduled_for`), so that one the schema does express.
fn is_semantic(message: &str) -> bool {
    let dated = ["`started`:", "`scheduled_for`:"];
    SEMANTIC.iter().any(|s| message.contains(s))
        && !(message.contains("has no date") && dated.iter().any(|d| message.contains(d)))
}

/// A problem the loader leaves to the structure of the file (syntax, size, characters):
/// editors report those from their YAML parser, not from the schema.
fn not_for_a_schema(finding: &Finding) -> bool {
    matches!(
        finding.rule,
        RuleId::YamlSyntax | RuleId::InputLimit | RuleId::InvalidCharacter | RuleId::IrregularFile
    )
}

/// Whether lint refuses `text` as a `kind`: `None` when the text is not for a schema to judge.
fn lint_refuses(kind: SchemaKind, text: &str) -> Option<(bool, Vec<String>)> {
    let limits = Limits::default();
    let findings = match kind {
        SchemaKind::Record => {
            let context = crate::load::record::RecordContext::default();
            let (record, mut findings) =
                crate::load::record::parse("2023-12-17-agreement", text, &context);
            if let Some(record) = record {
                use crate::check::rules::maintenance_window;
                findings.extend(maintenance_window::shape(&record, text));
            }
            findings
        }
        SchemaKind::Overlay => crate::load::overlay::parse("2023-12-17-agreement", text, &limits).1,
        SchemaKind::Config => {
            let (config, mut findings) = crate::load::config::parse(text, &limits);
            findings.extend(crate::check::lint_settings(&config));
            findings
        }
    };
    if findings.iter().any(not_for_a_schema) {
        return None;
    }
    // Only the semantic findings are left out: the rest of the document is still compared,
    // so a document with one of them and a finding of shape must be refused. With nothing
    // else, lint's verdict on the field is unknown (a time it could not resolve is no
    // time at all, which a schema may refuse for other reasons): not compared.
    let (semantic, shape): (Vec<String>, Vec<String>) = findings
        .iter()
        .filter(|f| SHAPE.contains(&f.rule))
        .map(|f| format!("{}: {}", f.rule, f.message))
        .partition(|message| is_semantic(message));
    if shape.is_empty() && !semantic.is_empty() {
        return None;
    }
    Some((!shape.is_empty(), shape))
}

/// A YAML node as an editor's YAML 1.2 parser types it (the core schema).
fn to_json(node: &Node) -> Value {
    match &node.value {
        Yaml::Null => Value::Null,
        Yaml::Scalar { text, plain } if *plain => plain_scalar(text),
        Yaml::Scalar { text, .. } => json!(text),
        Yaml::Seq(items) => items.iter().map(to_json).collect(),
        Yaml::Map(pairs) => Value::Object(
            pairs
                .iter()
                .map(|(key, value)| (key.as_str().unwrap_or("?").to_string(), to_json(value)))
                .collect(),
        ),
    }
}

fn plain_scalar(text: &str) -> Value {
    match text {
        "true" | "True" | "TRUE" => return json!(true),
        "false" | "False" | "FALSE" => return json!(false),
        _ => {}
    }
    let numeric = text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if numeric {
        if let Ok(int) = text.parse::<i64>() {
            return json!(int);
        }
        if let Ok(float) = text.parse::<f64>() {
            return json!(float);
        }
    }
    json!(text)
}

/// The fixtures and the example project's files, with the schema each is written for.
fn documents() -> Vec<(PathBuf, SchemaKind)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["tests/fixtures", "incidents", "site"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let path = entry.unwrap().into_path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".yaml") {
                continue;
            }
            let in_incidents = path.components().any(|c| c.as_os_str() == "incidents");
            let kind = if name == "config.yaml" || name.ends_with("-config.yaml") {
                SchemaKind::Config
            } else if in_incidents && name.trim_end_matches(".yaml").contains('.') {
                SchemaKind::Overlay
            } else if in_incidents {
                SchemaKind::Record
            } else {
                continue;
            };
            found.push((path, kind));
        }
    }
    found
}

/// Configurations with a `notify` channel of each kind, as the README writes them: no
/// fixture has one, and each channel's fields depend on its kind.
const CHANNELS: &[&str] = &[
    "kind: webhook\n    url_env: STATUS_WEBHOOK_URL\n    secret_env: STATUS_WEBHOOK_SECRET\n    components: [api]\n    languages: [en]",
    "kind: webhook\n    name: local\n    url: http://127.0.0.1:8080/hook",
    "kind: slack\n    url_env: SLACK_WEBHOOK_URL",
    "kind: teams\n    url_env: TEAMS_WEBHOOK_URL\n    languages: [de]",
    "kind: discord\n    url_env: DISCORD_WEBHOOK_URL",
    "kind: email\n    smtp_host_env: SMTP_HOST\n    smtp_port: 587\n    smtp_username_env: SMTP_USERNAME\n    smtp_password_env: SMTP_PASSWORD\n    from: Status <status@example.com>\n    to: [subscribers@example.com]\n    unsubscribe: https://status.example.com/unsubscribe",
];

fn notify_configs() -> Vec<String> {
    CHANNELS
        .iter()
        .map(|channel| {
            format!(
                "base_url: https://status.example.com/\nlanguages: [en, de]\ncomponents:\n  - id: api\nnotify:\n  - {channel}\n"
            )
        })
        .collect()
}

#[test]
fn lint_and_the_schemas_agree_on_every_fixture_and_its_mutations() {
    let validators: Vec<(SchemaKind, jsonschema::Validator, Value)> = SchemaKind::ALL
        .iter()
        .map(|kind| {
            let schema = schema(*kind, None);
            let validator = jsonschema::draft202012::new(&schema).unwrap();
            (*kind, validator, schema)
        })
        .collect();
    let mut disagreements = Vec::new();
    let (mut seen, mut compared, mut refused) = (0, 0, 0);
    let (mut plain_written, mut plain_unreadable) = (0, 0);
    let mut sources: Vec<(String, SchemaKind, String)> = documents()
        .into_iter()
        .map(|(path, kind)| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), kind, text)
        })
        .collect();
    for (n, config) in notify_configs().into_iter().enumerate() {
        let verdict = lint_refuses(SchemaKind::Config, &config);
        assert_eq!(verdict, Some((false, Vec::new())), "{config}");
        sources.push((format!("notify channel {n}"), SchemaKind::Config, config));
    }
    for (name, kind, text) in sources {
        let (_, validator, schema) = validators.iter().find(|(k, ..)| *k == kind).unwrap();
        let Ok(Some(root)) = yaml::parse(&text, &Limits::default()) else {
            continue;
        };
        seen += 1;
        let original = to_json(&root);
        let mut variants = vec![(text, original.clone())];
        let mut mutated = Vec::new();
        mutations(&original, schema, 4, &mut mutated);
        // Every other variant written with plain scalars (`duration: 55`, `title: True`),
        // which the editor types as it reads them and lint reads as their spelling; the rest
        // quoted, as JSON.
        variants.extend(mutated.into_iter().enumerate().map(|(n, value)| {
            if n % 2 == 1 {
                let text = plain_yaml(&value);
                match yaml::parse(&text, &Limits::default()) {
                    Ok(Some(node)) => {
                        plain_written += 1;
                        return (text, to_json(&node));
                    }
                    _ => plain_unreadable += 1,
                }
            }
            (value.to_string(), value)
        }));
        for (text, value) in variants {
            let Some((lint, findings)) = lint_refuses(kind, &text) else {
                continue;
            };
            compared += 1;
            refused += usize::from(lint);
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            if lint == errors.is_empty() && disagreements.len() < 20 {
                disagreements.push(format!(
                    "{name} ({kind:?}): lint {findings:?}, schema {errors:?}\n  {text}"
                ));
            }
        }
    }
    eprintln!("{seen} documents, {compared} variants compared, {refused} refused");
    assert_eq!(
        plain_unreadable, 0,
        "variants written plain that do not parse"
    );
    assert!(
        plain_written > 20_000,
        "only {plain_written} variants written plain"
    );
    // Not a test that passes having compared next to nothing.
    assert!(seen > 100, "only {seen} fixtures found");
    assert!(compared > 40_000, "only {compared} variants compared");
    assert!(
        refused > 10_000 && compared - refused > 10_000,
        "{refused} of {compared} refused"
    );
    assert!(
        disagreements.is_empty(),
        "lint and the schema disagree:\n{}",
        disagreements.join("\n")
    );
}
