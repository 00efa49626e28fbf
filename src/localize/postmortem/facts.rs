//! The summary facts (incident time, duration, severity, affected components, status) and the
//! key figures (time to detect, acknowledge, mitigate, resolve).

use chrono::{DateTime, Utc};

use super::context::Context;
use super::view::Fact;
use crate::model::time::When;
use crate::model::{Milestone, Record, SiteConfig};

pub(super) fn facts(
    record: &Record,
    site: &SiteConfig,
    ctx: &Context,
    now: DateTime<Utc>,
) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut fact = |label: &str, value: String| {
        facts.push(Fact {
            label: ctx.text(label),
            value,
        })
    };
    let maintenance = record.is_maintenance();
    if let Some(time) = record_time(record, ctx) {
        let label = if maintenance {
            "label-window"
        } else {
            "label-incident-time"
        };
        fact(label, time);
    }
    if maintenance {
        // Its status depends on "now" and is the status stage's to say, not the record's.
        return affected(record, site, ctx, facts);
    }
    if let Some(duration) = duration(record, ctx, now) {
        fact("label-duration", duration);
    }
    if let Some(severity) = &record.severity {
        fact("label-severity", ctx.keyword("severity", severity.value));
    }
    let mut facts = affected(record, site, ctx, facts);
    facts.push(Fact {
        label: ctx.text("label-status"),
        value: status_word(record, ctx),
    });
    facts
}

/// `facts` and the affected components with their states.
fn affected(record: &Record, site: &SiteConfig, ctx: &Context, mut facts: Vec<Fact>) -> Vec<Fact> {
    if !record.affected.0.is_empty() {
        let items: Vec<String> = record
            .affected
            .0
            .iter()
            .map(|(id, status)| {
                let name = site
                    .component(&id.value)
                    .map_or(id.value.as_str(), |c| {
                        c.name.get(ctx.lang, site.default_lang())
                    })
                    .to_string();
                // A window's components are worked on, not in a state: a finished one
                // would otherwise read "in maintenance".
                if record.is_maintenance() {
                    return name;
                }
                ctx.format(
                    "affected-component",
                    &[
                        ("name", name),
                        ("status", ctx.inline_keyword("component", status.value)),
                    ],
                )
            })
            .collect();
        let label = match record.is_maintenance() {
            true => "label-affected-maintenance",
            false => "label-affected",
        };
        facts.push(Fact {
            label: ctx.text(label),
            value: items.join(&ctx.text("list-join")),
        });
    }
    facts
}

/// When the record happened: an incident's start to its resolution, a maintenance's window.
pub(super) fn record_time(record: &Record, ctx: &Context) -> Option<String> {
    if record.is_maintenance() {
        let (from, until) = (&record.scheduled_for, &record.scheduled_until);
        return Some(span(
            &from.as_ref()?.value,
            until.as_ref().map(|u| &u.value),
            ctx,
        ));
    }
    let started = &record.started.as_ref()?.value;
    match &record.resolved {
        Some(resolved) => Some(span(started, Some(&resolved.value), ctx)),
        // Still going: a period with its start only reads "from …", not as an instant.
        None => Some(ctx.format("time-range-open", &[("start", ctx.moment(started))])),
    }
}

/// `December 17, 2023, 03:56–04:15 UTC`; the end's date only when it differs.
fn span(started: &When, resolved: Option<&When>, ctx: &Context) -> String {
    let Some(resolved) = resolved else {
        return ctx.moment(started);
    };
    if started.is_day_only() || resolved.is_day_only() {
        if started.local_date == resolved.local_date {
            return ctx.moment(started);
        }
        return ctx.format(
            "time-range",
            &[
                ("start", ctx.moment(started)),
                ("end", ctx.moment(resolved)),
            ],
        );
    }
    let (start, end) = (ctx.local(started), ctx.local(resolved));
    let same_day = start.date() == end.date();
    let (start_zone, end_zone) = (ctx.zone_name(started), ctx.zone_name(resolved));
    if start_zone == end_zone {
        let range = if same_day {
            ctx.format(
                "time-range-day",
                &[
                    ("date", ctx.dates.date(start.date())),
                    ("start", ctx.dates.time(start)),
                    ("end", ctx.dates.time(end)),
                ],
            )
        } else {
            ctx.format(
                "time-range",
                &[
                    ("start", ctx.date_time(start)),
                    ("end", ctx.range_end(start, end)),
                ],
            )
        };
        return ctx.zoned(range, start_zone);
    }
    // Across a change of clocks (CEST to CET), each end names its own zone; the date is said
    // once when both fall on it.
    let end_text = if same_day {
        ctx.dates.time(end)
    } else {
        ctx.range_end(start, end)
    };
    ctx.format(
        "time-range",
        &[
            ("start", ctx.moment(started)),
            ("end", ctx.zoned(end_text, end_zone)),
        ],
    )
}

/// The computed duration where the times allow it, else the authors' statement.
pub(super) fn duration(record: &Record, ctx: &Context, now: DateTime<Utc>) -> Option<String> {
    if let Some(seconds) = record.computed_duration_seconds() {
        return Some(ctx.duration(seconds));
    }
    let started = &record.started.as_ref()?.value;
    if record.resolved.is_none() && !started.is_day_only() {
        let running = (now - started.utc).num_seconds();
        return Some(ctx.format("duration-ongoing", &[("duration", ctx.duration(running))]));
    }
    let claim = record.duration.as_ref()?.value;
    let stated = ctx.duration(claim.seconds.round() as i64);
    Some(if claim.approximate {
        ctx.format("duration-approximate", &[("duration", stated)])
    } else {
        stated
    })
}

fn status_word(record: &Record, ctx: &Context) -> String {
    if record.resolved.is_some() {
        return ctx.text("update-resolved");
    }
    match record.timeline.iter().rev().find_map(|e| e.status.as_ref()) {
        Some(status) => ctx.keyword("update", status.value),
        None => ctx.text("incident-ongoing"),
    }
}

/// Time to detect, acknowledge, mitigate and resolve, each measured from `started`.
pub(super) fn figures(record: &Record, ctx: &Context) -> Vec<Fact> {
    let Some(started) = record.started.as_ref().map(|s| &s.value) else {
        return Vec::new();
    };
    if started.is_day_only() {
        return Vec::new();
    }
    // A window broke nothing: its one figure is how long the work took.
    if record.is_maintenance() {
        let Some(done) = record.milestone(Milestone::Resolved).map(|r| &r.value) else {
            return Vec::new();
        };
        if done.is_day_only() {
            return Vec::new();
        }
        return vec![Fact {
            label: ctx.text("figure-maintenance-duration"),
            value: ctx.duration((done.utc - started.utc).num_seconds()),
        }];
    }
    [
        (Milestone::Detected, "figure-time-to-detect"),
        (Milestone::Acknowledged, "figure-time-to-acknowledge"),
        (Milestone::Mitigated, "figure-time-to-mitigate"),
        (Milestone::Resolved, "figure-time-to-resolve"),
    ]
    .into_iter()
    .filter_map(|(milestone, label)| {
        let at = &record.milestone(milestone)?.value;
        (!at.is_day_only()).then(|| Fact {
            label: ctx.text(label),
            value: ctx.duration((at.utc - started.utc).num_seconds()),
        })
    })
    .collect()
}
