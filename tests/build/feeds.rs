//! Feeds, sitemap, robots.txt and badges: an Atom feed of the published incidents and
//! maintenance windows in each language, a sitemap of served pages, and well-formed SVG badges.

use scraper::Html;

use crate::common::{build, read, repo};
use crate::{LANGS, select, served_file, tag};

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
        assert_eq!(feed.language.as_deref(), Some(tag(lang)));
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
    assert_eq!(locs.len(), 96, "24 pages (5 of them months) in 4 languages");
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

#[test]
fn japanese_feeds_use_japanese_punctuation_and_mark_text_in_another_language() {
    let (_dir, out) = build(repo());
    let xml = read(&out, "ja/feed.atom");
    let document = roxmltree::Document::parse(&xml).unwrap();
    let xml_lang = |node: roxmltree::Node| {
        node.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
            .map(str::to_string)
    };
    let all_text = |node: roxmltree::Node| {
        node.descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<String>()
    };
    let webhook = document
        .descendants()
        .find(|n| n.has_tag_name("title") && all_text(*n).contains("Webhook"))
        .unwrap();
    assert_eq!(
        all_text(webhook),
        "原因特定済み：Webhook deliveries delayed"
    );
    // The status word is Japanese like the feed; only the untranslated title is English.
    assert_eq!(webhook.attribute("type"), Some("xhtml"));
    assert_eq!(
        xml_lang(webhook),
        None,
        "the title as a whole is the feed's"
    );
    let span = webhook
        .descendants()
        .find(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "span")))
        .unwrap();
    assert_eq!(span.text(), Some("Webhook deliveries delayed"));
    assert_eq!(xml_lang(span).as_deref(), Some("en"), "an English title");
    assert_eq!(span.attribute("lang"), Some("en"));
    // So is every entry's title, a maintenance window's too: a marked title is the only
    // thing its span holds, after a Japanese status word.
    let mut marked = Vec::new();
    for entry in document.descendants().filter(|n| n.has_tag_name("entry")) {
        let title = entry.children().find(|n| n.has_tag_name("title")).unwrap();
        if title.attribute("type") == Some("xhtml") {
            let span = title
                .descendants()
                .find(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "span")))
                .unwrap();
            assert_ne!(xml_lang(span).as_deref(), Some("ja"));
            let status = all_text(title).replace(&all_text(span), "");
            assert!(status.ends_with('：') && !status.is_ascii(), "{status}");
            let id = entry.children().find(|n| n.has_tag_name("id")).unwrap();
            marked.push(id.text().unwrap().to_string());
        }
    }
    assert!(
        marked.iter().any(|id| id.contains("/maintenance/")),
        "{marked:?}"
    );
    let summary = webhook
        .parent()
        .unwrap()
        .children()
        .find(|n| n.has_tag_name("summary"))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        // A time that ends in its zone's brackets is set off by the separator, not put in
        // brackets of its own.
        summary.contains(
            "<p>原因特定済み｜2026年11月21日 10:35（UTC+1）</p><div lang=\"en\"><p>A slow"
        ),
        "{summary}"
    );
    assert!(summary.contains("（UTC+1）～｜"), "{summary}");
    // Chinese says its script.
    let zh = roxmltree::Document::parse(&read(&out, "zh/feed.atom"))
        .unwrap()
        .root_element()
        .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
        .map(str::to_string);
    assert_eq!(zh.as_deref(), Some("zh-Hans"));
    // A title in the page's own language is not marked.
    let docker = document
        .descendants()
        .find(|n| n.has_tag_name("title") && n.text().is_some_and(|t| t.contains("AWS")))
        .unwrap();
    assert_eq!(xml_lang(docker), None);
    assert_eq!(docker.attribute("type"), Some("text"));
    // A feed reader gets the whole title as text, status word first.
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
    let title = feed
        .entries
        .iter()
        .find(|e| e.id.contains("webhook"))
        .and_then(|e| e.title.as_ref())
        .unwrap();
    assert!(
        title.content.contains("原因特定済み：")
            && title.content.contains(">Webhook deliveries delayed<"),
        "{}",
        title.content
    );
}

/// `/` and `/<default>/` are one page: the root is its address (the one people type and
/// `x-default` names), the language folder's copy names it canonical, and the sitemap lists
/// each page once, by its canonical address, with every language and `x-default`.
#[test]
fn the_default_home_has_one_canonical_address_listed_in_the_sitemap_with_x_default() {
    let (_dir, out) = build(repo());
    let base = "https://status.example.com/";
    let head = |path: &str, rel: &str| {
        let page = Html::parse_document(&read(&out, path));
        let css = match rel {
            "canonical" => "link[rel=canonical]".to_string(),
            hreflang => format!("link[rel=alternate][hreflang={hreflang}]"),
        };
        select(&page, &css)[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string()
    };
    for path in ["index.html", "en/index.html"] {
        assert_eq!(head(path, "canonical"), base, "{path}");
        assert_eq!(head(path, "x-default"), base, "{path}");
        assert_eq!(head(path, "en"), base, "{path}");
    }
    assert_eq!(head("de/index.html", "canonical"), format!("{base}de/"));
    assert_eq!(head("de/index.html", "en"), base);
    assert_eq!(
        head("ja/history.html", "x-default"),
        format!("{base}en/history.html")
    );

    let sitemap = read(&out, "sitemap.xml");
    let document = roxmltree::Document::parse(&sitemap).unwrap();
    let urls: Vec<roxmltree::Node> = document
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    let loc = |url: &roxmltree::Node| {
        url.children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .unwrap()
            .to_string()
    };
    let locs: Vec<String> = urls.iter().map(loc).collect();
    assert!(locs.contains(&base.to_string()), "/ is listed");
    assert!(
        !locs.contains(&format!("{base}en/")),
        "the duplicate is not listed"
    );
    for url in &urls {
        let here = loc(url);
        let alternates: Vec<(&str, &str)> = url
            .children()
            .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap(),
                    n.attribute("href").unwrap(),
                )
            })
            .collect();
        let tags: Vec<&str> = alternates.iter().map(|(tag, _)| *tag).collect();
        assert_eq!(tags, ["en", "de", "ja", "zh-Hans", "x-default"], "{here}");
        // Every alternate is itself a listed, canonical address, and the page lists itself.
        for (tag, href) in &alternates {
            assert!(locs.iter().any(|l| l == href), "{here}: {tag} -> {href}");
        }
        assert!(alternates.iter().any(|(_, href)| *href == here), "{here}");
        let english = alternates[0].1;
        assert_eq!(
            alternates[4].1, english,
            "{here}: x-default is the English page"
        );
    }
}
