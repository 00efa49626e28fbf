//! The formatting context of one postmortem page: its language, messages, date formats and the
//! record's time zone, and the localized dates, times and durations built from them.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use fluent_bundle::FluentValue;

use super::super::format::{self, DateFormats};
use super::super::zone::{ZoneName, zone_name};
use super::super::{Localizer, Messages};
use crate::model::Lang;
use crate::model::time::When;

pub(crate) struct Context<'a> {
    pub(super) lang: Lang,
    pub(super) messages: &'a Messages,
    pub(super) dates: &'a DateFormats,
    pub(super) zone: Tz,
}

impl<'a> Context<'a> {
    pub(crate) fn new(localizer: &'a Localizer, lang: Lang, zone: Tz) -> Self {
        Context {
            lang,
            messages: &localizer.messages,
            dates: localizer.dates(lang),
            zone,
        }
    }

    pub(crate) fn text(&self, id: &str) -> String {
        self.messages.text(self.lang, id)
    }

    pub(crate) fn format(&self, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, FluentValue)> = args
            .iter()
            .map(|(name, value)| (*name, FluentValue::from(value.as_str())))
            .collect();
        self.messages.format(self.lang, id, &args)
    }

    pub(crate) fn keyword(&self, prefix: &str, keyword: impl std::fmt::Display) -> String {
        self.text(&format!("{prefix}-{keyword}"))
    }

    /// A keyword's word as it reads inside a sentence (`degraded performance`).
    pub(crate) fn inline_keyword(&self, prefix: &str, keyword: impl std::fmt::Display) -> String {
        self.messages
            .inline(self.lang, &format!("{prefix}-{keyword}"))
    }

    pub(crate) fn duration(&self, seconds: i64) -> String {
        format::duration(self.messages, self.lang, seconds)
    }

    pub(crate) fn dates(&self) -> &DateFormats {
        self.dates
    }

    pub(super) fn local(&self, when: &When) -> NaiveDateTime {
        when.utc.with_timezone(&self.zone).naive_local()
    }

    pub(super) fn zone_name(&self, when: &When) -> ZoneName {
        zone_name(self.lang, when.utc, self.zone)
    }

    /// A date and a time of day joined as the language joins them: `December 17, 2023, 03:56`.
    pub(super) fn date_time(&self, local: NaiveDateTime) -> String {
        self.join_date(local, self.dates.time(local))
    }

    /// The end of a range over several days, its year left out where the language leaves
    /// it out: `2026年10月31日 23:40～11月1日 1:05`.
    pub(super) fn range_end(&self, start: NaiveDateTime, end: NaiveDateTime) -> String {
        self.format(
            "datetime",
            &[
                ("date", self.dates.end_date(start.date(), end.date())),
                ("time", self.dates.time(end)),
            ],
        )
    }

    /// The date of `local` before `time`, a time of day or a phrase around one (`around 19:00`).
    pub(super) fn join_date(&self, local: NaiveDateTime, time: String) -> String {
        self.format(
            "datetime",
            &[("date", self.dates.date(local.date())), ("time", time)],
        )
    }

    /// A time, or a range of times, with its zone where the language puts it:
    /// `03:56–04:15 UTC`, `3:56～4:15（UTC）`, `北京时间 08:00 至 08:01`.
    pub(super) fn zoned(&self, datetime: String, zone: ZoneName) -> String {
        let id = if zone.words {
            "datetime-zone-named"
        } else {
            "datetime-zoned"
        };
        self.format(id, &[("datetime", datetime), ("zone", zone.text)])
    }

    /// An instant with its date and zone: `November 22, 2026, 12:00 UTC`.
    pub(crate) fn instant(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.zone).naive_local();
        self.zoned(self.date_time(local), zone_name(self.lang, at, self.zone))
    }

    /// A point in time with its date and zone, or as a day when only the day is known.
    pub(super) fn moment(&self, when: &When) -> String {
        if when.is_day_only() {
            return self.format(
                "time-day-only",
                &[("date", self.dates.date(when.local_date))],
            );
        }
        self.zoned(self.date_time(self.local(when)), self.zone_name(when))
    }
}
