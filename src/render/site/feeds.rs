//! The machine-read listings of the site: an Atom feed per language and per component (its
//! incidents and maintenance windows), and the sitemap.

use std::ops::Range;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tera::{Context, Value};

use super::chrome::Alternate;
use super::{Artifact, Page, Site, message, paths};
use crate::localize::site::rfc3339;
use crate::render::Templates;

/// sitemaps.org: a sitemap lists at most 50,000 URLs ...
pub(crate) const SITEMAP_URLS: usize = 50_000;
/// ... and is at most 50 MB (52,428,800 bytes) uncompressed; a sitemap index names the rest.
pub(crate) const SITEMAP_BYTES: usize = 52_428_800;

/// How many entries a feed holds. A reader polls a feed and keeps what it has seen, so a
/// feed needs only what changed since the last poll: 25 entries cover weeks of a busy page
/// and keep the file small (tens of kB) instead of growing with the history, which the month
/// pages and the sitemap list whole.
pub(crate) const FEED_ENTRIES: usize = 25;

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
    /// `<lang>/feed.atom`: the most recently changed incidents and maintenance windows.
    pub(super) fn feed(
        &self,
        templates: &Templates,
        base: &Value,
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
        self.render_feed(templates, base, index, feed)
    }

    /// `<lang>/components/<id>.atom`: the incidents and maintenance windows that name the
    /// component, for readers who follow one service.
    pub(super) fn component_feed(
        &self,
        templates: &Templates,
        base: &Value,
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
        self.render_feed(templates, base, index, feed)
    }

    /// A feed of the given incidents and windows, the [`FEED_ENTRIES`] most recently changed,
    /// newest first. A window's
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
        entries.truncate(FEED_ENTRIES);
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
        base: &Value,
        index: usize,
        (path, feed): (String, Feed),
    ) -> anyhow::Result<Artifact> {
        let incidents = feed.entries.iter().filter(|e| e.kind == "incident");
        let site = self.site_value(base, index, incidents.map(|e| e.index).collect());
        let mut context = Context::new();
        context.insert_value("site", site);
        context.insert("page", &self.chrome(index, Page::History, ""));
        context.insert("feed", &feed);
        Ok(Artifact::new(
            path,
            templates.render("site/feed.atom", &context)?,
        ))
    }

    /// How the pages split into sitemaps: consecutive ranges of `pages`, each within
    /// `max_urls` and, by a generous bound on one URL's entry, within [`SITEMAP_BYTES`].
    pub(super) fn sitemap_parts(
        &self,
        pages: &[(usize, Page)],
        max_urls: usize,
    ) -> Vec<Range<usize>> {
        let longest = pages
            .iter()
            .map(|&(language, page)| self.url(page, self.languages[language].lang).len())
            .max()
            .unwrap_or(0);
        // <url>, <loc>, <lastmod>, and one <xhtml:link> per language and for x-default.
        let entry = 128 + longest + (self.languages.len() + 1) * (80 + longest);
        let per_file = max_urls.min(SITEMAP_BYTES / entry).max(1);
        let mut parts: Vec<Range<usize>> = (0..pages.len())
            .step_by(per_file)
            .map(|start| start..(start + per_file).min(pages.len()))
            .collect();
        if parts.is_empty() {
            parts.push(0..0);
        }
        parts
    }

    /// The sitemap of `pages`.
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
        // Each entry is made as the template's value takes it in, not held in a list beside
        // that value: at 50,000 URLs the list was 70 MB on top of the value's 140 MB.
        struct Urls<'s, 'a> {
            site: &'s Site<'a>,
            pages: &'s [(usize, Page<'s>)],
        }
        impl Serialize for Urls<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.pages.iter().map(|&(language, page)| {
                    let chrome = self.site.chrome(language, page, "");
                    Url {
                        loc: chrome.canonical,
                        lastmod: self.site.last_changed(language, page).map(rfc3339),
                        alternates: chrome.alternates,
                        x_default: chrome.x_default,
                    }
                }))
            }
        }
        let mut context = Context::new();
        context.insert("urls", &Urls { site: self, pages });
        let text = templates.render("site/sitemap.xml", &context)?;
        if text.len() > SITEMAP_BYTES {
            anyhow::bail!(
                "a sitemap would be {} bytes, over the {SITEMAP_BYTES} sitemaps.org allows (is site/templates/site/sitemap.xml much longer than the built-in one?)",
                text.len()
            );
        }
        Ok(text)
    }

    /// When `page` last changed, for the sitemap's `<lastmod>`: an incident's revision (its
    /// record's or a translation's last change, else its latest event), and for a month the
    /// latest change among what it lists, its incidents' revisions and its windows' last
    /// changes, as the site's own `updated` is taken over all of them. None for the pages
    /// that follow the present (home, history, metrics, components) and, as before, for a
    /// maintenance window's page.
    fn last_changed(&self, language: usize, page: Page) -> Option<DateTime<Utc>> {
        let status = self.status;
        match page {
            Page::Incident(index, _) => Some(status.incidents[index].revised),
            Page::Month(index, _) => {
                let month = &self.languages[language].view.months[index];
                let incidents = month.incidents.iter();
                let windows = month.maintenances.iter();
                incidents
                    .map(|&index| status.incidents[index].revised)
                    .chain(
                        windows.filter_map(|&index| status.maintenances[index].changed(status.now)),
                    )
                    .max()
            }
            _ => None,
        }
    }

    /// The sitemap index: the address of each of `parts` sitemaps.
    pub(super) fn sitemap_index(
        &self,
        templates: &Templates,
        parts: usize,
    ) -> anyhow::Result<String> {
        #[derive(Serialize)]
        struct Sitemap {
            loc: String,
        }
        let sitemaps: Vec<Sitemap> = (1..=parts)
            .map(|number| Sitemap {
                loc: format!("{}{}", self.base, paths::sitemap_part(number)),
            })
            .collect();
        let mut context = Context::new();
        context.insert("sitemaps", &sitemaps);
        templates.render("site/sitemap-index.xml", &context)
    }
}
