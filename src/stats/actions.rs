//! Follow-up actions: counted by status and kind, and the overdue ones listed (overdue as the
//! `overdue-action` rule means it: `Action::is_overdue`).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{ActionKind, ActionStatus, Record};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actions {
    pub total: usize,
    /// `todo` or `in_progress`.
    pub open: usize,
    pub overdue_count: usize,
    /// Every status, in the order todo, in_progress, done, wont_do.
    pub by_status: Vec<Count>,
    /// Every kind, then `unspecified` for actions without one.
    pub by_kind: Vec<Count>,
    /// Oldest due date first.
    pub overdue: Vec<Overdue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub key: &'static str,
    pub actions: usize,
}

/// An open action due before today (in the site's zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overdue {
    pub incident: String,
    /// The action's position in the record's `actions:` list, from 1.
    pub action: usize,
    pub text: String,
    pub owner: Option<String>,
    /// YYYY-MM-DD.
    pub due: String,
    pub status: ActionStatus,
    pub days_overdue: i64,
}

pub(crate) const UNSPECIFIED: &str = "unspecified";

/// The actions of `records` on `today`.
pub(crate) fn actions(records: &[&Record], today: NaiveDate) -> Actions {
    let all: Vec<(&Record, usize, &crate::model::Action)> = records
        .iter()
        .flat_map(|record| {
            let actions = record.actions.iter().enumerate();
            actions.map(move |(index, action)| (*record, index + 1, action))
        })
        .collect();
    let by_status = ActionStatus::ALL
        .iter()
        .map(|&status| Count {
            key: status.as_str(),
            actions: all
                .iter()
                .filter(|(_, _, a)| a.status.value == status)
                .count(),
        })
        .collect();
    let kinds = ActionKind::ALL.iter().map(|&kind| Some(kind)).chain([None]);
    let by_kind = kinds
        .map(|kind| Count {
            key: kind.map_or(UNSPECIFIED, ActionKind::as_str),
            actions: all
                .iter()
                .filter(|(_, _, a)| a.kind.as_ref().map(|k| k.value) == kind)
                .count(),
        })
        .collect();
    let mut overdue: Vec<Overdue> = all
        .iter()
        .filter(|(_, _, action)| action.is_overdue(today))
        .filter_map(|&(record, position, action)| {
            let due = action.due.as_ref()?.value;
            Some(Overdue {
                incident: record.id.clone(),
                action: position,
                text: action.text.value.trim().to_string(),
                owner: action.owner.as_ref().map(|o| o.value.trim().to_string()),
                due: due.to_string(),
                status: action.status.value,
                days_overdue: (today - due).num_days(),
            })
        })
        .collect();
    overdue.sort_by(|a, b| (&a.due, &a.incident).cmp(&(&b.due, &b.incident)));
    Actions {
        total: all.len(),
        open: all.iter().filter(|(_, _, a)| a.is_open()).count(),
        overdue_count: overdue.len(),
        by_status,
        by_kind,
        overdue,
    }
}
