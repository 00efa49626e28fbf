//! The status and localize stages of a build: the public status at `now`, and what every
//! language shows of it, before anything is rendered.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::premade::Premade;
use super::{Options, SiteAssets};
use crate::load::{Corpus, Reread};
use crate::localize::site::IncidentView;
use crate::localize::{self, Localizer, Postmortem, SiteView};
use crate::model::{Lang, Overlay, Record, SiteConfig};
use crate::render::site::Postmortems;
use crate::{stats, status};

/// The status and localize stages of a build (`notify` reads its words from here too).
pub(crate) struct Localized<'c> {
    pub status: status::SiteStatus<'c>,
    /// By language (the site's order), in the order of `status.incidents`; empty when the
    /// postmortems are not held ([`OnDemand`] localizes them).
    pub postmortems: Vec<Vec<Postmortem>>,
    /// By language.
    pub views: Vec<SiteView>,
    /// The overlays, by record id and language.
    overlays: HashMap<(&'c str, Lang), &'c Overlay>,
}

/// Derives the status of `corpus` at `now` and localizes it into every language of the site,
/// holding every postmortem in every language.
pub(crate) fn localized<'c>(
    corpus: &'c Corpus,
    assets: &SiteAssets,
    now: DateTime<Utc>,
    options: Options,
) -> Localized<'c> {
    localized_with(corpus, assets, now, options, true, None)
}

/// [`localized`]; with `hold` false, each language's postmortems are dropped once its view
/// is made from them (a build localizes an incident's postmortem again for its page). The
/// views in `premade` (made while the corpus was read) are taken instead of made.
pub(crate) fn localized_with<'c>(
    corpus: &'c Corpus,
    assets: &SiteAssets,
    now: DateTime<Utc>,
    options: Options,
    hold: bool,
    premade: Option<Premade>,
) -> Localized<'c> {
    let config = &corpus.config.config;
    let records: Vec<&Record> = corpus
        .records
        .iter()
        .filter_map(|file| file.record.as_ref())
        .collect();
    let premade = premade.unwrap_or_default();
    let derived = |id: &str| premade.derived(id);
    let (revisions, preview) = (&assets.revisions, options.preview);
    let status = status::derive_for(&records, config, revisions, now, preview, &derived);
    let mut premade = premade;
    let localizer = &assets.localizer;

    let overlays: HashMap<(&str, Lang), &Overlay> = corpus
        .overlays
        .iter()
        .filter_map(|file| {
            let overlay = file.overlay.as_ref()?;
            Some((
                (file.record_id.as_str(), Lang::parse(&file.lang_tag)?),
                overlay,
            ))
        })
        .collect();
    // The metrics page shows what `hindsight stats` prints; a corpus that builds has no errors.
    let stats_options = stats::Options {
        since: None,
        until: None,
        by: stats::By::Month,
    };
    let stats = stats::compute(
        corpus,
        &crate::check::Report::default(),
        now,
        &stats_options,
    );
    // One language at a time (each on every core). A build that does not hold the
    // postmortems localizes each for its view and drops it at once.
    let (postmortems, views): (Vec<Vec<Postmortem>>, Vec<SiteView>) = config
        .languages
        .iter()
        .enumerate()
        .map(|(position, &lang)| {
            // A maintenance record's texts are localized as a postmortem's are; its card,
            // feed entry and calendar event take them from its view, made here, and its page
            // and API entry localize it again ([`OnDemand`]): they are not held.
            let maintenances: Vec<Postmortem> = status
                .maintenances
                .par_iter()
                .map(|maintenance| {
                    let record = maintenance.record;
                    let overlay = overlays.get(&(record.id.as_str(), lang)).copied();
                    in_language(record, overlay, lang, config, localizer, now)
                })
                .collect();
            let maintenances = maintenances.as_slice();
            let localize = |incident: &status::Incident<'_>| {
                let record = incident.record;
                let overlay = overlays.get(&(record.id.as_str(), lang)).copied();
                in_language(record, overlay, lang, config, localizer, now)
            };
            let view_of = |incident: &status::Incident<'_>, postmortem: &Postmortem| {
                localize::site::incident_view(incident, postmortem, config, localizer, lang)
            };
            if !hold {
                // Taken out here, one language at a time: the closure below must be `Sync`.
                let made: Vec<Mutex<Option<Box<IncidentView>>>> = status
                    .incidents
                    .iter()
                    .map(|incident| Mutex::new(premade.take(incident.id(), position)))
                    .collect();
                let view = localize::site(
                    &status,
                    &|index| {
                        let made = made[index]
                            .lock()
                            .unwrap_or_else(|poisoned| poisoned.into_inner())
                            .take();
                        let incident = &status.incidents[index];
                        made.unwrap_or_else(|| Box::new(view_of(incident, &localize(incident))))
                    },
                    maintenances,
                    &stats,
                    lang,
                    config,
                    localizer,
                );
                return (Vec::new(), view);
            }
            let postmortems: Vec<Postmortem> = status.incidents.par_iter().map(localize).collect();
            let view = localize::site(
                &status,
                &|index| Box::new(view_of(&status.incidents[index], &postmortems[index])),
                maintenances,
                &stats,
                lang,
                config,
                localizer,
            );
            (postmortems, view)
        })
        .unzip();
    Localized {
        status,
        postmortems,
        views,
        overlays,
    }
}

/// One language's postmortems (or maintenance records' texts), localized each time a page
/// asks for one: as the held ones are, from the same record, overlay, messages and "now".
/// With `reread`, the corpus holds slim records, and an incident's record and overlay are
/// read again from their files; a file that changed since it was first read fails the build
/// (the first such error is kept in `failed`, which the build returns once the pages are
/// rendered). A maintenance record is kept whole, with its overlays: it is never read again.
pub(crate) struct OnDemand<'a, 'c> {
    pub localized: &'a Localized<'c>,
    pub of: Of,
    pub lang: Lang,
    pub config: &'a SiteConfig,
    pub localizer: &'a Localizer,
    pub now: DateTime<Utc>,
    pub reread: Option<&'a Reread>,
    pub failed: &'a Failed,
}

/// The records an [`OnDemand`] localizes, by their index in the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Of {
    Incidents,
    Maintenances,
}

/// The first error met while rendering through a trait that cannot return one.
#[derive(Default)]
pub(crate) struct Failed(std::sync::Mutex<Option<anyhow::Error>>);

impl Failed {
    fn set(&self, error: anyhow::Error) {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        slot.get_or_insert(error);
    }

    /// `Err` with the first error set, if any.
    pub(crate) fn check(&self) -> anyhow::Result<()> {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match slot.take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

/// Each language's postmortems (or maintenance records' texts, `of`), localized when a page
/// asks, from the records in memory.
pub(super) fn on_demand<'a, 'c>(
    config: &'a SiteConfig,
    localized: &'a Localized<'c>,
    assets: &'a SiteAssets,
    now: DateTime<Utc>,
    of: Of,
) -> Vec<OnDemand<'a, 'c>> {
    static NEVER: std::sync::LazyLock<Failed> = std::sync::LazyLock::new(Failed::default);
    config
        .languages
        .iter()
        .map(|&lang| OnDemand {
            localized,
            of,
            lang,
            config,
            localizer: &assets.localizer,
            now,
            reread: None,
            failed: &NEVER,
        })
        .collect()
}

/// Postmortems localized from records read again (when the corpus holds slim ones).
pub(super) trait Reading<'a> {
    fn reading(self, reread: Option<&'a Reread>, failed: &'a Failed) -> Self;
}

impl<'a> Reading<'a> for Vec<OnDemand<'a, '_>> {
    fn reading(mut self, reread: Option<&'a Reread>, failed: &'a Failed) -> Self {
        for postmortems in &mut self {
            postmortems.reread = reread;
            postmortems.failed = failed;
        }
        self
    }
}

impl Postmortems for OnDemand<'_, '_> {
    fn get(&self, index: usize) -> Cow<'_, Postmortem> {
        let status = &self.localized.status;
        let record = match self.of {
            Of::Incidents => status.incidents[index].record,
            Of::Maintenances => status.maintenances[index].record,
        };
        let (config, localizer, now) = (self.config, self.localizer, self.now);
        if let Some(reread) = self.reread.filter(|_| self.of == Of::Incidents) {
            match reread.full(&record.id) {
                Ok(full) => {
                    let overlay = full.overlay(self.lang);
                    return Cow::Owned(in_language(
                        &full.record,
                        overlay,
                        self.lang,
                        config,
                        localizer,
                        now,
                    ));
                }
                // The page is made from the slim record, and never published: the build
                // fails once the pages are rendered.
                Err(error) => self.failed.set(error),
            }
        }
        let overlay = self
            .localized
            .overlays
            .get(&(record.id.as_str(), self.lang));
        let overlay = overlay.copied();
        Cow::Owned(in_language(
            record, overlay, self.lang, config, localizer, now,
        ))
    }
}

/// `record`'s texts in `lang`, with its overlay for that language if it has one: the one way
/// a build localizes a record, held or on demand.
pub(super) fn in_language(
    record: &Record,
    overlay: Option<&Overlay>,
    lang: Lang,
    config: &SiteConfig,
    localizer: &Localizer,
    now: DateTime<Utc>,
) -> Postmortem {
    let options = localize::Options::default();
    localize::postmortem(record, overlay, lang, config, localizer, now, options)
}
