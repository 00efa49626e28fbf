//! `hindsight stats` as a value: counts, MTTx figures, uptime per component by month and
//! year, and follow-up actions over the published incidents, computed from the loaded corpus
//! and "now" without I/O. The JSON output is this value's serialization, and the metrics
//! page renders the same value.

mod actions;
mod counts;
mod figures;
pub mod format;
mod period;
mod uptime;

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

pub use actions::{Actions, Count, Overdue};
pub use counts::{ComponentMonth, CountRow, Counts, Month};
pub use figures::Figure;
pub use uptime::PeriodUptime;

use crate::check::{self, Report};
use crate::diagnostic::{Severity, display_path};
use crate::load::Corpus;
use crate::model::{Impact, Milestone, Record, RuleLevel};
use crate::status::uptime::{Span, span_of};
use period::{Bounds, Unit};

/// What `--by` groups the counts table by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Month,
    Quarter,
    Component,
    Severity,
}

impl By {
    pub fn as_str(self) -> &'static str {
        match self {
            By::Month => "month",
            By::Quarter => "quarter",
            By::Component => "component",
            By::Severity => "severity",
        }
    }
}

/// What the stats cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Incidents that started on or after this date (in the site's zone).
    pub since: Option<NaiveDate>,
    /// Incidents that started on or before this date (in the site's zone).
    pub until: Option<NaiveDate>,
    pub by: By,
}

impl Options {
    /// The options from `--since`/`--until` as written (YYYY-MM-DD); the error names the
    /// value that does not parse, or both when since comes after until.
    pub fn new(since: Option<&str>, until: Option<&str>, by: By) -> Result<Options, String> {
        let since = since.map(|text| parse_date("--since", text)).transpose()?;
        let until = until.map(|text| parse_date("--until", text)).transpose()?;
        if let (Some(since), Some(until)) = (since, until)
            && since > until
        {
            return Err(format!(
                "--since {since} is after --until {until}; give a since on or before the until"
            ));
        }
        Ok(Options { since, until, by })
    }
}

fn parse_date(option: &str, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|_| text.trim().len() == 10)
        .ok_or_else(|| format!("{option} `{text}` is not a date; write it as YYYY-MM-DD"))
}

/// Everything `stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// "Now" as the stats were computed (RFC 3339, UTC).
    pub now: String,
    /// The site's zone: periods, dates and "today" are taken in it.
    pub timezone: String,
    pub since: Option<String>,
    pub until: Option<String>,
    /// Published incidents counted.
    pub incidents: usize,
    /// Of those, the ones not resolved.
    pub ongoing: usize,
    /// Records left out because lint reports errors in them.
    pub skipped: Skipped,
    pub counts: Counts,
    pub times: Times,
    /// Per configured component, in configuration order.
    pub uptime: Vec<ComponentUptime>,
    /// The last 12 months, always (the metrics page's series).
    pub monthly: Vec<Month>,
    pub actions: Actions,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub count: usize,
    pub files: Vec<String>,
}

/// Times measured from `started` (DESIGN.md §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Times {
    pub detect: Figure,
    pub acknowledge: Figure,
    pub mitigate: Figure,
    pub resolve: Figure,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentUptime {
    pub component: String,
    /// In the site's first language.
    pub name: String,
    /// Each calendar month from the first covered (`--since`, else the month of the earliest
    /// incident counted) to the last (`--until`, else this month).
    pub months: Vec<PeriodUptime>,
    pub years: Vec<PeriodUptime>,
}

/// A published incident within the bounds, with what the figures need.
pub(crate) struct Counted<'c> {
    pub record: &'c Record,
    /// `started` in the site's zone.
    pub date: NaiveDate,
    pub severity: Impact,
    pub to_resolve: Option<i64>,
}

/// Seconds from `started` to `milestone`, when both are known to the minute or better.
fn from_start(record: &Record, milestone: Milestone) -> Option<i64> {
    let started = &record.started.as_ref()?.value;
    let reached = &record.milestone(milestone)?.value;
    if started.is_day_only() || reached.is_day_only() {
        return None;
    }
    Some((reached.utc - started.utc).num_seconds())
}

/// Why the project cannot give stats, if it cannot: they need the site's zone and components.
pub fn config_problem(corpus: &Corpus) -> Option<String> {
    let config = &corpus.config;
    if config.source.is_none() {
        return Some(format!(
            "no {}: stats need the site's time zone and components (pass --root to name the project)",
            display_path(&config.path)
        ));
    }
    let broken = config
        .findings
        .iter()
        .any(|f| check::rule(f.rule).default_level == RuleLevel::Error);
    broken.then(|| {
        format!(
            "{} has errors; `hindsight lint` shows them",
            display_path(&config.path)
        )
    })
}

/// The stats of the records selected in `corpus` (all, or the paths named), given its lint
/// `report`, at `now`.
pub fn compute(corpus: &Corpus, report: &Report, now: DateTime<Utc>, options: &Options) -> Stats {
    let config = &corpus.config.config;
    let bounds = Bounds::new(config.timezone, options.since, options.until, now);
    let with_errors: HashSet<&Path> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.file.as_path())
        .collect();
    let selected: Vec<_> = corpus
        .records
        .iter()
        .filter(|file| corpus.is_selected(&file.source.path))
        .collect();
    let skipped: Vec<String> = selected
        .iter()
        .filter(|file| with_errors.contains(file.source.path.as_path()))
        .map(|file| display_path(&file.source.path))
        .collect();
    let in_bounds = |date: NaiveDate| {
        options.since.is_none_or(|since| date >= since)
            && options.until.is_none_or(|until| date <= until)
    };
    let published: Vec<&Record> = selected
        .iter()
        .filter(|file| !with_errors.contains(file.source.path.as_path()))
        .filter_map(|file| file.record.as_ref())
        .filter(|record| record.is_published() && !record.is_maintenance())
        .collect();
    let mut incidents: Vec<Counted<'_>> = published
        .iter()
        .copied()
        .filter_map(|record| {
            let date = bounds.date(record.started.as_ref()?.value.utc);
            in_bounds(date).then(|| Counted {
                record,
                date,
                severity: record.severity.as_ref().map_or(Impact::None, |s| s.value),
                to_resolve: from_start(record, Milestone::Resolved),
            })
        })
        .collect();
    incidents.sort_by(|a, b| (a.date, &a.record.id).cmp(&(b.date, &b.record.id)));

    let figure = |milestone| {
        let values = incidents
            .iter()
            .filter_map(|i| from_start(i.record, milestone))
            .collect();
        Figure::of(values, incidents.len())
    };
    let times = Times {
        detect: figure(Milestone::Detected),
        acknowledge: figure(Milestone::Acknowledged),
        mitigate: figure(Milestone::Mitigated),
        resolve: figure(Milestone::Resolved),
    };

    let lang = config.default_lang();
    let components: Vec<(String, String)> = config
        .components
        .iter()
        .map(|c| (c.id.value.clone(), c.name.get(lang, lang).to_string()))
        .collect();
    let spans: Vec<(String, Vec<Span>)> = components
        .iter()
        .map(|(id, _)| {
            // Downtime within the windows, whenever its incident began: an outage that began
            // before `--since` still took the component down after it, as the bars show.
            let spans = published
                .iter()
                .filter_map(|record| span_of(record, id, now))
                .collect();
            (id.clone(), spans)
        })
        .collect();
    let today = bounds.date(now);
    let first = options
        .since
        .or_else(|| incidents.first().map(|i| i.date))
        .unwrap_or(today);
    let last = options.until.unwrap_or(today).min(today);
    let months = bounds.windows(Unit::Month, first, last, false);
    let years = bounds.windows(Unit::Year, first, last, false);
    let uptime = components
        .iter()
        .zip(&spans)
        .map(|((id, name), (_, spans))| ComponentUptime {
            component: id.clone(),
            name: name.clone(),
            months: uptime::per_period(spans, &months, |d| Unit::Month.key(d)),
            years: uptime::per_period(spans, &years, |d| Unit::Year.key(d)),
        })
        .collect();

    let records: Vec<&Record> = incidents.iter().map(|i| i.record).collect();
    Stats {
        now: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        timezone: config.timezone.name().to_string(),
        since: options.since.map(|d| d.to_string()),
        until: options.until.map(|d| d.to_string()),
        incidents: incidents.len(),
        ongoing: incidents
            .iter()
            .filter(|i| i.record.resolved.is_none())
            .count(),
        skipped: Skipped {
            count: skipped.len(),
            files: skipped,
        },
        counts: counts::counts(&incidents, options.by, &components),
        times,
        uptime,
        monthly: counts::monthly(&incidents, bounds, &spans),
        actions: actions::actions(&records, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_strictly_and_since_comes_before_until() {
        let ok = Options::new(Some("2026-01-01"), Some("2026-01-01"), By::Month).unwrap();
        assert_eq!(ok.since, ok.until);
        for (since, until, named) in [
            (Some("2026-02-30"), None, "--since `2026-02-30`"),
            (None, Some("2026-1-1"), "--until `2026-1-1`"),
            (Some("soon"), None, "--since `soon`"),
            (
                Some("2026-03-02"),
                Some("2026-03-01"),
                "--since 2026-03-02 is after --until 2026-03-01",
            ),
        ] {
            let error = Options::new(since, until, By::Month).unwrap_err();
            assert!(error.contains(named), "{error}");
        }
    }
}
