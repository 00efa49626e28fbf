//! The metrics page shows what `hindsight stats --format json` prints: the same 12 months,
//! incident counts, mean times to resolve, uptime per component and action counts.

use std::fs;

use scraper::Html;
use serde_json::Value;

use super::common::Project;
use super::{LANGS, select};

/// An attribute of every element `css` selects, in page order.
fn attributes(page: &Html, css: &str, name: &str) -> Vec<String> {
    select(page, css)
        .into_iter()
        .map(|e| e.value().attr(name).unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_metrics_page_shows_the_numbers_of_stats() {
    // The stats fixture, without its record with errors (which stops a build).
    let project = Project::fixture("stats");
    fs::remove_file(project.path("incidents/2026-11-01-broken.yaml")).unwrap();
    let out = project.run(&["stats", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let stats: Value = serde_json::from_str(&out.stdout).unwrap();
    let (_temp, public) = project.build();
    let page = Html::parse_document(&fs::read_to_string(public.join("en/metrics.html")).unwrap());

    // The page lists the months newest first; stats, oldest first.
    let mut monthly = stats["monthly"].as_array().unwrap().clone();
    assert_eq!(monthly.len(), 12);
    monthly.reverse();
    let months: Vec<String> = monthly
        .iter()
        .map(|m| m["month"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        attributes(&page, "tbody tr[data-month]", "data-month"),
        months
    );
    let incidents: Vec<String> = monthly.iter().map(|m| m["incidents"].to_string()).collect();
    assert_eq!(
        attributes(&page, "td[data-incidents]", "data-incidents"),
        incidents
    );
    // Months without a resolved incident carry no time.
    let resolve: Vec<String> = monthly
        .iter()
        .map(|m| match &m["time_to_resolve"]["mean_seconds"] {
            Value::Null => String::new(),
            seconds => seconds.to_string(),
        })
        .collect();
    let shown: Vec<String> = select(&page, "tbody tr[data-month]")
        .into_iter()
        .map(|row| {
            row.select(&scraper::Selector::parse("td").unwrap())
                .nth(1)
                .and_then(|td| td.value().attr("data-seconds"))
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(shown, resolve);
    assert!(resolve.iter().any(|r| !r.is_empty()), "{resolve:?}");

    // Uptime: a row per component, a cell per month, as stats gives them.
    let percents: Vec<String> = stats["uptime"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .flat_map(|(component, _)| {
            monthly
                .iter()
                .map(move |m| m["uptime"][component]["uptime_percent"].to_string())
        })
        .collect();
    let cells = attributes(&page, "td[data-percent]", "data-percent");
    let as_numbers =
        |values: &[String]| -> Vec<f64> { values.iter().map(|v| v.parse().unwrap()).collect() };
    assert_eq!(as_numbers(&cells), as_numbers(&percents));
    assert!(as_numbers(&cells).iter().any(|p| *p < 100.0), "{cells:?}");

    let actions = &stats["actions"];
    assert_eq!(
        attributes(&page, "[data-open]", "data-open"),
        [actions["open"].to_string()]
    );
    assert_eq!(
        attributes(&page, "[data-overdue]", "data-overdue"),
        [actions["overdue_count"].to_string()]
    );
}

#[test]
fn every_language_has_a_metrics_page_linked_from_every_page() {
    let project = Project::example(&[]);
    let (_temp, public) = project.build();
    for lang in LANGS {
        let page = fs::read_to_string(public.join(format!("{lang}/metrics.html"))).unwrap();
        assert!(page.contains("<table class=\"metrics\">"), "{lang}");
        // No incident of the example was resolved in the last 12 months: no flat bars.
        assert!(page.contains("class=\"note no-data\""), "{lang}");
        let home = Html::parse_document(
            &fs::read_to_string(public.join(format!("{lang}/index.html"))).unwrap(),
        );
        assert_eq!(
            attributes(&home, "nav.sections a[href$='metrics.html']", "href"),
            ["../".to_string() + lang + "/metrics.html"]
        );
    }
}
