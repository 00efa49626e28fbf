//! The lint cache's binary encoding of what a checked group leaves (diagnostics and index
//! entries), written and read field by field so that nothing in a cache file is trusted
//! beyond what it decodes to.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::path::PathBuf;

use chrono::{
    DateTime, Datelike as _, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike as _, Utc,
};
use chrono_tz::Tz;

use crate::check::index::RecordEntry;
use crate::check::rules::maintenance_overlap::Window;
use crate::diagnostic::{Diagnostic, Finding, Pos, Severity, Span};
use crate::model::time::{Precision, When, Written};
use crate::model::{RuleId, Spanned};

/// Why a cache file cannot be read.
pub(crate) const MALFORMED: &str = "it is malformed";

/// Appends values to a buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }
    pub(crate) fn i64(&mut self, value: i64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }
    pub(crate) fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }
    /// An unsigned integer in 7-bit groups, low first: one byte below 128.
    pub(crate) fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }
    /// A length, count or position: a varint (most are small).
    pub(crate) fn usize(&mut self, value: usize) {
        self.varint(value as u64);
    }
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.usize(bytes.len());
        self.bytes.extend_from_slice(bytes);
    }
    pub(crate) fn str(&mut self, text: &str) {
        self.raw(text.as_bytes());
    }
    pub(crate) fn instant(&mut self, at: DateTime<Utc>) {
        self.i64(at.timestamp());
        self.u64(u64::from(at.timestamp_subsec_nanos()));
    }
    pub(crate) fn opt_instant(&mut self, at: Option<DateTime<Utc>>) {
        match at {
            None => self.u8(0),
            Some(at) => {
                self.u8(1);
                self.instant(at);
            }
        }
    }

    pub(crate) fn span(&mut self, span: Span) {
        for pos in [span.start, span.end] {
            self.usize(pos.line);
            self.usize(pos.column);
            self.usize(pos.offset);
        }
    }

    pub(crate) fn diagnostic(&mut self, d: &Diagnostic) {
        self.raw(d.file.as_os_str().as_bytes());
        self.u8(d.severity as u8);
        let f = &d.finding;
        self.str(f.rule.as_str());
        self.span(f.span);
        self.str(&f.message);
        match &f.help {
            None => self.u8(0),
            Some(help) => {
                self.u8(1);
                self.str(help);
            }
        }
        self.u8(u8::from(f.secret));
    }

    pub(crate) fn date(&mut self, date: NaiveDate) {
        self.i64(i64::from(date.num_days_from_ce()));
    }

    pub(crate) fn time(&mut self, time: NaiveTime) {
        self.u64(u64::from(time.num_seconds_from_midnight()));
        self.u64(u64::from(time.nanosecond()));
    }

    pub(crate) fn when(&mut self, when: &When) {
        self.instant(when.utc);
        self.date(when.local_date);
        self.u8(when.precision as u8);
        match when.written {
            Written::Instant(at, precision) => {
                self.u8(0);
                self.instant(at.to_utc());
                self.i64(i64::from(at.offset().local_minus_utc()));
                self.u8(precision as u8);
            }
            Written::Local(at, precision) => {
                self.u8(1);
                self.date(at.date());
                self.time(at.time());
                self.u8(precision as u8);
            }
            Written::Date(date) => {
                self.u8(2);
                self.date(date);
            }
            Written::TimeOfDay(time, precision) => {
                self.u8(3);
                self.time(time);
                self.u8(precision as u8);
            }
        }
    }

    pub(crate) fn entry(&mut self, entry: &RecordEntry) {
        self.raw(entry.path.as_os_str().as_bytes());
        self.str(&entry.id);
        match &entry.window {
            None => self.u8(0),
            Some(window) => {
                self.u8(1);
                self.when(&window.scheduled_for.value);
                self.span(window.scheduled_for.span);
                self.when(&window.scheduled_until);
                self.str(window.zone.name());
                self.usize(window.components.len());
                for component in &window.components {
                    self.str(component);
                }
            }
        }
    }
}

/// Reads values back in the order they were written; every error is [`MALFORMED`].
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
}

type Result<T> = std::result::Result<T, &'static str>;

impl<'a> Reader<'a> {
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.bytes.len() {
            return Err(MALFORMED);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        self.take(N)?.try_into().map_err(|_| MALFORMED)
    }
    pub(crate) fn u32(&mut self) -> Result<u32> {
        self.array().map(u32::from_le_bytes)
    }
    pub(crate) fn u64(&mut self) -> Result<u64> {
        self.array().map(u64::from_le_bytes)
    }
    pub(crate) fn i64(&mut self) -> Result<i64> {
        self.array().map(i64::from_le_bytes)
    }
    pub(crate) fn i128(&mut self) -> Result<i128> {
        self.array().map(i128::from_le_bytes)
    }
    pub(crate) fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn usize(&mut self) -> Result<usize> {
        usize::try_from(self.varint()?).map_err(|_| MALFORMED)
    }
    pub(crate) fn varint(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(MALFORMED)
    }
    pub(crate) fn raw(&mut self) -> Result<&'a [u8]> {
        let len = self.usize()?;
        self.take(len)
    }
    pub(crate) fn string(&mut self) -> Result<String> {
        String::from_utf8(self.raw()?.to_vec()).map_err(|_| MALFORMED)
    }
    pub(crate) fn bool(&mut self) -> Result<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(MALFORMED),
        }
    }
    pub(crate) fn path(&mut self) -> Result<PathBuf> {
        Ok(PathBuf::from(OsStr::from_bytes(self.raw()?)))
    }
    pub(crate) fn instant(&mut self) -> Result<DateTime<Utc>> {
        let secs = self.i64()?;
        let nanos = u32::try_from(self.u64()?).map_err(|_| MALFORMED)?;
        DateTime::from_timestamp(secs, nanos).ok_or(MALFORMED)
    }
    pub(crate) fn opt_instant(&mut self) -> Result<Option<DateTime<Utc>>> {
        Ok(if self.bool()? {
            Some(self.instant()?)
        } else {
            None
        })
    }

    pub(crate) fn span(&mut self) -> Result<Span> {
        let mut pos = || -> Result<Pos> {
            Ok(Pos {
                line: self.usize()?,
                column: self.usize()?,
                offset: self.usize()?,
            })
        };
        Ok(Span {
            start: pos()?,
            end: pos()?,
        })
    }

    pub(crate) fn diagnostic(&mut self) -> Result<Diagnostic> {
        let file = self.path()?;
        let severity = match self.u8()? {
            s if s == Severity::Info as u8 => Severity::Info,
            s if s == Severity::Warning as u8 => Severity::Warning,
            s if s == Severity::Error as u8 => Severity::Error,
            _ => return Err(MALFORMED),
        };
        let rule = RuleId::parse(&self.string()?).ok_or(MALFORMED)?;
        let span = self.span()?;
        let message = self.string()?;
        let help = if self.bool()? {
            Some(self.string()?)
        } else {
            None
        };
        let secret = self.bool()?;
        Ok(Diagnostic {
            file,
            severity,
            finding: Finding {
                rule,
                span,
                message,
                help,
                secret,
            },
        })
    }

    pub(crate) fn date(&mut self) -> Result<NaiveDate> {
        let days = i32::try_from(self.i64()?).map_err(|_| MALFORMED)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or(MALFORMED)
    }

    pub(crate) fn time(&mut self) -> Result<NaiveTime> {
        let secs = u32::try_from(self.u64()?).map_err(|_| MALFORMED)?;
        let nanos = u32::try_from(self.u64()?).map_err(|_| MALFORMED)?;
        NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos).ok_or(MALFORMED)
    }

    fn precision(&mut self) -> Result<Precision> {
        let byte = self.u8()?;
        [Precision::Day, Precision::Minute, Precision::Second]
            .into_iter()
            .find(|p| *p as u8 == byte)
            .ok_or(MALFORMED)
    }

    pub(crate) fn when(&mut self) -> Result<When> {
        let utc = self.instant()?;
        let local_date = self.date()?;
        let precision = self.precision()?;
        let written = match self.u8()? {
            0 => {
                let at = self.instant()?;
                let offset = i32::try_from(self.i64()?).map_err(|_| MALFORMED)?;
                let offset = FixedOffset::east_opt(offset).ok_or(MALFORMED)?;
                Written::Instant(at.with_timezone(&offset), self.precision()?)
            }
            1 => {
                let date = self.date()?;
                let time = self.time()?;
                Written::Local(NaiveDateTime::new(date, time), self.precision()?)
            }
            2 => Written::Date(self.date()?),
            3 => {
                let time = self.time()?;
                Written::TimeOfDay(time, self.precision()?)
            }
            _ => return Err(MALFORMED),
        };
        Ok(When {
            utc,
            local_date,
            precision,
            written,
        })
    }

    pub(crate) fn entry(&mut self) -> Result<RecordEntry> {
        let path = self.path()?;
        let id = self.string()?;
        let window = if self.bool()? {
            let from = self.when()?;
            let span = self.span()?;
            let until = self.when()?;
            let zone: Tz = self.string()?.parse().map_err(|_| MALFORMED)?;
            let count = self.usize()?;
            let mut components = Vec::new();
            for _ in 0..count {
                components.push(self.string()?);
            }
            Some(Window {
                scheduled_for: Spanned { value: from, span },
                scheduled_until: until,
                zone,
                components,
            })
        } else {
            None
        };
        Ok(RecordEntry { path, id, window })
    }
}
