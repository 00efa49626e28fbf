//! The timeline table: its time column heading and one row per entry, with times in the
//! record's zone, dates shown only when they change, day-only and approximate entries marked.

use super::context::Context;
use super::overlay::Texts;
use super::view::TimelineRow;
use crate::model::Record;

pub(super) fn time_heading(record: &Record, ctx: &Context) -> String {
    let exact = record
        .timeline
        .iter()
        .find(|entry| !entry.at.value.is_day_only());
    match exact {
        Some(entry) => format!(
            "{} ({})",
            ctx.text("label-time"),
            ctx.zone_label(&entry.at.value)
        ),
        None => ctx.text("label-time"),
    }
}

pub(super) fn timeline(record: &Record, texts: &Texts, ctx: &Context) -> Vec<TimelineRow> {
    let heading_zone = record
        .timeline
        .iter()
        .find(|entry| !entry.at.value.is_day_only())
        .map(|entry| ctx.zone_label(&entry.at.value));
    let mut last_date = None;
    record
        .timeline
        .iter()
        .map(|entry| {
            let when = &entry.at.value;
            let time = if when.is_day_only() {
                last_date = Some(when.local_date);
                ctx.format(
                    "time-day-only",
                    &[("date", ctx.dates.date(when.local_date))],
                )
            } else {
                let local = ctx.local(when);
                let mut shown = if last_date == Some(local.date()) {
                    ctx.dates.time(local)
                } else {
                    ctx.dates.date_time(local)
                };
                last_date = Some(local.date());
                let zone = ctx.zone_label(when);
                if heading_zone.as_ref() != Some(&zone) {
                    shown = ctx.format("datetime-zoned", &[("datetime", shown), ("zone", zone)]);
                }
                if entry.approximate {
                    shown = ctx.format("time-approximate", &[("time", shown)]);
                }
                shown
            };
            TimelineRow {
                time,
                datetime: if when.is_day_only() {
                    when.local_date.to_string()
                } else {
                    when.utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                },
                text: texts.pick(&entry.text),
                status: entry
                    .status
                    .as_ref()
                    .map(|s| ctx.keyword("update", s.value)),
            }
        })
        .collect()
}
