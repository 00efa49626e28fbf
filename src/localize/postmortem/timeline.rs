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
    let Some(entry) = exact else {
        return ctx.text("label-time");
    };
    let zone = ctx.zone_name(&entry.at.value);
    // A zone named in words says "time" itself: `北京时间`, not `时间（北京时间）`.
    if zone.words {
        return zone.text;
    }
    ctx.format(
        "label-time-zoned",
        &[("label", ctx.text("label-time")), ("zone", zone.text)],
    )
}

pub(super) fn timeline(record: &Record, texts: &Texts, ctx: &Context) -> Vec<TimelineRow> {
    let heading_zone = record
        .timeline
        .iter()
        .find(|entry| !entry.at.value.is_day_only())
        .map(|entry| ctx.zone_name(&entry.at.value));
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
                let mut shown = ctx.dates.time(local);
                // "around" qualifies the time, not the date: `July 5, 2020, around 19:00`.
                if entry.approximate {
                    shown = ctx.format("time-approximate", &[("time", shown)]);
                }
                if last_date != Some(local.date()) {
                    shown = ctx.join_date(local, shown);
                }
                last_date = Some(local.date());
                let zone = ctx.zone_name(when);
                if heading_zone.as_ref() != Some(&zone) {
                    shown = ctx.zoned(shown, zone);
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
