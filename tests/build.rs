//! `hindsight build` end to end: the generated site is parsed (HTML with scraper, Atom with
//! feed-rs, XML with roxmltree, JSON with serde_json) and checked against what a reader, a
//! crawler, a feed reader and a Statuspage client rely on.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Project, api as json, build, files, read, repo};
use scraper::{Html, Selector};
use serde_json::Value;

const LANGS: [&str; 4] = ["en", "de", "ja", "zh"];

fn html_pages(out: &Path) -> Vec<PathBuf> {
    files(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
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

// --- status and uptime, worked out by hand -------------------------------------------------

/// tests/fixtures/build/uptime: `api` had a partial outage 10:00-14:00 and a major outage
/// 12:00-13:00 on 2026-11-20; merged, the worst status wins: 2 h x 0.3 + 1 h + 1 h x 0.3 =
/// 6840 s. `db` is in a major outage since 2026-11-21 22:00: 2 h that day, 12 h today.
/// Window: 89 x 86400 + 43200 = 7,732,800 s.
///   api: 100 x (1 - 6840 / 7732800) = 99.9115 -> 99.91
///   db:  100 x (1 - 50400 / 7732800) = 99.3482 -> 99.34
#[test]
fn status_and_uptime_match_figures_worked_out_by_hand() {
    let (_dir, out) = Project::fixture("build/uptime").build();
    let expected_uptime = [
        ("en", ["99.91% uptime", "100.00% uptime", "99.34% uptime"]),
        (
            "de",
            [
                "99,91 % Verfügbarkeit",
                "100,00 % Verfügbarkeit",
                "99,34 % Verfügbarkeit",
            ],
        ),
        ("ja", ["稼働率 99.91%", "稼働率 100.00%", "稼働率 99.34%"]),
        ("zh", ["可用性 99.91%", "可用性 100.00%", "可用性 99.34%"]),
    ];
    for (lang, uptimes) in expected_uptime {
        let page = Html::parse_document(&read(&out, &format!("{lang}/index.html")));
        let banner = select(&page, "p.banner")[0];
        assert_eq!(
            banner.value().attr("class"),
            Some("banner indicator-minor"),
            "{lang}: the ongoing incident is minor"
        );
        let percents: Vec<String> = texts(&page, "li.component .percent");
        assert_eq!(percents, uptimes, "{lang}");
        let statuses: Vec<&str> = select(&page, "li.component")
            .into_iter()
            .filter_map(|c| c.value().attr("class"))
            .collect();
        assert_eq!(
            statuses,
            [
                "component status-operational",
                "component status-operational",
                "component status-major_outage"
            ],
            "{lang}: the same status in every language"
        );
        assert_eq!(select(&page, "section.ongoing article.incident").len(), 1);
    }
    let en = Html::parse_document(&read(&out, "en/index.html"));
    assert_eq!(text(select(&en, "p.banner")[0]), "Minor service disruption");
    let days = |component: usize| -> Vec<(String, String)> {
        let bars = select(&en, "li.component svg.days");
        bars[component]
            .select(&Selector::parse("rect").unwrap())
            .map(|rect| (rect.value().attr("class").unwrap().to_string(), text(rect)))
            .collect()
    };
    let api = days(0);
    assert_eq!(api.len(), 90);
    assert_eq!(api[0].1, "August 25, 2026: no downtime");
    assert_eq!(
        api[87],
        (
            "day down-mid".to_string(),
            "November 20, 2026: 1 h 54 min of downtime".to_string()
        )
    );
    let web = days(1);
    assert_eq!(
        web[87],
        (
            "day degraded".to_string(),
            "November 20, 2026: Degraded performance, no downtime".to_string()
        )
    );
    let db = days(2);
    assert_eq!(db[88].1, "November 21, 2026: 2 hours of downtime");
    assert_eq!(db[88].0, "day down-mid");
    assert_eq!(
        db[89],
        (
            "day down-high".to_string(),
            "November 22, 2026: 12 hours of downtime".to_string()
        )
    );
    let ja = Html::parse_document(&read(&out, "ja/components/api.html"));
    let tip = select(&ja, "svg.days rect title")
        .into_iter()
        .map(text)
        .nth(87)
        .unwrap();
    assert_eq!(tip, "2026年11月20日：停止時間 1時間54分");
}

#[test]
fn drafts_reviews_and_internal_text_appear_nowhere() {
    let (_dir, out) = Project::fixture("build/uptime").build();
    for path in files(&out) {
        let bytes = std::fs::read(&path).unwrap();
        let content = String::from_utf8_lossy(&bytes);
        for secret in [
            "SECRET-DRAFT-TITLE",
            "SECRET-REVIEW",
            "SECRET-INTERNAL",
            "2026-11-19-draft",
            "2026-11-18-review",
        ] {
            assert!(!content.contains(secret), "{secret} in {}", path.display());
            assert!(
                !path.to_string_lossy().contains(secret),
                "{secret} in the name {}",
                path.display()
            );
        }
    }
    // The review record affected `web` with a major outage: no trace in uptime either.
    let en = Html::parse_document(&read(&out, "en/components/web.html"));
    let tips: Vec<String> = texts(&en, "svg.days rect title");
    assert_eq!(tips[85], "November 18, 2026: no downtime");
}

// --- pages, links and languages ------------------------------------------------------------

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
        66,
        "64 pages in 4 languages, the root page and 404"
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
        assert_eq!(lang, expected.unwrap_or("en"), "{relative}");
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
        let mut expected_langs: Vec<&str> = LANGS.to_vec();
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
        assert_eq!(switcher, LANGS, "{relative}");
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
    // The history groups incidents by month, newest first, with localized month names.
    let history = Html::parse_document(&read(&out, "de/history.html"));
    let months: Vec<String> = texts(&history, "section.month h2");
    assert_eq!(
        months,
        [
            "November 2026",
            "Dezember 2023",
            "Juli 2020",
            "Oktober 2017",
            "Juli 2017"
        ]
    );
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

/// The text of a page outside elements marked as another language (untranslated fallbacks),
/// and the values of its `title`, `aria-label` and `content` attributes.
fn own_language_text(html: &str, lang: &str) -> String {
    let page = Html::parse_document(html);
    let mut text = String::new();
    for node in page.tree.nodes() {
        let foreign = node.ancestors().chain(std::iter::once(node)).any(|a| {
            a.value()
                .as_element()
                .and_then(|e| e.attr("lang"))
                .is_some_and(|l| l != lang)
        });
        if foreign {
            continue;
        }
        if let Some(fragment) = node.value().as_text() {
            text.push_str(fragment);
            text.push('\n');
        }
        if let Some(element) = node.value().as_element() {
            for attribute in ["title", "aria-label", "content"] {
                if let Some(value) = element.attr(attribute) {
                    text.push_str(value);
                    text.push('\n');
                }
            }
        }
    }
    text
}

#[test]
fn german_japanese_and_chinese_sites_show_no_english_chrome() {
    let (_dir, out) = build(repo());
    let messages = hindsight::localize::Messages::builtin().unwrap();
    let english = messages.plain(hindsight::model::Lang::En);
    let phrases: Vec<&str> = english
        .iter()
        .filter(|(key, _)| !key.starts_with("language_"))
        .map(|(_, value)| value.as_str())
        // Words shared with German (`Status`, `Logto`) or too short to tell apart.
        .filter(|value| value.chars().count() > 6 && *value != "JSON API")
        .collect();
    let mut checked = 0;
    for lang in ["de", "ja", "zh"] {
        for page in html_pages(&out.join(lang)) {
            let text = own_language_text(&std::fs::read_to_string(&page).unwrap(), lang);
            for phrase in &phrases {
                assert!(
                    !text.contains(phrase),
                    "{} shows English `{phrase}` outside a marked fallback",
                    page.display()
                );
            }
            for word in [
                " uptime", "downtime", "days ago", "Today", "October", "Incident",
            ] {
                assert!(!text.contains(word), "{}: `{word}`", page.display());
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * 16);
}

// --- feeds, sitemap, badges -----------------------------------------------------------------

#[test]
fn each_language_has_an_atom_feed_of_the_published_incidents() {
    let (_dir, out) = build(repo());
    for lang in LANGS {
        let xml = read(&out, &format!("{lang}/feed.atom"));
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(feed.entries.len(), 5, "{lang}");
        assert_eq!(feed.language.as_deref(), Some(lang));
        for entry in &feed.entries {
            let link = &entry.links[0].href;
            assert!(served_file(&out, "https://status.example.com/", link).is_file());
            assert!(entry.updated.is_some() && entry.published.is_some());
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
    assert_eq!(locs.len(), 64);
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

// --- the Statuspage-compatible API ---------------------------------------------------------

/// The object's keys, sorted: JSON objects are unordered (serde_json reads them sorted).
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

fn assert_keys(value: &Value, expected: &[&str]) {
    let mut expected = expected.to_vec();
    expected.sort_unstable();
    assert_eq!(keys(value), expected, "{value}");
}

fn is_timestamp(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        s.len() == 24
            && chrono::DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.3f%#z").is_ok()
            && s.ends_with('Z')
            && s.as_bytes()[19] == b'.'
    })
}

fn assert_component(component: &Value) {
    let mut fields = keys(component);
    fields.retain(|k| *k != "components");
    let mut expected = vec![
        "id",
        "name",
        "status",
        "created_at",
        "updated_at",
        "position",
        "description",
        "showcase",
        "start_date",
        "group_id",
        "page_id",
        "group",
        "only_show_if_degraded",
    ];
    expected.sort_unstable();
    assert_eq!(fields, expected);
    assert!(component["id"].is_string() && component["name"].is_string());
    assert!(
        [
            "operational",
            "degraded_performance",
            "partial_outage",
            "major_outage",
            "under_maintenance"
        ]
        .contains(&component["status"].as_str().unwrap())
    );
    assert!(is_timestamp(&component["created_at"]) && is_timestamp(&component["updated_at"]));
    assert!(component["position"].as_u64().is_some_and(|p| p >= 1));
    assert!(component["description"].is_string() || component["description"].is_null());
    assert!(component["group_id"].is_string() || component["group_id"].is_null());
    assert!(component["start_date"].is_null());
    for flag in ["showcase", "group", "only_show_if_degraded"] {
        assert!(component[flag].is_boolean(), "{flag}");
    }
}

fn assert_incident(incident: &Value) {
    assert_keys(
        incident,
        &[
            "id",
            "name",
            "status",
            "created_at",
            "updated_at",
            "monitoring_at",
            "resolved_at",
            "impact",
            "shortlink",
            "started_at",
            "page_id",
            "incident_updates",
            "components",
        ],
    );
    assert!(
        [
            "investigating",
            "identified",
            "monitoring",
            "resolved",
            "postmortem"
        ]
        .contains(&incident["status"].as_str().unwrap())
    );
    assert!(["none", "minor", "major", "critical"].contains(&incident["impact"].as_str().unwrap()));
    for field in ["created_at", "updated_at", "started_at"] {
        assert!(
            is_timestamp(&incident[field]),
            "{field}: {}",
            incident[field]
        );
    }
    for field in ["monitoring_at", "resolved_at"] {
        assert!(
            incident[field].is_null() || is_timestamp(&incident[field]),
            "{field}"
        );
    }
    let updates = incident["incident_updates"].as_array().unwrap();
    assert!(
        !updates.is_empty(),
        "{}: updates are never empty",
        incident["id"]
    );
    let times: Vec<&str> = updates
        .iter()
        .map(|u| u["display_at"].as_str().unwrap())
        .collect();
    let mut newest_first = times.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, newest_first, "{}", incident["id"]);
    for update in updates {
        assert_keys(
            update,
            &[
                "id",
                "status",
                "body",
                "incident_id",
                "created_at",
                "updated_at",
                "display_at",
                "affected_components",
                "deliver_notifications",
                "custom_tweet",
                "tweet_id",
            ],
        );
        assert_eq!(update["incident_id"], incident["id"]);
        assert!(!update["body"].as_str().unwrap().is_empty());
        assert!(update["custom_tweet"].is_null() && update["tweet_id"].is_null());
        if let Some(affected) = update["affected_components"].as_array() {
            for change in affected {
                assert_keys(change, &["code", "name", "old_status", "new_status"]);
            }
        }
    }
    for component in incident["components"].as_array().unwrap() {
        assert_component(component);
    }
}

#[test]
fn the_api_has_statuspage_v2_shapes() {
    let (_dir, out) = build(repo());
    let summary = json(&out, "summary.json");
    assert_keys(
        &summary,
        &[
            "page",
            "components",
            "incidents",
            "scheduled_maintenances",
            "status",
        ],
    );
    let page = &summary["page"];
    assert_keys(page, &["id", "name", "url", "time_zone", "updated_at"]);
    assert_eq!(page["id"].as_str().unwrap().len(), 12);
    assert_eq!(page["url"], "https://status.example.com/");
    assert_eq!(page["name"], "Example Status");
    assert!(is_timestamp(&page["updated_at"]));
    assert_eq!(summary["status"]["indicator"], "minor");
    assert_eq!(summary["status"]["description"], "Minor service disruption");
    assert_eq!(summary["scheduled_maintenances"], Value::Array(Vec::new()));
    let components = summary["components"].as_array().unwrap();
    components.iter().for_each(assert_component);
    let groups: Vec<&Value> = components.iter().filter(|c| c["group"] == true).collect();
    assert_eq!(groups.len(), 5);
    assert_eq!(
        groups[0]["components"],
        serde_json::json!(["logto-core", "logto-cloud"])
    );
    let webhooks = components
        .iter()
        .find(|c| c["id"] == "example-webhooks")
        .unwrap();
    assert_eq!(webhooks["status"], "degraded_performance");
    assert_eq!(webhooks["group_id"], "group-example");
    // Only the ongoing incident in summary and unresolved.
    let unresolved = json(&out, "incidents/unresolved.json");
    for incidents in [&summary["incidents"], &unresolved["incidents"]] {
        let ids: Vec<&str> = incidents
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["2026-11-21-webhook-delivery-delays"]);
    }
    let ongoing = &summary["incidents"][0];
    assert_incident(ongoing);
    assert_eq!(ongoing["status"], "identified");
    assert!(ongoing["resolved_at"].is_null() && ongoing["monitoring_at"].is_null());
    assert_eq!(ongoing["created_at"], "2026-11-21T08:40:00.000Z");
    // All published incidents, newest first; a published postmortem has status postmortem.
    let all = json(&out, "incidents.json");
    assert_keys(&all, &["page", "incidents"]);
    let incidents = all["incidents"].as_array().unwrap();
    incidents.iter().for_each(assert_incident);
    let started: Vec<&str> = incidents
        .iter()
        .map(|i| i["started_at"].as_str().unwrap())
        .collect();
    let mut sorted = started.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(started, sorted);
    assert_eq!(incidents.len(), 5);
    let logto = incidents
        .iter()
        .find(|i| i["id"] == "2023-12-17-logto-image-deleted")
        .unwrap();
    assert_eq!(logto["status"], "postmortem");
    assert_eq!(logto["impact"], "critical");
    assert_eq!(logto["resolved_at"], "2023-12-17T04:15:00.000Z");
    assert_eq!(logto["incident_updates"][0]["status"], "resolved");
    assert_eq!(
        logto["shortlink"],
        "https://status.example.com/en/incidents/2023-12-17-logto-image-deleted.html"
    );
    // A record without status entries gets updates derived from its milestones.
    let inria = incidents
        .iter()
        .find(|i| i["id"] == "2017-07-28-inria-ci-vms-destroyed")
        .unwrap();
    let statuses: Vec<&str> = inria["incident_updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.first(), Some(&"resolved"));
    assert_eq!(statuses.last(), Some(&"investigating"));
    assert_keys(&json(&out, "status.json"), &["page", "status"]);
    assert_keys(&json(&out, "components.json"), &["page", "components"]);
    // As Statuspage writes them: `page` first.
    let raw = read(&out, "api/v2/summary.json");
    assert!(raw.find("\"page\"") < raw.find("\"components\""));
}

// --- hostile input and safe publishing -----------------------------------------------------

#[test]
fn hostile_text_is_inert_in_every_page_feed_and_api_file() {
    let (_dir, out) = Project::fixture("render/xss").build();
    let pages = html_pages(&out);
    assert_eq!(pages.len(), 4 * 4 + 2);
    for page in pages {
        let html = std::fs::read_to_string(&page).unwrap();
        assert_eq!(
            common::live_markup(&html, Some("days")),
            Vec::<String>::new(),
            "{}",
            page.display()
        );
        assert!(!html.contains("SECRET-INTERNAL") && !html.contains("GEHEIM-INTERN"));
    }
    for lang in LANGS {
        let feed =
            feed_rs::parser::parse(read(&out, &format!("{lang}/feed.atom")).as_bytes()).unwrap();
        for entry in feed.entries {
            let summary = entry.summary.unwrap().content;
            assert_eq!(
                common::live_markup(&summary, None),
                Vec::<String>::new(),
                "{lang}: {summary}"
            );
        }
    }
    let incidents = json(&out, "incidents.json");
    let incident = &incidents["incidents"][0];
    let mut texts = vec![incident["name"].as_str().unwrap()];
    texts.extend(
        incident["incident_updates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["body"].as_str().unwrap()),
    );
    for text in &texts {
        assert!(!text.contains("javascript:"), "{text}");
    }
    // The API carries the text readers see on the page, as plain text.
    let page = Html::parse_document(&read(&out, "en/incidents/2024-01-01-hostile.html"));
    assert_eq!(texts[0], text(select(&page, "h1#title")[0]));
    for path in files(&out) {
        let content = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        assert!(!content.contains("SECRET-INTERNAL"), "{}", path.display());
    }
}

#[test]
fn errors_stop_the_build_and_leave_the_previous_site_untouched() {
    let project = Project::fixture("build/uptime");
    let out = project.path("public");
    project
        .cmd()
        .arg("build")
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "public: 34 pages in 4 languages, 3 incidents",
        ));
    let before = read(&out, "en/index.html");
    std::fs::write(
        project.path("incidents/2026-11-22-broken.yaml"),
        "title: Broken\nlang: en\nstatus: published\nseverity: loud\n",
    )
    .unwrap();
    project
        .cmd()
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("2026-11-22-broken.yaml:4:11"))
        .stderr(predicates::str::contains("the site was not built"));
    assert_eq!(read(&out, "en/index.html"), before);
    let leftovers: Vec<String> = std::fs::read_dir(project.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_directory_of_someone_elses_files_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.tex"), "years of work").unwrap();
    Project::fixture("build/uptime")
        .cmd()
        .arg("build")
        .arg("--out")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "holds files that hindsight did not build",
        ));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("thesis.tex")).unwrap(),
        "years of work"
    );
}

#[test]
fn a_project_overrides_the_stylesheet_and_adds_static_files() {
    let (_dir, out) = Project::fixture("build/uptime")
        .file("site/style.css", "body { color: teal }")
        .file("site/logo.png", [0x89, b'P', b'N', b'G', 0xff])
        .build();
    assert_eq!(read(&out, "style.css"), "body { color: teal }");
    assert_eq!(
        std::fs::read(out.join("logo.png")).unwrap(),
        [0x89, b'P', b'N', b'G', 0xff]
    );
    assert!(
        !out.join("config.yaml").exists(),
        "the configuration is not published"
    );
}
