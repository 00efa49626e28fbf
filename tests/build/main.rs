//! `hindsight build` end to end: the generated site is parsed (HTML with scraper, Atom with
//! feed-rs, XML with roxmltree, JSON with serde_json) and checked against what a reader, a
//! crawler, a feed reader and a Statuspage client rely on. One module per subject; the page
//! helpers below are shared by them.

#[path = "../common/mod.rs"]
mod common;

mod api;
mod calendar;
mod feeds;
mod incremental;
mod languages;
mod leaks;
mod maintenance;
mod maintenance_api;
mod maintenance_feeds;
mod metrics;
mod page_keys;
mod pages;
mod publish;
mod punctuation;
mod stale;
mod status;
mod widgets;

use std::path::{Path, PathBuf};

use common::files;
use scraper::{Html, Selector};

const LANGS: [&str; 4] = ["en", "de", "ja", "zh"];

/// The `lang`/`hreflang`/`xml:lang` value of a language folder: `zh` pages say `zh-Hans`.
fn tag(lang: &str) -> &'static str {
    hindsight::model::Lang::parse(lang).unwrap().tag()
}

/// The site's pages: every HTML file but the widgets, which are fragments for another
/// site's `<iframe>` (no canonical URL, no navigation) and are checked in widgets.rs.
fn html_pages(out: &Path) -> Vec<PathBuf> {
    files(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| !is_widget(p))
        .collect()
}

fn is_widget(path: &Path) -> bool {
    path.ends_with("widget.html")
        || path
            .parent()
            .is_some_and(|folder| folder.ends_with("widgets"))
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: scraper::ElementRef) -> String {
    element.text().collect::<String>().trim().to_string()
}

/// The text of every element `css` selects.
fn texts(page: &Html, css: &str) -> Vec<String> {
    select(page, css).into_iter().map(text).collect()
}

/// The file a public URL of the site is served from.
fn served_file(out: &Path, base: &str, url: &str) -> PathBuf {
    let path = url
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not under {base}"));
    if path.is_empty() || path.ends_with('/') {
        out.join(path).join("index.html")
    } else {
        out.join(path)
    }
}
