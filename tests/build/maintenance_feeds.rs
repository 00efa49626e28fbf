//! Maintenance in the Atom feeds: entries in each language's feed whose title tells the
//! window's status at "now" and whose `updated` is its last change, and a feed per component
//! with exactly the incidents and windows on it.

use feed_rs::model::Feed;
use scraper::Html;

use crate::calendar::{BASE, CANCELLED_ID, DST_ID, at, build_at, project};
use crate::common::{live_markup, read};
use crate::{select, served_file};

fn feed(out: &std::path::Path, path: &str) -> Feed {
    let xml = read(out, path);
    roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
    feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ids(feed: &Feed) -> Vec<String> {
    let mut ids: Vec<String> = feed.entries.iter().map(|e| e.id.clone()).collect();
    ids.sort();
    ids
}

fn url(lang: &str, kind: &str, id: &str) -> String {
    format!("{BASE}{lang}/{kind}/{id}.html")
}

#[test]
fn language_feeds_carry_each_window_with_its_status_and_last_change() {
    let project = project();
    for (now, status, updated) in [
        // Not begun, no git history: nothing older than now is known to have changed.
        ("2026-10-24T12:00:00Z", "Scheduled", "2026-10-24T12:00:00Z"),
        (
            "2026-10-25T01:00:00Z",
            "In progress",
            "2026-10-24T23:30:00Z",
        ),
        ("2026-10-26T12:00:00Z", "Completed", "2026-10-25T03:00:00Z"),
    ] {
        let (_dir, out) = build_at(&project, at(now));
        let en = feed(&out, "en/feed.atom");
        let page = url("en", "maintenance", DST_ID);
        let entry = en
            .entries
            .iter()
            .find(|e| e.id == page)
            .unwrap_or_else(|| panic!("{now}: no entry {page}"));
        assert_eq!(entry.links[0].href, page);
        assert!(served_file(&out, BASE, &page).is_file());
        let title = &entry.title.as_ref().unwrap().content;
        assert!(
            title.starts_with(&format!("{status}: Database upgrade; replica")),
            "{now}: {title}"
        );
        assert_eq!(entry.updated, Some(at(updated)), "{now}");
        let summary = &entry.summary.as_ref().unwrap().content;
        assert!(
            summary.contains("October 25, 2026") && summary.contains("We upgrade the database."),
            "{summary}"
        );
        assert!(summary.contains("read-only"), "{summary}");
        assert_eq!(live_markup(summary, &[]), Vec::<String>::new(), "{summary}");
        assert_eq!(entry.categories[0].term, "api");

        let cancelled = en
            .entries
            .iter()
            .find(|e| e.id == url("en", "maintenance", CANCELLED_ID))
            .unwrap();
        assert!(
            cancelled
                .title
                .as_ref()
                .unwrap()
                .content
                .starts_with("Cancelled: Cache migration")
        );
        // The incidents are still there; the draft is not.
        assert_eq!(en.entries.len(), 2 + 3, "{now}");
        assert!(en.entries.iter().all(|e| !e.id.contains("secret-draft")));
        // Newest change first, and the feed is as new as its newest entry.
        let times: Vec<_> = en.entries.iter().map(|e| e.updated.unwrap()).collect();
        assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
        assert_eq!(en.updated, Some(times[0]));

        let de = feed(&out, "de/feed.atom");
        let entry = de
            .entries
            .iter()
            .find(|e| e.id == url("de", "maintenance", DST_ID))
            .unwrap();
        assert_eq!(entry.updated, Some(at(updated)), "{now}");
    }
}

#[test]
fn each_component_has_a_feed_of_exactly_its_incidents_and_windows() {
    let (_dir, out) = build_at(&project(), at("2026-10-26T12:00:00Z"));
    for lang in ["en", "de"] {
        let api = feed(&out, &format!("{lang}/components/api.atom"));
        assert_eq!(
            ids(&api),
            [
                url(lang, "incidents", "2026-10-20-api-errors"),
                url(lang, "maintenance", DST_ID),
            ]
        );
        assert_eq!(api.language.as_deref(), Some(lang));
        let web = feed(&out, &format!("{lang}/components/web.atom"));
        assert_eq!(
            ids(&web),
            [
                url(lang, "incidents", "2026-10-21-website-slow"),
                url(lang, "maintenance", "2026-06-01-old-window"),
                url(lang, "maintenance", CANCELLED_ID),
            ]
        );
        let name = if lang == "en" { "Website" } else { "Webseite" };
        assert!(web.title.unwrap().content.ends_with(name));
        assert_eq!(
            web.id,
            format!("{BASE}{lang}/components/web.atom"),
            "the feed's id is its address"
        );

        let page = Html::parse_document(&read(&out, &format!("{lang}/components/web.html")));
        let expected = format!("../../{lang}/components/web.atom");
        let head = select(
            &page,
            "head link[rel=alternate][type='application/atom+xml']",
        );
        assert_eq!(
            head.iter()
                .filter_map(|l| l.value().attr("href"))
                .collect::<Vec<_>>(),
            [format!("../../{lang}/feed.atom"), expected.clone()]
        );
        let visible = select(&page, "main p.feed a[type='application/atom+xml']");
        assert_eq!(visible[0].value().attr("href"), Some(expected.as_str()));
    }
}
