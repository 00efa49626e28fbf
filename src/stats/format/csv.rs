//! One long CSV table (`section,key,component,measure,value`), one figure a row, for a
//! spreadsheet's pivot table. The README lists the sections and measures.

use crate::stats::{Figure, PeriodUptime, Stats};

/// The CSV report, with a header row; RFC 4180 quoting, CRLF line ends.
pub fn csv(stats: &Stats) -> String {
    let mut rows = Rows(String::new());
    rows.push(["section", "key", "component", "measure", "value"]);
    rows.push([
        "incidents",
        "",
        "",
        "incidents",
        &stats.incidents.to_string(),
    ]);
    rows.push(["incidents", "", "", "ongoing", &stats.ongoing.to_string()]);
    rows.push([
        "incidents",
        "",
        "",
        "skipped",
        &stats.skipped.count.to_string(),
    ]);
    for file in &stats.skipped.files {
        rows.push(["skipped", file, "", "lint_errors", "1"]);
    }
    let by = format!("by_{}", stats.counts.by.as_str());
    for row in &stats.counts.rows {
        rows.push([&by, &row.key, "", "incidents", &row.incidents.to_string()]);
    }
    let times = &stats.times;
    for (name, figure) in [
        ("time_to_detect", &times.detect),
        ("time_to_acknowledge", &times.acknowledge),
        ("time_to_mitigate", &times.mitigate),
        ("time_to_resolve", &times.resolve),
    ] {
        figure_rows(&mut rows, name, "", figure);
    }
    for component in &stats.uptime {
        for month in &component.months {
            uptime_rows(&mut rows, "uptime_month", &component.component, month);
        }
        for year in &component.years {
            uptime_rows(&mut rows, "uptime_year", &component.component, year);
        }
    }
    for month in &stats.monthly {
        let key = &month.month;
        rows.push([
            "monthly",
            key,
            "",
            "incidents",
            &month.incidents.to_string(),
        ]);
        figure_rows(
            &mut rows,
            "monthly_time_to_resolve",
            key,
            &month.time_to_resolve,
        );
        for component in &month.uptime {
            let uptime = &component.uptime;
            let percent = format!("{:.3}", uptime.uptime_percent);
            rows.push([
                "monthly",
                key,
                &component.component,
                "uptime_percent",
                &percent,
            ]);
        }
    }
    let actions = &stats.actions;
    rows.push(["actions", "", "", "total", &actions.total.to_string()]);
    rows.push(["actions", "", "", "open", &actions.open.to_string()]);
    rows.push([
        "actions",
        "",
        "",
        "overdue",
        &actions.overdue_count.to_string(),
    ]);
    for (section, counts) in [
        ("actions_by_status", &actions.by_status),
        ("actions_by_kind", &actions.by_kind),
    ] {
        for count in counts {
            rows.push([
                section,
                count.key,
                "",
                "actions",
                &count.actions.to_string(),
            ]);
        }
    }
    for action in &actions.overdue {
        let key = format!("{}#{}", action.incident, action.action);
        rows.push(["overdue_action", &key, "", "due", &action.due]);
        let days = action.days_overdue.to_string();
        rows.push(["overdue_action", &key, "", "days_overdue", &days]);
        rows.push(["overdue_action", &key, "", "status", action.status.as_str()]);
        let owner = action.owner.as_deref().unwrap_or("");
        rows.push(["overdue_action", &key, "", "owner", owner]);
        rows.push(["overdue_action", &key, "", "text", &action.text]);
    }
    rows.0
}

fn figure_rows(rows: &mut Rows, section: &str, key: &str, figure: &Figure) {
    rows.push([section, key, "", "counted", &figure.counted.to_string()]);
    rows.push([section, key, "", "of", &figure.of.to_string()]);
    for (measure, value) in [
        ("mean_seconds", figure.mean_seconds),
        ("median_seconds", figure.median_seconds),
        ("p90_seconds", figure.p90_seconds),
    ] {
        let value = value.map(|v| v.to_string()).unwrap_or_default();
        rows.push([section, key, "", measure, &value]);
    }
}

fn uptime_rows(rows: &mut Rows, section: &str, component: &str, period: &PeriodUptime) {
    let key = &period.period;
    let percent = format!("{:.3}", period.uptime_percent);
    rows.push([section, key, component, "uptime_percent", &percent]);
    let downtime = period.downtime_seconds.to_string();
    rows.push([section, key, component, "downtime_seconds", &downtime]);
    let window = period.window_seconds.to_string();
    rows.push([section, key, component, "window_seconds", &window]);
}

struct Rows(String);

impl Rows {
    fn push(&mut self, cells: [&str; 5]) {
        let cells: Vec<String> = cells.iter().map(|cell| field(cell)).collect();
        self.0.push_str(&cells.join(","));
        self.0.push_str("\r\n");
    }
}

/// One field: quoted when it holds a comma, quote or line end; a text a spreadsheet would
/// take for a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, numbers aside.
fn field(cell: &str) -> String {
    let formula =
        cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err();
    let cell = if formula {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-12"), "-12");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
