//! Localized values: CLDR dates and times through ICU4X, durations in words through Fluent.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use fluent_bundle::FluentValue;
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{MD, T, YM, YMD};
use icu_datetime::input::{DateTime as IcuDateTime, Time};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

use super::Messages;
use super::cldr::Cldr;
use crate::model::Lang;

/// The CLDR formatters of one language: long dates, months, 24-hour times and decimals.
/// A date and a time are joined by the `datetime` message, so that ranges and approximate
/// times can join them the same way.
pub struct DateFormats {
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    month_day: FixedCalendarDateTimeFormatter<Gregorian, MD>,
    decimal: DecimalFormatter,
    time: FixedCalendarDateTimeFormatter<Gregorian, T>,
    /// The language writes the year first (`2023年12月17日`).
    year_first: bool,
}

impl std::fmt::Debug for DateFormats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DateFormats")
    }
}

impl DateFormats {
    pub(crate) fn new(lang: Lang) -> anyhow::Result<DateFormats> {
        // Incident timelines are read against each other and across zones: 24-hour clocks
        // in every language, as the seeds' own timelines use.
        let locale: Locale = format!("{lang}-u-hc-h23")
            .parse()
            .map_err(|e| anyhow::anyhow!("locale {lang}: {e:?}"))?;
        let load = |e| anyhow::anyhow!("date formats for {lang}: {e:?}");
        let mut formats = DateFormats {
            date: FixedCalendarDateTimeFormatter::try_new_unstable(
                &Cldr,
                (&locale).into(),
                YMD::long(),
            )
            .map_err(load)?,
            month: FixedCalendarDateTimeFormatter::try_new_unstable(
                &Cldr,
                (&locale).into(),
                YM::long(),
            )
            .map_err(load)?,
            month_day: FixedCalendarDateTimeFormatter::try_new_unstable(
                &Cldr,
                (&locale).into(),
                MD::long(),
            )
            .map_err(load)?,
            decimal: DecimalFormatter::try_new_unstable(
                &Cldr,
                (&locale).into(),
                Default::default(),
            )
            .map_err(|e| anyhow::anyhow!("number formats for {lang}: {e:?}"))?,
            time: FixedCalendarDateTimeFormatter::try_new_unstable(
                &Cldr,
                (&locale).into(),
                T::hm(),
            )
            .map_err(load)?,
            year_first: false,
        };
        let sample = NaiveDate::from_ymd_opt(2023, 12, 17).unwrap_or_default();
        formats.year_first = formats.date(sample).starts_with("2023");
        Ok(formats)
    }

    /// `December 17, 2023`, `17. Dezember 2023`, `2023年12月17日`.
    pub(crate) fn date(&self, date: NaiveDate) -> String {
        match icu_date(date) {
            Some(icu) => self.date.format(&icu).to_string(),
            None => date.to_string(),
        }
    }

    /// `December 2023`, `Dezember 2023`, `2023年12月`.
    pub(crate) fn month(&self, date: NaiveDate) -> String {
        match icu_date(date) {
            Some(icu) => self.month.format(&icu).to_string(),
            None => date.format("%Y-%m").to_string(),
        }
    }

    /// A percentage with two decimals, cut (not rounded) so that any downtime at all never
    /// shows as 100: `99.97`, `99,97`.
    pub(crate) fn percent(&self, percent: f64) -> String {
        let hundredths = (percent.clamp(0.0, 100.0) * 100.0).floor() as i64;
        let mut decimal = Decimal::from(hundredths);
        decimal.multiply_pow10(-2);
        self.decimal.format(&decimal).to_string()
    }

    /// The end date of a range that began on `start`: in a language that writes the year
    /// first, without the year when it is the start's (`2026年10月31日～11月1日`), as CLDR's
    /// interval formats write it; in full otherwise (`31. Oktober 2026 – 1. November 2026`).
    pub(crate) fn end_date(&self, start: NaiveDate, end: NaiveDate) -> String {
        if !(self.year_first && start.year() == end.year()) {
            return self.date(end);
        }
        match icu_date(end) {
            Some(icu) => self.month_day.format(&icu).to_string(),
            None => self.date(end),
        }
    }

    /// The time of day alone: `03:56`.
    pub(crate) fn time(&self, local: NaiveDateTime) -> String {
        match (icu_date(local.date()), icu_time(local)) {
            (Some(date), Some(time)) => self.time.format(&IcuDateTime { date, time }).to_string(),
            _ => local.format("%H:%M").to_string(),
        }
    }
}

fn icu_date(date: NaiveDate) -> Option<Date<Gregorian>> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Date::try_new_gregorian(date.year(), month, day).ok()
}

fn icu_time(local: NaiveDateTime) -> Option<Time> {
    let hour = u8::try_from(local.hour()).ok()?;
    let minute = u8::try_from(local.minute()).ok()?;
    Time::try_new(hour, minute, 0, 0).ok()
}

/// A duration in words: one unit spelled out (`19 minutes`, `19 Minuten`, `19分`, `19分钟`),
/// several in the short form (`1 h 21 min`, `1 Std. 21 Min.`, `1時間21分`, `1小时21分钟`).
/// Rounded to the minute above one minute.
pub fn duration(messages: &Messages, lang: Lang, seconds: i64) -> String {
    let seconds = seconds.max(0);
    // Times are mostly known to the minute: nothing elapsed reads "0 minutes", not seconds.
    let parts: Vec<(&str, i64)> = if seconds == 0 {
        vec![("minutes", 0)]
    } else if seconds < 60 {
        vec![("seconds", seconds)]
    } else {
        let minutes = (seconds + 30) / 60;
        // Japanese reports count long outages in hours: `1日59分` reads as "59 minutes a day".
        let (days, hours) = if messages.text(lang, "duration-largest-unit") == "hours" {
            (0, minutes / 60)
        } else {
            (minutes / 1440, minutes / 60 % 24)
        };
        [("days", days), ("hours", hours), ("minutes", minutes % 60)]
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .collect()
    };
    if let [(unit, count)] = parts.as_slice() {
        return messages.format(
            lang,
            &format!("duration-{unit}"),
            &[("count", FluentValue::from(*count))],
        );
    }
    let join = messages.text(lang, "duration-join");
    parts
        .iter()
        .map(|(unit, count)| {
            messages.format(
                lang,
                &format!("duration-short-{unit}"),
                &[("count", FluentValue::from(*count))],
            )
        })
        .collect::<Vec<_>>()
        .join(&join)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn long_dates_follow_cldr() {
        let day = date(2023, 12, 17);
        let formatted: Vec<String> = Lang::ALL
            .iter()
            .map(|&lang| DateFormats::new(lang).unwrap().date(day))
            .collect();
        assert_eq!(
            formatted,
            [
                "December 17, 2023",
                "17. Dezember 2023",
                "2023年12月17日",
                "2023年12月17日"
            ]
        );
    }

    #[test]
    fn months_and_percentages_follow_cldr() {
        let formats: Vec<DateFormats> = Lang::ALL
            .iter()
            .map(|&lang| DateFormats::new(lang).unwrap())
            .collect();
        let months: Vec<String> = formats
            .iter()
            .map(|f| f.month(date(2023, 12, 17)))
            .collect();
        assert_eq!(
            months,
            ["December 2023", "Dezember 2023", "2023年12月", "2023年12月"]
        );
        let percents: Vec<String> = formats.iter().map(|f| f.percent(99.97999)).collect();
        assert_eq!(percents, ["99.97", "99,97", "99.97", "99.97"]);
        assert_eq!(formats[0].percent(100.0), "100.00");
        assert_eq!(
            formats[0].percent(99.999),
            "99.99",
            "downtime never shows as 100"
        );
    }

    #[test]
    fn times_use_a_24_hour_clock_in_every_language() {
        let at = date(2017, 10, 27).and_hms_opt(15, 31, 0).unwrap();
        for &lang in Lang::ALL {
            assert_eq!(DateFormats::new(lang).unwrap().time(at), "15:31", "{lang}");
        }
        let early = date(2017, 10, 27).and_hms_opt(3, 5, 0).unwrap();
        let times: Vec<String> = Lang::ALL
            .iter()
            .map(|&lang| DateFormats::new(lang).unwrap().time(early))
            .collect();
        assert_eq!(times, ["03:05", "03:05", "3:05", "03:05"]);
    }

    #[test]
    fn a_ranges_end_drops_the_year_only_where_the_year_comes_first() {
        let end = |lang, start| {
            DateFormats::new(lang)
                .unwrap()
                .end_date(start, date(2026, 11, 1))
        };
        assert_eq!(end(Lang::Ja, date(2026, 10, 31)), "11月1日");
        assert_eq!(end(Lang::Zh, date(2026, 10, 31)), "11月1日");
        assert_eq!(end(Lang::Ja, date(2025, 12, 31)), "2026年11月1日");
        assert_eq!(end(Lang::En, date(2026, 10, 31)), "November 1, 2026");
        assert_eq!(end(Lang::De, date(2026, 10, 31)), "1. November 2026");
    }

    #[test]
    fn durations_in_words() {
        let messages = Messages::builtin().unwrap();
        let all = |seconds| -> Vec<String> {
            Lang::ALL
                .iter()
                .map(|&lang| duration(&messages, lang, seconds))
                .collect()
        };
        assert_eq!(
            all(19 * 60),
            ["19 minutes", "19\u{a0}Minuten", "19分", "19分钟"]
        );
        assert_eq!(all(60), ["1 minute", "1\u{a0}Minute", "1分", "1分钟"]);
        assert_eq!(
            all(11 * 3600 + 30 * 60),
            [
                "11 h 30 min",
                "11\u{a0}Std. 30\u{a0}Min.",
                "11時間30分",
                "11小时30分钟"
            ]
        );
        assert_eq!(
            all(2 * 3600),
            ["2 hours", "2\u{a0}Stunden", "2時間", "2小时"]
        );
        assert_eq!(all(45), ["45 seconds", "45\u{a0}Sekunden", "45秒", "45秒"]);
        assert_eq!(
            all(2 * 86_400 + 4 * 3600),
            ["2 d 4 h", "2\u{a0}Tg. 4\u{a0}Std.", "52時間", "2天4小时"]
        );
        // `1日59分` would read as "59 minutes a day": Japanese counts hours past a day.
        assert_eq!(
            all(86_400 + 59 * 60),
            [
                "1 d 59 min",
                "1\u{a0}Tg. 59\u{a0}Min.",
                "24時間59分",
                "1天59分钟"
            ]
        );
        assert_eq!(all(27 * 3600 + 15 * 60)[2], "27時間15分");
    }
}
