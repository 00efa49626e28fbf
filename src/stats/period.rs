//! Calendar periods in the site's zone: the keys incidents are counted under (month,
//! quarter, year) and the windows uptime is measured over, clipped to `--since/--until` and
//! to "now".

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::status::uptime::start_of_day;

/// A window of time uptime is measured over: its label's first day, start and end.
pub(crate) type Window = (NaiveDate, DateTime<Utc>, DateTime<Utc>);

/// How long a calendar period lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Month,
    Quarter,
    Year,
}

impl Unit {
    /// The first day of the period holding `date`.
    pub(crate) fn first_day(self, date: NaiveDate) -> NaiveDate {
        let month = match self {
            Unit::Month => date.month(),
            Unit::Quarter => (date.month() - 1) / 3 * 3 + 1,
            Unit::Year => 1,
        };
        NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
    }

    fn months(self) -> u32 {
        match self {
            Unit::Month => 1,
            Unit::Quarter => 3,
            Unit::Year => 12,
        }
    }

    /// The first day of the next period.
    pub(crate) fn next(self, first: NaiveDate) -> Option<NaiveDate> {
        first.checked_add_months(Months::new(self.months()))
    }

    /// `2026-11`, `2026-Q4` or `2026`.
    pub(crate) fn key(self, date: NaiveDate) -> String {
        match self {
            Unit::Month => format!("{:04}-{:02}", date.year(), date.month()),
            Unit::Quarter => format!("{:04}-Q{}", date.year(), (date.month() - 1) / 3 + 1),
            Unit::Year => format!("{:04}", date.year()),
        }
    }
}

/// The instants stats measure within: from the start of `--since` (if given) to the end of
/// `--until` or "now", whichever comes first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    pub zone: Tz,
    pub from: Option<DateTime<Utc>>,
    pub until: DateTime<Utc>,
}

impl Bounds {
    pub(crate) fn new(
        zone: Tz,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Bounds {
        let end_of = |date: NaiveDate| {
            date.checked_add_days(Days::new(1))
                .map_or(now, |next| start_of_day(next, zone))
        };
        Bounds {
            zone,
            from: since.map(|date| start_of_day(date, zone)),
            until: until.map_or(now, end_of).min(now),
        }
    }

    /// Each period of `unit` from the one holding `first` to the one holding `last`, as
    /// windows clipped to the bounds; periods wholly outside them are left out, or with
    /// `keep_empty` kept as empty windows (a fixed series of months).
    pub(crate) fn windows(
        self,
        unit: Unit,
        first: NaiveDate,
        last: NaiveDate,
        keep_empty: bool,
    ) -> Vec<Window> {
        let mut windows = Vec::new();
        let mut day = unit.first_day(first);
        while day <= last {
            let Some(next) = unit.next(day) else { break };
            let start = start_of_day(day, self.zone);
            let start = self.from.map_or(start, |from| start.max(from));
            let end = start_of_day(next, self.zone).min(self.until);
            if start < end {
                windows.push((day, start, end));
            } else if keep_empty {
                windows.push((day, start, start));
            }
            day = next;
        }
        windows
    }

    /// The site's date of an instant.
    pub(crate) fn date(self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.zone).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn keys_name_the_month_quarter_and_year() {
        assert_eq!(Unit::Month.key(day("2026-03-31")), "2026-03");
        assert_eq!(Unit::Quarter.key(day("2026-03-31")), "2026-Q1");
        assert_eq!(Unit::Quarter.key(day("2026-10-01")), "2026-Q4");
        assert_eq!(Unit::Year.key(day("2026-10-01")), "2026");
        assert_eq!(
            Unit::Quarter.first_day(day("2026-08-17")),
            day("2026-07-01")
        );
    }

    #[test]
    fn windows_are_calendar_periods_in_the_zone_clipped_to_since_and_now() {
        let zone: Tz = "Asia/Tokyo".parse().unwrap();
        let now = at("2026-11-22T12:00:00Z");
        let bounds = Bounds::new(zone, Some(day("2026-09-15")), None, now);
        let windows = bounds.windows(Unit::Month, day("2026-09-15"), day("2026-11-22"), false);
        assert_eq!(
            windows,
            [
                (
                    day("2026-09-01"),
                    at("2026-09-14T15:00:00Z"),
                    at("2026-09-30T15:00:00Z")
                ),
                (
                    day("2026-10-01"),
                    at("2026-09-30T15:00:00Z"),
                    at("2026-10-31T15:00:00Z")
                ),
                (day("2026-11-01"), at("2026-10-31T15:00:00Z"), now),
            ]
        );
        // --until ends at the end of its day; a year after now is left out.
        let bounds = Bounds::new(Tz::UTC, None, Some(day("2026-01-31")), now);
        assert_eq!(
            bounds.windows(Unit::Year, day("2025-06-01"), day("2027-01-01"), false),
            [
                (
                    day("2025-01-01"),
                    at("2025-01-01T00:00:00Z"),
                    at("2026-01-01T00:00:00Z")
                ),
                (
                    day("2026-01-01"),
                    at("2026-01-01T00:00:00Z"),
                    at("2026-02-01T00:00:00Z")
                ),
            ]
        );
    }
}
