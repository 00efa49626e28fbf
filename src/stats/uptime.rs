//! Monthly and yearly uptime per component, measured by the status stage's own merging and
//! weights (`status::uptime`): the same downtime as the site's uptime bars.

use serde::Serialize;

use super::period::Window;
use crate::status::uptime::{Span, measure};

/// A component's uptime over one calendar period (clipped to the bounds of the stats).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodUptime {
    /// `2026-11` or `2026`.
    pub period: String,
    /// 100 × (1 − downtime / window), cut (not rounded) to three decimals so that any
    /// downtime at all never shows as 100.
    pub uptime_percent: f64,
    /// Weighted downtime (major outage × 1, partial outage × 0.3), rounded to the second.
    pub downtime_seconds: i64,
    /// The seconds of the period measured (less for the current period and at the bounds).
    pub window_seconds: i64,
}

/// Measures `spans` (one component's incidents) over each window, labelled by `key`.
pub(crate) fn per_period(
    spans: &[Span],
    windows: &[Window],
    key: impl Fn(chrono::NaiveDate) -> String,
) -> Vec<PeriodUptime> {
    let measured = measure(spans, windows);
    measured
        .days
        .iter()
        .map(|period| PeriodUptime {
            period: key(period.date),
            uptime_percent: cut_percent(period.downtime_share()),
            downtime_seconds: period.downtime.round() as i64,
            window_seconds: period.window,
        })
        .collect()
}

/// 100 × (1 − share), cut to three decimals.
pub(crate) fn cut_percent(share: f64) -> f64 {
    let thousandths = ((1.0 - share.clamp(0.0, 1.0)) * 100_000.0).floor();
    thousandths / 1000.0
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::*;
    use crate::model::ComponentStatus;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn overlapping_outages_merge_and_a_partial_outage_weighs_three_tenths() {
        let day: NaiveDate = "2026-11-01".parse().unwrap();
        // A 30-day month; major 10:00-12:00 and 11:00-13:00 (merged: 3 h), partial
        // 12:00-14:00 of which 12:00-13:00 is under the major one (so 1 h × 0.3).
        let windows = [(day, at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z"))];
        let span = |start: &str, end: &str, status| Span {
            start: at(start),
            end: at(end),
            status,
        };
        let spans = [
            span(
                "2026-11-02T10:00:00Z",
                "2026-11-02T12:00:00Z",
                ComponentStatus::MajorOutage,
            ),
            span(
                "2026-11-02T11:00:00Z",
                "2026-11-02T13:00:00Z",
                ComponentStatus::MajorOutage,
            ),
            span(
                "2026-11-02T12:00:00Z",
                "2026-11-02T14:00:00Z",
                ComponentStatus::PartialOutage,
            ),
        ];
        let months = per_period(&spans, &windows, |d| d.to_string());
        // 3 h + 0.3 h = 11,880 s of 2,592,000 s: 99.54166…% cut to 99.541.
        assert_eq!(
            months,
            [PeriodUptime {
                period: "2026-11-01".into(),
                uptime_percent: 99.541,
                downtime_seconds: 11_880,
                window_seconds: 2_592_000,
            }]
        );
    }

    #[test]
    fn any_downtime_shows_below_100() {
        assert_eq!(cut_percent(0.0), 100.0);
        assert_eq!(cut_percent(1e-9), 99.999);
        assert_eq!(cut_percent(1.0), 0.0);
    }
}
