//! Rendering end to end: golden postmortems of one example incident in every language and
//! format, localized chrome, and hostile input that must stay inert. What the other incidents'
//! pages show (zones, precision, ongoing, notices) is unit-tested in `localize::postmortem`.

mod common;

use std::path::Path;

use chrono::DateTime;
use hindsight::load::Corpus;
use hindsight::localize::{self, Localizer, Options};
use hindsight::model::Lang;
use hindsight::render::{Format, Templates};
use hindsight::{discover, load};

/// The incident kept as golden output: resolved (so its pages do not depend on "now"), with
/// every section, actions, figures, a day-only entry, a German and a Japanese overlay and no
/// Chinese one (the fallback notice and `lang` marks).
const GOLDEN: &str = "2023-12-17-logto-image-deleted";

fn corpus(root: &Path) -> Corpus {
    let sources = discover::discover(root, &[]).unwrap();
    load::load(&sources).unwrap()
}

fn render_all(root: &Path, format: Format, internal: bool) -> Vec<(String, Lang, String)> {
    let corpus = corpus(root);
    let localizer = Localizer::load(None).unwrap();
    let templates = Templates::load(None).unwrap();
    let now = DateTime::from_timestamp(common::NOW.parse().unwrap(), 0).unwrap();
    let mut out = Vec::new();
    for file in &corpus.records {
        let record = file.record.as_ref().expect("example records load");
        for &lang in Lang::ALL {
            let overlay = corpus
                .overlay_file(&record.id, lang)
                .and_then(|o| o.overlay.as_ref());
            let view = localize::postmortem(
                record,
                overlay,
                lang,
                &corpus.config.config,
                &localizer,
                now,
                Options { internal },
            );
            let document = templates.postmortem(&view, format).unwrap();
            out.push((record.id.clone(), lang, document));
        }
    }
    out
}

/// The HTML without its inline stylesheet, which would drown every snapshot.
fn without_style(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(start), Some(end)) => {
            format!("{}<style>…</style>{}", &html[..start], &html[end + 8..])
        }
        _ => html.to_string(),
    }
}

#[test]
fn golden_markdown() {
    let rendered = render_all(common::repo(), Format::Markdown, false);
    for (id, lang, document) in rendered.into_iter().filter(|(id, ..)| id == GOLDEN) {
        insta::assert_snapshot!(format!("{id}.{lang}.md"), document);
    }
}

#[test]
fn golden_html() {
    let rendered = render_all(common::repo(), Format::Html, false);
    for (id, lang, document) in rendered.into_iter().filter(|(id, ..)| id == GOLDEN) {
        insta::assert_snapshot!(format!("{id}.{lang}.html"), without_style(&document));
    }
}

/// The text of a page outside elements marked as another language (untranslated fallbacks).
fn page_language_text(html: &str, lang: &str) -> String {
    let page = scraper::Html::parse_document(html);
    let mut text = String::new();
    for node in page.tree.nodes() {
        let Some(fragment) = node.value().as_text() else {
            continue;
        };
        let foreign = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .and_then(|e| e.attr("lang"))
                .is_some_and(|l| l != lang)
        });
        let in_style = node
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| e.name() == "style"));
        if !foreign && !in_style {
            text.push_str(fragment);
            text.push('\n');
        }
    }
    text
}

#[test]
fn german_japanese_and_chinese_pages_speak_only_their_language() {
    let localizer = Localizer::load(None).unwrap();
    let english: Vec<String> = localizer
        .messages
        .plain(Lang::En)
        .iter()
        .filter(|(key, _)| {
            key.starts_with("heading_")
                || key.starts_with("label_")
                || key.starts_with("figure_")
                || key.starts_with("notice_")
        })
        .map(|(_, value)| value.clone())
        .filter(|value| value.len() > 6)
        .collect();
    let english_words = [
        // Only the months whose German name differs.
        "January",
        "February",
        "March",
        "May ",
        "June",
        "July",
        "October",
        "December",
        "minute",
        "hour",
        " day",
        "second",
        "Resolved",
        "Investigating",
        "Critical",
        "Major outage",
        "time unknown",
    ];
    let mut checked = 0;
    for (id, lang, html) in render_all(common::repo(), Format::Html, false) {
        if lang == Lang::En {
            continue;
        }
        let text = page_language_text(&html, lang.tag());
        for phrase in english.iter().map(String::as_str).chain(english_words) {
            assert!(
                !text.contains(phrase),
                "{id} in {lang} shows English `{phrase}` outside a marked fallback:\n{text}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 24);
}

#[test]
fn dates_times_and_durations_are_localized() {
    let pages = render_all(common::repo(), Format::Markdown, false);
    let page = |id: &str, lang: Lang| {
        pages
            .iter()
            .find(|(i, l, _)| i == id && *l == lang)
            .map(|(_, _, d)| d.as_str())
            .unwrap()
    };
    let logto = "2023-12-17-logto-image-deleted";
    assert!(page(logto, Lang::En).contains("December 17, 2023, 03:56–04:15 UTC"));
    assert!(page(logto, Lang::De).contains("17. Dezember 2023, 03:56–04:15 UTC"));
    assert!(page(logto, Lang::Ja).contains("2023年12月17日 3:56～4:15（UTC）"));
    assert!(page(logto, Lang::Zh).contains("2023年12月17日 03:56 至 04:15（UTC）"));
    assert!(page(logto, Lang::En).contains("**Duration**: 19 minutes"));
    assert!(page(logto, Lang::De).contains("**Dauer**: 19\u{a0}Minuten"));
    assert!(page(logto, Lang::Ja).contains("**影響時間**：19分"));
    assert!(page(logto, Lang::Zh).contains("**持续时间**：19分钟"));
    assert!(page(logto, Lang::De).contains("17. Dezember 2023 (genaue Uhrzeit unbekannt)"));
    let docker = "2020-07-05-docker-hub-pulls-hang";
    assert!(page(docker, Lang::En).contains("11 h 30 min"));
    assert!(page(docker, Lang::De).contains("11\u{a0}Std. 30\u{a0}Min."));
    assert!(page(docker, Lang::Ja).contains("11時間30分"));
    assert!(page(docker, Lang::Zh).contains("11小时30分钟"));
    // Monzo's local times are UK summer time: BST means nothing to a Chinese reader.
    let monzo = page("2017-10-27-monzo-payments-outage", Lang::Zh);
    assert!(
        monzo.contains("2017年10月27日 14:10 至 15:31（UTC+1）"),
        "{monzo}"
    );
}

#[test]
fn translations_are_used_and_fallbacks_marked() {
    let pages = render_all(common::repo(), Format::Html, false);
    let logto_de = &pages
        .iter()
        .find(|(id, lang, _)| id == "2023-12-17-logto-image-deleted" && *lang == Lang::De)
        .unwrap()
        .2;
    assert!(
        logto_de.contains(
            "Produktions-Docker-Images durch den Bereinigungs-Workflow für Images gelöscht"
        )
    );
    assert!(
        !logto_de.contains("notice-fallback"),
        "the German overlay is complete"
    );
    let page = |lang: Lang| {
        &pages
            .iter()
            .find(|(id, l, _)| id == "2023-12-17-logto-image-deleted" && *l == lang)
            .unwrap()
            .2
    };
    assert!(page(Lang::Ja).contains("イメージ保持ワークフローが本番用 Docker イメージを削除"));
    assert!(
        !page(Lang::Ja).contains("notice-fallback"),
        "the Japanese overlay is complete"
    );
    let zh = page(Lang::Zh);
    assert_eq!(zh.matches("class=\"notice notice-fallback\"").count(), 1);
    assert!(zh.contains("<h1 id=\"title\" lang=\"en\">"));
}

#[test]
fn hostile_text_never_reaches_html_as_live_markup() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/xss");
    for internal in [false, true] {
        let pages = render_all(&root, Format::Html, internal);
        assert_eq!(pages.len(), 4);
        for (_, lang, html) in pages {
            assert_eq!(
                common::live_markup(&html, &[]),
                Vec::<String>::new(),
                "{lang}:\n{html}"
            );
            assert!(
                html.contains("&lt;script&gt;"),
                "the markup is shown as text"
            );
            assert!(
                html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"),
                "the page allows no script"
            );
            assert_eq!(
                html.contains("SECRET-INTERNAL") || html.contains("GEHEIM-INTERN"),
                internal,
                "{lang}"
            );
        }
    }
}

#[test]
fn internal_text_only_with_the_internal_option() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/xss");
    for (_, lang, md) in render_all(&root, Format::Markdown, false) {
        assert!(
            !md.contains("SECRET-INTERNAL") && !md.contains("GEHEIM-INTERN"),
            "{lang}"
        );
        assert!(
            !md.contains("<script>"),
            "{lang}: raw HTML is escaped in Markdown too:\n{md}"
        );
    }
}

/// A Japanese record wrapped inside its sentences, with a Chinese and a German overlay whose
/// summary was translated from an older text.
const WRAPPED: &str = "title: 画像の削除\nlang: ja\nstatus: draft\nseverity: major\naffected:\n  api: major_outage\ntimezone: UTC\nstarted: 2023-12-17T03:56:00Z\nresolved: 2023-12-17T04:15:00Z\nsummary: |\n  本番環境が動作する\n  イメージを削除しました。\nimpact: 誰もログインできませんでした。\nlessons:\n  - |\n    削除ジョブは\n    確認してから実行する。\n";

#[test]
fn markdown_joins_wrapped_cjk_lines_and_marks_stale_translations() {
    let stale_summary = "summary:\n  source: 古い概要。\n  text: 旧的概述。\nimpact:\n  source: 誰もログインできませんでした。\n  text: 无人能够登录。\n";
    let project = common::Project::new()
        .record("2023-12-17-x.yaml", WRAPPED)
        .record(
            "2023-12-17-x.zh.yaml",
            format!("lang: zh\ntitle:\n  source: 画像の削除\n  text: 删除镜像\n{stale_summary}"),
        )
        .record(
            "2023-12-17-x.de.yaml",
            format!(
                "lang: de\ntitle:\n  source: 画像の削除\n  text: Images gelöscht\n{}",
                stale_summary
                    .replace("旧的概述。", "Alte Zusammenfassung.")
                    .replace("无人能够登录。", "Niemand konnte sich anmelden.")
            ),
        );
    let render = |lang: &str| {
        let out = project.render(&[
            "incidents/2023-12-17-x.yaml",
            "--lang",
            lang,
            "--format",
            "md",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let ja = render("ja");
    assert!(
        ja.contains("本番環境が動作するイメージを削除しました。"),
        "{ja}"
    );
    assert!(ja.contains("- 削除ジョブは確認してから実行する。"), "{ja}");
    let zh = render("zh");
    assert!(zh.contains("旧的概述。\n\n（译文可能已过时）\n"), "{zh}");
    assert_eq!(
        zh.matches("（译文可能已过时）").count(),
        1,
        "only the stale block: {zh}"
    );
    let de = render("de");
    assert!(
        de.contains("Alte Zusammenfassung.\n\n(Übersetzung veraltet)\n"),
        "{de}"
    );
    // The untranslated lesson falls back to Japanese, joined there too; it is not stale.
    assert!(
        de.contains("- 削除ジョブは確認してから実行する。\n"),
        "{de}"
    );
    // HTML says it in words too, not only with a border a screen reader never hears.
    let html = project.render(&[
        "incidents/2023-12-17-x.yaml",
        "--lang",
        "zh",
        "--format",
        "html",
    ]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert_eq!(
        html.stdout
            .matches("<p class=\"stale-marker\" lang=\"zh-Hans\">（译文可能已过时）</p>")
            .count(),
        1,
        "{}",
        html.stdout
    );
}
