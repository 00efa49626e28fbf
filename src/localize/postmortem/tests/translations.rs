//! Overlay notices and the alignment of overlay pairs with the record's texts.

use super::*;

pub(super) const TEXTS: &str = "timezone: UTC\nstarted: 2023-12-17T03:56:00Z\nresolved: 2023-12-17T04:15:00Z\nsummary: Images were deleted.\nimpact: Nobody could sign in.\ntimeline:\n  - at: 2023-12-17T03:56:00Z\n    text: Down.\n  - at: 2023-12-17T04:03:00Z\n    text: Paged.\n  - at: 2023-12-17T04:15:00Z\n    text: Up.\n";

#[test]
fn a_complete_current_translation_has_no_notice() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    let de = overlay(
        "lang: de\ntitle:\n  source: Images deleted\n  text: Images gelöscht\nsummary:\n  source: Images were deleted.\n  text: Images wurden gelöscht.\nimpact:\n  source: Nobody could sign in.\n  text: Niemand konnte sich anmelden.\ntimeline:\n  - source: Down.\n    text: Aus.\n  - source: Paged.\n    text: Alarmiert.\n  - source: Up.\n    text: An.\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    assert_eq!(kinds(&view), Vec::<&str>::new());
    assert_eq!(view.title.markdown, "Images gelöscht");
    assert!(view.texts().iter().all(|t| t.lang.is_none() && !t.stale));
}

#[test]
fn stale_and_missing_translations_are_marked_and_noticed() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    // The summary was translated from an older text; the impact is not translated at all.
    let de = overlay(
        "lang: de\ntitle:\n  source: Images deleted\n  text: Images gelöscht\nsummary:\n  source: Images got deleted.\n  text: Images sind gelöscht worden.\nimpact:\n  source: Nobody could sign in.\n  text: ''\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    assert_eq!(kinds(&view), ["stale", "fallback"]);
    assert!(
        view.notices[0].text.contains("Englisch"),
        "{:?}",
        view.notices
    );
    let title = &view.title;
    assert_eq!((title.lang, title.stale), (None, false));
    let summary = &view.summary.as_ref().unwrap().text;
    assert_eq!(summary.markdown, "Images sind gelöscht worden.");
    assert_eq!((summary.lang, summary.stale), (None, true));
    let impact = &view.impact.as_ref().unwrap().text;
    assert_eq!(impact.markdown, "Nobody could sign in.");
    assert_eq!((impact.lang, impact.stale), (Some("en"), false));
}

#[test]
fn an_overlay_applies_only_to_its_own_language() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    let de = overlay("lang: de\ntitle:\n  source: Images deleted\n  text: Images gelöscht\n");
    let en = view(&record, Some(&de), Lang::En);
    assert_eq!(en.title.markdown, "Images deleted");
    assert_eq!(kinds(&en), Vec::<&str>::new());
    // No German overlay for a German page: every text falls back to English, with a notice.
    let plain = view(&record, None, Lang::De);
    assert_eq!(kinds(&plain), ["fallback"]);
    assert!(plain.texts().iter().all(|t| t.lang == Some("en")));
}

#[test]
fn a_page_with_nothing_translated_says_so_and_one_partly_translated_says_parts() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    for (lang, text) in [
        (
            Lang::En,
            "This page has not been translated into English yet; it is shown in the original language (German).",
        ),
        (
            Lang::Ja,
            "このページはまだ日本語に翻訳されていないため、原文（ドイツ語）で表示しています。",
        ),
        (Lang::Zh, "本页面尚无中文译文，以下以原文（德语）显示。"),
    ] {
        let german = super::record(&format!("{HEAD}{TEXTS}").replace("lang: en", "lang: de"));
        let nothing = view(&german, None, lang);
        assert_eq!(notice_texts(&nothing), [text], "{lang:?}");
    }
    let nothing = view(&record, None, Lang::De);
    assert_eq!(
        notice_texts(&nothing),
        ["Diese Seite liegt noch nicht auf Deutsch vor und wird im Original (Englisch) angezeigt."]
    );
    // An overlay with only the title: the rest is not translated, so "parts".
    let de = overlay("lang: de\ntitle:\n  source: Images deleted\n  text: Images gelöscht\n");
    let parts = view(&record, Some(&de), Lang::De);
    assert_eq!(kinds(&parts), ["fallback"]);
    assert!(
        notice_texts(&parts)[0].starts_with("Teile dieses Postmortems"),
        "{:?}",
        parts.notices
    );
}

#[test]
fn chinese_fallback_text_is_tagged_with_its_script() {
    let chinese = record(&format!("{HEAD}{TEXTS}").replace("lang: en", "lang: zh"));
    let en = view(&chinese, None, Lang::En);
    assert!(en.texts().iter().all(|t| t.lang == Some("zh-Hans")));
    assert_eq!(view(&chinese, None, Lang::Zh).lang, "zh-Hans");
}

#[test]
fn list_pairs_follow_their_source_text_not_their_position() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    // The translator skipped "Paged." and wrote the pairs in another order.
    let de = overlay(
        "lang: de\ntimeline:\n  - source: Up.\n    text: An.\n  - source: Down.\n    text: Aus.\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    let rows: Vec<(&str, Option<&str>)> = view
        .timeline
        .iter()
        .map(|r| (r.text.markdown.as_str(), r.text.lang))
        .collect();
    assert_eq!(
        rows,
        [("Aus.", None), ("Paged.", Some("en")), ("An.", None)]
    );
}

#[test]
fn a_pair_whose_entry_changed_is_the_stale_translation_at_its_position() {
    let record = record(&format!("{HEAD}{TEXTS}"));
    // "Paged." was "Pager fired." when it was translated.
    let de = overlay(
        "lang: de\ntimeline:\n  - source: Down.\n    text: Aus.\n  - source: Pager fired.\n    text: Pager ausgelöst.\n  - source: Up.\n    text: An.\n",
    );
    let view = view(&record, Some(&de), Lang::De);
    let second = &view.timeline[1].text;
    assert_eq!(second.markdown, "Pager ausgelöst.");
    assert_eq!((second.lang, second.stale), (None, true));
    assert!(!view.timeline[0].text.stale && !view.timeline[2].text.stale);
    assert_eq!(kinds(&view), ["stale", "fallback"]);
}
