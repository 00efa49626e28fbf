//! The span of "now" a cached group's result holds for: the rules that read now
//! (`future-time`, `overdue-action`, `maintenance-overrun`) each say between which instants
//! their findings on a record cannot change, and a cached result is used only inside all
//! of them.

use chrono::{DateTime, LocalResult, NaiveDate, TimeDelta, TimeZone as _, Utc};
use chrono_tz::Tz;

/// A span of instants `[from, until)`; an open end is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NowSpan {
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

impl NowSpan {
    /// Every instant: the findings do not depend on now.
    pub(crate) const ALWAYS: NowSpan = NowSpan {
        from: None,
        until: None,
    };

    pub(crate) fn contains(&self, now: DateTime<Utc>) -> bool {
        self.from.is_none_or(|from| from <= now) && self.until.is_none_or(|until| now < until)
    }

    /// The nows in both spans.
    pub(crate) fn and(self, other: NowSpan) -> NowSpan {
        let later = |a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>| a.max(b);
        let earlier = |a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        NowSpan {
            from: later(self.from, other.from),
            until: earlier(self.until, other.until),
        }
    }

    /// Narrows the span around `now` by an instant at which a finding may appear, go or
    /// change: the outcome is the same for every now before it, and for every now from it on.
    pub(crate) fn split_at(&mut self, now: DateTime<Utc>, at: DateTime<Utc>) {
        if at <= now {
            self.from = Some(self.from.map_or(at, |from| from.max(at)));
        } else {
            self.until = Some(self.until.map_or(at, |until| until.min(at)));
        }
    }

    /// Narrows the span around `now` to the day of `zone` it falls in.
    pub(crate) fn within_day(&mut self, now: DateTime<Utc>, zone: Tz) {
        let today = now.with_timezone(&zone).date_naive();
        self.split_at_day(now, today, zone);
        if let Some(tomorrow) = today.succ_opt() {
            self.split_at_day(now, tomorrow, zone);
        } else {
            self.until = Some(now + TimeDelta::nanoseconds(1));
        }
    }

    /// Narrows the span around `now` by the instants at which the date in `zone` becomes
    /// `day`: the first instant of the day, and the second too when midnight comes twice (an
    /// offset moved back at midnight). If none can be found, the span shrinks to `now` alone.
    pub(crate) fn split_at_day(&mut self, now: DateTime<Utc>, day: NaiveDate, zone: Tz) {
        let starts = day_starts(day, zone);
        if starts.is_empty() {
            self.from = Some(now);
            self.until = Some(now + TimeDelta::nanoseconds(1));
        }
        for at in starts {
            self.split_at(now, at);
        }
    }
}

/// The instants whose local time in `zone` is `day`'s midnight (two when it is repeated);
/// when midnight is skipped (an offset moved forward at 00:00), the first second after it
/// that exists.
fn day_starts(day: NaiveDate, zone: Tz) -> Vec<DateTime<Utc>> {
    let Some(midnight) = day.and_hms_opt(0, 0, 0) else {
        return Vec::new();
    };
    // A skipped stretch is found second by second; offsets move by less than a day.
    for second in 0..86_400 {
        let local = midnight + TimeDelta::seconds(second);
        match zone.from_local_datetime(&local) {
            LocalResult::Single(at) => return vec![at.to_utc()],
            LocalResult::Ambiguous(earliest, latest) => {
                return vec![earliest.to_utc(), latest.to_utc()];
            }
            LocalResult::None => {}
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_span_narrows_around_now_and_holds_its_start_but_not_its_end() {
        let now = at("2026-05-10T12:00:00Z");
        let mut span = NowSpan::ALWAYS;
        span.split_at(now, at("2026-05-01T00:00:00Z"));
        span.split_at(now, at("2026-05-20T00:00:00Z"));
        span.split_at(now, at("2026-04-01T00:00:00Z"));
        span.split_at(now, at("2026-06-01T00:00:00Z"));
        assert_eq!(span.from, Some(at("2026-05-01T00:00:00Z")));
        assert_eq!(span.until, Some(at("2026-05-20T00:00:00Z")));
        assert!(span.contains(at("2026-05-01T00:00:00Z")));
        assert!(!span.contains(at("2026-05-20T00:00:00Z")));
        assert!(!span.contains(at("2026-04-30T23:59:59Z")));
    }

    #[test]
    fn a_day_starts_at_its_first_instant_in_the_zone_even_when_midnight_is_skipped() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
        assert_eq!(day_starts(day, berlin), [at("2026-05-09T22:00:00Z")]);
        // Santiago skipped from 00:00 to 01:00 on 2022-09-11.
        let santiago: Tz = "America/Santiago".parse().unwrap();
        let day = NaiveDate::from_ymd_opt(2022, 9, 11).unwrap();
        let start = day_starts(day, santiago)[0];
        assert_eq!(start.with_timezone(&santiago).date_naive(), day);
        assert!(
            (start - TimeDelta::seconds(1))
                .with_timezone(&santiago)
                .date_naive()
                < day
        );
        let mut span = NowSpan::ALWAYS;
        let now = at("2026-05-10T12:00:00Z");
        span.within_day(now, berlin);
        assert_eq!(span.from, Some(at("2026-05-09T22:00:00Z")));
        assert_eq!(span.until, Some(at("2026-05-10T22:00:00Z")));
    }
}
