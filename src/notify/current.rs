//! The current page, as `build` would publish it: its [`PublicState`] and, for every
//! incident, update, maintenance window and component, what the events say about it in each
//! language of the site (the same localized views the pages show, as plain text: titles on
//! one line, texts with their paragraphs, list items and link addresses).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::state::{self, PublicState};
use crate::build::SiteAssets;
use crate::load::Corpus;
use crate::localize::SiteView;
use crate::model::{Lang, Record};
use crate::render::markdown::{to_plain, to_text};
use crate::render::site::paths;
use crate::status::UpdateSource;

/// The current page: its state, and the words and instants events are made of.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub(crate) state: PublicState,
    pub(crate) now: DateTime<Utc>,
    /// The site's languages, the default first.
    pub(crate) languages: Vec<Lang>,
    pub(crate) incidents: BTreeMap<String, IncidentFacts>,
    pub(crate) maintenances: BTreeMap<String, MaintenanceFacts>,
    pub(crate) components: BTreeMap<String, ComponentFacts>,
}

/// One language's words about a subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Words {
    pub(crate) title: String,
    pub(crate) status: String,
    /// The newest update's text (incidents), the summary (windows), or empty.
    pub(crate) body: String,
    pub(crate) summary: String,
    pub(crate) url: String,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct IncidentFacts {
    pub(crate) started: DateTime<Utc>,
    pub(crate) resolved: Option<DateTime<Utc>>,
    pub(crate) revised: DateTime<Utc>,
    pub(crate) components: Vec<String>,
    pub(crate) words: BTreeMap<Lang, Words>,
    /// By update id.
    pub(crate) updates: BTreeMap<String, UpdateFacts>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct UpdateFacts {
    pub(crate) at: DateTime<Utc>,
    pub(crate) status: String,
    /// (status word, text) per language.
    pub(crate) words: BTreeMap<Lang, (String, String)>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct MaintenanceFacts {
    pub(crate) scheduled_for: DateTime<Utc>,
    pub(crate) scheduled_until: DateTime<Utc>,
    /// When it was announced (the commit that added it), if known.
    pub(crate) added: Option<DateTime<Utc>>,
    pub(crate) revised: Option<DateTime<Utc>>,
    pub(crate) components: Vec<String>,
    pub(crate) words: BTreeMap<Lang, Words>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ComponentFacts {
    pub(crate) changed: Option<DateTime<Utc>>,
    pub(crate) words: BTreeMap<Lang, Words>,
}

/// The page `build` would publish from `corpus` at `now`: published records only, never
/// the preview's drafts and reviews. `base` is the site's address, ending in `/`.
pub(crate) fn page(corpus: &Corpus, assets: &SiteAssets, base: &str, now: DateTime<Utc>) -> Page {
    let config = &corpus.config.config;
    // The build's own status and localize stages, so every word is the page's.
    let localized = crate::build::localized(corpus, assets, now, crate::build::Options::default());
    let status = &localized.status;
    let mut page = Page {
        state: state::from_status(status),
        now,
        languages: config.languages.clone(),
        ..Page::default()
    };
    for incident in &status.incidents {
        let record = incident.record;
        page.incidents.insert(
            record.id.clone(),
            IncidentFacts {
                started: incident.started,
                resolved: incident.resolved,
                revised: incident.revised,
                components: affected(record),
                ..IncidentFacts::default()
            },
        );
    }
    for m in &status.maintenances {
        page.maintenances.insert(
            m.id().to_string(),
            MaintenanceFacts {
                scheduled_for: m.scheduled_for,
                scheduled_until: m.scheduled_until,
                added: m.added,
                revised: m.revised,
                components: affected(m.record),
                ..MaintenanceFacts::default()
            },
        );
    }
    for c in &status.components {
        page.components.insert(
            c.id().to_string(),
            ComponentFacts {
                changed: c.changed,
                ..ComponentFacts::default()
            },
        );
    }
    for (index, &lang) in config.languages.iter().enumerate() {
        let (postmortems, view) = (&localized.postmortems[index], &localized.views[index]);
        let url = |kind: &str, id: &str| format!("{base}{}", paths::of(kind, lang, Some(id)));
        for ((incident, postmortem), iv) in status
            .incidents
            .iter()
            .zip(postmortems)
            .zip(&view.incidents)
        {
            let facts = page
                .incidents
                .get_mut(incident.id())
                .expect("inserted above");
            for update in &incident.updates {
                let text = match update.source {
                    UpdateSource::Timeline(entry) => {
                        to_text(&postmortem.timeline[entry].text.markdown)
                    }
                    UpdateSource::Milestone(_) => {
                        message(view, &format!("update_body_{}", update.status.as_str()))
                    }
                };
                let status_word = message(view, &format!("update_{}", update.status.as_str()));
                let id = state::update_id(incident.id(), &update.key());
                let entry = facts.updates.entry(id).or_insert_with(|| UpdateFacts {
                    at: update.at,
                    status: update.status.as_str().to_string(),
                    words: BTreeMap::new(),
                });
                entry.words.insert(lang, (status_word, text));
            }
            // The newest update, whether or not the page still shows it.
            let body = incident
                .updates
                .first()
                .and_then(|u| {
                    facts
                        .updates
                        .get(&state::update_id(incident.id(), &u.key()))
                })
                .and_then(|u| u.words.get(&lang))
                .map(|(_, text)| text.clone())
                .unwrap_or_default();
            facts.words.insert(
                lang,
                Words {
                    title: to_plain(&iv.title.markdown),
                    status: iv.status_text.clone(),
                    body,
                    summary: iv
                        .summary
                        .as_ref()
                        .map(|s| to_text(&s.markdown))
                        .unwrap_or_default(),
                    url: url("incident", incident.id()),
                },
            );
        }
        for mv in &view.maintenances {
            if let Some(facts) = page.maintenances.get_mut(&mv.id) {
                let summary = mv
                    .summary
                    .as_ref()
                    .map(|s| to_text(&s.markdown))
                    .unwrap_or_default();
                // An announcement says when: the window, then what is done.
                let body = [mv.window.as_str(), summary.as_str()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                facts.words.insert(
                    lang,
                    Words {
                        title: to_plain(&mv.title.markdown),
                        status: mv.status_text.clone(),
                        body,
                        summary,
                        url: url("maintenance", &mv.id),
                    },
                );
            }
        }
        for cv in &view.components {
            if let Some(facts) = page.components.get_mut(&cv.id) {
                facts.words.insert(
                    lang,
                    Words {
                        title: cv.name.clone(),
                        status: cv.status_text.clone(),
                        body: String::new(),
                        summary: String::new(),
                        url: url("component", &cv.id),
                    },
                );
            }
        }
    }
    page
}

/// A message of the site in the view's language (`t.update_identified`).
fn message(view: &SiteView, key: &str) -> String {
    view.t.get(key).cloned().unwrap_or_default()
}

/// The components a record names, by id, each once, in the record's order.
fn affected(record: &Record) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (component, _) in &record.affected.0 {
        if !ids.contains(&component.value) {
            ids.push(component.value.clone());
        }
    }
    ids
}
