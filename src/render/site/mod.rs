//! The status site's pages, feeds, sitemap and badges: site views -> artifacts in memory.
//!
//! Every page exists in every configured language, at `<lang>/…`; the default language's
//! home page is also the site's root. Links between pages are relative, so the site works
//! under any path of any host and straight from disk.

mod accent;
mod artifact;
mod badges;
mod calendar;
mod chrome;
mod feeds;
mod pages;
pub(crate) mod paths;
mod widgets;

use rayon::prelude::*;
use tera::Value;

use super::Templates;
use crate::localize::{Postmortem, SiteView};
use crate::model::{Lang, SiteConfig};
use crate::status::SiteStatus;

pub(crate) use artifact::Artifact;
pub(crate) use pages::Page;

/// One language's share of the site: its view, its postmortems (in incident order) and its
/// maintenance records' texts (in the order of `SiteStatus::maintenances`).
pub(crate) struct Language<'a> {
    pub lang: Lang,
    pub view: &'a SiteView,
    pub postmortems: &'a [Postmortem],
    pub maintenances: &'a [Postmortem],
}

/// Everything the site shows, in every language; `languages[0]` is the default.
pub(crate) struct Site<'a> {
    pub config: &'a SiteConfig,
    /// The base URL, ending in `/`.
    pub base: String,
    pub status: &'a SiteStatus<'a>,
    pub languages: Vec<Language<'a>>,
}

impl Site<'_> {
    pub(crate) fn default_language(&self) -> &Language<'_> {
        &self.languages[0]
    }

    /// Every page in every language, the root page, the 404 page, feeds, calendars, badges and the
    /// sitemap. `tick` is called once per page rendered.
    pub(crate) fn render(
        &self,
        templates: &Templates,
        tick: &(dyn Fn() + Sync),
    ) -> anyhow::Result<Vec<Artifact>> {
        let pages = self.pages();
        // Every page of a language shows from the same view: converted for the templates
        // once, not once per page (the view holds every incident).
        let views: Vec<Value> = self
            .languages
            .iter()
            .map(|language| Value::from_serializable(language.view))
            .collect();
        let mut artifacts: Vec<Artifact> = pages
            .par_iter()
            .map(|&(language, page)| {
                let root = self.root_for(page);
                let html = self.page(templates, &views[language], language, page, &root)?;
                tick();
                Ok(Artifact::new(
                    page.path(self.languages[language].lang),
                    html,
                ))
            })
            .collect::<anyhow::Result<_>>()?;
        artifacts.push(Artifact::new(
            paths::ROOT_HOME,
            self.page(templates, &views[0], 0, Page::Home, "")?,
        ));
        artifacts.push(Artifact::new(
            paths::NOT_FOUND,
            self.not_found(templates, &views[0])?,
        ));
        for (index, language) in self.languages.iter().enumerate() {
            artifacts.push(self.feed(templates, &views[index], index)?);
            artifacts.push(self.calendar(index));
            for component in 0..self.status.components.len() {
                artifacts.push(self.component_feed(templates, &views[index], index, component)?);
            }
            artifacts.extend(self.badges(templates, language)?);
            artifacts.extend(self.widgets(templates, language)?);
        }
        artifacts.push(Artifact::new(
            paths::SITEMAP,
            self.sitemap(templates, &pages)?,
        ));
        artifacts.push(Artifact::new(
            paths::ROBOTS,
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}{}\n",
                self.base,
                paths::SITEMAP
            ),
        ));
        Ok(artifacts)
    }

    /// The pages of every language, by language index.
    fn pages(&self) -> Vec<(usize, Page<'_>)> {
        let mut kinds = vec![Page::Home, Page::History, Page::Metrics];
        kinds.extend(
            self.status
                .incidents
                .iter()
                .enumerate()
                .map(|(index, i)| Page::Incident(index, i.id())),
        );
        kinds.extend(
            self.status
                .components
                .iter()
                .enumerate()
                .map(|(index, c)| Page::Component(index, c.id())),
        );
        kinds.extend(
            self.status
                .maintenances
                .iter()
                .enumerate()
                .map(|(index, m)| Page::Maintenance(index, m.id())),
        );
        (0..self.languages.len())
            .flat_map(|language| kinds.iter().map(move |&page| (language, page)))
            .collect()
    }

    /// The number of HTML pages `render` writes.
    pub(crate) fn page_count(&self) -> usize {
        self.pages().len() + 2
    }
}

/// A message without variables; like [`crate::localize::Messages::format`], a message no
/// locale defines shows as its id rather than vanishing.
fn message(t: &std::collections::BTreeMap<String, String>, id: &str) -> String {
    t.get(id).cloned().unwrap_or_else(|| id.to_string())
}
