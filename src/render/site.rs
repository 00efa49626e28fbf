//! The status site's pages, feeds, sitemap and badges: site views -> artifacts in memory.
//!
//! Every page exists in every configured language, at `<lang>/…`; the default language's
//! home page is also the site's root. Links between pages are relative, so the site works
//! under any path of any host and straight from disk.

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};
use unicode_width::UnicodeWidthStr;

use super::Templates;
use crate::localize::{Postmortem, SiteView};
use crate::model::{Lang, SiteConfig};
use crate::status::SiteStatus;

/// A file of the site: its path under the output directory (`/`-separated, relative) and
/// its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Artifact {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Artifact {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// One language's share of the site: its view and its postmortems (in incident order).
pub struct Language<'a> {
    pub lang: Lang,
    pub view: &'a SiteView,
    pub postmortems: &'a [Postmortem],
}

/// Which page, independent of its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    Home,
    History,
    /// The incident's index in the status, and its id.
    Incident(usize, &'a str),
    /// The component's index in the status, and its id.
    Component(usize, &'a str),
}

impl Page<'_> {
    /// The file under the language's directory.
    pub fn path(self, lang: Lang) -> String {
        match self {
            Page::Home => format!("{lang}/index.html"),
            Page::History => format!("{lang}/history.html"),
            Page::Incident(_, id) => format!("{lang}/incidents/{id}.html"),
            Page::Component(_, id) => format!("{lang}/components/{id}.html"),
        }
    }

    /// The public address: directories for home pages, files for the rest.
    fn url(self, base: &str, lang: Lang) -> String {
        match self {
            Page::Home => format!("{base}{lang}/"),
            _ => format!("{base}{}", self.path(lang)),
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Page::Home => "home",
            Page::History => "history",
            Page::Incident(..) => "incident",
            Page::Component(..) => "component",
        }
    }
}

/// What every page's head and header need: the language, the links to itself in every
/// language, and the relative way back to the site's root.
#[derive(Debug, Clone, Serialize)]
struct Chrome {
    lang: &'static str,
    og_locale: &'static str,
    kind: &'static str,
    /// `../` per directory between the page and the site's root (or an absolute path on
    /// the 404 page, which is served at any address).
    root: String,
    /// `<title>`: the page's heading and the site's name.
    title: String,
    heading: String,
    description: String,
    canonical: String,
    og_type: &'static str,
    alternates: Vec<Alternate>,
    x_default: String,
}

#[derive(Debug, Clone, Serialize)]
struct Alternate {
    lang: &'static str,
    og_locale: &'static str,
    /// The language's name in that language.
    name: String,
    href: String,
    /// The relative link from the current page.
    link: String,
    current: bool,
}

/// Everything the site shows, in every language; `languages[0]` is the default.
pub struct Site<'a> {
    pub config: &'a SiteConfig,
    /// The base URL, ending in `/`.
    pub base: String,
    pub status: &'a SiteStatus<'a>,
    pub languages: Vec<Language<'a>>,
}

impl Site<'_> {
    fn default_language(&self) -> &Language<'_> {
        &self.languages[0]
    }

    /// Every page in every language, the root page, the 404 page, feeds, badges and the
    /// sitemap. `tick` is called once per page rendered.
    pub fn render(
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
            "index.html",
            self.page(templates, &views[0], 0, Page::Home, "")?,
        ));
        artifacts.push(Artifact::new(
            "404.html",
            self.not_found(templates, &views[0])?,
        ));
        for (index, language) in self.languages.iter().enumerate() {
            artifacts.push(self.feed(templates, &views[index], index)?);
            artifacts.extend(self.badges(templates, language)?);
        }
        artifacts.push(Artifact::new(
            "sitemap.xml",
            self.sitemap(templates, &pages)?,
        ));
        artifacts.push(Artifact::new(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
                self.base
            ),
        ));
        Ok(artifacts)
    }

    /// The pages of every language, by language index.
    fn pages(&self) -> Vec<(usize, Page<'_>)> {
        let mut kinds = vec![Page::Home, Page::History];
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
        (0..self.languages.len())
            .flat_map(|language| kinds.iter().map(move |&page| (language, page)))
            .collect()
    }

    /// The number of HTML pages `render` writes.
    pub fn page_count(&self) -> usize {
        self.pages().len() + 2
    }

    /// From a page in `<lang>/` (one level down) or `<lang>/incidents/` (two) to the root.
    fn root_for(&self, page: Page) -> String {
        match page {
            Page::Home | Page::History => "../",
            Page::Incident(..) | Page::Component(..) => "../../",
        }
        .to_string()
    }

    fn chrome(&self, language: usize, page: Page, root: &str, canonical_root: bool) -> Chrome {
        let Language { lang, view, .. } = &self.languages[language];
        let (heading, description, og_type) = match page {
            Page::Home => (
                message(&view.t, "site_current_status"),
                view.banner.text.clone(),
                "website",
            ),
            Page::History => (
                message(&view.t, "site_history"),
                message(&view.t, "site_history"),
                "website",
            ),
            Page::Incident(index, _) => {
                let incident = &view.incidents[index];
                let description = incident
                    .summary
                    .as_ref()
                    .map(|s| crate::render::markdown::to_plain(&s.markdown))
                    .unwrap_or_else(|| incident.period.clone());
                (
                    crate::render::markdown::to_plain(&incident.title.markdown),
                    description,
                    "article",
                )
            }
            Page::Component(index, _) => {
                let component = &view.components[index];
                (
                    component.name.clone(),
                    format!("{} · {}", component.status_text, component.uptime),
                    "website",
                )
            }
        };
        let alternates = self
            .languages
            .iter()
            .enumerate()
            .map(|(index, other)| Alternate {
                lang: other.lang.as_str(),
                og_locale: og_locale(other.lang),
                name: message(&other.view.t, &format!("language_{}", other.lang)),
                href: page.url(&self.base, other.lang),
                link: format!("{root}{}", page.path(other.lang)),
                current: index == language,
            })
            .collect();
        Chrome {
            lang: lang.as_str(),
            og_locale: og_locale(*lang),
            kind: page.kind(),
            root: root.to_string(),
            title: format!("{heading} – {}", view.title),
            heading,
            description,
            canonical: if canonical_root {
                self.base.clone()
            } else {
                page.url(&self.base, *lang)
            },
            og_type,
            alternates,
            x_default: match page {
                Page::Home => self.base.clone(),
                _ => page.url(&self.base, self.default_language().lang),
            },
        }
    }

    fn page(
        &self,
        templates: &Templates,
        site: &Value,
        language: usize,
        page: Page,
        root: &str,
    ) -> anyhow::Result<String> {
        let chrome = self.chrome(language, page, root, root.is_empty());
        let mut context = match page {
            Page::Incident(index, _) => {
                let postmortem = &self.languages[language].postmortems[index];
                let mut context = templates.context(postmortem)?;
                context.insert("anchors", &true);
                context
            }
            _ => Context::new(),
        };
        context.insert_value("site", site.clone());
        context.insert("page", &chrome);
        let name = match page {
            Page::Home => "site/home.html",
            Page::History => "site/history.html",
            Page::Incident(..) => "site/incident.html",
            Page::Component(index, _) => {
                context.insert("component_index", &index);
                "site/component.html"
            }
        };
        templates.render(name, &context)
    }

    /// Served for any missing address: its links are absolute paths from the base URL.
    fn not_found(&self, templates: &Templates, site: &Value) -> anyhow::Result<String> {
        let root = base_path(&self.base);
        let mut chrome = self.chrome(0, Page::Home, &root, true);
        let t = &self.default_language().view.t;
        chrome.kind = "not-found";
        chrome.heading = message(t, "site_not_found");
        chrome.title = format!(
            "{} – {}",
            chrome.heading,
            self.default_language().view.title
        );
        chrome.description = message(t, "site_not_found_text");
        let mut context = Context::new();
        context.insert_value("site", site.clone());
        context.insert("page", &chrome);
        templates.render("site/404.html", &context)
    }

    fn feed(&self, templates: &Templates, site: &Value, index: usize) -> anyhow::Result<Artifact> {
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
        let path = format!("{}/feed.atom", language.lang);
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

    /// The page's badge (`<lang>/badge.svg`) and one per component
    /// (`<lang>/badges/<component>.svg`), in the colours of the status.
    fn badges(&self, templates: &Templates, language: &Language) -> anyhow::Result<Vec<Artifact>> {
        let view = language.view;
        let mut badges = vec![(
            format!("{}/badge.svg", language.lang),
            message(&view.t, "badge_status"),
            view.banner.text.clone(),
            indicator_color(view.banner.indicator),
        )];
        badges.extend(view.components.iter().map(|component| {
            (
                format!("{}/badges/{}.svg", language.lang, component.id),
                component.name.clone(),
                component.status_text.clone(),
                component_color(component.status),
            )
        }));
        badges
            .into_iter()
            .map(|(path, label, value, color)| {
                let mut context = Context::new();
                context.insert("badge", &Badge::new(label, value, color));
                Ok(Artifact::new(
                    path,
                    templates.render("site/badge.svg", &context)?,
                ))
            })
            .collect()
    }

    fn sitemap(&self, templates: &Templates, pages: &[(usize, Page)]) -> anyhow::Result<String> {
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

/// A message without variables; like [`crate::localize::Messages::format`], a message no
/// locale defines shows as its id rather than vanishing.
fn message(t: &std::collections::BTreeMap<String, String>, id: &str) -> String {
    t.get(id).cloned().unwrap_or_else(|| id.to_string())
}

/// `https://example.com/status/` -> `/status/`.
fn base_path(base: &str) -> String {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(slash) => after_scheme[slash..].to_string(),
        None => "/".to_string(),
    }
}

fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_US",
        Lang::De => "de_DE",
        Lang::Ja => "ja_JP",
        Lang::Zh => "zh_CN",
    }
}

fn indicator_color(indicator: &str) -> &'static str {
    match indicator {
        "none" => "#2da44e",
        "minor" => "#bf8700",
        "major" => "#d1600f",
        _ => "#cf222e",
    }
}

fn component_color(status: &str) -> &'static str {
    match status {
        "operational" => "#2da44e",
        "degraded_performance" => "#bf8700",
        "partial_outage" => "#d1600f",
        "under_maintenance" => "#0969da",
        _ => "#cf222e",
    }
}

/// A shields-style badge; widths are estimated from the text's display width (11px text:
/// about 7px a column, so CJK text gets twice the room).
#[derive(Debug, Serialize)]
struct Badge {
    label: String,
    value: String,
    color: &'static str,
    label_width: usize,
    value_width: usize,
    width: usize,
}

impl Badge {
    fn new(label: String, value: String, color: &'static str) -> Self {
        let measure = |text: &str| text.width() * 7 + 12;
        let (label_width, value_width) = (measure(&label), measure(&value));
        Badge {
            label,
            value,
            color,
            label_width,
            value_width,
            width: label_width + value_width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_404_page_links_from_the_base_path() {
        assert_eq!(base_path("https://status.example.com/"), "/");
        assert_eq!(base_path("https://example.com/status/"), "/status/");
        assert_eq!(base_path("https://example.com"), "/");
    }

    #[test]
    fn badges_make_room_for_wide_text() {
        let latin = Badge::new("status".into(), "ok".into(), "#000");
        let cjk = Badge::new("状态".into(), "正常".into(), "#000");
        assert_eq!(latin.label_width, 6 * 7 + 12);
        assert_eq!(cjk.value_width, 4 * 7 + 12);
    }

    #[test]
    fn pages_live_under_their_language() {
        assert_eq!(
            Page::Incident(0, "2023-12-17-x").path(Lang::De),
            "de/incidents/2023-12-17-x.html"
        );
        assert_eq!(
            Page::Home.url("https://s.example/", Lang::Ja),
            "https://s.example/ja/"
        );
    }
}
