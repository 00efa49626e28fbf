//! The status site's pages, feeds, sitemap and badges: site views -> a plan that renders
//! them into artifacts, one job at a time.
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

use std::borrow::Cow;
use std::ops::Range;

use rayon::prelude::*;
use tera::Value;
use tera::value::Key;

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
    pub postmortems: &'a dyn Postmortems,
    pub maintenances: &'a dyn Postmortems,
}

/// The incidents' postmortems (or the maintenance records' texts) in one language, by index
/// in the status: held, or localized when a page asks (a build does not hold every
/// postmortem in every language).
pub(crate) trait Postmortems: Sync {
    fn get(&self, index: usize) -> Cow<'_, Postmortem>;
}

impl Postmortems for [Postmortem] {
    fn get(&self, index: usize) -> Cow<'_, Postmortem> {
        Cow::Borrowed(&self[index])
    }
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

    /// The pages of every language, by language index.
    fn pages(&self) -> Vec<(usize, Page<'_>)> {
        let mut kinds = vec![Page::Home, Page::History, Page::Metrics];
        // Every language has the same months: they are the site zone's.
        kinds.extend(
            self.default_language()
                .view
                .months
                .iter()
                .enumerate()
                .map(|(index, month)| Page::Month(index, month.key.as_str())),
        );
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

    /// The number of HTML pages the site has.
    pub(crate) fn page_count(&self) -> usize {
        self.pages().len() + 2
    }

    /// What the templates see as `site` on a page of `language` that shows `incidents`: the
    /// language's view, converted once (`base`), and only those incidents, by their index
    /// (`site.incidents[index]`), so that no page carries the whole history.
    fn site_value(&self, base: &Value, language: usize, incidents: Vec<usize>) -> Value {
        let view = self.languages[language].view;
        let mut map = base.as_map().cloned().unwrap_or_default();
        let shown: tera::value::Map = incidents
            .into_iter()
            .map(|index| {
                let incident = Value::from_serializable(&view.incidents[index]);
                (Key::U64(index as u64), incident)
            })
            .collect();
        map.insert(Key::from("incidents"), Value::from(shown));
        Value::from(map)
    }
}

/// One piece of the site to render: one file, or a language's badges or widgets (one per
/// component). Jobs are independent of each other: any order gives the same files.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Job<'a> {
    /// A page of a language (by index).
    Page(usize, Page<'a>),
    /// The default language's home page, at the root.
    RootHome,
    NotFound,
    Feed(usize),
    /// A language's feed of one component (by index).
    ComponentFeed(usize, usize),
    Calendar(usize),
    Badges(usize),
    Widgets(usize),
    /// One sitemap (by its index in the plan's parts).
    Sitemap(usize),
    /// The sitemap index, when there is more than one sitemap.
    SitemapIndex,
    Robots,
}

/// How the site is rendered: its jobs and what they share. Rendering happens one job at a
/// time, on demand, so that the site is never held whole.
pub(crate) struct Plan<'p> {
    site: &'p Site<'p>,
    templates: &'p Templates,
    pages: Vec<(usize, Page<'p>)>,
    /// The sitemaps, as ranges of `pages`.
    parts: Vec<Range<usize>>,
    /// Each language's view converted for the templates once (without its incidents: each
    /// page adds the ones it shows).
    bases: Vec<Value>,
}

impl<'p> Plan<'p> {
    pub(crate) fn new(site: &'p Site<'p>, templates: &'p Templates) -> Self {
        Self::with_sitemap_limit(site, templates, feeds::SITEMAP_URLS)
    }

    /// [`Plan::new`] with at most `max_urls` URLs in a sitemap.
    pub(crate) fn with_sitemap_limit(
        site: &'p Site<'p>,
        templates: &'p Templates,
        max_urls: usize,
    ) -> Self {
        let pages = site.pages();
        let parts = site.sitemap_parts(&pages, max_urls);
        let bases = site
            .languages
            .iter()
            .map(|language| Value::from_serializable(language.view))
            .collect();
        Plan {
            site,
            templates,
            pages,
            parts,
            bases,
        }
    }

    /// Every job, pages first (in page order).
    pub(crate) fn jobs(&self) -> Vec<Job<'p>> {
        let mut jobs: Vec<Job> = self
            .pages
            .iter()
            .map(|&(language, page)| Job::Page(language, page))
            .collect();
        jobs.extend([Job::RootHome, Job::NotFound]);
        for language in 0..self.site.languages.len() {
            jobs.extend([Job::Feed(language), Job::Calendar(language)]);
            jobs.extend(
                (0..self.site.status.components.len())
                    .map(|component| Job::ComponentFeed(language, component)),
            );
            jobs.extend([Job::Badges(language), Job::Widgets(language)]);
        }
        jobs.extend((0..self.parts.len()).map(Job::Sitemap));
        if self.parts.len() > 1 {
            jobs.push(Job::SitemapIndex);
        }
        jobs.push(Job::Robots);
        jobs
    }

    /// The files `job` writes, without rendering them.
    pub(crate) fn paths(&self, job: Job) -> Vec<String> {
        let site = self.site;
        let lang = |language: usize| site.languages[language].lang;
        let per_component = |kind: &str, language: usize| {
            let mut paths = vec![paths::of(kind, lang(language), None)];
            paths.extend(
                site.status
                    .components
                    .iter()
                    .map(|c| paths::of(kind, lang(language), Some(c.id()))),
            );
            paths
        };
        match job {
            Job::Page(language, page) => vec![page.path(lang(language))],
            Job::RootHome => vec![paths::ROOT_HOME.to_string()],
            Job::NotFound => vec![paths::NOT_FOUND.to_string()],
            Job::Feed(language) => vec![paths::of("feed", lang(language), None)],
            Job::ComponentFeed(language, component) => {
                let id = site.status.components[component].id();
                vec![paths::of("component-feed", lang(language), Some(id))]
            }
            Job::Calendar(language) => vec![paths::of("calendar", lang(language), None)],
            Job::Badges(language) => per_component("badge", language),
            Job::Widgets(language) => per_component("widget", language),
            Job::Sitemap(part) => vec![self.sitemap_path(part)],
            Job::SitemapIndex => vec![paths::SITEMAP.to_string()],
            Job::Robots => vec![paths::ROBOTS.to_string()],
        }
    }

    /// The single sitemap is `sitemap.xml`; several are `sitemap-1.xml`, … under an index.
    fn sitemap_path(&self, part: usize) -> String {
        if self.parts.len() == 1 {
            paths::SITEMAP.to_string()
        } else {
            paths::sitemap_part(part + 1)
        }
    }

    /// Renders `job`'s files.
    pub(crate) fn render(&self, job: Job) -> anyhow::Result<Vec<Artifact>> {
        let (site, templates) = (self.site, self.templates);
        Ok(match job {
            Job::Page(language, page) => {
                let root = site.root_for(page);
                let html = site.page(templates, &self.bases[language], language, page, &root)?;
                vec![Artifact::new(
                    page.path(site.languages[language].lang),
                    html,
                )]
            }
            Job::RootHome => vec![Artifact::new(
                paths::ROOT_HOME,
                site.page(templates, &self.bases[0], 0, Page::Home, "")?,
            )],
            Job::NotFound => vec![Artifact::new(
                paths::NOT_FOUND,
                site.not_found(templates, &self.bases[0])?,
            )],
            Job::Feed(language) => vec![site.feed(templates, &self.bases[language], language)?],
            Job::ComponentFeed(language, component) => {
                vec![site.component_feed(templates, &self.bases[language], language, component)?]
            }
            Job::Calendar(language) => vec![site.calendar(language)],
            Job::Badges(language) => site.badges(templates, &site.languages[language])?,
            Job::Widgets(language) => site.widgets(templates, &site.languages[language])?,
            Job::Sitemap(part) => vec![Artifact::new(
                self.sitemap_path(part),
                site.sitemap(templates, &self.pages[self.parts[part].clone()])?,
            )],
            Job::SitemapIndex => vec![Artifact::new(
                paths::SITEMAP,
                site.sitemap_index(templates, self.parts.len())?,
            )],
            Job::Robots => vec![Artifact::new(
                paths::ROBOTS,
                format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}{}\n",
                    site.base,
                    paths::SITEMAP
                ),
            )],
        })
    }

    /// Renders `jobs` (some or all of [`Plan::jobs`], in the order the caller wants them
    /// taken: each thread takes a run of neighbours) in parallel, and hands each file to
    /// `emit` as soon as it is rendered: what is in memory at once is a file per worker
    /// thread. `keep` is asked first of each job whether its file is kept from the previous
    /// site (then it is not rendered), or else for the key of its one file. `tick` is called
    /// once per HTML page, kept or rendered.
    pub(crate) fn for_each_keeping(
        &self,
        jobs: Vec<Job<'p>>,
        tick: &(dyn Fn() + Sync),
        keep: &(dyn Fn(Job<'p>) -> anyhow::Result<Keep> + Sync),
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        jobs.into_par_iter().try_for_each(|job| {
            let key = match keep(job)? {
                Keep::Kept => None,
                Keep::Render(key) => Some(key),
            };
            let artifacts = match key {
                Some(key) => {
                    let mut artifacts = self.render(job).map_err(shown_only)?;
                    if let [artifact] = &mut artifacts[..] {
                        artifact.key = key;
                    }
                    artifacts
                }
                None => Vec::new(),
            };
            if matches!(job, Job::Page(..) | Job::RootHome | Job::NotFound) {
                tick();
            }
            artifacts.into_iter().try_for_each(emit)
        })
    }
}

/// What becomes of a job: its file kept from the previous site, or rendered (with its key,
/// if it has one).
pub(crate) enum Keep {
    Kept,
    Render(Option<String>),
}

/// What a template that finds an incident missing is told: each page's `site.incidents`
/// holds only the incidents it lists, so a project's template written when it held every
/// incident (before the history had month pages) fails on a lookup that finds nothing, and
/// Tera's own message names only the variable left undefined.
const SHOWN_ONLY: &str = "note: on each page `site.incidents` holds only the incidents the page lists, by index: `months` (each `month.incidents`) on the history page, `month.incidents` on a month page, `site.ongoing` and `site.recent` on the home page, `component.incidents` on a component page, `incident_index` on an incident page, `feed.entries` in a feed; a project's template that looks up any other (such as every month of `site.months` on the history page) finds nothing: start again from the built-in template";

/// `error` with [`SHOWN_ONLY`] when a template found something undefined.
fn shown_only(error: anyhow::Error) -> anyhow::Error {
    let text = format!("{error:#}");
    if text.contains("is not defined") || text.contains("its value is undefined") {
        anyhow::anyhow!("{text}\n{SHOWN_ONLY}")
    } else {
        error
    }
}

/// A message without variables; like [`crate::localize::Messages::format`], a message no
/// locale defines shows as its id rather than vanishing.
fn message(t: &std::collections::BTreeMap<String, String>, id: &str) -> String {
    t.get(id).cloned().unwrap_or_else(|| id.to_string())
}
