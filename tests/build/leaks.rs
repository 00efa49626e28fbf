//! Nothing private and nothing live in public: drafts, reviews and `internal` text reach no
//! output file or file name, and hostile text is inert in every page, feed and API file.

use scraper::Html;

use crate::common::{self, Project, api as json, files, read};
use crate::{LANGS, html_pages, select, text, texts};

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

#[test]
fn hostile_text_is_inert_in_every_page_feed_and_api_file() {
    let (_dir, out) = Project::fixture("render/xss").build();
    let pages = html_pages(&out);
    assert_eq!(pages.len(), 4 * 6 + 2, "a month page more per language");
    for page in pages {
        let html = std::fs::read_to_string(&page).unwrap();
        assert_eq!(
            common::live_markup(&html, &["days", "chart"]),
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
                common::live_markup(&summary, &[]),
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
        // Plain text that opens no tag: many Statuspage widgets insert `body` as HTML.
        let opens_tag = text
            .split('<')
            .skip(1)
            .any(|after| after.starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)));
        assert!(!opens_tag, "{text}");
    }
    // The API carries the words readers see on the page, as plain text without the markup.
    let page = Html::parse_document(&read(&out, "en/incidents/2024-01-01-hostile.html"));
    let heading = text(select(&page, "h1#title")[0]);
    assert_eq!(heading, "Title <script>alert('title')</script> x");
    assert_eq!(texts[0], "Title alert('title') x");
    for path in files(&out) {
        let content = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        assert!(!content.contains("SECRET-INTERNAL"), "{}", path.display());
    }
}

/// The site built by the library with and without the preview option (`serve` sets it,
/// `build` never does): the artifacts as text, by path.
fn built_in_memory(preview: bool) -> Vec<(String, String)> {
    let root = crate::common::fixture("build/uptime");
    let project = hindsight::project::Project::load(&root, &[]).unwrap();
    let now = hindsight::project::now(Some(crate::common::NOW)).unwrap();
    let options = hindsight::build::Options { preview };
    let built = hindsight::build::build_with(
        &project.corpus,
        project.assets().unwrap(),
        now,
        &hindsight::build::Quiet,
        options,
    )
    .unwrap();
    built
        .artifacts()
        .unwrap()
        .into_iter()
        .map(|a| (a.path, String::from_utf8_lossy(&a.bytes).into_owned()))
        .collect()
}

#[test]
fn without_the_preview_option_no_draft_or_review_is_built() {
    let site = built_in_memory(false);
    for (path, content) in &site {
        for secret in ["SECRET-DRAFT-TITLE", "SECRET-REVIEW", "2026-11-19-draft"] {
            assert!(
                !content.contains(secret) && !path.contains(secret),
                "{secret} in {path}"
            );
        }
        assert!(
            !content.contains("class=\"not-public"),
            "a preview mark in {path}"
        );
    }
}

#[test]
fn the_preview_shows_drafts_and_reviews_marked_in_every_language() {
    let site = built_in_memory(true);
    let page = |path: &str| {
        let found = site.iter().find(|(p, _)| p == path);
        Html::parse_document(&found.unwrap_or_else(|| panic!("{path}")).1)
    };
    let marks = [
        ("en", "Draft — not public"),
        ("de", "Entwurf — nicht öffentlich"),
        ("ja", "下書き — 非公開"),
        ("zh", "草稿 — 未公开"),
    ];
    for (lang, mark) in marks {
        let draft = page(&format!("{lang}/incidents/2026-11-19-draft.html"));
        assert_eq!(texts(&draft, ".not-public-banner"), [mark], "{lang}");
        let history = page(&format!("{lang}/history.html"));
        assert_eq!(
            texts(&history, ".incident .not-public"),
            [mark, mark],
            "{lang}"
        );
        let published = page(&format!("{lang}/incidents/2026-11-20-api-down.html"));
        assert!(texts(&published, ".not-public-banner").is_empty(), "{lang}");
    }
}
