//! The readable report: short sections of aligned tables, durations like `1 h 21 min`.

use std::fmt::Write as _;

use super::table::table;
use crate::stats::{Figure, Stats};

/// The report a person reads in a terminal.
pub fn human(stats: &Stats) -> String {
    let mut out = String::new();
    let range = match (&stats.since, &stats.until) {
        (None, None) => String::new(),
        (since, until) => format!(
            ", started {} to {}",
            since.as_deref().unwrap_or("the first"),
            until.as_deref().unwrap_or("now")
        ),
    };
    let _ = writeln!(
        out,
        "{} published incident{} ({} ongoing){range}; times in {}, now {}",
        stats.incidents,
        plural(stats.incidents),
        stats.ongoing,
        stats.timezone,
        stats.now
    );
    if stats.skipped.count > 0 {
        let _ = writeln!(
            out,
            "skipped {} record{} with lint errors: {}",
            stats.skipped.count,
            plural(stats.skipped.count),
            stats.skipped.files.join(", ")
        );
    }

    let group = stats.counts.by.as_str();
    let _ = writeln!(out, "\nIncidents by {group}");
    let rows: Vec<Vec<String>> = stats
        .counts
        .rows
        .iter()
        .map(|row| {
            let key = match &row.name {
                Some(name) if *name != row.key => format!("{name} ({})", row.key),
                _ => row.key.clone(),
            };
            vec![key, row.incidents.to_string()]
        })
        .collect();
    out.push_str(&table(&[group, "incidents"], &rows, &[false, true]));

    out.push_str("\nTimes from `started`\n");
    let times = &stats.times;
    let rows: Vec<Vec<String>> = [
        ("time to detect", &times.detect),
        ("time to acknowledge", &times.acknowledge),
        ("time to mitigate", &times.mitigate),
        ("time to resolve", &times.resolve),
    ]
    .iter()
    .map(|(name, figure)| figure_row(name, figure))
    .collect();
    out.push_str(&table(
        &["", "incidents", "mean", "median", "90th percentile"],
        &rows,
        &[false, true, true, true, true],
    ));

    uptime(stats, &mut out);
    monthly(stats, &mut out);
    actions(stats, &mut out);
    // Owners, actions and group names come from records and the config; CI logs show this.
    crate::report::inert(&out)
}

fn figure_row(name: &str, figure: &Figure) -> Vec<String> {
    let show = |value: Option<i64>| value.map_or_else(|| "-".to_string(), duration);
    vec![
        name.to_string(),
        format!("{} of {}", figure.counted, figure.of),
        show(figure.mean_seconds),
        show(figure.median_seconds),
        show(figure.p90_seconds),
    ]
}

fn uptime(stats: &Stats, out: &mut String) {
    let Some(first) = stats.uptime.first() else {
        return;
    };
    let names: Vec<String> = stats.uptime.iter().map(|c| c.name.clone()).collect();
    let mut header: Vec<&str> = vec![""];
    header.extend(names.iter().map(String::as_str));
    let right: Vec<bool> = header.iter().enumerate().map(|(i, _)| i > 0).collect();
    let row = |label: &str, cells: Vec<String>| {
        let mut row = vec![label.to_string()];
        row.extend(cells);
        row
    };
    out.push_str("\nUptime by year\n");
    let rows: Vec<Vec<String>> = (0..first.years.len())
        .map(|index| {
            let cells = stats
                .uptime
                .iter()
                .map(|c| format!("{:.3}%", c.years[index].uptime_percent))
                .collect();
            row(&first.years[index].period, cells)
        })
        .collect();
    out.push_str(&table(&header, &rows, &right));

    let down: Vec<usize> = (0..first.months.len())
        .filter(|&index| {
            stats
                .uptime
                .iter()
                .any(|c| c.months[index].downtime_seconds > 0)
        })
        .collect();
    out.push_str("\nUptime by month, months with downtime (every other month: 100.000%)\n");
    let rows: Vec<Vec<String>> = down
        .iter()
        .map(|&index| {
            let cells = stats
                .uptime
                .iter()
                .map(|c| {
                    let month = &c.months[index];
                    format!(
                        "{:.3}% ({})",
                        month.uptime_percent,
                        duration(month.downtime_seconds)
                    )
                })
                .collect();
            row(&first.months[index].period, cells)
        })
        .collect();
    out.push_str(&table(&header, &rows, &right));
}

fn monthly(stats: &Stats, out: &mut String) {
    out.push_str("\nLast 12 months\n");
    let rows: Vec<Vec<String>> = stats
        .monthly
        .iter()
        .map(|month| {
            let resolve = &month.time_to_resolve;
            vec![
                month.month.clone(),
                month.incidents.to_string(),
                resolve
                    .mean_seconds
                    .map_or_else(|| "-".to_string(), duration),
                format!("{} of {}", resolve.counted, resolve.of),
            ]
        })
        .collect();
    out.push_str(&table(
        &["month", "incidents", "mean time to resolve", "resolved"],
        &rows,
        &[false, true, true, true],
    ));
}

fn actions(stats: &Stats, out: &mut String) {
    let actions = &stats.actions;
    let _ = writeln!(
        out,
        "\nActions: {} ({} open, {} overdue)",
        actions.total, actions.open, actions.overdue_count
    );
    let list = |counts: &[crate::stats::Count]| {
        counts
            .iter()
            .map(|c| format!("{} {}", c.key, c.actions))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "  by status: {}", list(&actions.by_status));
    let _ = writeln!(out, "  by kind: {}", list(&actions.by_kind));
    if actions.overdue.is_empty() {
        return;
    }
    out.push_str("\nOverdue actions\n");
    let rows: Vec<Vec<String>> = actions
        .overdue
        .iter()
        .map(|a| {
            vec![
                a.due.clone(),
                format!("{} d", a.days_overdue),
                a.incident.clone(),
                a.owner.as_deref().map_or_else(|| "-".to_string(), one_line),
                a.status.as_str().to_string(),
                one_line(&a.text),
            ]
        })
        .collect();
    out.push_str(&table(
        &["due", "overdue", "incident", "owner", "status", "action"],
        &rows,
        &[false, true, false, false, false, false],
    ));
}

/// A text on one line, control characters shown as spaces (a terminal report).
fn one_line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// `1 h 21 min`: every unit that is not zero, days to seconds; `0 s` for nothing.
pub(crate) fn duration(seconds: i64) -> String {
    if seconds == 0 {
        return "0 s".to_string();
    }
    let sign = if seconds < 0 { "-" } else { "" };
    let mut rest = seconds.unsigned_abs();
    let mut parts = Vec::new();
    for (size, unit) in [(86_400, "d"), (3_600, "h"), (60, "min"), (1, "s")] {
        if rest >= size {
            parts.push(format!("{} {unit}", rest / size));
            rest %= size;
        }
    }
    format!("{sign}{}", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_name_every_unit_that_is_not_zero() {
        assert_eq!(duration(4_860), "1 h 21 min");
        assert_eq!(duration(90_061), "1 d 1 h 1 min 1 s");
        assert_eq!(duration(300), "5 min");
        assert_eq!(duration(0), "0 s");
        assert_eq!(duration(-45), "-45 s");
    }

    #[test]
    fn a_text_prints_on_one_line() {
        assert_eq!(one_line("a\n b\u{1b}[31m"), "a b [31m");
    }
}
