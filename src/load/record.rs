//! Incident record text -> `Record`, with a finding for every problem in it.

use std::sync::LazyLock;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::fields::{Map, Reader};
use super::yaml::{Limits, Node};
use crate::diagnostic::{Finding, Span};
use crate::model::RuleId;
use crate::model::duration;
use crate::model::time::{self, ACCEPTED_FORMS, When};
use crate::model::{
    Affected, Milestone, OverlayList, Record, RecordKind, Spanned, TextField, TimelineEntry,
};

/// Every field a record may have, in the order `known fields:` lists them: built once from
/// the typed lists, so a new text field or milestone is known without being spelled here.
pub(crate) static RECORD_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut fields = vec![
        TextField::Title.key(),
        "lang",
        "status",
        "kind",
        "severity",
        "affected",
        "timezone",
        "scheduled_for",
        "scheduled_until",
        "auto_complete",
        "cancelled",
    ];
    fields.extend(Milestone::ALL.iter().map(|milestone| milestone.as_str()));
    fields.push("duration");
    fields.extend(TextField::prose().map(TextField::key));
    fields.extend(OverlayList::ALL.iter().map(|list| list.name()));
    fields.push("authors");
    fields.push(TextField::Internal.key());
    fields
});
const ENTRY_FIELDS: &[&str] = &["at", "approximate", "text", "marks", "status"];

/// What a record's text means in context: the zone its local times are read in by default.
#[derive(Debug, Clone, Copy)]
pub struct RecordContext {
    pub default_zone: Tz,
    pub limits: Limits,
}

impl Default for RecordContext {
    fn default() -> Self {
        RecordContext {
            default_zone: Tz::UTC,
            limits: Limits::default(),
        }
    }
}

/// Parses a record. The record is `None` when its required fields could not be read;
/// the findings say why, and list every other problem too.
pub fn parse(id: &str, text: &str, context: &RecordContext) -> (Option<Record>, Vec<Finding>) {
    let mut reader = Reader::default();
    check_id(id, &mut reader);
    let empty =
        "start from `hindsight new \"Title\"`, or give at least `title`, `lang` and `status`";
    let Some(root) = reader.document(text, &context.limits, "record", empty) else {
        return (None, reader.findings);
    };
    let record = read_record(id, &root, context, &mut reader);
    (record, reader.findings)
}

/// A valid id is lowercase ASCII letters, digits and `-`, and starts with a date.
pub(crate) fn check_id(id: &str, reader: &mut Reader) {
    let charset_ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let date_ok = id
        .get(..10)
        .is_some_and(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
        && (id.len() == 10 || id.as_bytes()[10] == b'-');
    if !(charset_ok && date_ok) {
        reader.push(
            Finding::new(RuleId::InvalidValue, Span::file_start(), format!("`{id}` is not a valid incident id"))
                .help("name the file `YYYY-MM-DD-some-words.yaml`: lowercase ASCII letters, digits and `-`, starting with the date"),
        );
    }
}

fn read_record(
    id: &str,
    root: &Node,
    context: &RecordContext,
    reader: &mut Reader,
) -> Option<Record> {
    let map = reader.mapping(root, "the record", &RECORD_FIELDS)?;
    let draft_help = "required unless `status: draft`";

    let title = reader
        .required(
            &map,
            TextField::Title.key(),
            "the record",
            "add `title: …`, one line naming what broke",
        )
        .and_then(|node| reader.text(node, TextField::Title.key()));
    let lang = reader
        .required(
            &map,
            "lang",
            "the record",
            "add `lang: en` (or de, ja, zh): the language of this file's text",
        )
        .and_then(|node| reader.keyword(node, "lang"));
    let status = reader
        .required(
            &map,
            "status",
            "the record",
            "add `status: draft`, `review` or `published`",
        )
        .and_then(|node| reader.keyword(node, "status"));
    let is_draft = status
        .as_ref()
        .is_some_and(|s| s.value == crate::model::RecordStatus::Draft);
    let kind = reader.optional_keyword::<RecordKind>(&map, "kind");
    // Maintenance is announced before it starts, and its impact is the maintenance itself;
    // of a kind that could not be read, it is unknown which fields it needs.
    let incident = match &kind {
        Some(kind) => kind.value == RecordKind::Incident,
        None => map.get("kind").is_none(),
    };
    let needs_facts = !is_draft && incident;

    let severity = if !needs_facts {
        reader.optional_keyword(&map, "severity")
    } else {
        reader
            .required(&map, "severity", "the record", draft_help)
            .and_then(|node| reader.keyword(node, "severity"))
    };
    let timezone = map.get("timezone").and_then(|node| {
        let text = reader.text(node, "timezone")?;
        match text.value.parse::<Tz>() {
            Ok(zone) => Some(Spanned::new(zone, text.span)),
            Err(_) => {
                reader.push(
                    Finding::new(RuleId::InvalidTime, text.span, format!("`{}` is not an IANA time zone", text.value))
                        .help("use a name like `UTC`, `Europe/London`, `Asia/Tokyo` or `America/New_York`"),
                );
                None
            }
        }
    });
    let zone = timezone.as_ref().map_or(context.default_zone, |z| z.value);

    let scheduled_for = map
        .get("scheduled_for")
        .and_then(|node| read_time(reader, node, "scheduled_for", zone, None));
    let window_base = scheduled_for.as_ref().map(|s| s.value.local_date);
    let scheduled_until = map
        .get("scheduled_until")
        .and_then(|node| read_time(reader, node, "scheduled_until", zone, window_base));
    let auto_complete = spanned_boolean(reader, &map, "auto_complete");
    let cancelled = spanned_boolean(reader, &map, "cancelled");

    let started_node = if !needs_facts {
        map.get("started")
    } else {
        reader.required(&map, "started", "the record", draft_help)
    };
    let started = started_node.and_then(|node| read_time(reader, node, "started", zone, None));
    let base = started.as_ref().map(|s| s.value.local_date);
    let mut milestone = |name: &str| {
        map.get(name)
            .and_then(|node| read_time(reader, node, name, zone, base))
    };
    let detected = milestone("detected");
    let acknowledged = milestone("acknowledged");
    let mitigated = milestone("mitigated");
    let resolved = milestone("resolved");

    let duration = map.get("duration").and_then(|node| {
        let text = reader.text(node, "duration")?;
        match duration::parse(&text.value) {
            Ok(claim) => Some(Spanned::new(claim, text.span)),
            Err(message) => {
                reader.push(Finding::new(RuleId::InvalidValue, text.span, message));
                None
            }
        }
    });

    let affected = read_affected(reader, &map);
    let timeline = read_timeline(reader, &map, zone, base);
    let lessons = reader
        .list(&map, OverlayList::Lessons.name())
        .iter()
        .filter_map(|node| reader.text(node, OverlayList::Lessons.name()))
        .collect();
    let actions = reader
        .list(&map, OverlayList::Actions.name())
        .iter()
        .filter_map(|node| read_action(reader, node))
        .collect();
    let authors = reader
        .list(&map, "authors")
        .iter()
        .filter_map(|node| reader.text(node, "authors"))
        .collect();

    // Which rules apply depends on the kind: a record of an unreadable kind is not checked.
    if kind.is_none() && map.get("kind").is_some() {
        return None;
    }
    let mut text = |field: TextField| reader.optional_text(&map, field.key());
    Some(Record {
        id: id.to_string(),
        title: title?,
        lang: lang?,
        status: status?,
        kind,
        severity,
        affected,
        timezone,
        scheduled_for,
        scheduled_until,
        auto_complete,
        cancelled,
        started,
        detected,
        acknowledged,
        mitigated,
        resolved,
        duration,
        summary: text(TextField::Summary),
        impact: text(TextField::Impact),
        what_happened: text(TextField::WhatHappened),
        root_cause: text(TextField::RootCause),
        trigger: text(TextField::Trigger),
        detection: text(TextField::Detection),
        resolution: text(TextField::Resolution),
        timeline,
        lessons,
        actions,
        authors,
        internal: text(TextField::Internal),
    })
}

/// A `true`/`false` field, with where it is written: the lint rules point at it.
fn spanned_boolean(reader: &mut Reader, map: &Map<'_>, field: &str) -> Option<Spanned<bool>> {
    let node = map.get(field)?;
    let value = reader.boolean(map, field);
    // `boolean` reports anything but a boolean; such a value is as good as absent.
    node.as_str()
        .and_then(super::fields::boolean_word)
        .map(|_| Spanned::new(value, node.span))
}

fn read_time(
    reader: &mut Reader,
    node: &Node,
    field: &str,
    zone: Tz,
    base: Option<NaiveDate>,
) -> Option<Spanned<When>> {
    let text = reader.text(node, field)?;
    let resolved = time::parse(&text.value).and_then(|written| time::resolve(written, zone, base));
    match resolved {
        Ok(when) => Some(Spanned::new(when, text.span)),
        Err(message) => {
            reader.push(
                Finding::new(
                    RuleId::InvalidTime,
                    text.span,
                    format!("`{field}`: {message}"),
                )
                .help(ACCEPTED_FORMS),
            );
            None
        }
    }
}

fn read_affected(reader: &mut Reader, map: &Map<'_>) -> Affected {
    let Some(node) = map.get("affected") else {
        return Affected::default();
    };
    let super::yaml::Value::Map(entries) = &node.value else {
        reader.push(
            Finding::new(
                RuleId::InvalidValue,
                node.span,
                format!(
                    "`affected` must map component ids to statuses, found {}",
                    node.kind_name()
                ),
            )
            .help("write one `component-id: major_outage` line per component"),
        );
        return Affected::default();
    };
    let mut pairs: Vec<(Spanned<String>, Spanned<_>)> = Vec::new();
    for (key, value) in entries {
        let Some(id) = reader.text(key, "affected") else {
            continue;
        };
        // Not "must be text": a component's state is one word of a list.
        if !matches!(value.value, super::yaml::Value::Scalar { .. }) {
            let names = <crate::model::ComponentStatus as crate::model::Keyword>::NAMES.join(", ");
            reader.push(
                Finding::new(
                    RuleId::InvalidValue,
                    value.span,
                    format!(
                        "component `{}` under `affected` has no state, found {}",
                        id.value,
                        value.kind_name()
                    ),
                )
                .help(format!(
                    "write the worst state it reached after the colon: one of {names}"
                )),
            );
            continue;
        }
        let Some(status) = reader.keyword(value, "affected") else {
            continue;
        };
        if let Some((first, _)) = pairs.iter().find(|(seen, _)| seen.value == id.value) {
            let message = format!(
                "component `{}` is listed twice in `affected` (first on line {})",
                id.value, first.span.start.line
            );
            reader.push(
                Finding::new(RuleId::InvalidValue, id.span, message)
                    .help("list each component once, with the worst state it reached"),
            );
            continue;
        }
        pairs.push((id, status));
    }
    Affected(pairs)
}

fn read_timeline(
    reader: &mut Reader,
    map: &Map<'_>,
    zone: Tz,
    mut base: Option<NaiveDate>,
) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    for node in reader.list(map, OverlayList::Timeline.name()) {
        let Some(entry) = reader.mapping(node, "a timeline entry", ENTRY_FIELDS) else {
            continue;
        };
        let at = reader
            .required(
                &entry,
                "at",
                "the timeline entry",
                "add `at:` with the time, date or time of day it happened",
            )
            .and_then(|node| read_time(reader, node, "at", zone, base));
        let text = reader
            .required(
                &entry,
                "text",
                "the timeline entry",
                "add `text:` saying what happened",
            )
            .and_then(|node| reader.text(node, "text"));
        let approximate = reader.boolean(&entry, "approximate");
        let marks = reader.optional_keyword::<Milestone>(&entry, "marks");
        let status = reader.optional_keyword(&entry, "status");
        if let Some(at) = &at {
            base = Some(at.value.local_date);
        }
        if let (Some(at), Some(text)) = (at, text) {
            entries.push(TimelineEntry {
                at,
                approximate,
                text,
                marks,
                status,
            });
        }
    }
    entries
}

mod action;
use action::read_action;

#[cfg(test)]
mod tests;
