//! The machine-read listings of the site: one Atom feed per language and the sitemap.

use serde::Serialize;
use tera::{Context, Value};

use super::chrome::Alternate;
use super::{Artifact, Page, Site, paths};
use crate::render::Templates;

impl Site<'_> {
    pub(super) fn feed(
        &self,
        templates: &Templates,
        site: &Value,
        index: usize,
    ) -> anyhow::Result<Artifact> {
        #[derive(Serialize)]
        struct Entry {
            url: String,
            index: usize,
        }
        #[derive(Serialize)]
        struct Feed {
            url: String,
            home: String,
            updated: String,
            entries: Vec<Entry>,
        }
        let language = &self.languages[index];
        let path = paths::of("feed", language.lang, None);
        let feed = Feed {
            url: format!("{}{path}", self.base),
            home: Page::Home.url(&self.base, language.lang),
            updated: crate::localize::site::rfc3339(self.status.updated),
            entries: self
                .status
                .incidents
                .iter()
                .enumerate()
                .map(|(index, incident)| Entry {
                    url: Page::Incident(index, incident.id()).url(&self.base, language.lang),
                    index,
                })
                .collect(),
        };
        let mut context = Context::new();
        context.insert_value("site", site.clone());
        context.insert("page", &self.chrome(index, Page::History, "", false));
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
        }
        let urls: Vec<Url> = pages
            .iter()
            .map(|&(language, page)| {
                let chrome = self.chrome(language, page, "", false);
                Url {
                    loc: chrome.canonical,
                    lastmod: match page {
                        Page::Incident(index, _) => Some(crate::localize::site::rfc3339(
                            self.status.incidents[index].revised,
                        )),
                        _ => None,
                    },
                    alternates: chrome.alternates,
                }
            })
            .collect();
        let mut context = Context::new();
        context.insert("urls", &urls);
        templates.render("site/sitemap.xml", &context)
    }
}
