//! The site's file paths, spelled once: the Rust that writes the files and the templates
//! that link to them (the `path` function) both ask here.

use crate::model::Lang;

/// A file of the site in one language: `kind` names it, `id` picks the incident or
/// component. `None` for a kind the site does not have, or a missing id.
pub(crate) fn path(kind: &str, lang: &str, id: Option<&str>) -> Option<String> {
    Some(match (kind, id) {
        ("home", _) => format!("{lang}/index.html"),
        ("history", _) => format!("{lang}/history.html"),
        ("month", Some(month)) => format!("{lang}/history/{month}.html"),
        ("metrics", _) => format!("{lang}/metrics.html"),
        ("feed", _) => format!("{lang}/feed.atom"),
        ("calendar", _) => format!("{lang}/maintenance.ics"),
        ("badge", None) => format!("{lang}/badge.svg"),
        ("badge", Some(component)) => format!("{lang}/badges/{component}.svg"),
        ("widget", None) => format!("{lang}/widget.html"),
        ("widget", Some(component)) => format!("{lang}/widgets/{component}.html"),
        ("incident", Some(id)) => format!("{lang}/incidents/{id}.html"),
        ("component", Some(id)) => format!("{lang}/components/{id}.html"),
        ("component-feed", Some(id)) => format!("{lang}/components/{id}.atom"),
        ("maintenance", Some(id)) => format!("{lang}/maintenance/{id}.html"),
        _ => return None,
    })
}

/// The default language's home page, also at the root.
pub(crate) const ROOT_HOME: &str = "index.html";
pub(crate) const NOT_FOUND: &str = "404.html";
/// The sitemap, or the sitemap index when the site has more pages than one sitemap may list.
pub(crate) const SITEMAP: &str = "sitemap.xml";
pub(crate) const ROBOTS: &str = "robots.txt";
/// The postmortem's stylesheet, shared by every page.
pub(crate) const POSTMORTEM_CSS: &str = "postmortem.css";

/// The files the build writes at the site's root, beside the language folders.
pub(crate) const ROOT_FILES: [&str; 6] = [
    ROOT_HOME,
    NOT_FOUND,
    SITEMAP,
    ROBOTS,
    POSTMORTEM_CSS,
    crate::render::build_info::PATH,
];

/// The `number`th sitemap (from 1) that a sitemap index names.
pub(crate) fn sitemap_part(number: usize) -> String {
    format!("sitemap-{number}.xml")
}

/// Whether `name` is one of the sitemaps a sitemap index names.
fn is_sitemap_part(name: &str) -> bool {
    name.strip_prefix("sitemap-")
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The folder of the JSON API.
pub(crate) const API_DIR: &str = "api";

/// Where hindsight writes, for [`reserved`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reserved {
    RootFile,
    Api,
    Language(Lang),
}

/// Whether `name` (a path under the output, `/`-separated) lies where hindsight writes: one
/// of [`ROOT_FILES`], or anything in the API folder or a language's folder. A project's own
/// `site/` file there is refused whole, not only where a file exists today, so that no later
/// build (a new incident, a new page kind) can collide with it.
pub(crate) fn reserved(name: &str, languages: &[Lang]) -> Option<Reserved> {
    let schema = crate::schema::SchemaKind::ALL
        .iter()
        .any(|kind| kind.site_path() == name);
    if ROOT_FILES.contains(&name) || schema || is_sitemap_part(name) {
        return Some(Reserved::RootFile);
    }
    let (top, _) = name.split_once('/')?;
    if top == API_DIR {
        return Some(Reserved::Api);
    }
    languages
        .iter()
        .find(|lang| lang.as_str() == top)
        .map(|&lang| Reserved::Language(lang))
}

/// [`path`] for Rust callers, where the kind is always one the site has.
pub(crate) fn of(kind: &str, lang: Lang, id: Option<&str>) -> String {
    path(kind, lang.as_str(), id).unwrap_or_else(|| unreachable!("the site has `{kind}` pages"))
}

/// The templates' `path(kind=…, lang=…, id=…)`.
pub(crate) fn template_function(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    let kind: &str = kwargs.must_get("kind")?;
    let lang: &str = kwargs.must_get("lang")?;
    let id: Option<&str> = kwargs.get("id")?;
    path(kind, lang, id).ok_or_else(|| {
        tera::Error::message(format!(
            "path(kind=\"{kind}\"): no such page (home, history, metrics, feed, calendar, badge, widget, month, incident, component, component-feed, maintenance; the last five need id=…)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_files_the_api_and_language_folders_are_reserved() {
        let languages = [Lang::En, Lang::De];
        for name in [
            "build.json",
            "index.html",
            "sitemap-12.xml",
            "api/v2/x.json",
            "en/logo.png",
            "de/a/b.svg",
        ] {
            assert!(reserved(name, &languages).is_some(), "{name}");
        }
        assert_eq!(
            reserved("de/a/b.svg", &languages),
            Some(Reserved::Language(Lang::De))
        );
        for name in [
            "style.css",
            "sitemap-x.xml",
            "favicon.svg",
            "ja/logo.png",
            "img/en.png",
            "en",
            "api",
        ] {
            assert_eq!(reserved(name, &languages), None, "{name}");
        }
    }

    #[test]
    fn every_kind_has_one_spelling() {
        assert_eq!(path("home", "de", None).unwrap(), "de/index.html");
        assert_eq!(
            path("incident", "ja", Some("2023-12-17-x")).unwrap(),
            "ja/incidents/2023-12-17-x.html"
        );
        assert_eq!(
            path("badge", "en", Some("api")).unwrap(),
            "en/badges/api.svg"
        );
        assert_eq!(path("widget", "de", None).unwrap(), "de/widget.html");
        assert_eq!(
            path("month", "ja", Some("2024-05")).unwrap(),
            "ja/history/2024-05.html"
        );
        assert_eq!(sitemap_part(3), "sitemap-3.xml");
        assert_eq!(
            path("widget", "zh", Some("api")).unwrap(),
            "zh/widgets/api.html"
        );
        assert_eq!(path("calendar", "de", None).unwrap(), "de/maintenance.ics");
        assert_eq!(
            path("component-feed", "zh", Some("api")).unwrap(),
            "zh/components/api.atom"
        );
        assert_eq!(path("component-feed", "zh", None), None);
        assert_eq!(path("incident", "en", None), None);
        assert_eq!(path("blog", "en", None), None);
    }
}
