//! The site's view of each incident in every language, made by a build's first pass while the
//! record and its overlays are read whole: once made, the overlays are not kept at all, and
//! the record keeps only what the status and the metrics read (`slim::viewed`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::SiteAssets;
use super::localized::in_language;
use crate::load::Loaded;
use crate::localize::site::{IncidentView, incident_view};
use crate::model::{Lang, Overlay, SiteConfig};
use crate::status::Derived;

/// Each incident's status and views by record id, the views in the site's languages (in
/// their order), each taken once by the build that shows it (boxed, so that what is left of
/// a view taken is a pointer, not its fields, and the site's views keep the box).
#[derive(Default)]
pub(crate) struct Premade(HashMap<Box<str>, Incident>);

/// An incident's status, and its views not taken yet.
type Incident = (Derived, Vec<Option<Box<IncidentView>>>);

/// What the first pass makes of an incident: its id, status and views (each boxed where it
/// is made, on the thread that made it: boxed after the pass, every view was copied and the
/// list it was made in freed, among what the build holds).
pub(crate) type Made = (String, Derived, Vec<Box<IncidentView>>);

impl Premade {
    pub(crate) fn insert(&mut self, (id, derived, views): Made) {
        let views = views.into_iter().map(Some).collect();
        self.0.insert(id.into(), (derived, views));
    }

    /// The status of incident `id`, if it was derived.
    pub(crate) fn derived(&self, id: &str) -> Option<Derived> {
        Some(self.0.get(id)?.0.clone())
    }

    /// The view of record `id` in the site's `lang`th language, if it was made; it is
    /// handed over in its box, not copied (the views of every incident are most of what a
    /// build holds).
    pub(crate) fn take(&mut self, id: &str, lang: usize) -> Option<Box<IncidentView>> {
        self.0.get_mut(id)?.1.get_mut(lang)?.take()
    }
}

/// The id, status and views of a checked group's record in every language of the site, as
/// the status and localize stages make them from the whole corpus: made when the status lists
/// the record as an incident (published, not a maintenance, with a start) and it is its
/// group's only record (namesakes, which lint reports, keep their overlays and are localized
/// later).
pub(crate) fn views(
    files: &[Loaded],
    config: &SiteConfig,
    assets: &SiteAssets,
    now: DateTime<Utc>,
) -> Option<Made> {
    let mut records = files.iter().filter_map(|file| match file {
        Loaded::Record(file) => Some(file),
        Loaded::Overlay(_) => None,
    });
    let (record, None) = (records.next()?.record.as_ref()?, records.next()) else {
        return None;
    };
    if !crate::status::listed_as_incident(record, false) {
        return None;
    }
    let incident = crate::status::incident(record, assets.revisions.last(&record.id), now)?;
    let views = config
        .languages
        .iter()
        .map(|&lang| {
            let postmortem = in_language(
                record,
                overlay(files, &record.id, lang),
                lang,
                config,
                &assets.localizer,
                now,
            );
            let mut view = incident_view(&incident, &postmortem, config, &assets.localizer, lang);
            shrink(&mut view);
            Box::new(view)
        })
        .collect();
    Some((record.id.clone(), Derived::of(&incident), views))
}

/// The overlay a build lays over record `id` in `lang`: as the whole corpus's index of
/// overlays finds it, the last one read of those that parsed.
fn overlay<'f>(files: &'f [Loaded], id: &str, lang: Lang) -> Option<&'f Overlay> {
    files.iter().rev().find_map(|file| match file {
        Loaded::Overlay(file) if file.record_id == id => {
            let overlay = file.overlay.as_ref()?;
            (Lang::parse(&file.lang_tag)? == lang).then_some(overlay)
        }
        _ => None,
    })
}

/// `view` without the spare room its strings and lists were built with: it is held until
/// the site is rendered.
fn shrink(view: &mut IncidentView) {
    let texts = [
        Some(&mut view.title.markdown),
        view.summary.as_mut().map(|summary| &mut summary.markdown),
        view.latest.as_mut().map(|latest| &mut latest.text.markdown),
    ];
    for text in texts.into_iter().flatten() {
        text.shrink_to_fit();
    }
    view.components.shrink_to_fit();
}
