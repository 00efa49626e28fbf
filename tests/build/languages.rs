//! The German, Japanese and Chinese sites show no English chrome outside marked fallbacks.

use scraper::Html;

use crate::common::{build, repo};
use crate::{html_pages, tag};

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
    let mut checked = 0;
    for (lang, own) in [
        ("de", hindsight::model::Lang::De),
        ("ja", hindsight::model::Lang::Ja),
        ("zh", hindsight::model::Lang::Zh),
    ] {
        let own = messages.plain(own);
        let phrases: Vec<&str> = english
            .iter()
            .filter(|(key, _)| !key.starts_with("language_"))
            // A loanword the language uses as its own word (German `Postmortem`).
            .filter(|(key, value)| own.get(*key) != Some(value))
            .map(|(_, value)| value.as_str())
            // Words shared with German (`Status`, `Logto`) or too short to tell apart.
            .filter(|value| value.chars().count() > 6 && *value != "JSON API")
            .collect();
        for page in html_pages(&out.join(lang)) {
            let text = own_language_text(&std::fs::read_to_string(&page).unwrap(), tag(lang));
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
    assert_eq!(checked, 3 * 24);
}
