//! `hindsight build`: a checked corpus and the site's assets -> the public status site, as
//! the list of its steps (status, localize, and a plan that renders), with no I/O; the
//! command hands the result to publish, which writes each file as it is rendered.

mod localized;
mod page_keys;
pub(crate) mod premade;
mod site_assets;
pub(crate) mod slim;

use std::collections::HashSet;

use anyhow::bail;
use chrono::{DateTime, Utc};

use crate::load::{self, Corpus, Reread};
use crate::render::site::{Artifact, Job, Keep, Language, Page, Postmortems, Site};
use crate::render::{api, build_info};
use crate::schema::SchemaKind;
use localized::{Failed, Of, OnDemand, Reading, localized_with, on_demand};
pub(crate) use localized::{Localized, localized};
pub use page_keys::PageKeys;
pub use site_assets::SiteAssets;

/// Reports the build's progress: the number of pages, then each page as it is done.
pub trait Progress: Sync {
    fn start(&self, pages: u64);
    fn page_done(&self);
}

/// No progress to show.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: u64) {}
    fn page_done(&self) {}
}

/// What a site holds, as the build that made it reports.
#[derive(Debug, Clone)]
pub struct SiteSummary {
    pub pages: usize,
    pub languages: usize,
    pub incidents: usize,
    /// The "now" the site shows.
    pub built_at: DateTime<Utc>,
    /// The first instant after `built_at` at which the site changes by itself (a maintenance
    /// window starting or ending); None when only an edit changes it.
    pub next_change: Option<DateTime<Utc>>,
    /// Problems that did not stop the build (a project's locale files), for the user.
    pub warnings: Vec<String>,
}

/// The site, ready to publish: what it holds, and a plan that renders its files on demand
/// ([`Built::for_each_artifact`]), so that the whole site is never in memory at once.
pub struct Built<'c> {
    pub site: SiteSummary,
    /// The number of files the site has.
    pub files: usize,
    /// The files rendered up front, all small: the API, the schemas, the build's facts, the
    /// stylesheets and the project's static files.
    fixed: Vec<Artifact>,
    localized: Localized<'c>,
    config: &'c crate::model::SiteConfig,
    base: String,
    assets: &'c SiteAssets,
    progress: &'c dyn Progress,
    /// How the full records are read again, when the corpus holds slim ones.
    reread: Option<&'c Reread>,
    failed: Failed,
    /// The incident and maintenance pages' keys, when they can be kept from the previous site.
    keys: Option<PageKeys>,
}

impl Built<'_> {
    /// Renders every file of the site, in parallel, and hands each to `emit` as soon as it
    /// is rendered (in no fixed order); stops at the first error. What is in memory at once
    /// is about one file per thread, whatever the number of incidents.
    pub fn for_each_artifact(
        &self,
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        self.for_each_artifact_keeping(&crate::publish::KeepNothing, emit)
    }

    /// [`Built::for_each_artifact`], asking `keeper` of each incident or maintenance page
    /// with a key whether the previous site's file is kept: such a page is not rendered (nor
    /// its record read again), and not emitted.
    pub fn for_each_artifact_keeping(
        &self,
        keeper: &dyn crate::publish::Keeper,
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        for artifact in &self.fixed {
            emit(artifact.clone())?;
        }
        let (config, localized, assets, now) = (
            self.config,
            &self.localized,
            self.assets,
            self.site.built_at,
        );
        let postmortems = on_demand(config, localized, assets, now, Of::Incidents)
            .reading(self.reread, &self.failed);
        let maintenances = on_demand(config, localized, assets, now, Of::Maintenances);
        let site = site(
            self.config,
            self.base.clone(),
            &self.localized,
            (&postmortems, &maintenances),
        );
        let plan = crate::render::site::Plan::new(&site, &self.assets.templates);
        self.progress.start(self.site.pages as u64);
        let tick = || self.progress.page_done();
        let mut jobs = plan.jobs();
        if self.reread.is_some() {
            // An incident's pages in every language one after the other, so that a thread
            // reads its files once (`Reread` keeps each thread's last group). The sitemaps
            // first, one after the other on one thread: each is up to 50,000 addresses, and
            // hundreds of megabytes while its template renders.
            jobs.sort_by_key(|job| match job {
                Job::Sitemap(part) => (0, *part),
                Job::Page(_, Page::Incident(index, _)) => (1, *index),
                _ => (2, 0),
            });
        }
        let keep = |job: Job| -> anyhow::Result<Keep> {
            let (Job::Page(language, page), Some(keys)) = (job, self.keys.as_ref()) else {
                return Ok(Keep::Render(None));
            };
            let (lang, status, now) = (
                self.config.languages[language],
                &self.localized.status,
                self.site.built_at,
            );
            let key = match page {
                Page::Incident(index, _) => keys.incident(lang, &status.incidents[index], now),
                Page::Maintenance(index, _) => {
                    keys.maintenance(lang, &status.maintenances[index], now)
                }
                _ => None,
            };
            match key {
                Some(key) if keeper.keep(&page.path(lang), &key)? => Ok(Keep::Kept),
                key => Ok(Keep::Render(key)),
            }
        };
        plan.for_each_keeping(jobs, &tick, &keep, emit)?;
        // A file that changed since the first pass: the pages rendered are never published.
        self.failed.check()
    }

    /// Every file of the site, in memory, sorted by path: for tests and the preview, whose
    /// sites are small.
    pub fn artifacts(&self) -> anyhow::Result<Vec<Artifact>> {
        let collected = std::sync::Mutex::new(Vec::new());
        self.for_each_artifact(&|artifact| {
            collected
                .lock()
                .map_err(|_| anyhow::anyhow!("a thread rendering the site failed"))?
                .push(artifact);
            Ok(())
        })?;
        let mut artifacts = collected
            .into_inner()
            .map_err(|_| anyhow::anyhow!("a thread rendering the site failed"))?;
        artifacts.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(artifacts)
    }
}

/// The site of `localized`, its postmortems and maintenance records' texts from `texts`
/// (each by language): borrowed views, cheap to make.
fn site<'a>(
    config: &'a crate::model::SiteConfig,
    base: String,
    localized: &'a Localized<'_>,
    (postmortems, maintenances): (&'a [OnDemand<'a, '_>], &'a [OnDemand<'a, '_>]),
) -> Site<'a> {
    Site {
        config,
        base,
        status: &localized.status,
        languages: config
            .languages
            .iter()
            .zip(&localized.views)
            .zip(postmortems.iter().zip(maintenances))
            .map(|((&lang, view), (postmortems, maintenances))| Language {
                lang,
                view,
                postmortems: postmortems as &dyn Postmortems,
                maintenances: maintenances as &dyn Postmortems,
            })
            .collect(),
    }
}

/// How a site is built.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The live preview (`serve`): drafts and records in review are shown, marked "not
    /// public". Never set for `build`, whose output is public.
    pub preview: bool,
}

/// Builds the site from a checked `corpus` and its `assets`: status, localize, and the plan
/// that renders it.
pub fn build<'c>(
    corpus: &'c Corpus,
    assets: &'c SiteAssets,
    now: DateTime<Utc>,
    progress: &'c dyn Progress,
) -> anyhow::Result<Built<'c>> {
    build_with(corpus, assets, now, progress, Options::default())
}

/// [`build`] with `options`.
pub fn build_with<'c>(
    corpus: &'c Corpus,
    assets: &'c SiteAssets,
    now: DateTime<Utc>,
    progress: &'c dyn Progress,
    options: Options,
) -> anyhow::Result<Built<'c>> {
    build_from(corpus, FirstPass::default(), assets, now, progress, options)
}

/// [`build_with`], its incident pages keyed by `keys`, so that a caller that holds the last
/// site can keep the pages whose key did not change ([`Built::for_each_artifact_keeping`]).
pub(crate) fn build_keyed<'c>(
    corpus: &'c Corpus,
    assets: &'c SiteAssets,
    now: DateTime<Utc>,
    progress: &'c dyn Progress,
    options: Options,
    keys: Option<PageKeys>,
) -> anyhow::Result<Built<'c>> {
    let first = FirstPass {
        keys,
        ..FirstPass::default()
    };
    build_from(corpus, first, assets, now, progress, options)
}

/// What a build's first pass hands the second: how the full records are read again when
/// the corpus holds slim ones, the incidents' views made while they were read whole, and
/// the incident pages' keys. All empty for a corpus of full records.
#[derive(Default)]
pub(crate) struct FirstPass<'c> {
    pub reread: Option<&'c Reread>,
    pub premade: Option<premade::Premade>,
    pub keys: Option<PageKeys>,
}

/// [`build_with`] from a corpus that holds slim records (`Project::load_for_build`), the full
/// ones read again through `first.reread` for the pages that show them, and the incidents'
/// views made while they were read whole in `first.premade`; with no `reread`, the corpus
/// holds full records. With `first.keys`, incident pages whose key did not change are kept
/// from the previous site (see [`Built::for_each_artifact_keeping`]). The one way a site is
/// built.
pub(crate) fn build_from<'c>(
    corpus: &'c Corpus,
    first: FirstPass<'c>,
    assets: &'c SiteAssets,
    now: DateTime<Utc>,
    progress: &'c dyn Progress,
    options: Options,
) -> anyhow::Result<Built<'c>> {
    let FirstPass {
        reread,
        premade,
        keys,
    } = first;
    let config = &corpus.config.config;
    let failed = Failed::default();
    let base = base_url(corpus)?;
    // The postmortems are not held: each incident page localizes its own.
    let localized = localized_with(corpus, assets, now, options, false, premade);
    let (localizer, templates) = (&assets.localizer, &assets.templates);

    let (fixed, pages, files) = {
        let postmortems =
            on_demand(config, &localized, assets, now, Of::Incidents).reading(reread, &failed);
        let maintenances = on_demand(config, &localized, assets, now, Of::Maintenances);
        let site = site(
            config,
            base.clone(),
            &localized,
            (&postmortems, &maintenances),
        );
        let mut fixed = api::files(&site)?;
        // The schemas editors check a project's files with, at the address their `$id` names
        // (not pages: the sitemap does not list them).
        fixed.extend(SchemaKind::ALL.map(|kind| {
            let schema = crate::schema::schema(kind, Some(&site.base));
            Artifact::new(kind.site_path(), crate::schema::to_text(&schema))
        }));
        fixed.push(build_info::artifact(now, localized.status.next_change())?);
        fixed.push(Artifact::new(
            crate::render::site::paths::POSTMORTEM_CSS,
            templates.render("postmortem.css", &tera::Context::new())?,
        ));
        fixed.extend(assets.static_files.iter().cloned());
        // Judged on the paths, before anything is rendered.
        let plan = crate::render::site::Plan::new(&site, templates);
        let mut paths: Vec<String> = fixed.iter().map(|a| a.path.clone()).collect();
        paths.extend(plan.jobs().into_iter().flat_map(|job| plan.paths(job)));
        refuse_collisions(&paths)?;
        (fixed, site.page_count(), paths.len())
    };
    failed.check()?;
    Ok(Built {
        site: SiteSummary {
            pages,
            languages: config.languages.len(),
            incidents: localized.status.incidents.len(),
            built_at: now,
            next_change: localized.status.next_change(),
            warnings: localizer.messages.warnings.clone(),
        },
        files,
        fixed,
        localized,
        config,
        base,
        assets,
        progress,
        reread,
        failed,
        keys: keys.map(|keys| keys.with(options)),
    })
}

/// `base_url` from site/config.yaml, ending in `/`: canonical links, feeds and the sitemap
/// need absolute addresses.
pub(crate) fn base_url(corpus: &Corpus) -> anyhow::Result<String> {
    let config_path = corpus
        .config
        .source
        .as_ref()
        .map_or("site/config.yaml".to_string(), |s| {
            crate::diagnostic::display_path(&s.path)
        });
    let Some(base) = corpus.config.config.base_url.as_ref() else {
        bail!(
            "{config_path}: `base_url` is missing; the site needs it for canonical links, feeds and the sitemap: add `base_url: https://status.example.com/`"
        );
    };
    let base = base.value.as_str();
    // Lint reports this as `invalid-config`, which no project can turn off; this only
    // guards library callers that skip the check.
    if !load::config::is_base_url(base) {
        bail!("{config_path}: `base_url` is not an absolute http(s) URL without whitespace");
    }
    Ok(if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    })
}

/// A project file in `site/` must not silently replace a generated page (or the reverse).
fn refuse_collisions(paths: &[String]) -> anyhow::Result<()> {
    let mut seen = HashSet::new();
    for path in paths {
        if !seen.insert(path.as_str()) {
            bail!("site/{path} has the name of a file hindsight generates; rename or move it");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "base_url: https://status.example.com/\nlanguages: [en, de]\ncomponents:\n  - id: api\n    name: API\n";
    const RECORD: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\nstarted: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T10:30:00Z\nsummary: The API returned errors.\nimpact: Some calls failed.\nroot_cause: A bad deploy.\nresolution: Rolled back.\nactions:\n  - text: Add a canary stage.\n    status: done\n";

    /// Every file of the site built from `corpus` at `now` with the built-in assets.
    fn built_files(corpus: &Corpus, now: DateTime<Utc>) -> Vec<Artifact> {
        let assets = SiteAssets::builtin().unwrap();
        let built = build(corpus, &assets, now, &Quiet).unwrap();
        built.artifacts().unwrap()
    }

    /// The text of the file at `path` among `artifacts`.
    fn text_of(artifacts: &[Artifact], path: &str) -> String {
        let artifact = artifacts.iter().find(|a| a.path == path);
        String::from_utf8(artifact.unwrap_or_else(|| panic!("{path}")).bytes.clone()).unwrap()
    }

    #[test]
    fn a_site_is_built_from_values_alone() {
        let corpus = load::from_texts(Some(CONFIG), &[("incidents/2024-01-10-api.yaml", RECORD)]);
        let now = DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let report = crate::check::check(&corpus, now);
        assert_eq!(
            report.count(crate::diagnostic::Severity::Error),
            0,
            "{report:?}"
        );
        let assets = SiteAssets::builtin().unwrap();
        let built = build(&corpus, &assets, now, &Quiet).unwrap();
        let artifacts = built.artifacts().unwrap();
        let file = |path: &str| text_of(&artifacts, path);
        assert!(file("en/incidents/2024-01-10-api.html").contains("API errors"));
        assert!(file("de/index.html").contains("lang=\"de\""));
        assert!(file("api/v2/incidents.json").contains("\"impact\": \"major\""));
        assert_eq!(
            (built.site.pages, built.site.languages, built.site.incidents),
            (14, 2, 1)
        );
    }

    #[test]
    fn the_schemas_are_published_where_their_ids_point_and_not_listed_as_pages() {
        let corpus = load::from_texts(Some(CONFIG), &[("incidents/2024-01-10-api.yaml", RECORD)]);
        let now = DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let assets = SiteAssets::builtin().unwrap();
        let built = build(&corpus, &assets, now, &Quiet).unwrap();
        let artifacts = built.artifacts().unwrap();
        let file = |path: &str| artifacts.iter().find(|a| a.path == path);
        for name in ["record", "overlay", "config"] {
            let path = format!("schema/{name}.json");
            let artifact = file(&path).unwrap_or_else(|| panic!("{path}"));
            let schema: serde_json::Value = serde_json::from_slice(&artifact.bytes).unwrap();
            assert_eq!(schema["$id"], format!("https://status.example.com/{path}"));
        }
        let sitemap = String::from_utf8(file("sitemap.xml").unwrap().bytes.clone()).unwrap();
        assert!(!sitemap.contains("schema/"), "{sitemap}");
        assert_eq!(
            crate::render::site::paths::reserved("schema/config.json", &[]),
            Some(crate::render::site::paths::Reserved::RootFile)
        );
    }

    #[test]
    fn a_maintenance_shows_its_overlays_text_on_its_page_and_its_own_in_the_api() {
        let record = "title: Database upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: UTC\nscheduled_for: 2024-06-10 22:00\nscheduled_until: 2024-06-10 23:30\nsummary: We upgrade the database.\n";
        let overlay = "lang: de\ntitle:\n  source: Database upgrade\n  text: Datenbank-Upgrade\nsummary:\n  source: We upgrade the database.\n  text: Wir aktualisieren die Datenbank.\n";
        let corpus = load::from_texts(
            Some(CONFIG),
            &[
                ("incidents/2024-06-10-db.yaml", record),
                ("incidents/2024-06-10-db.de.yaml", overlay),
            ],
        );
        let now = DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let artifacts = built_files(&corpus, now);
        let file = |path: &str| text_of(&artifacts, path);
        // Its page is localized when it renders, its card earlier: both from the overlay.
        let page = file("de/maintenance/2024-06-10-db.html");
        assert!(page.contains("Wir aktualisieren die Datenbank."), "{page}");
        assert!(page.contains("Datenbank-Upgrade"), "{page}");
        assert!(!page.contains("We upgrade the database."), "{page}");
        let home = file("de/index.html");
        assert!(home.contains("Wir aktualisieren die Datenbank."), "{home}");
        let english = file("en/maintenance/2024-06-10-db.html");
        assert!(english.contains("We upgrade the database."), "{english}");
        let api = file("api/v2/scheduled-maintenances.json");
        assert!(api.contains("We upgrade the database."), "{api}");
        assert!(!api.contains("Wir aktualisieren"), "{api}");
    }

    /// 60 incidents on `api`, 12 in each month from January to May 2024, and the site built
    /// from them: (path, text) of every file.
    fn busy_site() -> Vec<(String, String)> {
        let records: Vec<(String, String)> = (1..=5)
            .flat_map(|month| (1..=12).map(move |day| (month, day)))
            .map(|(month, day)| {
                let date = format!("2024-{month:02}-{day:02}");
                let text = RECORD
                    .replace("2024-01-10T10:00:00Z", &format!("{date}T10:00:00Z"))
                    .replace("2024-01-10T10:30:00Z", &format!("{date}T10:30:00Z"))
                    .replace("API errors", &format!("API errors {date}"));
                (format!("incidents/{date}-api.yaml"), text)
            })
            .collect();
        let files: Vec<(&str, &str)> = records
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str()))
            .collect();
        let corpus = load::from_texts(Some(CONFIG), &files);
        let now = DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let assets = SiteAssets::builtin().unwrap();
        let built = build(&corpus, &assets, now, &Quiet).unwrap();
        assert_eq!(built.site.incidents, 60);
        let texts = built.artifacts().unwrap().into_iter();
        texts
            .map(|a| (a.path, String::from_utf8(a.bytes).unwrap()))
            .collect()
    }

    fn file<'a>(site: &'a [(String, String)], path: &str) -> &'a str {
        let found = site.iter().find(|(p, _)| p == path);
        &found.unwrap_or_else(|| panic!("{path}")).1
    }

    #[test]
    fn lists_that_grow_with_the_history_are_bounded() {
        let site = busy_site();
        let cards = |text: &str| text.matches("<article class=\"incident").count();
        for feed in ["en/feed.atom", "de/components/api.atom"] {
            assert_eq!(file(&site, feed).matches("<entry>").count(), 25, "{feed}");
        }
        assert!(file(&site, "en/feed.atom").contains("API errors 2024-05-12"));
        assert!(!file(&site, "en/feed.atom").contains("API errors 2024-01-01"));
        let api: serde_json::Value =
            serde_json::from_str(file(&site, "api/v2/incidents.json")).unwrap();
        assert_eq!(api["incidents"].as_array().unwrap().len(), 50);
        assert_eq!(api["incidents"][0]["name"], "API errors 2024-05-12");
        // The history: the latest three months in full, every month linked.
        let history = file(&site, "en/history.html");
        assert_eq!(history.matches("<section class=\"month\"").count(), 3);
        assert_eq!(cards(history), 36);
        for month in ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"] {
            assert!(history.contains(&format!("href=\"../en/history/{month}.html\"")));
        }
        // A component's page: its 10 latest incidents and the way to the rest.
        let component = file(&site, "en/components/api.html");
        assert_eq!(cards(component), 10);
        assert!(component.contains("API errors 2024-05-03"));
        assert!(component.contains("class=\"more\"><a href=\"../../en/history.html\""));
    }

    #[test]
    fn each_month_has_a_page_with_its_incidents_and_its_neighbours() {
        let site = busy_site();
        let march = file(&site, "de/history/2024-03.html");
        assert_eq!(march.matches("<article class=\"incident").count(), 12);
        for day in 1..=12 {
            assert!(
                march.contains(&format!("2024-03-{day:02}-api.html")),
                "{day}"
            );
        }
        assert!(!march.contains("2024-04-01-api.html"));
        // The history runs newest first: the older month is the next page, the newer the
        // previous one.
        assert!(march.contains("href=\"../../de/history/2024-04.html\" rel=\"prev\""));
        assert!(march.contains("href=\"../../de/history/2024-02.html\" rel=\"next\""));
        let newest = file(&site, "de/history/2024-05.html");
        assert!(newest.contains("rel=\"next\"") && !newest.contains("rel=\"prev\""));
        let oldest = file(&site, "de/history/2024-01.html");
        assert!(!oldest.contains("rel=\"next\"") && oldest.contains("rel=\"prev\""));
        // The navigation marks History as the section the page is in.
        assert!(
            march.contains("history.html\" aria-current=\"true\">"),
            "{march}"
        );
        assert!(
            !march.contains("aria-current=\"page\">Störungshistorie"),
            "{march}"
        );
        let history = file(&site, "de/history.html");
        assert!(
            history.contains("history.html\" aria-current=\"page\">"),
            "{history}"
        );
        // Listed in the sitemap, with their other languages.
        let sitemap = file(&site, "sitemap.xml");
        assert!(sitemap.contains("<loc>https://status.example.com/de/history/2024-03.html</loc>"));
        assert!(sitemap.contains(
            "hreflang=\"en\" href=\"https://status.example.com/en/history/2024-03.html\""
        ));
        // A month changed when the latest of its incidents did.
        let lastmod = |page: &str| {
            let loc = format!("<loc>https://status.example.com/de/{page}.html</loc>");
            let url = sitemap.split("<url>").find(|url| url.contains(&loc))?;
            Some(url.split_once("<lastmod>")?.1.split_once("</lastmod>")?.0)
        };
        let incidents: Vec<&str> = (1..=12)
            .map(|day| lastmod(&format!("incidents/2024-03-{day:02}-api")).unwrap())
            .collect();
        let latest = incidents.iter().max().copied();
        assert!(latest.is_some_and(|at| at > incidents[0]), "{incidents:?}");
        assert_eq!(lastmod("history/2024-03"), latest);
        assert_eq!(lastmod("history"), None, "the history follows the present");
    }

    #[test]
    fn a_sitemap_over_the_limit_becomes_an_index_of_sitemaps() {
        let corpus = load::from_texts(Some(CONFIG), &[("incidents/2024-01-10-api.yaml", RECORD)]);
        let now = DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let assets = SiteAssets::builtin().unwrap();
        let built = build(&corpus, &assets, now, &Quiet).unwrap();
        let postmortems = on_demand(built.config, &built.localized, &assets, now, Of::Incidents);
        let maintenances = on_demand(
            built.config,
            &built.localized,
            &assets,
            now,
            Of::Maintenances,
        );
        let site = site(
            built.config,
            built.base.clone(),
            &built.localized,
            (&postmortems, &maintenances),
        );
        // 12 pages besides the root and 404: at most 5 a sitemap makes 3 sitemaps.
        let plan = crate::render::site::Plan::with_sitemap_limit(&site, &assets.templates, 5);
        let mut files: Vec<Artifact> = Vec::new();
        for job in plan.jobs() {
            files.extend(plan.render(job).unwrap());
        }
        let text = |path: &str| {
            let found = files.iter().find(|a| a.path == path);
            String::from_utf8(found.unwrap_or_else(|| panic!("{path}")).bytes.clone()).unwrap()
        };
        let index = text("sitemap.xml");
        assert!(index.contains("<sitemapindex"), "{index}");
        let mut locs = Vec::new();
        for n in 1..=3 {
            let part = text(&format!("sitemap-{n}.xml"));
            assert!(index.contains(&format!(
                "<loc>https://status.example.com/sitemap-{n}.xml</loc>"
            )));
            let urls = part.matches("<url>").count();
            assert_eq!(urls, [5, 5, 2][n - 1], "{n}");
            locs.extend(
                part.lines()
                    .filter(|l| l.starts_with("<loc>"))
                    .map(String::from),
            );
        }
        assert!(!files.iter().any(|a| a.path == "sitemap-4.xml"));
        assert_eq!(
            locs.len(),
            built.site.pages - 2,
            "every page once, not the root or 404"
        );
        locs.sort();
        locs.dedup();
        assert_eq!(locs.len(), built.site.pages - 2);
        assert!(text("robots.txt").contains("Sitemap: https://status.example.com/sitemap.xml"));
    }
}
