//! One follow-up action of a record: its fields, and the checks on its date and link.

use super::super::fields::Reader;
use super::super::yaml::Node;
use crate::diagnostic::Finding;
use crate::model::{Action, RuleId, Spanned};

const ACTION_FIELDS: &[&str] = &["text", "status", "kind", "owner", "due", "link"];

pub(super) fn read_action(reader: &mut Reader, node: &Node) -> Option<Action> {
    let action = reader.mapping(node, "an action", ACTION_FIELDS)?;
    let text = reader
        .required(
            &action,
            "text",
            "the action",
            "add `text:` saying what will be done",
        )
        .and_then(|node| reader.text(node, "text"));
    let status = reader
        .required(
            &action,
            "status",
            "the action",
            "add `status: todo` (or in_progress, done, wont_do)",
        )
        .and_then(|node| reader.keyword(node, "status"));
    let kind = reader.optional_keyword(&action, "kind");
    let owner = reader.optional_text(&action, "owner");
    let due = action.get("due").and_then(|node| {
        let text = reader.text(node, "due")?;
        // The date form of the time parser, which refuses what chrono alone lets through
        // (`+2023-12-17`, `2023- 12-17`): as the schema does.
        match crate::model::time::parse(&text.value) {
            Ok(crate::model::time::Written::Date(date)) => Some(Spanned::new(date, text.span)),
            _ => {
                reader.push(
                    Finding::new(
                        RuleId::InvalidTime,
                        text.span,
                        format!("`due`: `{}` is not a date", text.value),
                    )
                    .help("write the date as `2024-01-15`"),
                );
                None
            }
        }
    });
    let link = action.get("link").and_then(|node| {
        let text = reader.text(node, "link")?;
        let scheme_ok = ["https://", "http://", "mailto:"].iter().any(|s| text.value.starts_with(s));
        if !scheme_ok {
            reader.push(
                Finding::new(RuleId::InvalidValue, text.span, format!("`link`: `{}` is not an http(s) or mailto link", text.value))
                    .help("links are shown publicly; only `https://`, `http://` and `mailto:` are allowed"),
            );
            return None;
        }
        Some(text)
    });
    Some(Action {
        text: text?,
        status: status?,
        kind,
        owner,
        due,
        link,
    })
}
