//! The metrics page in one language: the 12-month series of [`crate::stats::Stats`] (the very
//! value `hindsight stats --format json` prints) as localized table rows and bar charts.

use chrono::NaiveDate;
use serde::Serialize;

use super::postmortem::Context;
use crate::stats::{Month, Stats};

/// What the metrics page shows.
#[derive(Debug, Clone, Serialize)]
pub struct MetricsView {
    /// The 12 months, newest first (a narrow screen shows the recent ones first).
    pub months: Vec<MonthRow>,
    /// Localized: the first and the last month, under the charts.
    pub first: String,
    pub last: String,
    /// Incidents per month, one bar a month.
    pub incidents_chart: Chart,
    /// Mean time to resolve per month, one bar a month (none for a month without any).
    pub resolve_chart: Chart,
    /// Per configured component: its uptime in each of the months, newest first.
    pub uptime: Vec<UptimeRow>,
    /// Follow-up actions still to do (`todo` or `in_progress`), and those past their due date.
    pub actions_open: usize,
    pub actions_overdue: usize,
    /// Localized: `2 open`, `1 overdue`.
    pub actions_open_text: String,
    pub actions_overdue_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthRow {
    /// `2026-11`: the key `stats` uses, for `data-month`.
    pub key: String,
    /// Localized: `November 2026`.
    pub label: String,
    pub incidents: usize,
    /// Mean time to resolve in seconds, when any incident of the month was resolved.
    pub resolve_seconds: Option<i64>,
    /// Localized: `1 h 21 min`, or empty.
    pub resolve: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UptimeRow {
    pub name: String,
    pub months: Vec<UptimeCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UptimeCell {
    /// As `stats` gives it (three decimals, cut), for `data-percent`.
    pub percent: f64,
    /// Localized, two decimals, cut: `99.97`.
    pub text: String,
    /// `up` (no downtime), `down-low` (at least 99.9%), `down-high`.
    pub class: &'static str,
}

/// A bar chart in a 240 × 100 box: bars' geometry, the largest value's label.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub bars: Vec<Bar>,
    /// Localized: `max. 3`, what the top of the box stands for; empty without any bar.
    pub max: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub x: u32,
    pub height: f64,
    pub y: f64,
    /// The month and its value, the bar's tooltip.
    pub tip: String,
}

const CHART_HEIGHT: f64 = 100.0;
const BAR_STEP: u32 = 20;

pub(crate) fn metrics(stats: &Stats, ctx: &Context, names: &[String]) -> MetricsView {
    // Oldest first for the charts, which read left to right.
    let months: Vec<MonthRow> = stats.monthly.iter().map(|month| row(month, ctx)).collect();
    let incidents_chart = chart(
        months.iter().map(|m| (m, Some(m.incidents as f64))),
        |value| (value as usize).to_string(),
        ctx,
    );
    let resolve_chart = chart(
        months
            .iter()
            .map(|m| (m, m.resolve_seconds.map(|s| s as f64))),
        |value| ctx.duration(value as i64),
        ctx,
    );
    let uptime = names
        .iter()
        .enumerate()
        .map(|(index, name)| UptimeRow {
            name: name.clone(),
            months: stats
                .monthly
                .iter()
                .rev()
                .filter_map(|month| month.uptime.get(index))
                .map(|cell| {
                    let percent = cell.uptime.uptime_percent;
                    UptimeCell {
                        percent,
                        text: ctx.dates().percent(percent),
                        class: match percent {
                            p if p >= 100.0 => "up",
                            p if p >= 99.9 => "down-low",
                            _ => "down-high",
                        },
                    }
                })
                .collect(),
        })
        .collect();
    let count = |id: &str, n: usize| ctx.format(id, &[("count", n.to_string())]);
    let label = |row: Option<&MonthRow>| row.map(|m| m.label.clone()).unwrap_or_default();
    MetricsView {
        first: label(months.first()),
        last: label(months.last()),
        months: months.into_iter().rev().collect(),
        incidents_chart,
        resolve_chart,
        uptime,
        actions_open: stats.actions.open,
        actions_overdue: stats.actions.overdue_count,
        actions_open_text: count("metrics-actions-open", stats.actions.open),
        actions_overdue_text: count("metrics-actions-overdue", stats.actions.overdue_count),
    }
}

fn row(month: &Month, ctx: &Context) -> MonthRow {
    let first = NaiveDate::parse_from_str(&format!("{}-01", month.month), "%Y-%m-%d");
    let resolve_seconds = month.time_to_resolve.mean_seconds;
    MonthRow {
        key: month.month.clone(),
        label: first.map_or_else(|_| month.month.clone(), |d| ctx.dates().month(d)),
        incidents: month.incidents,
        resolve_seconds,
        resolve: resolve_seconds.map(|s| ctx.duration(s)).unwrap_or_default(),
    }
}

/// Bars scaled to the largest value; a month without a value has no bar.
fn chart<'m>(
    values: impl Iterator<Item = (&'m MonthRow, Option<f64>)>,
    show: impl Fn(f64) -> String,
    ctx: &Context,
) -> Chart {
    let values: Vec<(&MonthRow, Option<f64>)> = values.collect();
    let max = values
        .iter()
        .filter_map(|(_, v)| *v)
        .fold(0.0_f64, f64::max);
    if max <= 0.0 {
        // Nothing to draw: the page says there is no data instead of a row of flat bars.
        return Chart {
            bars: Vec::new(),
            max: String::new(),
        };
    }
    let bars: Vec<Bar> = values
        .iter()
        .enumerate()
        .filter_map(|(index, (month, value))| {
            let value = (*value)?;
            let height = if max > 0.0 {
                (value / max * CHART_HEIGHT).max(if value > 0.0 { 1.0 } else { 0.0 })
            } else {
                0.0
            };
            Some(Bar {
                x: index as u32 * BAR_STEP,
                height,
                y: CHART_HEIGHT - height,
                tip: ctx.format(
                    "metrics-bar",
                    &[("month", month.label.clone()), ("value", show(value))],
                ),
            })
        })
        .collect();
    let max = if bars.is_empty() {
        String::new()
    } else {
        ctx.format("metrics-max", &[("value", show(max))])
    };
    Chart { bars, max }
}
