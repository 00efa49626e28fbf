//! `overdue-action`: a follow-up action past its due date and not done.

use crate::check::cache::NowSpan;
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

/// Narrows `span` to the nows for which this rule's findings on the record stay the same:
/// an open action becomes overdue the day after it is due, and an overdue one's count of
/// days changes every day.
pub(crate) fn now_span(subject: &RecordCheck<'_>, span: &mut NowSpan) {
    if subject.record.is_draft() {
        return;
    }
    let (now, zone) = (subject.site.now, subject.site.config.timezone);
    let today = now.with_timezone(&zone).date_naive();
    let mut overdue = false;
    for action in subject.record.actions.iter().filter(|a| a.is_open()) {
        let Some(due) = &action.due else { continue };
        match due.value.succ_opt() {
            Some(after) => span.split_at_day(now, after, zone),
            None => continue,
        }
        overdue |= action.is_overdue(today);
    }
    if overdue {
        span.within_day(now, zone);
    }
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
