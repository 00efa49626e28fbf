//! What every page's head and header show: title, description, canonical address and the
//! page's links to itself in every language.

use serde::Serialize;

use super::{Language, Page, Site, message};
use crate::model::Lang;

/// What every page's head and header need: the language, the links to itself in every
/// language, and the relative way back to the site's root.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Chrome {
    /// The language's folder (`zh`): for `path(…)`.
    lang: &'static str,
    /// The language's tag (`zh-Hans`): for `lang`, `hreflang` and `xml:lang`.
    tag: &'static str,
    og_locale: &'static str,
    pub(super) kind: &'static str,
    /// `../` per directory between the page and the site's root (or an absolute path on
    /// the 404 page, which is served at any address).
    root: String,
    /// `<title>`: the page's heading and the site's name.
    pub(super) title: String,
    pub(super) heading: String,
    pub(super) description: String,
    pub(super) canonical: String,
    og_type: &'static str,
    pub(super) alternates: Vec<Alternate>,
    /// The default language's version (the root for the home): for readers whose language
    /// the site does not have.
    pub(super) x_default: String,
    /// Whether the page shows the present (current states, an ongoing incident, a
    /// maintenance not yet over), and so carries "Status as of <now>" in its footer; a
    /// resolved incident's page, a month without an ongoing incident or a finished
    /// maintenance's page does not depend on the clock.
    pub(super) live: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct Alternate {
    lang: &'static str,
    tag: &'static str,
    og_locale: &'static str,
    /// The language's name in that language.
    name: String,
    href: String,
    /// The relative link from the current page.
    link: String,
    current: bool,
}

impl Site<'_> {
    pub(super) fn chrome(&self, language: usize, page: Page, root: &str) -> Chrome {
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
            Page::Month(index, _) => {
                let label = &view.months[index].label;
                (
                    label.clone(),
                    format!("{} · {label}", message(&view.t, "site_history")),
                    "website",
                )
            }
            Page::Metrics => (
                message(&view.t, "site_metrics"),
                message(&view.t, "metrics_intro"),
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
            Page::Maintenance(index, _) => {
                let maintenance = &view.maintenances[index];
                let window = format!("{} · {}", maintenance.status_text, maintenance.window);
                let description = maintenance
                    .summary
                    .as_ref()
                    .map_or(window, |s| crate::render::markdown::to_plain(&s.markdown));
                (
                    crate::render::markdown::to_plain(&maintenance.title.markdown),
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
                tag: other.lang.tag(),
                og_locale: og_locale(other.lang),
                name: message(&other.view.t, &format!("language_{}", other.lang)),
                href: self.url(page, other.lang),
                link: format!("{root}{}", page.path(other.lang)),
                current: index == language,
            })
            .collect();
        Chrome {
            lang: lang.as_str(),
            tag: lang.tag(),
            og_locale: og_locale(*lang),
            kind: page.kind(),
            root: root.to_string(),
            title: format!("{heading} – {}", view.title),
            heading,
            description,
            canonical: self.url(page, *lang),
            og_type,
            alternates,
            x_default: self.url(page, self.default_language().lang),
            live: self.live(language, page),
        }
    }

    /// See [`Chrome::live`].
    fn live(&self, language: usize, page: Page) -> bool {
        let view = self.languages[language].view;
        match page {
            Page::Home | Page::History | Page::Metrics | Page::Component(..) => true,
            Page::Month(index, _) => view.months[index]
                .incidents
                .iter()
                .any(|&incident| view.incidents[incident].ongoing),
            Page::Incident(index, _) => view.incidents[index].ongoing,
            Page::Maintenance(index, _) => {
                !matches!(view.maintenances[index].status, "completed" | "cancelled")
            }
        }
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
