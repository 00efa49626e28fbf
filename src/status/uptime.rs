//! Uptime per component and day: incidents merged (the worst status wins where they overlap)
//! and weighed as Statuspage and Instatus weigh them.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::rank;
use crate::model::time::When;
use crate::model::{ComponentStatus, Record};

/// A component's state over a stretch of time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: ComponentStatus,
}

/// One day of a component's uptime bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    /// Weighted seconds of downtime.
    pub downtime: f64,
    /// Seconds of the day that have passed (less than a day for today, and on DST days).
    pub window: i64,
    /// The worst status the component was in that day.
    pub worst: ComponentStatus,
}

impl Day {
    /// Downtime as a share of the day, 0 to 1.
    pub(crate) fn downtime_share(&self) -> f64 {
        if self.window > 0 {
            self.downtime / self.window as f64
        } else {
            0.0
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Uptime {
    /// Oldest first.
    pub days: Vec<Day>,
    /// Over the whole window, 0 to 100.
    pub percent: f64,
}

/// The share of a span's time that counts as downtime.
pub(crate) fn weight(status: ComponentStatus) -> f64 {
    match status {
        ComponentStatus::MajorOutage => 1.0,
        ComponentStatus::PartialOutage => 0.3,
        ComponentStatus::Operational
        | ComponentStatus::DegradedPerformance
        | ComponentStatus::UnderMaintenance => 0.0,
    }
}

/// When impact ended: the instant, or for a day-only time the end of that day (the incident
/// may have lasted all of it).
pub(crate) fn end_of(when: &When) -> DateTime<Utc> {
    if when.is_day_only() {
        when.utc + chrono::Duration::days(1)
    } else {
        when.utc
    }
}

/// The stretch `record` puts on component `id`: from its start to its end (now while it is
/// ongoing), in the worst status it gives the component. None without a start, and for
/// maintenance: maintenance time is never downtime.
pub(crate) fn span_of(record: &Record, id: &str, now: DateTime<Utc>) -> Option<Span> {
    if record.is_maintenance() {
        return None;
    }
    Some(Span {
        start: record.started.as_ref()?.value.utc,
        end: record.resolved.as_ref().map_or(now, |r| end_of(&r.value)),
        status: super::status_on(record, id),
    })
}

/// The last `count` days in `zone` up to `now`, oldest first: date, start, end (now for today).
pub(crate) fn window(
    now: DateTime<Utc>,
    zone: Tz,
    count: u32,
) -> Vec<(NaiveDate, DateTime<Utc>, DateTime<Utc>)> {
    let today = now.with_timezone(&zone).date_naive();
    (0..count)
        .rev()
        .filter_map(|back| today.checked_sub_days(Days::new(u64::from(back))))
        .map(|date| {
            let start = start_of_day(date, zone);
            let end = date
                .checked_add_days(Days::new(1))
                .map_or(now, |next| start_of_day(next, zone))
                .min(now);
            (date, start, end)
        })
        .collect()
}

/// Local midnight, or the first instant of the day where the clocks skip midnight.
pub(crate) fn start_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    (0..=2)
        .find_map(|hour| {
            zone.from_local_datetime(&(midnight + chrono::Duration::hours(hour)))
                .earliest()
        })
        .map_or_else(
            || Utc.from_utc_datetime(&midnight),
            |at| at.with_timezone(&Utc),
        )
}

/// Merges `spans` (the worst status wins where they overlap) and measures them per day.
pub(crate) fn measure(
    spans: &[Span],
    days: &[(NaiveDate, DateTime<Utc>, DateTime<Utc>)],
) -> Uptime {
    let mut result: Vec<Day> = days
        .iter()
        .map(|&(date, start, end)| Day {
            date,
            downtime: 0.0,
            window: (end - start).num_seconds().max(0),
            worst: ComponentStatus::Operational,
        })
        .collect();
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Uptime {
            days: result,
            percent: 100.0,
        };
    };
    let (from, until) = (first.1, last.2);
    // Boundaries: +1 where a span of a status begins, -1 where it ends.
    let mut events: Vec<(DateTime<Utc>, i32, ComponentStatus)> = Vec::new();
    for span in spans {
        let (start, end) = (span.start.max(from), span.end.min(until));
        if start < end && span.status != ComponentStatus::Operational {
            events.push((start, 1, span.status));
            events.push((end, -1, span.status));
        }
    }
    events.sort_by_key(|&(at, delta, _)| (at, delta));
    let mut active = [0i32; 5];
    let mut index = 0;
    while index < events.len() {
        let at = events[index].0;
        while index < events.len() && events[index].0 == at {
            let (_, delta, status) = events[index];
            active[usize::from(rank(status))] += delta;
            index += 1;
        }
        let Some(&(next, _, _)) = events.get(index) else {
            break;
        };
        let current = ComponentStatus::ALL
            .iter()
            .copied()
            .filter(|&s| active[usize::from(rank(s))] > 0)
            .max_by_key(|&s| rank(s));
        if let Some(status) = current {
            add_segment(&mut result, days, at, next, status);
        }
    }
    let window: i64 = result.iter().map(|d| d.window).sum();
    let downtime: f64 = result.iter().map(|d| d.downtime).sum();
    let percent = if window > 0 {
        100.0 * (1.0 - downtime / window as f64)
    } else {
        100.0
    };
    Uptime {
        days: result,
        percent,
    }
}

/// Adds `[start, end)` in `status` to the days it covers.
fn add_segment(
    result: &mut [Day],
    days: &[(NaiveDate, DateTime<Utc>, DateTime<Utc>)],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    status: ComponentStatus,
) {
    let first = days.partition_point(|&(_, _, day_end)| day_end <= start);
    for (day, &(_, day_start, day_end)) in result[first..].iter_mut().zip(&days[first..]) {
        if day_start >= end {
            break;
        }
        let overlap = (end.min(day_end) - start.max(day_start)).num_seconds();
        if overlap <= 0 {
            continue;
        }
        day.downtime += overlap as f64 * weight(status);
        if rank(status) > rank(day.worst) {
            day.worst = status;
        }
    }
}
