//! The binary encoding of a slim record (`slim::viewed`) in the first pass's cache: every
//! field the status and the metrics read, with its span.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::path::PathBuf;

use chrono_tz::Tz;

use super::codec::*;
use crate::check::cache::codec::{MALFORMED, Reader, Writer};
use crate::load::{RecordFile, SourceText};
use crate::model::duration::DurationClaim;
use crate::model::{
    Action, ActionKind, ActionStatus, Affected, ComponentStatus, Impact, Lang, Milestone, Record,
    RecordKind, RecordStatus, TimelineEntry, UpdateStatus,
};

type Result<T> = std::result::Result<T, &'static str>;

/// A record file kept slim: its path, id and record (its text and findings are not kept).
pub(super) fn record_file(w: &mut Writer, file: &RecordFile) {
    w.raw(file.source.path.as_os_str().as_bytes());
    w.str(&file.id);
    option(w, file.record.as_ref(), record);
}

pub(super) fn read_record_file(r: &mut Reader<'_>) -> Result<RecordFile> {
    let path = PathBuf::from(OsStr::from_bytes(r.raw()?));
    let id = r.string()?;
    let record = read_option(r, read_record)?;
    Ok(RecordFile {
        source: SourceText {
            path,
            text: String::new(),
        },
        id,
        record,
        findings: Vec::new(),
    })
}

fn record(w: &mut Writer, record: &Record) {
    w.str(&record.id);
    text(w, &record.title);
    spanned(w, &record.lang, |w, lang| keyword(w, *lang));
    spanned(w, &record.status, |w, status| keyword(w, *status));
    opt_keyword(w, record.kind.as_ref());
    opt_keyword(w, record.severity.as_ref());
    list(w, &record.affected.0, |w, (id, status)| {
        text(w, id);
        spanned(w, status, |w, status| keyword(w, *status));
    });
    option(w, record.timezone.as_ref(), |w, zone| {
        spanned(w, zone, |w, zone| w.str(zone.name()));
    });
    opt_when(w, record.scheduled_for.as_ref());
    opt_when(w, record.scheduled_until.as_ref());
    opt_flag(w, record.auto_complete.as_ref());
    opt_flag(w, record.cancelled.as_ref());
    for milestone in [
        &record.started,
        &record.detected,
        &record.acknowledged,
        &record.mitigated,
        &record.resolved,
    ] {
        opt_when(w, milestone.as_ref());
    }
    option(w, record.duration.as_ref(), |w, claim| {
        spanned(w, claim, |w, claim| {
            w.u64(claim.seconds.to_bits());
            w.u8(u8::from(claim.approximate));
            w.u64(claim.resolution.to_bits());
        });
    });
    for section in [
        &record.summary,
        &record.impact,
        &record.what_happened,
        &record.root_cause,
        &record.trigger,
        &record.detection,
        &record.resolution,
    ] {
        opt_text(w, section.as_ref());
    }
    list(w, &record.timeline, |w, entry| {
        spanned(w, &entry.at, Writer::when);
        w.u8(u8::from(entry.approximate));
        text(w, &entry.text);
        opt_keyword(w, entry.marks.as_ref());
        opt_keyword(w, entry.status.as_ref());
    });
    list(w, &record.lessons, text);
    list(w, &record.actions, |w, action| {
        text(w, &action.text);
        spanned(w, &action.status, |w, status| keyword(w, *status));
        opt_keyword(w, action.kind.as_ref());
        opt_text(w, action.owner.as_ref());
        option(w, action.due.as_ref(), |w, due| {
            spanned(w, due, |w, d| w.date(*d))
        });
        opt_text(w, action.link.as_ref());
    });
    list(w, &record.authors, text);
    opt_text(w, record.internal.as_ref());
}

fn read_record(r: &mut Reader<'_>) -> Result<Record> {
    let id = r.string()?;
    let title = read_text(r)?;
    let lang = read_spanned(r, read_keyword::<Lang>)?;
    let status = read_spanned(r, read_keyword::<RecordStatus>)?;
    let kind = read_opt_keyword::<RecordKind>(r)?;
    let severity = read_opt_keyword::<Impact>(r)?;
    let affected = Affected(read_list(r, |r| {
        Ok((
            read_text(r)?,
            read_spanned(r, read_keyword::<ComponentStatus>)?,
        ))
    })?);
    let timezone = read_option(r, |r| {
        read_spanned(r, |r| r.string()?.parse::<Tz>().map_err(|_| MALFORMED))
    })?;
    let scheduled_for = read_opt_when(r)?;
    let scheduled_until = read_opt_when(r)?;
    let auto_complete = read_opt_flag(r)?;
    let cancelled = read_opt_flag(r)?;
    let started = read_opt_when(r)?;
    let detected = read_opt_when(r)?;
    let acknowledged = read_opt_when(r)?;
    let mitigated = read_opt_when(r)?;
    let resolved = read_opt_when(r)?;
    let duration = read_option(r, |r| {
        read_spanned(r, |r| {
            Ok(DurationClaim {
                seconds: f64::from_bits(r.u64()?),
                approximate: r.bool()?,
                resolution: f64::from_bits(r.u64()?),
            })
        })
    })?;
    let summary = read_opt_text(r)?;
    let impact = read_opt_text(r)?;
    let what_happened = read_opt_text(r)?;
    let root_cause = read_opt_text(r)?;
    let trigger = read_opt_text(r)?;
    let detection = read_opt_text(r)?;
    let resolution = read_opt_text(r)?;
    let timeline = read_list(r, |r| {
        Ok(TimelineEntry {
            at: read_spanned(r, Reader::when)?,
            approximate: r.bool()?,
            text: read_text(r)?,
            marks: read_opt_keyword::<Milestone>(r)?,
            status: read_opt_keyword::<UpdateStatus>(r)?,
        })
    })?;
    let lessons = read_list(r, read_text)?;
    let actions = read_list(r, |r| {
        Ok(Action {
            text: read_text(r)?,
            status: read_spanned(r, read_keyword::<ActionStatus>)?,
            kind: read_opt_keyword::<ActionKind>(r)?,
            owner: read_opt_text(r)?,
            due: read_option(r, |r| read_spanned(r, Reader::date))?,
            link: read_opt_text(r)?,
        })
    })?;
    let authors = read_list(r, read_text)?;
    let internal = read_opt_text(r)?;
    Ok(Record {
        id,
        title,
        lang,
        status,
        kind,
        severity,
        affected,
        timezone,
        scheduled_for,
        scheduled_until,
        auto_complete,
        cancelled,
        started,
        detected,
        acknowledged,
        mitigated,
        resolved,
        duration,
        summary,
        impact,
        what_happened,
        root_cause,
        trigger,
        detection,
        resolution,
        timeline,
        lessons,
        actions,
        authors,
        internal,
    })
}
