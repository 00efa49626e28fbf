//! Which pages the site has, where each lives, and rendering the HTML pages (the 404 page too).

use std::borrow::Cow;
use std::sync::Arc;

use tera::value::Key;
use tera::{Context, Value};

use super::{Site, message, paths};
use crate::localize::{Postmortem, SiteView};
use crate::model::Lang;
use crate::render::Templates;

/// Which page, independent of its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Page<'a> {
    Home,
    History,
    /// One month of the history: its index in the site's months, and its key (`2024-05`).
    Month(usize, &'a str),
    Metrics,
    /// The incident's index in the status, and its id.
    Incident(usize, &'a str),
    /// The component's index in the status, and its id.
    Component(usize, &'a str),
    /// The maintenance window's index in the status, and its id.
    Maintenance(usize, &'a str),
}

impl Page<'_> {
    /// The file under the language's directory.
    pub(crate) fn path(self, lang: Lang) -> String {
        match self {
            Page::Home => paths::of("home", lang, None),
            Page::History => paths::of("history", lang, None),
            Page::Month(_, key) => paths::of("month", lang, Some(key)),
            Page::Metrics => paths::of("metrics", lang, None),
            Page::Incident(_, id) => paths::of("incident", lang, Some(id)),
            Page::Component(_, id) => paths::of("component", lang, Some(id)),
            Page::Maintenance(_, id) => paths::of("maintenance", lang, Some(id)),
        }
    }

    /// The public address: directories for home pages, files for the rest.
    pub(super) fn url(self, base: &str, lang: Lang) -> String {
        match self {
            Page::Home => format!("{base}{lang}/"),
            _ => format!("{base}{}", self.path(lang)),
        }
    }

    pub(super) fn kind(self) -> &'static str {
        match self {
            Page::Home => "home",
            Page::History => "history",
            Page::Month(..) => "month",
            Page::Metrics => "metrics",
            Page::Incident(..) => "incident",
            Page::Component(..) => "component",
            Page::Maintenance(..) => "maintenance",
        }
    }
}

impl Site<'_> {
    /// The page's one public address, for canonical links, alternates, feeds and the
    /// sitemap: the default language's home is the site's root (`/`), which serves the same
    /// page as `/<default>/`; one address for the two, so search engines see no duplicate
    /// that calls itself canonical, and `x-default` names a canonical page.
    pub(super) fn url(&self, page: Page, lang: Lang) -> String {
        if page == Page::Home && lang == self.default_language().lang {
            self.base.clone()
        } else {
            page.url(&self.base, lang)
        }
    }

    /// From a page in `<lang>/` (one level down) or `<lang>/incidents/` (two) to the root.
    pub(super) fn root_for(&self, page: Page) -> String {
        match page {
            Page::Home | Page::History | Page::Metrics => "../",
            Page::Month(..) | Page::Incident(..) | Page::Component(..) | Page::Maintenance(..) => {
                "../../"
            }
        }
        .to_string()
    }

    /// The incidents `page` lists or shows, as indices into the site's incidents: the only
    /// ones its `site.incidents` holds.
    fn shown(&self, language: usize, page: Page) -> Vec<usize> {
        let view = self.languages[language].view;
        match page {
            Page::Home => view.ongoing.iter().chain(&view.recent).copied().collect(),
            Page::History => view
                .months
                .iter()
                .take(HISTORY_MONTHS)
                .flat_map(|month| month.incidents.iter().copied())
                .collect(),
            Page::Month(index, _) => view.months[index].incidents.clone(),
            Page::Incident(index, _) => vec![index],
            Page::Component(index, _) => view.components[index].incidents.clone(),
            Page::Metrics | Page::Maintenance(..) => Vec::new(),
        }
    }

    pub(super) fn page(
        &self,
        templates: &Templates,
        base: &Value,
        language: usize,
        page: Page,
        root: &str,
    ) -> anyhow::Result<String> {
        let chrome = self.chrome(language, page, root);
        let view = self.languages[language].view;
        let site = self.site_value(base, language, self.shown(language, page));
        let mut context = match page {
            Page::Incident(index, _) => {
                let postmortem = self.languages[language].postmortems.get(index);
                let mut context = postmortem_context(templates, base, view, postmortem)?;
                context.insert("anchors", &true);
                context.insert("incident_index", &index);
                context
            }
            Page::Maintenance(index, _) => {
                let text = self.languages[language].maintenances.get(index);
                let mut context = postmortem_context(templates, base, view, text)?;
                context.insert("anchors", &true);
                context.insert("maintenance_index", &index);
                context
            }
            _ => Context::new(),
        };
        context.insert_value("site", site);
        context.insert("page", &chrome);
        let name = match page {
            Page::Home => "site/home.html",
            Page::History => {
                let shown = &view.months[..view.months.len().min(HISTORY_MONTHS)];
                context.insert("months", shown);
                "site/history.html"
            }
            Page::Month(index, _) => {
                let neighbour = |at: Option<usize>| {
                    at.and_then(|at| view.months.get(at))
                        .map(|month| Neighbour {
                            key: &month.key,
                            label: &month.label,
                        })
                };
                context.insert("month", &view.months[index]);
                context.insert("newer", &neighbour(index.checked_sub(1)));
                context.insert("older", &neighbour(Some(index + 1)));
                "site/month.html"
            }
            Page::Metrics => "site/metrics.html",
            Page::Incident(..) => "site/incident.html",
            Page::Component(index, _) => {
                context.insert("component_index", &index);
                "site/component.html"
            }
            Page::Maintenance(..) => "site/maintenance.html",
        };
        templates.render(name, &context)
    }

    /// Served for any missing address: its links are absolute paths from the base URL.
    pub(super) fn not_found(&self, templates: &Templates, base: &Value) -> anyhow::Result<String> {
        let root = base_path(&self.base);
        let mut chrome = self.chrome(0, Page::Home, &root);
        let t = &self.default_language().view.t;
        chrome.kind = "not-found";
        chrome.heading = message(t, "site_not_found");
        chrome.title = format!(
            "{} – {}",
            chrome.heading,
            self.default_language().view.title
        );
        chrome.description = message(t, "site_not_found_text");
        // Served for any address: it shows no status.
        chrome.live = false;
        // One host-wide page for every address, so it speaks every language of the site.
        let blocks: Vec<NotFound> = self
            .languages
            .iter()
            .map(|language| NotFound {
                lang: language.lang.as_str(),
                tag: language.lang.tag(),
                heading: message(&language.view.t, "site_not_found"),
                text: message(&language.view.t, "site_not_found_text"),
                back: message(&language.view.t, "site_back"),
            })
            .collect();
        let mut context = Context::new();
        context.insert_value("site", self.site_value(base, 0, Vec::new()));
        context.insert("page", &chrome);
        context.insert("not_found", &blocks);
        templates.render("site/404.html", &context)
    }
}

/// A postmortem's fields as a page's template context. Its messages (`t`, some 200 strings)
/// are the language's own, which the view converted for the templates once (`base`): they
/// are handed over from there instead of being converted for every page, which cost more
/// than the rest of the postmortem. Messages of another origin are converted as before.
fn postmortem_context(
    templates: &Templates,
    base: &Value,
    view: &SiteView,
    postmortem: Cow<'_, Postmortem>,
) -> anyhow::Result<Context> {
    let converted = base.as_map().and_then(|map| map.get(&Key::from("t")));
    with_messages(templates, converted.map(|t| (&view.t, t)), postmortem)
}

/// The context of `postmortem`, its `t` taken from `converted` (messages, and their Tera
/// value) when `t` is those very messages.
fn with_messages(
    templates: &Templates,
    converted: Option<(&Arc<PlainMessages>, &Value)>,
    postmortem: Cow<'_, Postmortem>,
) -> anyhow::Result<Context> {
    match converted {
        Some((messages, t)) if Arc::ptr_eq(&postmortem.t, messages) => {
            let mut postmortem = postmortem.into_owned();
            postmortem.t = Arc::default();
            let mut context = templates.context(&postmortem)?;
            context.insert_value("t", t.clone());
            Ok(context)
        }
        _ => templates.context(&*postmortem),
    }
}

/// A language's messages without variables, by id.
type PlainMessages = std::collections::BTreeMap<String, String>;

/// How many months the history page shows in full: the latest three, as Statuspage's
/// history page does; every month has its own page.
pub(crate) const HISTORY_MONTHS: usize = 3;

/// The month before or after a month page's, for its links.
#[derive(serde::Serialize)]
struct Neighbour<'a> {
    key: &'a str,
    label: &'a str,
}

/// The 404 page's block in one language (`not_found` in `site/404.html`).
#[derive(Debug, serde::Serialize)]
struct NotFound {
    /// The language's folder, for `path(…)`.
    lang: &'static str,
    /// The language's tag, for `lang`.
    tag: &'static str,
    heading: String,
    text: String,
    back: String,
}

/// `https://example.com/status/` -> `/status/`.
fn base_path(base: &str) -> String {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(slash) => after_scheme[slash..].to_string(),
        None => "/".to_string(),
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

    /// An incident page's context is the postmortem's fields, its messages handed over
    /// converted (the view's) when they are the view's, and converted from the postmortem
    /// when they are not.
    #[test]
    fn a_postmortem_context_holds_its_own_messages() {
        use crate::load::{Limits, RecordContext, config, record};
        let (site, _) = config::parse(
            "base_url: https://s.example/\nlanguages: [en, de]\ncomponents:\n  - {id: api, name: API}\n",
            &Limits::default(),
        );
        let yaml = "title: Errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: major_outage\nstarted: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T10:30:00Z\nsummary: The API failed.\ntimeline:\n  - at: 2024-01-10T10:00:00Z\n    text: Alerts fired.\n";
        let (record, findings) = record::parse("2024-01-10-x", yaml, &RecordContext::default());
        assert!(findings.is_empty(), "{findings:?}");
        let localizer = crate::localize::Localizer::load(None).unwrap();
        let now = chrono::DateTime::from_timestamp(1_717_200_000, 0).unwrap();
        let postmortem = crate::localize::postmortem(
            &record.unwrap(),
            None,
            Lang::De,
            &site,
            &localizer,
            now,
            Default::default(),
        );
        let templates = Templates::load(None).unwrap();
        let expected = Value::from_serializable(&postmortem);
        let expected = expected.as_map().unwrap();
        assert!(expected.len() > 10, "{expected:?}");
        let messages = Arc::clone(&postmortem.t);
        let converted = Value::from_serializable(&*messages);
        for shared in [true, false] {
            // Messages of another origin (an empty map here) are never taken for its own.
            let other = Arc::new(PlainMessages::new());
            let handed = if shared { &messages } else { &other };
            let empty = Value::from_serializable(&*other);
            let t = if shared { &converted } else { &empty };
            let context = with_messages(
                &templates,
                Some((handed, t)),
                Cow::Owned(postmortem.clone()),
            )
            .unwrap();
            for (key, value) in expected {
                let key = key.as_str().unwrap();
                assert_eq!(context.get(key), Some(value), "{key}, shared: {shared}");
            }
            let t = context.get("t").and_then(|t| t.as_map()).unwrap();
            assert_eq!(
                t.get(&Key::from("heading_summary"))
                    .and_then(|v| v.as_str()),
                postmortem.t.get("heading_summary").map(String::as_str)
            );
        }
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
