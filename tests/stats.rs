//! `hindsight stats` end to end on tests/fixtures/stats, whose figures are worked out by
//! hand (the records' comments): at "now" 2026-11-22T12:00Z, five published incidents count
//! (one ongoing, one known only to the day), a record with a lint error is skipped, a draft
//! is left out.
//!
//! Times from `started` (seconds):
//! - detect: api-down 300, api-slow 600, db-partial 1,200, web-ongoing 1,800 (day-only left
//!   out): 4 of 5, mean 975, median (600 + 1,200) / 2 = 900, p90 rank ⌈0.9 × 4⌉ = 4: 1,800.
//! - acknowledge: 900, 1,800: 2 of 5, mean and median 1,350, p90 rank 2: 1,800.
//! - mitigate: 2,700: 1 of 5.
//! - resolve: 3,600, 4,860, 7,200 (ongoing and day-only left out): 3 of 5, mean 5,220,
//!   median 4,860, p90 rank ⌈2.7⌉ = 3: 7,200.
//!
//! Uptime (UTC): api major outages 10:00-11:21 and 11:00-12:00 on 2026-09-10 merge into 2 h
//! = 7,200 s of a 30-day September (2,592,000 s): 99.7222…% cut to 99.722. db's partial
//! outage of 2 h weighs 0.3: 2,160 s of October's 2,678,400 s: 99.9193…% -> 99.919. web
//! is down 09:00 to now: 10,800 s of November's first 21.5 days (1,857,600 s): 99.4186…%
//! -> 99.418. The year 2026 up to now is 325.5 days = 28,123,200 s: api 99.9743…% ->
//! 99.974, web 99.9615…% -> 99.961, db 99.9923…% -> 99.992. The day-only record's degraded
//! performance weighs nothing; the draft's and the broken record's outages never count.

mod common;

use common::Project;
use serde_json::{Value, json};

fn stats(args: &[&str]) -> common::Output {
    let project = Project::fixture("stats");
    let mut full = vec!["stats"];
    full.extend_from_slice(args);
    project.run(&full)
}

fn stats_json(args: &[&str]) -> Value {
    let mut full = args.to_vec();
    full.extend_from_slice(&["--format", "json"]);
    let out = stats(&full);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()
}

fn figure(counted: u64, of: u64, mean: u64, median: u64, p90: u64) -> Value {
    json!({"counted": counted, "of": of, "mean_seconds": mean, "median_seconds": median, "p90_seconds": p90})
}

#[test]
fn json_holds_the_figures_worked_out_by_hand() {
    let stats = stats_json(&[]);
    assert_eq!(stats["now"], "2026-11-22T12:00:00Z");
    assert_eq!(stats["incidents"], 5);
    assert_eq!(stats["ongoing"], 1);
    assert_eq!(
        stats["skipped"],
        json!({"count": 1, "files": ["incidents/2026-11-01-broken.yaml"]})
    );
    assert_eq!(
        stats["times"],
        json!({
            "detect": figure(4, 5, 975, 900, 1800),
            "acknowledge": figure(2, 5, 1350, 1350, 1800),
            "mitigate": figure(1, 5, 2700, 2700, 2700),
            "resolve": figure(3, 5, 5220, 4860, 7200),
        })
    );
    assert_eq!(
        stats["counts"],
        json!({"by": "month", "rows": [
            {"key": "2026-08", "name": null, "incidents": 1},
            {"key": "2026-09", "name": null, "incidents": 2},
            {"key": "2026-10", "name": null, "incidents": 1},
            {"key": "2026-11", "name": null, "incidents": 1},
        ]})
    );
    let uptime = |component: usize, period: &str| -> (f64, i64, i64) {
        let entry = &stats["uptime"][component];
        let list = if period.len() == 4 { "years" } else { "months" };
        let found = entry[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["period"] == period)
            .unwrap_or_else(|| panic!("{period}: {entry}"));
        (
            found["uptime_percent"].as_f64().unwrap(),
            found["downtime_seconds"].as_i64().unwrap(),
            found["window_seconds"].as_i64().unwrap(),
        )
    };
    assert_eq!(stats["uptime"][2]["name"], "データベース");
    assert_eq!(uptime(0, "2026-08"), (100.0, 0, 2_678_400));
    assert_eq!(uptime(0, "2026-09"), (99.722, 7_200, 2_592_000));
    assert_eq!(uptime(0, "2026-11"), (100.0, 0, 1_857_600));
    assert_eq!(uptime(1, "2026-11"), (99.418, 10_800, 1_857_600));
    assert_eq!(uptime(2, "2026-10"), (99.919, 2_160, 2_678_400));
    assert_eq!(uptime(0, "2026"), (99.974, 7_200, 28_123_200));
    assert_eq!(uptime(1, "2026"), (99.961, 10_800, 28_123_200));
    assert_eq!(uptime(2, "2026"), (99.992, 2_160, 28_123_200));
    // From the month of the earliest incident counted to this month.
    let months: Vec<&str> = stats["uptime"][0]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["period"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2026-08", "2026-09", "2026-10", "2026-11"]);

    let actions = &stats["actions"];
    assert_eq!(
        (
            &actions["total"],
            &actions["open"],
            &actions["overdue_count"]
        ),
        (&json!(5), &json!(2), &json!(1))
    );
    assert_eq!(
        actions["by_status"],
        json!([{"key": "todo", "actions": 1}, {"key": "in_progress", "actions": 1},
               {"key": "done", "actions": 2}, {"key": "wont_do", "actions": 1}])
    );
    assert_eq!(
        actions["by_kind"],
        json!([{"key": "mitigate", "actions": 1}, {"key": "prevent", "actions": 1},
               {"key": "process", "actions": 1}, {"key": "other", "actions": 1},
               {"key": "unspecified", "actions": 1}])
    );
    assert_eq!(
        actions["overdue"],
        json!([{"incident": "2026-09-10-api-down", "action": 2,
                "text": "Write the configuration rollback runbook.", "owner": "platform team",
                "due": "2026-10-01", "status": "todo", "days_overdue": 52}])
    );
}

#[test]
fn the_monthly_series_covers_the_last_12_months_whatever_the_grouping() {
    let stats = stats_json(&["--by", "severity"]);
    let monthly = stats["monthly"].as_array().unwrap();
    let months: Vec<&str> = monthly
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert_eq!(months.first(), Some(&"2025-12"));
    assert_eq!(months.last(), Some(&"2026-11"));
    assert_eq!(months.len(), 12);
    let incidents: Vec<u64> = monthly
        .iter()
        .map(|m| m["incidents"].as_u64().unwrap())
        .collect();
    assert_eq!(incidents, [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 1]);
    // September: 4,860 s and 3,600 s; October: 7,200 s; August's is day-only, November's
    // ongoing.
    assert_eq!(
        monthly[9]["time_to_resolve"],
        figure(2, 2, 4230, 4230, 4860)
    );
    assert_eq!(
        monthly[10]["time_to_resolve"],
        figure(1, 1, 7200, 7200, 7200)
    );
    assert_eq!(monthly[11]["time_to_resolve"]["counted"], 0);
    assert_eq!(monthly[11]["time_to_resolve"]["of"], 1);
    assert_eq!(monthly[11]["uptime"][1]["component"], "web");
    assert_eq!(monthly[11]["uptime"][1]["uptime_percent"], 99.418);
    assert_eq!(monthly[0]["uptime"][0]["uptime_percent"], 100.0);
    assert_eq!(monthly[0]["uptime"][0]["window_seconds"], 2_678_400);
}

#[test]
fn counts_group_by_quarter_component_and_severity() {
    let rows = |by: &str| stats_json(&["--by", by])["counts"]["rows"].clone();
    assert_eq!(
        rows("quarter"),
        json!([{"key": "2026-Q3", "name": null, "incidents": 3},
               {"key": "2026-Q4", "name": null, "incidents": 2}])
    );
    // The day-only record's degraded performance on api counts as affecting it.
    assert_eq!(
        rows("component"),
        json!([{"key": "api", "name": "Public API", "incidents": 3},
               {"key": "web", "name": "Website", "incidents": 1},
               {"key": "db", "name": "データベース", "incidents": 1}])
    );
    assert_eq!(
        rows("severity"),
        json!([{"key": "none", "name": null, "incidents": 0},
               {"key": "minor", "name": null, "incidents": 2},
               {"key": "major", "name": null, "incidents": 2},
               {"key": "critical", "name": null, "incidents": 1}])
    );
}

#[test]
fn since_until_and_paths_limit_the_incidents() {
    let stats = stats_json(&["--since", "2026-09-10", "--until", "2026-10-05"]);
    assert_eq!(stats["incidents"], 3);
    assert_eq!(stats["times"]["resolve"], figure(3, 3, 5220, 4860, 7200));
    // Windows are clipped to the bounds: September from the 10th (21 days), October to the
    // end of the 5th (5 days).
    let months = &stats["uptime"][0]["months"];
    assert_eq!(months[0]["period"], "2026-09");
    assert_eq!(months[0]["window_seconds"], 21 * 86_400);
    assert_eq!(months[1]["window_seconds"], 5 * 86_400);
    // db's 2,160 s of 432,000 s: 99.5% exactly.
    assert_eq!(stats["uptime"][2]["months"][1]["uptime_percent"], 99.5);
    assert_eq!(months.as_array().unwrap().len(), 2);
    // The overdue action of a counted record is listed; the web outage is out of range.
    assert_eq!(stats["actions"]["overdue_count"], 1);
    assert_eq!(stats["uptime"][1]["years"][0]["downtime_seconds"], 0);

    let stats = stats_json(&[
        "incidents/2026-10-05-db-partial.yaml",
        "incidents/2026-11-01-broken.yaml",
    ]);
    assert_eq!(stats["incidents"], 1);
    assert_eq!(stats["skipped"]["count"], 1);
    assert_eq!(stats["times"]["detect"], figure(1, 1, 1200, 1200, 1200));
    assert_eq!(stats["actions"]["overdue_count"], 0);
}

#[test]
fn csv_is_one_long_table_with_the_same_numbers() {
    let out = stats(&["--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.split("\r\n").collect();
    assert_eq!(lines[0], "section,key,component,measure,value");
    for expected in [
        "incidents,,,incidents,5",
        "incidents,,,ongoing,1",
        "incidents,,,skipped,1",
        "skipped,incidents/2026-11-01-broken.yaml,,lint_errors,1",
        "by_month,2026-09,,incidents,2",
        "time_to_detect,,,counted,4",
        "time_to_detect,,,of,5",
        "time_to_detect,,,mean_seconds,975",
        "time_to_detect,,,median_seconds,900",
        "time_to_detect,,,p90_seconds,1800",
        "time_to_resolve,,,mean_seconds,5220",
        "time_to_mitigate,,,p90_seconds,2700",
        "uptime_month,2026-09,api,uptime_percent,99.722",
        "uptime_month,2026-09,api,downtime_seconds,7200",
        "uptime_month,2026-10,db,downtime_seconds,2160",
        "uptime_month,2026-11,web,uptime_percent,99.418",
        "uptime_year,2026,db,uptime_percent,99.992",
        "uptime_year,2026,api,window_seconds,28123200",
        "monthly,2026-09,,incidents,2",
        "monthly_time_to_resolve,2026-09,,mean_seconds,4230",
        "monthly_time_to_resolve,2026-11,,mean_seconds,",
        "monthly,2026-11,web,uptime_percent,99.418",
        "actions,,,total,5",
        "actions,,,open,2",
        "actions,,,overdue,1",
        "actions_by_status,done,,actions,2",
        "actions_by_kind,unspecified,,actions,1",
        "overdue_action,2026-09-10-api-down#2,,due,2026-10-01",
        "overdue_action,2026-09-10-api-down#2,,days_overdue,52",
        "overdue_action,2026-09-10-api-down#2,,owner,platform team",
        "overdue_action,2026-09-10-api-down#2,,text,Write the configuration rollback runbook.",
    ] {
        assert!(lines.contains(&expected), "{expected}\n{}", out.stdout);
    }
    assert!(
        lines
            .iter()
            .all(|line| line.is_empty() || line.split(',').count() == 5)
    );
}

#[test]
fn human_output_is_aligned_tables_with_readable_durations() {
    let out = stats(&[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout;
    for expected in [
        "5 published incidents (1 ongoing); times in UTC, now 2026-11-22T12:00:00Z\n",
        "skipped 1 record with lint errors: incidents/2026-11-01-broken.yaml\n",
        "  time to detect          4 of 5  16 min 15 s       15 min           30 min\n",
        "  time to acknowledge     2 of 5  22 min 30 s  22 min 30 s           30 min\n",
        "  time to resolve         3 of 5   1 h 27 min   1 h 21 min              2 h\n",
        "  2026     99.974%  99.961%       99.992%\n",
        "  2026-10  100.000% (0 s)  100.000% (0 s)  99.919% (36 min)\n",
        "  2026-09          2       1 h 10 min 30 s    2 of 2\n",
        "Actions: 5 (2 open, 1 overdue)\n",
        "  2026-10-01     52 d  2026-09-10-api-down  platform team  todo    Write the configuration rollback runbook.\n",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    // The Japanese name takes two columns a character: the header and the cells end together.
    let header = text.lines().find(|l| l.contains("データベース")).unwrap();
    let year = text.lines().find(|l| l.starts_with("  2026 ")).unwrap();
    use unicode_width::UnicodeWidthStr as _;
    assert_eq!(header.width(), year.width(), "{header}\n{year}");
}

#[test]
fn bad_dates_and_a_since_after_until_exit_2_naming_the_value() {
    for (args, named) in [
        (vec!["--since", "2026-13-01"], "`2026-13-01`"),
        (vec!["--until", "yesterday"], "`yesterday`"),
        (vec!["--since", "2026-1-5"], "`2026-1-5`"),
        (
            vec!["--since", "2026-11-02", "--until", "2026-11-01"],
            "--since 2026-11-02 is after --until 2026-11-01",
        ),
    ] {
        let out = stats(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(named), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_outage_that_began_before_since_still_counts_after_it() {
    // web is down from 2026-05-31 20:00 to 2026-06-02 22:00 UTC: 4 h in May, 46 h = 165,600 s
    // in June. Limited to June, the incident is not counted, but its downtime in June is.
    let project = Project::fixture("stats").record(
        "2026-05-31-web-overnight.yaml",
        "title: Website down overnight\nlang: en\nstatus: published\nseverity: major\naffected:\n  web: major_outage\nstarted: 2026-05-31T20:00:00Z\nresolved: 2026-06-02T22:00:00Z\nsummary: The website was down.\n",
    );
    let out = project.run(&[
        "stats",
        "--since",
        "2026-06-01",
        "--until",
        "2026-06-30",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let stats = out.json();
    assert_eq!(stats["incidents"], 0);
    let june = &stats["uptime"][1]["months"][0];
    assert_eq!(june["period"], "2026-06");
    assert_eq!(june["downtime_seconds"], 165_600);
    let may = project
        .run(&[
            "stats",
            "--since",
            "2026-05-01",
            "--until",
            "2026-05-31",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(may["incidents"], 1);
    assert_eq!(may["uptime"][1]["months"][0]["downtime_seconds"], 14_400);
}

#[test]
fn months_in_a_zone_with_summer_time_are_as_long_as_its_clocks_say() {
    // Europe/Berlin: March 2026 loses an hour (31 d - 1 h = 2,674,800 s), October gains one
    // (31 d + 1 h = 2,682,000 s). The outage runs 00:00-03:00 UTC on 2026-10-25, across the
    // change: 3 h = 10,800 s of downtime, not 2 or 4.
    let project = Project::new()
        .config("title: T\nbase_url: https://s.example/\nlanguages: [en]\ntimezone: Europe/Berlin\ncomponents:\n  - id: web\n    name: Website\n")
        .record(
            "2026-10-25-web-down.yaml",
            "title: Website down\nlang: en\nstatus: published\nseverity: major\naffected:\n  web: major_outage\nstarted: 2026-10-25T00:00:00Z\nresolved: 2026-10-25T03:00:00Z\nsummary: The website was down.\n",
        );
    let out = project.run(&[
        "stats",
        "--since",
        "2026-03-01",
        "--until",
        "2026-10-31",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let months = out.json()["uptime"][0]["months"].clone();
    let month = |period: &str| {
        months
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["period"] == period)
            .unwrap()
            .clone()
    };
    assert_eq!(month("2026-03")["window_seconds"], 2_674_800);
    assert_eq!(month("2026-10")["window_seconds"], 2_682_000);
    assert_eq!(month("2026-10")["downtime_seconds"], 10_800);
    assert_eq!(month("2026-04")["window_seconds"], 30 * 86_400);
}

/// An overdue action's text is quoted in the report, which CI logs show: it cannot become a
/// workflow command there.
#[test]
fn record_text_cannot_become_a_workflow_command_in_a_ci_log() {
    let project = Project::fixture("stats");
    let path = project.path("incidents/2026-09-10-api-down.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "  - text: Write the configuration rollback runbook.",
        "  - text: \"Write the ##[add-mask]configuration rollback runbook.\"",
    );
    std::fs::write(&path, text).unwrap();
    let out = project.run(&["stats"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Write the ##\\[add-mask]configuration rollback runbook."),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("##["), "{}", out.stdout);
}
