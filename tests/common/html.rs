//! What would run or fetch something in a page: the check every hostile-input test makes.

/// Elements and attributes of `html` that would run or fetch something: scripts, embedded
/// content, styles outside `<head>`, event handlers, `javascript:` and `data:` URLs. An
/// `<svg>` of a class in `own_svg` (the site's uptime bars and charts) is the inline SVG allowed.
pub(crate) fn live_markup(html: &str, own_svg: &[&str]) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let mut live = Vec::new();
    for node in page.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        let allowed_svg = name == "svg"
            && element
                .attr("class")
                .is_some_and(|class| own_svg.contains(&class));
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
