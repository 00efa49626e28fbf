//! `overdue-action`: a follow-up action past its due date and not done.

use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;

declare_rule! {
    /// A follow-up action is past its `due` date and is neither done nor dropped.
    ///
    /// Actions are the part of a postmortem that prevents the next incident, and the part
    /// most often forgotten once the incident is over. An action whose due date has passed
    /// while its status is still `todo` or `in_progress` is reported, so that CI keeps
    /// reminding the owner. "Today" is taken in the site's time zone, from the clock or from
    /// `SOURCE_DATE_EPOCH`. Drafts are not checked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// actions:
    ///   - text: Add a dry-run mode to the retention workflow.
    ///     status: todo
    ///     due: 2024-01-15          # passed
    /// ```
    ///
    /// ## Fix
    ///
    /// Do the action and set `status: done`; or move `due` to a new date; or, if it will not
    /// be done, set `status: wont_do` and say why in the text.
    pub OVERDUE_ACTION = OverdueAction, Warning, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    if subject.record.is_draft() {
        return Vec::new();
    }
    let today = subject
        .site
        .now
        .with_timezone(&subject.site.config.timezone)
        .date_naive();
    subject
        .record
        .actions
        .iter()
        .filter(|action| action.is_overdue(today))
        .filter_map(|action| {
            let due = action.due.as_ref()?;
            let days = (today - due.value).num_days();
            let owner = action
                .owner
                .as_ref()
                .map_or(String::new(), |o| format!(" (owner: {})", o.value));
            Some(
                Finding::new(
                    OVERDUE_ACTION.id,
                    due.span,
                    format!(
                        "action \"{}\" is {} and was due on {}, {days} day{} ago{owner}",
                        action.text.value.trim(),
                        action.status.value,
                        due.value,
                        if days == 1 { "" } else { "s" }
                    ),
                )
                .help("set `status: done` when it is done, move `due`, or set `status: wont_do`"),
            )
        })
        .collect()
}
