//! Feeds, sitemap, robots.txt and badges: an Atom feed of the published incidents and
//! maintenance windows in each language, a sitemap of served pages, and well-formed SVG badges.

use scraper::Html;

use crate::common::{build, read, repo};
use crate::{LANGS, select, served_file};

#[test]
fn each_language_has_an_atom_feed_of_the_published_incidents_and_windows() {
    let (_dir, out) = build(repo());
    for lang in LANGS {
        let xml = read(&out, &format!("{lang}/feed.atom"));
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(
            feed.entries.len(),
            7,
            "{lang}: 5 incidents, 2 maintenance windows"
        );
        assert_eq!(feed.language.as_deref(), Some(lang));
        for entry in &feed.entries {
            let link = &entry.links[0].href;
            assert!(served_file(&out, "https://status.example.com/", link).is_file());
            // A window's entry has no publication date: it changes as the window passes.
            let maintenance = link.contains("/maintenance/");
            assert!(entry.updated.is_some() && entry.published.is_some() != maintenance);
            assert!(
                entry
                    .summary
                    .as_ref()
                    .is_some_and(|s| !s.content.is_empty())
            );
        }
        let page = Html::parse_document(&read(&out, &format!("{lang}/index.html")));
        let advertised = select(&page, "link[rel=alternate][type='application/atom+xml']");
        assert_eq!(
            advertised[0].value().attr("href"),
            Some(format!("../{lang}/feed.atom").as_str())
        );
    }
    let ja = feed_rs::parser::parse(read(&out, "ja/feed.atom").as_bytes()).unwrap();
    let logto = ja
        .entries
        .iter()
        .find(|e| e.id.contains("2023-12-17-logto"))
        .unwrap();
    assert!(
        logto
            .title
            .as_ref()
            .unwrap()
            .content
            .contains("イメージ保持ワークフロー")
    );
}

#[test]
fn sitemap_robots_and_badges_are_well_formed() {
    let (_dir, out) = build(repo());
    let sitemap = read(&out, "sitemap.xml");
    let document = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(locs.len(), 76);
    for loc in &locs {
        assert!(
            served_file(&out, "https://status.example.com/", loc).is_file(),
            "{loc}"
        );
    }
    assert!(
        !sitemap.contains("search-index-rebuild"),
        "drafts are not listed"
    );
    assert!(read(&out, "robots.txt").contains("Sitemap: https://status.example.com/sitemap.xml"));
    for path in [
        "en/badge.svg",
        "ja/badges/logto-core.svg",
        "de/badges/example-webhooks.svg",
    ] {
        let svg = read(&out, path);
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    assert!(read(&out, "ja/badges/logto-core.svg").contains("Logto コア"));
    assert!(read(&out, "de/badges/example-webhooks.svg").contains("Eingeschränkte Leistung"));
    assert!(out.join("favicon.svg").is_file() && out.join("style.css").is_file());
}
