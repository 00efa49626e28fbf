//! `duration-claim` against a labelled corpus of postmortem sentences in four languages:
//! no false alarm, and at least 90% of the wrong claims found.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use common::Project;
use hindsight::model::duration;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Entry {
    text: String,
    /// resolved - started, written like a record's `duration` (`40m`, `1h21m`).
    actual: String,
    /// Whether the rule must report the sentence.
    flag: bool,
    /// detected - started, when the record has a detection time.
    #[serde(default)]
    detected: Option<String>,
}

const LANGUAGES: [(&str, &str); 4] = [
    ("en", include_str!("fixtures/claims/en.yaml")),
    ("de", include_str!("fixtures/claims/de.yaml")),
    ("ja", include_str!("fixtures/claims/ja.yaml")),
    ("zh", include_str!("fixtures/claims/zh.yaml")),
];

/// Writes each sentence as the summary of its own record into `root` (a project with the
/// `api` component); returns (file name, language, entry).
fn write_project(root: &Path) -> Vec<(String, &'static str, Entry)> {
    let started: DateTime<Utc> = "2024-01-10T10:00:00Z".parse().unwrap();
    let mut written = Vec::new();
    for (lang, corpus) in LANGUAGES {
        let entries: Vec<Entry> = serde_saphyr::from_str(corpus).unwrap();
        for (n, entry) in entries.into_iter().enumerate() {
            let seconds = duration::parse(&entry.actual).unwrap().seconds;
            let resolved = started + Duration::seconds(seconds as i64);
            let detected = entry.detected.as_ref().map_or(String::new(), |after| {
                let seconds = duration::parse(after).unwrap().seconds;
                let at = started + Duration::seconds(seconds as i64);
                format!("detected: {}\n", at.to_rfc3339())
            });
            let file = format!("2024-01-10-{lang}-{n:03}.yaml");
            let record = format!(
                "title: Claim {n}\nlang: {lang}\nstatus: published\nseverity: minor\n\
                 affected:\n  api: major_outage\ntimezone: UTC\n\
                 started: {}\n{detected}resolved: {}\nsummary: |\n  {}\n",
                started.to_rfc3339(),
                resolved.to_rfc3339(),
                entry.text
            );
            std::fs::write(root.join("incidents").join(&file), record).unwrap();
            written.push((file, lang, entry));
        }
    }
    written
}

#[test]
fn duration_claim_is_right_on_the_labelled_corpus() {
    let project = Project::new().config("components:\n  - id: api\n    name: API\n");
    let entries = write_project(project.root());
    let report: Value = project.lint(&["--format", "json"]).json();
    let flagged: BTreeSet<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "duration-claim")
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            file.trim_start_matches("incidents/").to_string()
        })
        .collect();

    let mut failures = Vec::new();
    let (mut total_tp, mut total_fp, mut total_fn) = (0, 0, 0);
    println!("lang  sentences  wrong claims  found  false alarms  precision  recall");
    for (lang, _) in LANGUAGES {
        let of_lang: Vec<_> = entries.iter().filter(|(_, l, _)| *l == lang).collect();
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (file, _, entry) in &of_lang {
            match (entry.flag, flagged.contains(file)) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    failures.push(format!("false alarm: {lang}: {}", entry.text));
                }
                (true, false) => {
                    fn_ += 1;
                    failures.push(format!("missed: {lang}: {}", entry.text));
                }
                (false, false) => {}
            }
        }
        let wrong = tp + fn_;
        println!(
            "{lang}    {:>9}  {wrong:>12}  {tp:>5}  {fp:>12}  {:>9.3}  {:>6.3}",
            of_lang.len(),
            ratio(tp, tp + fp),
            ratio(tp, wrong),
        );
        total_tp += tp;
        total_fp += fp;
        total_fn += fn_;
    }
    let precision = ratio(total_tp, total_tp + total_fp);
    let recall = ratio(total_tp, total_tp + total_fn);
    println!(
        "all   {:>9}  precision {precision:.3}  recall {recall:.3}",
        entries.len()
    );
    for failure in &failures {
        println!("{failure}");
    }
    for (lang, _) in LANGUAGES {
        let of_lang: Vec<_> = entries.iter().filter(|(_, l, _)| *l == lang).collect();
        assert!(of_lang.len() >= 30, "{lang}: fewer than 30 sentences");
    }
    assert_eq!(total_fp, 0, "false alarms:\n{}", failures.join("\n"));
    assert!(
        recall >= 0.9,
        "recall {recall:.3} below 0.9:\n{}",
        failures.join("\n")
    );
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}
