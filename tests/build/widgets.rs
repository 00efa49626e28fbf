//! The embeddable status widgets (`<lang>/widget.html`, `<lang>/widgets/<component>.html`):
//! one per language and component, script-free, in the page's language, saying the same
//! status as the page and its badge, with links that open the right status page.

use std::path::Path;

use scraper::Html;

use crate::common::{Project, build, read, repo};
use crate::{LANGS, select, tag, text};

/// The example's component ids, from its configuration.
fn components() -> Vec<String> {
    read(repo(), "site/config.yaml")
        .lines()
        .filter_map(|line| line.trim().strip_prefix("- id: "))
        .map(str::to_string)
        .collect()
}

/// The one link of a widget: its target resolved against the widget's location, and its text.
fn link(out: &Path, widget: &str) -> (std::path::PathBuf, String, Html) {
    let html = Html::parse_document(&read(out, widget));
    let links = select(&html, "a");
    assert_eq!(links.len(), 1, "{widget}: one link");
    let a = links[0];
    assert_eq!(a.value().attr("target"), Some("_top"), "{widget}");
    let href = a.value().attr("href").unwrap();
    assert!(
        !href.contains(':') && !href.starts_with('/'),
        "{widget}: relative: {href}"
    );
    let target = out.join(widget).parent().unwrap().join(href);
    let target = std::fs::canonicalize(&target)
        .unwrap_or_else(|e| panic!("{widget}: {href} -> {}: {e}", target.display()));
    let label = text(a);
    (target, label, html)
}

#[test]
fn every_language_and_component_has_a_widget_that_links_to_its_page() {
    let (_dir, out) = build(repo());
    let out = std::fs::canonicalize(out).unwrap();
    let components = components();
    assert_eq!(components.len(), 9);
    let messages = hindsight::localize::Messages::builtin().unwrap();
    for lang in LANGS {
        let separator = messages.text(
            hindsight::model::Lang::parse(lang).unwrap(),
            "label-separator",
        );
        let widget = format!("{lang}/widget.html");
        let (target, _, html) = link(&out, &widget);
        assert_eq!(target, out.join(format!("{lang}/index.html")), "{widget}");
        assert_eq!(
            select(&html, "html")[0].value().attr("lang"),
            Some(tag(lang))
        );
        let home = Html::parse_document(&read(&out, &format!("{lang}/index.html")));
        let banner = text(select(&home, "p.banner")[0]);
        assert_eq!(text(select(&html, ".status")[0]), banner, "{widget}");
        for component in &components {
            let widget = format!("{lang}/widgets/{component}.html");
            let (target, _, html) = link(&out, &widget);
            assert_eq!(
                target,
                out.join(format!("{lang}/components/{component}.html")),
                "{widget}"
            );
            assert_eq!(
                select(&html, "html")[0].value().attr("lang"),
                Some(tag(lang))
            );
            // The badge of the same component says the same, in the same words.
            let badge = read(&out, &format!("{lang}/badges/{component}.svg"));
            let said = format!(
                "{}{separator}{}",
                text(select(&html, ".label")[0]),
                text(select(&html, ".status")[0])
            );
            assert!(
                badge.contains(&format!("<title>{said}</title>")),
                "{widget}: {said}"
            );
        }
    }
}

#[test]
fn widgets_run_no_script_fetch_nothing_and_say_when_they_were_true() {
    let (_dir, out) = build(repo());
    let as_of = [
        ("en", "As of "),
        ("de", "Stand: "),
        ("ja", "）時点"),
        ("zh", "截至2026"),
    ];
    for (lang, words) in as_of {
        for widget in std::iter::once(format!("{lang}/widget.html")).chain(
            components()
                .into_iter()
                .map(|c| format!("{lang}/widgets/{c}.html")),
        ) {
            let source = read(&out, &widget);
            let lower = source.to_lowercase();
            assert!(!lower.contains("<script"), "{widget}");
            for attribute in [" src=", "<link", "url(", "@import", " on"] {
                assert!(!lower.contains(attribute), "{widget}: {attribute}");
            }
            let html = Html::parse_document(&source);
            let policy = select(&html, "meta[http-equiv=Content-Security-Policy]")[0]
                .value()
                .attr("content")
                .unwrap();
            assert!(policy.starts_with("default-src 'none';") && !policy.contains("script"));
            let stamp = text(select(&html, ".as-of")[0]);
            assert!(stamp.contains(words), "{widget}: {stamp}");
            // The build's now, 2026-11-22 12:00 UTC, in the site's zone.
            assert!(
                stamp.contains("2026") && stamp.contains("12:00"),
                "{widget}: {stamp}"
            );
        }
    }
}

#[test]
fn record_and_config_text_shows_as_text_in_widgets() {
    let project = Project::new().config(
        "title: <i>Status</i>\nbase_url: https://status.example.com/\ncomponents:\n  - id: api\n    name: <b>API</b> \"x\" & <script>alert(1)</script>\n",
    );
    let (_dir, out) = project.build();
    let page = Html::parse_document(&read(&out, "en/widget.html"));
    assert_eq!(text(select(&page, ".label")[0]), "<i>Status</i>");
    assert!(select(&page, "i").is_empty());
    let component = read(&out, "en/widgets/api.html");
    let html = Html::parse_document(&component);
    assert_eq!(
        text(select(&html, ".label")[0]),
        "<b>API</b> \"x\" & <script>alert(1)</script>"
    );
    assert!(select(&html, "b").is_empty() && select(&html, "script").is_empty());
    assert!(!component.contains("<script"), "{component}");
    assert_eq!(
        select(&html, "title")[0].text().collect::<String>(),
        "<b>API</b> \"x\" & <script>alert(1)</script>: Operational"
    );
}
