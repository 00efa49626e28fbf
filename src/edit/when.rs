//! The time of an update: read like a timeline entry's, written the way the record writes its
//! times, and compared with the entries before it at the coarser precision.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::Refusal;
use crate::model::Record;
use crate::model::time::{self, Precision, When, Written};

/// The update's time, written in the style of the record's last entry, and what it reads as.
pub(super) fn new_time(
    record: &Record,
    at: Option<&str>,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<(String, When), Refusal> {
    let base = record
        .timeline
        .last()
        .map(|e| e.at.value.local_date)
        .or(record.started.as_ref().map(|s| s.value.local_date));
    let when = match at {
        Some(at) => time::parse(at)
            .and_then(|written| time::resolve(written, zone, base))
            .map_err(|message| Refusal(format!("--at: {message}; {}", time::ACCEPTED_FORMS)))?,
        None => {
            let minute = DateTime::from_timestamp(now.timestamp() / 60 * 60, 0).unwrap_or(now);
            let local = minute.with_timezone(&zone).naive_local();
            time::resolve(Written::Local(local, Precision::Minute), zone, base)
                .or_else(|_| {
                    time::resolve(
                        Written::Instant(minute.fixed_offset(), Precision::Minute),
                        zone,
                        base,
                    )
                })
                .map_err(Refusal)?
        }
    };
    let instant_style = record
        .timeline
        .last()
        .is_some_and(|e| matches!(e.at.value.written, Written::Instant(..)));
    let text = if instant_style && when.precision != Precision::Day {
        written_instant(&when, zone)
    } else {
        written_text(&when, zone)
    };
    // Read back what is written, so the record holds exactly the time checked here.
    let when = time::parse(&text)
        .and_then(|written| time::resolve(written, zone, base))
        .or_else(|_| {
            let text = written_instant(&when, zone);
            time::parse(&text).and_then(|written| time::resolve(written, zone, base))
        })
        .map_err(Refusal)?;
    let text = match when.written {
        Written::Instant(..) => written_instant(&when, zone),
        _ => text,
    };
    Ok((text, when))
}

/// A time as a reader of the record's zone writes it: `2026-11-21 10:35`, or a date.
pub(super) fn written_text(when: &When, zone: Tz) -> String {
    let local = when.utc.with_timezone(&zone);
    match when.precision {
        Precision::Day => when.local_date.format("%Y-%m-%d").to_string(),
        Precision::Minute => local.format("%Y-%m-%d %H:%M").to_string(),
        Precision::Second => local.format("%Y-%m-%d %H:%M:%S").to_string(),
    }
}

fn written_instant(when: &When, zone: Tz) -> String {
    let local = when.utc.with_timezone(&zone);
    local
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
        .replace("+00:00", "Z")
}

/// Whether `new` comes before `last`, compared at the coarser of the two precisions.
pub(super) fn earlier(new: &When, last: &When) -> bool {
    match new.precision.min(last.precision) {
        Precision::Day => new.local_date < last.local_date,
        Precision::Minute => new.utc.timestamp() / 60 < last.utc.timestamp() / 60,
        Precision::Second => new.utc < last.utc,
    }
}
