//! The machine-read listings of the site: an Atom feed per language and per component (its
//! incidents and maintenance windows), and the sitemap.

use chrono::{DateTime, Utc};
use serde::Serialize;
use tera::{Context, Value};

use super::chrome::Alternate;
use super::{Artifact, Page, Site, message, paths};
use crate::localize::site::rfc3339;
use crate::render::Templates;

/// One entry of a feed: an incident or a maintenance window, by its index in the status.
#[derive(Serialize)]
struct Entry {
    /// `incident` or `maintenance`: which list of the site view `index` points into.
    kind: &'static str,
    index: usize,
    url: String,
    updated: String,
    #[serde(skip)]
    at: DateTime<Utc>,
}

#[derive(Serialize)]
struct Feed {
    url: String,
    title: String,
    /// The page the feed is the feed of.
    home: String,
    updated: String,
    entries: Vec<Entry>,
}

impl Site<'_> {
    /// `<lang>/feed.atom`: every published incident and maintenance window.
    pub(super) fn feed(
        &self,
        templates: &Templates,
        site: &Value,
        index: usize,
    ) -> anyhow::Result<Artifact> {
        let language = &self.languages[index];
        let title = format!(
            "{} – {}",
            language.view.title,
            message(&language.view.t, "site_history")
        );
        let feed = self.atom(
            index,
            paths::of("feed", language.lang, None),
            self.url(Page::Home, language.lang),
            title,
            0..self.status.incidents.len(),
            0..self.status.maintenances.len(),
        );
        self.render_feed(templates, site, index, feed)
    }

    /// `<lang>/components/<id>.atom`: the incidents and maintenance windows that name the
    /// component, for readers who follow one service.
    pub(super) fn component_feed(
        &self,
        templates: &Templates,
        site: &Value,
        index: usize,
        component: usize,
    ) -> anyhow::Result<Artifact> {
        let language = &self.languages[index];
        let state = &self.status.components[component];
        let id = state.id();
        let on_it: Vec<usize> = self
            .status
            .maintenances
            .iter()
            .enumerate()
            .filter(|(_, m)| m.record.affected.0.iter().any(|(c, _)| c.value == id))
            .map(|(position, _)| position)
            .collect();
        let title = format!(
            "{} – {}",
            language.view.title, language.view.components[component].name
        );
        let feed = self.atom(
            index,
            paths::of("component-feed", language.lang, Some(id)),
            self.url(Page::Component(component, id), language.lang),
            title,
            state.incidents.iter().copied(),
            on_it,
        );
        self.render_feed(templates, site, index, feed)
    }

    /// A feed of the given incidents and windows, the most recently changed first. A window's
    /// `updated` is its last change (its record's revision, or its status changing by
    /// itself); one not begun and never revised in git counts as changed now.
    fn atom(
        &self,
        index: usize,
        path: String,
        home: String,
        title: String,
        incidents: impl IntoIterator<Item = usize>,
        maintenances: impl IntoIterator<Item = usize>,
    ) -> (String, Feed) {
        let lang = self.languages[index].lang;
        let now = self.status.now;
        let incidents = incidents.into_iter().map(|position| {
            let incident = &self.status.incidents[position];
            (
                "incident",
                position,
                Page::Incident(position, incident.id()),
                incident.revised,
            )
        });
        let maintenances = maintenances.into_iter().map(|position| {
            let maintenance = &self.status.maintenances[position];
            let page = Page::Maintenance(position, maintenance.id());
            (
                "maintenance",
                position,
                page,
                maintenance.changed(now).unwrap_or(now),
            )
        });
        let mut entries: Vec<Entry> = incidents
            .chain(maintenances)
            .map(|(kind, index, page, at)| Entry {
                kind,
                index,
                url: self.url(page, lang),
                updated: rfc3339(at),
                at,
            })
            .collect();
        entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.url.cmp(&b.url)));
        let updated = entries.first().map_or(self.status.updated, |e| e.at);
        let feed = Feed {
            url: format!("{}{path}", self.base),
            title,
            home,
            updated: rfc3339(updated),
            entries,
        };
        (path, feed)
    }

    fn render_feed(
        &self,
        templates: &Templates,
        site: &Value,
        index: usize,
        (path, feed): (String, Feed),
    ) -> anyhow::Result<Artifact> {
        let mut context = Context::new();
        context.insert_value("site", site.clone());
        context.insert("page", &self.chrome(index, Page::History, ""));
        context.insert("feed", &feed);
        Ok(Artifact::new(
            path,
            templates.render("site/feed.atom", &context)?,
        ))
    }

    pub(super) fn sitemap(
        &self,
        templates: &Templates,
        pages: &[(usize, Page)],
    ) -> anyhow::Result<String> {
        #[derive(Serialize)]
        struct Url {
            loc: String,
            lastmod: Option<String>,
            alternates: Vec<Alternate>,
            x_default: String,
        }
        let urls: Vec<Url> = pages
            .iter()
            .map(|&(language, page)| {
                let chrome = self.chrome(language, page, "");
                Url {
                    loc: chrome.canonical,
                    lastmod: match page {
                        Page::Incident(index, _) => {
                            Some(rfc3339(self.status.incidents[index].revised))
                        }
                        _ => None,
                    },
                    alternates: chrome.alternates,
                    x_default: chrome.x_default,
                }
            })
            .collect();
        let mut context = Context::new();
        context.insert("urls", &urls);
        templates.render("site/sitemap.xml", &context)
    }
}
