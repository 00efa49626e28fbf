//! The binary encoding of what a build's first pass keeps of an incident (its status and
//! views here, its slim record in [`super::record`]), on top of the lint cache's codec: read
//! field by field, so that a cache file yields nothing but what it decodes to.

use crate::check::cache::codec::{MALFORMED, Reader, Writer};
use crate::localize::postmortem::Text;
use crate::localize::site::{AffectedView, IncidentView, UpdateView};
use crate::model::time::When;
use crate::model::{ComponentStatus, Impact, Keyword, Lang, Spanned};
use crate::status::{Derived, IncidentStatus, Update, UpdateSource};

type Result<T> = std::result::Result<T, &'static str>;

const INCIDENT_STATUSES: [IncidentStatus; 5] = [
    IncidentStatus::Investigating,
    IncidentStatus::Identified,
    IncidentStatus::Monitoring,
    IncidentStatus::Resolved,
    IncidentStatus::Postmortem,
];

pub(super) fn option<T>(w: &mut Writer, value: Option<&T>, put: impl FnOnce(&mut Writer, &T)) {
    match value {
        None => w.u8(0),
        Some(value) => {
            w.u8(1);
            put(w, value);
        }
    }
}

pub(super) fn read_option<'b, T>(
    r: &mut Reader<'b>,
    get: impl FnOnce(&mut Reader<'b>) -> Result<T>,
) -> Result<Option<T>> {
    Ok(if r.bool()? { Some(get(r)?) } else { None })
}

pub(super) fn list<T>(w: &mut Writer, items: &[T], mut put: impl FnMut(&mut Writer, &T)) {
    w.usize(items.len());
    for item in items {
        put(w, item);
    }
}

pub(super) fn read_list<'b, T>(
    r: &mut Reader<'b>,
    mut get: impl FnMut(&mut Reader<'b>) -> Result<T>,
) -> Result<Vec<T>> {
    let count = r.usize()?;
    // Bounded by what is left: a corrupt count cannot reserve more than the file holds.
    let mut items = Vec::with_capacity(count.min(r.bytes.len()));
    for _ in 0..count {
        items.push(get(r)?);
    }
    Ok(items)
}

pub(super) fn keyword<K: Keyword + std::fmt::Display>(w: &mut Writer, value: K) {
    w.str(&value.to_string());
}

pub(super) fn read_keyword<K: Keyword>(r: &mut Reader<'_>) -> Result<K> {
    K::parse(&r.string()?).ok_or(MALFORMED)
}

pub(super) fn spanned<T>(w: &mut Writer, value: &Spanned<T>, put: impl FnOnce(&mut Writer, &T)) {
    w.span(value.span);
    put(w, &value.value);
}

pub(super) fn read_spanned<'b, T>(
    r: &mut Reader<'b>,
    get: impl FnOnce(&mut Reader<'b>) -> Result<T>,
) -> Result<Spanned<T>> {
    let span = r.span()?;
    Ok(Spanned::new(get(r)?, span))
}

pub(super) fn text(w: &mut Writer, value: &Spanned<String>) {
    spanned(w, value, |w, text| w.str(text));
}

pub(super) fn read_text(r: &mut Reader<'_>) -> Result<Spanned<String>> {
    read_spanned(r, Reader::string)
}

pub(super) fn opt_text(w: &mut Writer, value: Option<&Spanned<String>>) {
    option(w, value, text);
}

pub(super) fn read_opt_text(r: &mut Reader<'_>) -> Result<Option<Spanned<String>>> {
    read_option(r, read_text)
}

pub(super) fn opt_when(w: &mut Writer, value: Option<&Spanned<When>>) {
    option(w, value, |w, when| spanned(w, when, Writer::when));
}

pub(super) fn read_opt_when(r: &mut Reader<'_>) -> Result<Option<Spanned<When>>> {
    read_option(r, |r| read_spanned(r, Reader::when))
}

pub(super) fn opt_keyword<K: Keyword + std::fmt::Display>(
    w: &mut Writer,
    value: Option<&Spanned<K>>,
) {
    option(w, value, |w, value| {
        spanned(w, value, |w, k| keyword(w, *k))
    });
}

pub(super) fn read_opt_keyword<K: Keyword>(r: &mut Reader<'_>) -> Result<Option<Spanned<K>>> {
    read_option(r, |r| read_spanned(r, read_keyword))
}

pub(super) fn opt_flag(w: &mut Writer, value: Option<&Spanned<bool>>) {
    option(w, value, |w, value| {
        spanned(w, value, |w, b| w.u8(u8::from(*b)))
    });
}

pub(super) fn read_opt_flag(r: &mut Reader<'_>) -> Result<Option<Spanned<bool>>> {
    read_option(r, |r| read_spanned(r, Reader::bool))
}

fn incident_status(w: &mut Writer, status: IncidentStatus) {
    w.str(status.as_str());
}

fn read_incident_status(r: &mut Reader<'_>) -> Result<IncidentStatus> {
    let name = r.string()?;
    INCIDENT_STATUSES
        .into_iter()
        .find(|status| status.as_str() == name)
        .ok_or(MALFORMED)
}

/// An incident's status as the first pass derived it.
pub(super) fn derived(w: &mut Writer, derived: &Derived) {
    incident_status(w, derived.status);
    w.instant(derived.started);
    w.opt_instant(derived.resolved);
    w.opt_instant(derived.monitoring);
    list(w, &derived.updates, |w, update| {
        incident_status(w, update.status);
        w.instant(update.at);
        match update.source {
            UpdateSource::Timeline(index) => {
                w.u8(0);
                w.usize(index);
            }
            UpdateSource::Milestone(milestone) => {
                w.u8(1);
                keyword(w, milestone);
            }
        }
        w.usize(update.repeat);
    });
    w.instant(derived.revised);
}

pub(super) fn read_derived(r: &mut Reader<'_>) -> Result<Derived> {
    Ok(Derived {
        status: read_incident_status(r)?,
        started: r.instant()?,
        resolved: r.opt_instant()?,
        monitoring: r.opt_instant()?,
        updates: read_list(r, |r| {
            Ok(Update {
                status: read_incident_status(r)?,
                at: r.instant()?,
                source: match r.u8()? {
                    0 => UpdateSource::Timeline(r.usize()?),
                    1 => UpdateSource::Milestone(read_keyword(r)?),
                    _ => return Err(MALFORMED),
                },
                repeat: r.usize()?,
            })
        })?,
        revised: r.instant()?,
    })
}

fn view_text(w: &mut Writer, text: &Text) {
    w.str(&text.markdown);
    option(w, text.lang.as_ref(), |w, tag| w.str(tag));
    w.u8(u8::from(text.stale));
}

fn read_view_text(r: &mut Reader<'_>) -> Result<Text> {
    Ok(Text {
        markdown: r.string()?,
        lang: read_option(r, |r| {
            let tag = r.string()?;
            let lang = Lang::ALL.iter().find(|lang| lang.tag() == tag);
            lang.map(|lang| lang.tag()).ok_or(MALFORMED)
        })?,
        stale: r.bool()?,
    })
}

/// An incident's view in one language.
pub(super) fn view(w: &mut Writer, view: &IncidentView) {
    w.str(&view.id);
    view_text(w, &view.title);
    option(w, view.summary.as_ref(), view_text);
    w.str(view.impact);
    w.str(&view.impact_label);
    w.str(view.status);
    w.str(&view.status_text);
    w.u8(u8::from(view.ongoing));
    w.str(&view.period);
    w.str(&view.lasted);
    list(w, &view.components, |w, component| {
        w.str(&component.id);
        w.str(&component.name);
        w.str(component.status);
        w.str(&component.status_text);
    });
    option(w, view.latest.as_ref(), |w, latest| {
        w.str(&latest.status_text);
        w.str(&latest.time);
        view_text(w, &latest.text);
    });
    w.str(&view.started);
    w.str(&view.updated);
    w.u8(u8::from(view.not_public));
}

pub(super) fn read_view(r: &mut Reader<'_>) -> Result<IncidentView> {
    let id = r.string()?;
    let title = read_view_text(r)?;
    let summary = read_option(r, read_view_text)?;
    let impact = read_keyword::<Impact>(r)?.as_str();
    let impact_label = r.string()?;
    let status = read_incident_status(r)?.as_str();
    Ok(IncidentView {
        id,
        title,
        summary,
        impact,
        impact_label,
        status,
        status_text: r.string()?,
        ongoing: r.bool()?,
        period: r.string()?,
        lasted: r.string()?,
        components: read_list(r, |r| {
            Ok(AffectedView {
                id: r.string()?,
                name: r.string()?,
                status: read_keyword::<ComponentStatus>(r)?.as_str(),
                status_text: r.string()?,
            })
        })?,
        latest: read_option(r, |r| {
            Ok(UpdateView {
                status_text: r.string()?,
                time: r.string()?,
                text: read_view_text(r)?,
            })
        })?,
        started: r.string()?,
        updated: r.string()?,
        not_public: r.bool()?,
    })
}
