//! Points in time as incident authors write them, and how they resolve to instants.
//!
//! Authors rarely know every time to the second: a record mixes RFC 3339 instants, local
//! wall-clock times, bare dates and times of day. [`Written`] keeps what was written;
//! [`When`] is the resolved instant plus how precise it is, which rules need to compare fairly.

use chrono::format::{Item, Parsed, StrftimeItems};
use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Utc,
};
use chrono_tz::Tz;
use std::sync::LazyLock;

/// A time exactly as the record wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// `2023-12-17T03:56:00Z`: an instant with its own offset.
    Instant(DateTime<FixedOffset>, Precision),
    /// `2017-10-27 14:10`: wall-clock time in the record's zone.
    Local(NaiveDateTime, Precision),
    /// `2023-12-17`: known only to the day.
    Date(NaiveDate),
    /// `14:10`: on the date of the entry before it.
    TimeOfDay(NaiveTime, Precision),
}

/// How exactly a time is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Minute,
    Second,
}

/// A resolved point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The instant; for day precision, the start of that day in the record's zone.
    pub utc: DateTime<Utc>,
    /// The calendar date in the record's zone.
    pub local_date: NaiveDate,
    pub precision: Precision,
    pub written: Written,
}

impl When {
    pub(crate) fn is_day_only(&self) -> bool {
        self.precision == Precision::Day
    }
}

/// Accepted spellings, most specific first. `T` or a space may separate date and time.
const OFFSET_FORMATS: &[(&str, Precision)] = &[
    ("%Y-%m-%dT%H:%M:%S%.f%:z", Precision::Second),
    ("%Y-%m-%dT%H:%M:%S%.f%z", Precision::Second),
    ("%Y-%m-%dT%H:%M%:z", Precision::Minute),
    ("%Y-%m-%dT%H:%M%z", Precision::Minute),
];
const LOCAL_FORMATS: &[(&str, Precision)] = &[
    ("%Y-%m-%dT%H:%M:%S%.f", Precision::Second),
    ("%Y-%m-%dT%H:%M", Precision::Minute),
];
const TIME_FORMATS: &[(&str, Precision)] = &[
    ("%H:%M:%S%.f", Precision::Second),
    ("%H:%M", Precision::Minute),
];

/// A format list's `strftime` strings read once: chrono's `parse_from_str` reads the format
/// again on every call, and most times are tried against several formats before one fits.
type Compiled = LazyLock<Vec<(Vec<Item<'static>>, Precision)>>;

fn compile(formats: &[(&str, Precision)]) -> Vec<(Vec<Item<'static>>, Precision)> {
    formats
        .iter()
        .map(|(format, precision)| {
            let items = StrftimeItems::new(format).parse_to_owned();
            (items.expect("the time formats are valid"), *precision)
        })
        .collect()
}

static OFFSET_ITEMS: Compiled = LazyLock::new(|| compile(OFFSET_FORMATS));
static LOCAL_ITEMS: Compiled = LazyLock::new(|| compile(LOCAL_FORMATS));
static TIME_ITEMS: Compiled = LazyLock::new(|| compile(TIME_FORMATS));
static DATE_ITEMS: LazyLock<Vec<Item<'static>>> = LazyLock::new(|| {
    let items = StrftimeItems::new("%Y-%m-%d").parse_to_owned();
    items.expect("the date format is valid")
});

/// What chrono's `parse_from_str` reads from `text` with `format`, before it builds a value.
fn parsed(text: &str, format: &[Item<'static>]) -> Option<Parsed> {
    let mut parsed = Parsed::new();
    chrono::format::parse(&mut parsed, text, format.iter()).ok()?;
    Some(parsed)
}

/// Parses one of the time forms of DESIGN.md §2. The error says which forms are accepted.
pub fn parse(text: &str) -> Result<Written, String> {
    let written = parse_form(text)?;
    let year = match written {
        Written::Instant(instant, _) => Some(instant.year()),
        Written::Local(local, _) => Some(local.year()),
        Written::Date(date) => Some(date.year()),
        Written::TimeOfDay(..) => None,
    };
    // chrono also reads signed years of any length (`+262142-12-31`); at the ends of its
    // range a zone's offset takes the local time out of it, which panics deep in chrono.
    // RFC 3339 years have four digits, and so do the years of any incident.
    match year {
        Some(year) if !(0..=9999).contains(&year) => Err(format!(
            "`{}`: the year must have four digits (0000 to 9999)",
            text.trim()
        )),
        _ => Ok(written),
    }
}

fn parse_form(text: &str) -> Result<Written, String> {
    let trimmed = text.trim();
    // chrono reads a sign before any year; RFC 3339 years have none.
    if trimmed.starts_with(['+', '-']) {
        return Err(format!(
            "`{trimmed}`: the year must have four digits (0000 to 9999)"
        ));
    }
    let mut normalized = trimmed.to_string();
    if normalized.len() > 10 && normalized.as_bytes()[10] == b' ' {
        normalized.replace_range(10..11, "T");
    }
    if let Some(stripped) = normalized.strip_suffix(['Z', 'z']) {
        normalized = format!("{}+00:00", stripped.trim_end_matches(ZONE_SPACE));
    }
    // `2026-11-24 09:12:00 +0100`, as `git log --date=iso` writes it.
    if let Some(at) = normalized.rfind(['+', '-'])
        && normalized.find('T').is_some_and(|t| t < at)
    {
        let end = normalized[..at].trim_end_matches(ZONE_SPACE).len();
        normalized.replace_range(end..at, "");
    }
    // chrono skips white space before every number and reads `+01::00` or a U+2212 minus
    // as an offset; the forms of DESIGN.md §2 (and the schemas) have none of that.
    let plain = |c: char| c.is_ascii_digit() || matches!(c, 'T' | ':' | '.' | '+' | '-');
    if !normalized.chars().all(plain) || normalized.contains("::") {
        return Err(odd_form(trimmed));
    }
    for (format, precision) in OFFSET_ITEMS.iter() {
        if let Some(instant) = parsed(&normalized, format).and_then(|p| p.to_datetime().ok()) {
            return Ok(Written::Instant(instant, *precision));
        }
    }
    for (format, precision) in LOCAL_ITEMS.iter() {
        let local =
            parsed(&normalized, format).and_then(|p| p.to_naive_datetime_with_offset(0).ok());
        if let Some(local) = local {
            return Ok(Written::Local(local, *precision));
        }
    }
    if let Some(date) = parsed(trimmed, &DATE_ITEMS).and_then(|p| p.to_naive_date().ok()) {
        return Ok(Written::Date(date));
    }
    for (format, precision) in TIME_ITEMS.iter() {
        if let Some(time) = parsed(trimmed, format).and_then(|p| p.to_naive_time().ok()) {
            return Ok(Written::TimeOfDay(time, *precision));
        }
    }
    Err(format!("`{trimmed}` is not a time hindsight understands"))
}

/// Why a time with a character the forms do not have is refused, named, so that a record
/// that an older hindsight accepted says what to change.
fn odd_form(trimmed: &str) -> String {
    if trimmed.contains('\u{2212}') {
        format!(
            "`{trimmed}`: `\u{2212}` (U+2212, the minus sign) is not the `-` an offset takes; write `-01:00`"
        )
    } else if trimmed.contains("::") {
        format!("`{trimmed}`: the offset has `::`; write it as `+01:00`")
    } else if trimmed.chars().any(char::is_whitespace) {
        format!(
            "`{trimmed}`: white space inside the time; write one space between the date and the time (`2023-12-17 03:56`), none within either"
        )
    } else {
        format!("`{trimmed}` is not a time hindsight understands")
    }
}

/// What may stand between a time and its zone.
const ZONE_SPACE: [char; 2] = [' ', '\t'];

pub(crate) const ACCEPTED_FORMS: &str = "write `2023-12-17T03:56:00Z` (with offset), `2023-12-17 03:56` (in the record's timezone), `2023-12-17` (date only) or `03:56` (on the date of the entry before)";

/// Resolves a written time in `zone`. `base_date` is the local date a time of day belongs to.
pub fn resolve(written: Written, zone: Tz, base_date: Option<NaiveDate>) -> Result<When, String> {
    let from_local =
        |local: NaiveDateTime, precision: Precision| match zone.from_local_datetime(&local) {
            LocalResult::Single(at) => Ok(When {
                utc: at.with_timezone(&Utc),
                local_date: local.date(),
                precision,
                written,
            }),
            LocalResult::Ambiguous(..) => Err(format!(
                "{local} happens twice in {zone} (clocks went back); add the offset, e.g. `{}`",
                local.format("%Y-%m-%dT%H:%M:%S+01:00")
            )),
            LocalResult::None => Err(format!(
                "{local} does not exist in {zone} (clocks went forward past it)"
            )),
        };
    match written {
        Written::Instant(instant, precision) => {
            let utc = instant.with_timezone(&Utc);
            Ok(When {
                utc,
                local_date: utc.with_timezone(&zone).date_naive(),
                precision,
                written,
            })
        }
        Written::Local(local, precision) => from_local(local, precision),
        Written::Date(date) => {
            let start = date.and_time(NaiveTime::MIN);
            // A day always has a start, even when midnight itself is skipped by a DST change.
            let utc = zone
                .from_local_datetime(&start)
                .earliest()
                .map(|at| at.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&start));
            Ok(When {
                utc,
                local_date: date,
                precision: Precision::Day,
                written,
            })
        }
        Written::TimeOfDay(time, precision) => match base_date {
            Some(date) => from_local(date.and_time(time), precision),
            None => Err(format!(
                "`{}` has no date: give the first time of the record a date",
                time.format("%H:%M")
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_read_once_parse_as_chrono_parse_from_str_does() {
        let inputs = [
            "2023-12-17T03:56:00+00:00",
            "2023-12-17T03:56:00.250+01:00",
            "2023-12-17T03:56:00+0100",
            "2023-12-17T03:56+01:00",
            "2023-12-17T03:56-0130",
            "2023-12-17T03:56",
            "2023-12-17T03:56:07",
            "2023-12-17T03:56:07.5",
            "2023-02-30T03:56",
            "2023-12-17T24:00",
            "2023-12-17T03:60+00:00",
            "2023-12-17",
            "2023-13-01",
            "2023-12-17T",
            "03:56",
            "03:56:59.9",
            "25:00",
            "3:5",
            "",
            "T",
            "2023-12-17T03:56:00+25:00",
            "2023-12-17T03:56:00.+00:00",
            "0000-01-01T00:00",
        ];
        for text in inputs {
            for ((format, _), (items, _)) in OFFSET_FORMATS.iter().zip(OFFSET_ITEMS.iter()) {
                let fast = parsed(text, items).and_then(|p| p.to_datetime().ok());
                assert_eq!(
                    fast,
                    DateTime::parse_from_str(text, format).ok(),
                    "{text} {format}"
                );
            }
            for ((format, _), (items, _)) in LOCAL_FORMATS.iter().zip(LOCAL_ITEMS.iter()) {
                let fast =
                    parsed(text, items).and_then(|p| p.to_naive_datetime_with_offset(0).ok());
                assert_eq!(
                    fast,
                    NaiveDateTime::parse_from_str(text, format).ok(),
                    "{text} {format}"
                );
            }
            for ((format, _), (items, _)) in TIME_FORMATS.iter().zip(TIME_ITEMS.iter()) {
                let fast = parsed(text, items).and_then(|p| p.to_naive_time().ok());
                assert_eq!(
                    fast,
                    NaiveTime::parse_from_str(text, format).ok(),
                    "{text} {format}"
                );
            }
            let fast = parsed(text, &DATE_ITEMS).and_then(|p| p.to_naive_date().ok());
            assert_eq!(
                fast,
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn every_written_form_parses() {
        assert!(matches!(
            parse("2023-12-17T03:56:00Z"),
            Ok(Written::Instant(_, Precision::Second))
        ));
        assert!(matches!(
            parse("2023-12-17 03:56+01:00"),
            Ok(Written::Instant(_, Precision::Minute))
        ));
        assert!(matches!(
            parse("2017-10-27 14:10"),
            Ok(Written::Local(_, Precision::Minute))
        ));
        assert!(matches!(
            parse("2017-10-27T14:10:05"),
            Ok(Written::Local(_, Precision::Second))
        ));
        assert!(matches!(parse("2023-12-17"), Ok(Written::Date(_))));
        assert!(matches!(
            parse("14:10"),
            Ok(Written::TimeOfDay(_, Precision::Minute))
        ));
        assert!(parse("yesterday").is_err());
        assert!(parse("2023-13-01").is_err());
        assert!(parse("25:00").is_err());
    }

    #[test]
    fn years_beyond_four_digits_are_refused() {
        for text in [
            "+262142-12-31T23:59:59Z",
            "-262143-01-01T00:00:00Z",
            "+10000-01-01T00:00",
            "-0001-12-31",
        ] {
            assert!(parse(text).unwrap_err().contains("four digits"), "{text}");
        }
        assert!(parse("9999-12-31T23:59:59-23:59").is_ok());
        assert!(parse("0000-01-01").is_ok());
    }

    #[test]
    fn a_space_may_come_before_the_zone_and_nowhere_else() {
        let git = parse("2026-11-24 09:12:00 +0100").unwrap();
        assert_eq!(git, parse("2026-11-24T09:12:00+01:00").unwrap());
        assert_eq!(
            parse("2026-11-24 09:12 Z").unwrap(),
            parse("2026-11-24T09:12Z").unwrap()
        );
        for odd in [
            "2023-12-17  03:56",
            "2023-12-17T 03:56",
            "2023- 12-17",
            "+2023-12-17",
            "2023-12-17T03:56+01::00",
            "2023-12-17T03:56\u{2212}01:00",
        ] {
            assert!(parse(odd).is_err(), "{odd}");
        }
        let why = |odd: &str| parse(odd).unwrap_err();
        assert!(why("2023-12-17  03:56").contains("white space inside the time"));
        assert!(why("2023-12-17T03:56+01::00").contains("`::`"));
        assert!(why("2023-12-17T03:56\u{2212}01:00").contains("U+2212"));
    }

    #[test]
    fn local_times_use_the_zone_including_summer_time() {
        let london: Tz = "Europe/London".parse().unwrap();
        let when = resolve(parse("2017-10-27 14:10").unwrap(), london, None).unwrap();
        assert_eq!(when.utc.to_rfc3339(), "2017-10-27T13:10:00+00:00");
        let winter = resolve(parse("2017-11-27 14:10").unwrap(), london, None).unwrap();
        assert_eq!(winter.utc.to_rfc3339(), "2017-11-27T14:10:00+00:00");
    }

    #[test]
    fn time_of_day_takes_the_base_date() {
        let base = NaiveDate::from_ymd_opt(2017, 10, 27);
        let when = resolve(parse("15:31").unwrap(), Tz::UTC, base).unwrap();
        assert_eq!(when.utc.to_rfc3339(), "2017-10-27T15:31:00+00:00");
        assert!(resolve(parse("15:31").unwrap(), Tz::UTC, None).is_err());
    }

    #[test]
    fn nonexistent_and_ambiguous_local_times_are_errors() {
        let london: Tz = "Europe/London".parse().unwrap();
        assert!(
            resolve(parse("2017-03-26 01:30").unwrap(), london, None)
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(
            resolve(parse("2017-10-29 01:30").unwrap(), london, None)
                .unwrap_err()
                .contains("twice")
        );
    }

    #[test]
    fn instants_know_their_local_date() {
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
        let when = resolve(parse("2020-07-05T19:00:00Z").unwrap(), tokyo, None).unwrap();
        assert_eq!(
            when.local_date,
            NaiveDate::from_ymd_opt(2020, 7, 6).unwrap()
        );
    }
}
