//! `maintenance-window`: a maintenance window that cannot be shown, or maintenance fields on an incident.

use super::{is_before, show};
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::{Record, Spanned};

declare_rule! {
    /// A maintenance window ends before (or the instant) it starts, a published maintenance
    /// has no window, or an incident carries maintenance fields.
    ///
    /// A record with `kind: maintenance` announces planned work for the window from
    /// `scheduled_for` to `scheduled_until`; the status site, API and calendars show it by
    /// that window, so a published maintenance needs both ends, in order. The maintenance
    /// fields (`scheduled_for`, `scheduled_until`, `auto_complete`, `cancelled`) mean
    /// nothing on an incident (the default kind): most likely `kind: maintenance` was
    /// forgotten, and without it the planned work would be published as an incident.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// kind: maintenance
    /// status: published
    /// scheduled_for: 2024-03-05 22:00
    /// scheduled_until: 2024-03-05 21:30   # 23:30 was meant
    /// ```
    ///
    /// ## Fix
    ///
    /// Give the window its start and end, the end after the start. On an incident, add
    /// `kind: maintenance` if the record describes planned work, or remove the maintenance
    /// fields.
    pub MAINTENANCE_WINDOW = MaintenanceWindow, Error, Scope::Record(check)
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    if subject.record.is_maintenance() {
        findings = window_order(subject);
    }
    findings.extend(shape(subject.record, subject.text));
    findings
}

/// The findings about which fields the record has, which the record schema states too
/// (`schema::agreement` holds the two to each other): a published maintenance without an
/// end of its window, maintenance fields on an incident.
pub(crate) fn shape(record: &Record, text: &str) -> Vec<Finding> {
    if record.is_maintenance() {
        missing_window(record, text)
    } else {
        incident(record)
    }
}

fn window_order(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let zone = record.zone(subject.site.config.timezone);
    let mut findings = Vec::new();
    if let (Some(from), Some(until)) = (&record.scheduled_for, &record.scheduled_until) {
        // A day-only end lasts the whole day, so only two exact instants can make no window.
        let empty = !from.value.is_day_only()
            && !until.value.is_day_only()
            && from.value.utc == until.value.utc;
        if empty || is_before(&until.value, &from.value) {
            let relation = if empty { "the instant" } else { "before" };
            findings.push(
                Finding::new(
                    MAINTENANCE_WINDOW.id,
                    until.span,
                    format!(
                        "the window ends at {}, {relation} it starts at {}",
                        show(&until.value, zone),
                        show(&from.value, zone)
                    ),
                )
                .help("check the date and time of `scheduled_until`: the window must end after `scheduled_for`"),
            );
        }
    }
    findings
}

fn missing_window(record: &Record, text: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(kind) = &record.kind else {
        return findings;
    };
    if record.is_published() {
        for (field, value) in [
            ("scheduled_for", &record.scheduled_for),
            ("scheduled_until", &record.scheduled_until),
        ] {
            // A value that could not be read is an `invalid-time` already: not missing.
            if value.is_none() && !written(text, field) {
                findings.push(
                    Finding::new(
                        MAINTENANCE_WINDOW.id,
                        kind.span,
                        format!("this published maintenance has no `{field}`"),
                    )
                    .help(window_help(field)),
                );
            }
        }
    }
    findings
}

/// Whether the record gives `field` a value at its top level, readable or not (a value that
/// cannot be read is `invalid-time`'s); empty, `~` or `null` is no value, as the loader reads
/// it. Parsed again only here, for a published maintenance that lacks an end of its window.
fn written(text: &str, field: &str) -> bool {
    use crate::load::yaml::{self, Value};
    let Ok(Some(document)) = yaml::parse(text, &yaml::Limits::default()) else {
        return false;
    };
    let Value::Map(entries) = &document.value else {
        return false;
    };
    entries
        .iter()
        .any(|(key, value)| key.as_str() == Some(field) && !matches!(value.value, Value::Null))
}

fn window_help(field: &str) -> &'static str {
    if field == "scheduled_for" {
        "add `scheduled_for:` with when the planned work begins"
    } else {
        "add `scheduled_until:` with when the planned work will be over"
    }
}

fn incident(record: &Record) -> Vec<Finding> {
    let times = [
        ("scheduled_for", &record.scheduled_for),
        ("scheduled_until", &record.scheduled_until),
    ]
    .into_iter()
    .filter_map(|(field, value)| value.as_ref().map(|v| (field, v.span)));
    let flags = [
        ("auto_complete", &record.auto_complete),
        ("cancelled", &record.cancelled),
    ]
    .into_iter()
    .filter_map(|(field, value): (&str, &Option<Spanned<bool>>)| {
        value.as_ref().map(|v| (field, v.span))
    });
    times
        .chain(flags)
        .map(|(field, span)| {
            let help = if field == "cancelled" {
                "only a maintenance window is called off: add `kind: maintenance` if this is planned work; an incident that did not happen is deleted or kept as a draft".to_string()
            } else {
                format!("add `kind: maintenance` if this record announces planned work, or remove `{field}`")
            };
            Finding::new(
                MAINTENANCE_WINDOW.id,
                span,
                format!("`{field}` is a maintenance field, but this record is an incident"),
            )
            .help(help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(yaml: &str) -> Vec<String> {
        let context = crate::load::record::RecordContext::default();
        let record = crate::load::record::parse("2024-03-05-db", yaml, &context)
            .0
            .unwrap();
        shape(&record, yaml)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    const HEAD: &str = "title: Database upgrade\nlang: en\nkind: maintenance\nstatus: published\n";

    #[test]
    fn a_window_named_only_in_a_text_or_left_empty_is_missing() {
        let yaml = format!(
            "{HEAD}summary: The work moves `scheduled_for` and `scheduled_until` later.\nscheduled_for:\n"
        );
        assert_eq!(
            missing(&yaml),
            [
                "this published maintenance has no `scheduled_for`",
                "this published maintenance has no `scheduled_until`"
            ]
        );
    }

    #[test]
    fn an_unreadable_window_is_not_also_missing() {
        let yaml = format!("{HEAD}scheduled_for: tomorrow\nscheduled_until: 2024-03-05 23:30\n");
        assert!(missing(&yaml).is_empty());
        let below =
            format!("{HEAD}scheduled_for:\n  tomorrow\nscheduled_until: 2024-03-05 23:30\n");
        assert!(missing(&below).is_empty());
    }

    #[test]
    fn a_window_end_written_as_null_is_missing() {
        for null in ["~", "null", "Null"] {
            let yaml = format!("{HEAD}scheduled_for: {null}\nscheduled_until: 2024-03-05 23:30\n");
            assert_eq!(
                missing(&yaml),
                ["this published maintenance has no `scheduled_for`"],
                "{null}"
            );
        }
    }
}
