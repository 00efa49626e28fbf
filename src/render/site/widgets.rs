//! The status widgets: a tiny HTML document per language for the whole page
//! (`<lang>/widget.html`) and one per component (`<lang>/widgets/<id>.html`), made to be
//! embedded with an `<iframe>`: inline style only, no script, nothing fetched, and a link
//! that opens the status page in the embedding window.

use serde::Serialize;
use tera::Context;

use super::accent::Accent;
use super::{Artifact, Language, Site, paths};
use crate::render::Templates;

/// What one widget shows.
#[derive(Debug, Serialize)]
struct Widget<'a> {
    lang: &'a str,
    /// The site's title, or the component's name.
    label: &'a str,
    /// The banner, or the component's state, in words: colour alone never says it.
    text: &'a str,
    /// Between label and text in the title, the language's own (`: `, `：`).
    separator: &'a str,
    /// The accent colour's name: good, minor, major, critical or maintenance.
    state: &'static str,
    /// "As of <build time>".
    as_of: &'a str,
    /// The status page it stands for, relative to the widget's own location.
    href: String,
}

/// A widget before it knows where it lives: `target` is the site path of its status page.
struct Draft<'a> {
    lang: &'a str,
    label: &'a str,
    text: &'a str,
    state: &'static str,
    target: String,
}

impl Site<'_> {
    /// The page's widget and one per component in `language`, saying when they were true.
    pub(super) fn widgets(
        &self,
        templates: &Templates,
        language: &Language,
    ) -> anyhow::Result<Vec<Artifact>> {
        let (view, lang) = (language.view, language.lang);
        let as_of = view.widget_as_of.as_str();
        let separator = view.t.get("label_separator").map_or(": ", String::as_str);
        let mut widgets = vec![(
            paths::of("widget", lang, None),
            Draft {
                lang: lang.tag(),
                label: &view.title,
                text: &view.banner.text,
                state: Accent::of_indicator(view.banner.indicator).name(),
                target: paths::of("home", lang, None),
            },
        )];
        widgets.extend(view.components.iter().map(|component| {
            (
                paths::of("widget", lang, Some(&component.id)),
                Draft {
                    lang: lang.tag(),
                    label: &component.name,
                    text: &component.status_text,
                    state: Accent::of_component(component.status).name(),
                    target: paths::of("component", lang, Some(&component.id)),
                },
            )
        }));
        widgets
            .into_iter()
            .map(|(path, draft)| {
                // Up from the widget's folder to the site's root, then down to the page.
                let root = "../".repeat(path.matches('/').count());
                let widget = Widget {
                    lang: draft.lang,
                    label: draft.label,
                    text: draft.text,
                    separator,
                    state: draft.state,
                    as_of,
                    href: format!("{root}{}", draft.target),
                };
                let mut context = Context::new();
                context.insert("widget", &widget);
                Ok(Artifact::new(
                    path,
                    templates.render("site/widget.html", &context)?,
                ))
            })
            .collect()
    }
}
