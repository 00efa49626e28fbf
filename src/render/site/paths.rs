//! The site's file paths, spelled once: the Rust that writes the files and the templates
//! that link to them (the `path` function) both ask here.

use crate::model::Lang;

/// A file of the site in one language: `kind` names it, `id` picks the incident or
/// component. `None` for a kind the site does not have, or a missing id.
pub(crate) fn path(kind: &str, lang: &str, id: Option<&str>) -> Option<String> {
    Some(match (kind, id) {
        ("home", _) => format!("{lang}/index.html"),
        ("history", _) => format!("{lang}/history.html"),
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
            "path(kind=\"{kind}\"): no such page (home, history, metrics, feed, calendar, badge, widget, incident, component, component-feed, maintenance; the last four need id=…)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
