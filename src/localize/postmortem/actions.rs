//! The follow-up actions table: each action's text, localized status, kind, owner and due date.

use super::context::Context;
use super::overlay::Texts;
use super::view::ActionRow;
use crate::model::{ActionStatus, Record};

pub(super) fn actions(record: &Record, texts: &Texts, ctx: &Context) -> Vec<ActionRow> {
    record
        .actions
        .iter()
        .map(|action| ActionRow {
            text: texts.pick(&action.text),
            status: action.status.value.as_str(),
            status_text: ctx.keyword("action", action.status.value),
            symbol: match action.status.value {
                ActionStatus::Done => "✓",
                ActionStatus::InProgress => "◐",
                ActionStatus::Todo => "○",
                ActionStatus::WontDo => "✕",
            },
            kind: action
                .kind
                .as_ref()
                .map(|k| ctx.keyword("kind", k.value))
                .unwrap_or_default(),
            owner: action
                .owner
                .as_ref()
                .map(|o| o.value.clone())
                .unwrap_or_default(),
            due: action
                .due
                .as_ref()
                .map(|d| ctx.dates.date(d.value))
                .unwrap_or_default(),
            link: action.link.as_ref().map(|l| l.value.clone()),
        })
        .collect()
}
