//! The formatting context of one postmortem page: its language, messages, date formats and the
//! record's time zone, and the localized dates, times and durations built from them.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use fluent_bundle::FluentValue;

use super::super::format::{self, DateFormats};
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

    pub(super) fn zone_label(&self, when: &When) -> String {
        format::zone_label(when.utc, self.zone)
    }

    /// An instant with its date and zone: `November 22, 2026 at 12:00 UTC`.
    pub(crate) fn instant(&self, at: DateTime<Utc>) -> String {
        self.format(
            "datetime-zoned",
            &[
                (
                    "datetime",
                    self.dates
                        .date_time(at.with_timezone(&self.zone).naive_local()),
                ),
                ("zone", format::zone_label(at, self.zone)),
            ],
        )
    }

    /// A point in time with its date and zone, or as a day when only the day is known.
    pub(super) fn moment(&self, when: &When) -> String {
        if when.is_day_only() {
            return self.format(
                "time-day-only",
                &[("date", self.dates.date(when.local_date))],
            );
        }
        self.format(
            "datetime-zoned",
            &[
                ("datetime", self.dates.date_time(self.local(when))),
                ("zone", self.zone_label(when)),
            ],
        )
    }
}
