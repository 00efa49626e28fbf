//! Helpers shared by the integration tests.

// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use std::path::Path;

/// Copies the folder `from` (a fixture project) to `to`, creating it.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Elements and attributes of `html` that would run or fetch something: scripts, embedded
/// content, styles outside `<head>`, event handlers, `javascript:` and `data:` URLs. An
/// `<svg>` of class `own_svg` (the site's uptime bars) is the one inline SVG allowed.
pub(crate) fn live_markup(html: &str, own_svg: Option<&str>) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let mut live = Vec::new();
    for node in page.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        let allowed_svg = name == "svg" && own_svg.is_some() && element.attr("class") == own_svg;
        if ["script", "img", "svg", "iframe", "object", "embed", "math"].contains(&name)
            && !allowed_svg
        {
            live.push(format!("<{name}>"));
        }
        if name == "style"
            && node
                .ancestors()
                .all(|a| a.value().as_element().is_none_or(|e| e.name() != "head"))
        {
            live.push("<style> outside head".into());
        }
        for (attribute, value) in element.attrs() {
            let value = value.trim().to_lowercase();
            if attribute.starts_with("on")
                || ((attribute == "href" || attribute == "src")
                    && (value.starts_with("javascript:") || value.starts_with("data:")))
            {
                live.push(format!("{attribute}={value}"));
            }
        }
    }
    live
}
