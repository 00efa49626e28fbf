//! The pages of the example site: every link and anchor resolves, every page declares its
//! language, canonical URL and alternates, and the example incidents show in each language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::Html;

use crate::common::{build, read, repo};
use crate::{LANGS, html_pages, select, served_file, tag, text, texts};

/// The file a link from `page` points at, if it is a local link.
fn resolve(out: &Path, page: &Path, href: &str) -> Option<(PathBuf, Option<String>)> {
    if href.contains("://") || href.starts_with("mailto:") {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment.to_string())),
        None => (href, None),
    };
    let target = if path.is_empty() {
        page.to_path_buf()
    } else if let Some(absolute) = path.strip_prefix('/') {
        out.join(absolute)
    } else {
        page.parent().unwrap().join(path)
    };
    let mut normal = PathBuf::new();
    for component in target.components() {
        match component {
            std::path::Component::ParentDir => {
                normal.pop();
            }
            std::path::Component::CurDir => {}
            other => normal.push(other),
        }
    }
    Some((normal, fragment))
}

#[test]
fn every_link_between_pages_resolves_to_a_file_and_an_anchor() {
    let (_dir, out) = build(repo());
    let pages = html_pages(&out);
    assert_eq!(
        pages.len(),
        98,
        "96 pages in 4 languages (24 each: 3 site pages, 5 months, 5 incidents, 9 components, 2 maintenance windows), the root page and 404"
    );
    let mut checked = 0;
    let mut ids: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for page in &pages {
        let html = Html::parse_document(&std::fs::read_to_string(page).unwrap());
        ids.insert(
            page.clone(),
            select(&html, "[id]")
                .into_iter()
                .filter_map(|e| e.value().attr("id").map(String::from))
                .collect(),
        );
    }
    for page in &pages {
        if page.ends_with("404.html") {
            continue; // its links are absolute paths from the base URL; checked below
        }
        let html = Html::parse_document(&std::fs::read_to_string(page).unwrap());
        for element in select(&html, "a[href], link[href]") {
            let href = element.value().attr("href").unwrap();
            let Some((target, fragment)) = resolve(&out, page, href) else {
                continue;
            };
            assert!(
                target.is_file(),
                "{}: {href} -> {} does not exist",
                page.display(),
                target.display()
            );
            if let Some(fragment) = fragment {
                assert!(
                    ids[&target].contains(&fragment),
                    "{}: {href}: no element with id {fragment}",
                    page.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked} links checked");
    // The 404 page is served at any address: its links start from the base URL's path.
    let not_found = Html::parse_document(&read(&out, "404.html"));
    for element in select(&not_found, "a[href], link[href]") {
        let href = element.value().attr("href").unwrap();
        if let Some(path) = href.strip_prefix('/') {
            assert!(out.join(path).is_file(), "404: {href}");
        }
    }
}

#[test]
fn every_page_declares_its_language_canonical_url_and_complete_alternates() {
    let (_dir, out) = build(repo());
    let base = "https://status.example.com/";
    for page in html_pages(&out) {
        let relative = page
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let html = Html::parse_document(&std::fs::read_to_string(&page).unwrap());
        let policy = select(&html, "meta[http-equiv=Content-Security-Policy]");
        let policy = policy[0].value().attr("content").unwrap();
        assert!(
            policy.starts_with("default-src 'none';") && !policy.contains("script"),
            "{relative}: no script may run: {policy}"
        );
        let lang = select(&html, "html")[0].value().attr("lang").unwrap();
        let expected = relative
            .split('/')
            .next()
            .filter(|first| LANGS.contains(first));
        assert_eq!(lang, tag(expected.unwrap_or("en")), "{relative}");
        let canonical = select(&html, "link[rel=canonical]")[0]
            .value()
            .attr("href")
            .unwrap();
        assert!(
            served_file(&out, base, canonical).is_file(),
            "{relative}: {canonical}"
        );
        let og_url = select(&html, "meta[property='og:url']")[0]
            .value()
            .attr("content");
        assert_eq!(og_url, Some(canonical), "{relative}");
        for property in ["og:title", "og:description", "og:type", "og:site_name"] {
            let meta = select(&html, &format!("meta[property='{property}']"));
            assert!(
                meta.len() == 1 && !meta[0].value().attr("content").unwrap().is_empty(),
                "{relative}: {property}"
            );
        }
        let alternates: BTreeMap<String, String> = select(&html, "link[rel=alternate][hreflang]")
            .into_iter()
            .map(|l| {
                (
                    l.value().attr("hreflang").unwrap().to_string(),
                    l.value().attr("href").unwrap().to_string(),
                )
            })
            .collect();
        let mut expected_langs: Vec<&str> = LANGS.into_iter().map(tag).collect();
        expected_langs.push("x-default");
        expected_langs.sort();
        assert_eq!(
            alternates.keys().map(String::as_str).collect::<Vec<_>>(),
            expected_langs,
            "{relative}"
        );
        for (hreflang, href) in &alternates {
            let target = served_file(&out, base, href);
            assert!(target.is_file(), "{relative}: {hreflang} -> {href}");
            if hreflang != "x-default" && relative != "404.html" {
                // The alternate is the same page: it links back to this one's language.
                let other = Html::parse_document(&std::fs::read_to_string(&target).unwrap());
                let back = select(&other, &format!("link[rel=alternate][hreflang={lang}]"));
                assert_eq!(
                    back[0].value().attr("href"),
                    alternates.get(lang).map(String::as_str)
                );
            }
        }
        // The language switcher links to the same page in every language.
        let switcher: Vec<&str> = select(&html, "nav.languages a")
            .into_iter()
            .filter_map(|a| a.value().attr("hreflang"))
            .collect();
        assert_eq!(switcher, LANGS.map(tag), "{relative}");
    }
}

#[test]
fn pages_show_the_example_incidents_in_each_language() {
    let (_dir, out) = build(repo());
    // The Logto postmortem in Japanese comes from its overlay, with self-linking headings.
    let ja = Html::parse_document(&read(
        &out,
        "ja/incidents/2023-12-17-logto-image-deleted.html",
    ));
    let title = text(select(&ja, "h1#title")[0]);
    assert_eq!(
        title,
        "イメージ保持ワークフローが本番用 Docker イメージを削除"
    );
    assert_eq!(
        select(&ja, "section#summary h2 a.anchor")[0]
            .value()
            .attr("href"),
        Some("#summary")
    );
    // The history groups incidents by month, newest first, with localized month names: the
    // latest three months in full, and a link to every month's page.
    let history = Html::parse_document(&read(&out, "de/history.html"));
    let months: Vec<String> = texts(&history, "section.month h2");
    assert_eq!(months, ["November 2026", "Dezember 2023", "Juli 2020"]);
    assert_eq!(
        texts(&history, "nav.months li a"),
        [
            "November 2026",
            "Dezember 2023",
            "Juli 2020",
            "Oktober 2017",
            "Juli 2017"
        ]
    );
    // A month's incidents are not all past: its ongoing incident is listed under a heading
    // that does not call it past, in every language.
    for (lang, heading) in [
        ("en", "Incidents"),
        ("de", "Störungen"),
        ("ja", "インシデント"),
        ("zh", "故障"),
    ] {
        let month = Html::parse_document(&read(&out, &format!("{lang}/history/2026-11.html")));
        assert_eq!(texts(&month, "section h2#incidents"), [heading], "{lang}");
        let ongoing = select(&month, "section article.incident.ongoing");
        assert_eq!(ongoing.len(), 1, "{lang}");
    }
    let zh = Html::parse_document(&read(&out, "zh/history.html"));
    let months: Vec<String> = texts(&zh, "section.month h2");
    assert_eq!(months[0], "2026年11月");
    // The draft of the example project is not published.
    assert!(
        !out.join("en/incidents/2026-11-20-search-index-rebuild.html")
            .exists()
    );
    // The ongoing incident is listed first on the home page with its latest update.
    let home = Html::parse_document(&read(&out, "index.html"));
    let ongoing = select(&home, "section.ongoing article.incident");
    assert_eq!(ongoing.len(), 1);
    assert!(text(ongoing[0]).contains("A slow downstream endpoint"));
    assert_eq!(select(&home, "html")[0].value().attr("lang"), Some("en"));
    let groups: Vec<String> = texts(&home, "section.group h3");
    assert_eq!(
        groups,
        ["Logto", "Docker Hub", "Monzo", "Inria CI", "Example"]
    );
}

#[test]
fn the_404_page_speaks_every_language_of_the_site() {
    // Static hosts serve one /404.html for every address, /ja/… and /zh/… too.
    let (_dir, out) = build(repo());
    let page = Html::parse_document(&read(&out, "404.html"));
    let blocks = select(&page, "main section.not-found[lang]");
    let langs: Vec<&str> = blocks
        .iter()
        .map(|b| b.value().attr("lang").unwrap())
        .collect();
    assert_eq!(langs, LANGS.map(tag));
    let messages = hindsight::localize::Messages::builtin().unwrap();
    for (block, lang) in blocks.into_iter().zip(LANGS) {
        let lang = hindsight::model::Lang::parse(lang).unwrap();
        let heading = text(select(&Html::parse_fragment(&block.html()), "h1, h2")[0]);
        assert_eq!(heading, messages.text(lang, "site-not-found"));
        assert!(text(block).contains(&messages.text(lang, "site-not-found-text")));
        let home = select(&Html::parse_fragment(&block.html()), "a")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        assert_eq!(home, format!("/{lang}/index.html"));
    }
    assert_eq!(select(&page, "h1").len(), 1, "one top heading");
}

#[test]
fn uptime_bars_and_badges_say_their_figure_once_with_the_languages_colon() {
    let (_dir, out) = build(repo());
    for (lang, label) in [
        ("en", "Uptime over the last 90 days: 100.00%"),
        ("ja", "過去90日間の稼働率：100.00%"),
        ("zh", "过去90天的可用率：100.00%"),
    ] {
        let page = Html::parse_document(&read(&out, &format!("{lang}/components/logto-core.html")));
        let bar = select(&page, ".uptime svg.days")[0];
        assert_eq!(bar.value().attr("aria-label"), Some(label));
    }
    let badge = read(&out, "ja/badge.svg");
    assert!(badge.contains("aria-label=\"ステータス：") && badge.contains("<title>ステータス："));
    let home = Html::parse_document(&read(&out, "ja/index.html"));
    let latest = text(select(&home, ".latest p.label")[0]);
    assert!(latest.starts_with("最新情報｜原因特定済み｜"), "{latest}");
}
