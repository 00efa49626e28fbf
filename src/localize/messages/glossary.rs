//! The glossary test: every message of every locale uses the glossary's word for each core
//! concept (locales/glossary.yaml), never a variant the glossary rules out.

use super::*;
use serde::Deserialize;
use std::fs;

#[derive(Deserialize)]
struct Glossary {
    concepts: BTreeMap<String, Concept>,
    /// Language -> wrong variant -> why, and the word to use.
    avoid: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Deserialize)]
struct Concept {
    en: String,
    de: String,
    ja: String,
    zh: String,
    /// Messages that are exactly the word (letter case aside).
    #[serde(default)]
    says: Vec<String>,
    /// Messages that contain the word.
    #[serde(rename = "in", default)]
    within: Vec<String>,
}

impl Concept {
    fn word(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::De => &self.de,
            Lang::Ja => &self.ja,
            Lang::Zh => &self.zh,
        }
    }
}

fn locales() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn glossary() -> Glossary {
    let text = fs::read_to_string(locales().join("glossary.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// The text of every message of `lang`'s .ftl files, line by line, with where it stands.
fn message_lines(lang: Lang) -> Vec<(String, String)> {
    let dir = locales().join(lang.as_str());
    let mut lines = Vec::new();
    for entry in fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "ftl") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for (number, line) in text.lines().enumerate() {
            // Comments are for translators, and may name the words to avoid.
            if !line.trim_start().starts_with('#') {
                let name = path.file_name().unwrap().to_string_lossy();
                lines.push((format!("{lang}/{name}:{}", number + 1), line.to_string()));
            }
        }
    }
    assert!(lines.len() > 50, "{lang}: {} lines", lines.len());
    lines
}

#[test]
fn no_message_in_any_locale_says_a_variant_the_glossary_rules_out() {
    let glossary = glossary();
    let mut found = Vec::new();
    for &lang in Lang::ALL {
        let avoid = &glossary.avoid[lang.as_str()];
        for (at, line) in message_lines(lang) {
            let lower = line.to_lowercase();
            for (variant, instead) in avoid {
                if lower.contains(&variant.to_lowercase()) {
                    found.push(format!("{at}: `{variant}` ({instead}): {line}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_status_severity_and_component_messages_say_the_glossary_words() {
    let glossary = glossary();
    let messages = Messages::builtin().unwrap();
    let mut wrong = Vec::new();
    for (name, concept) in &glossary.concepts {
        assert!(
            !concept.says.is_empty() || !concept.within.is_empty(),
            "{name} names no message"
        );
        for &lang in Lang::ALL {
            let word = concept.word(lang).to_lowercase();
            for id in &concept.says {
                let text = messages.text(lang, id);
                if text.to_lowercase() != word {
                    wrong.push(format!(
                        "{lang} {id} = {text}, not the {name} word `{word}`"
                    ));
                }
            }
            for id in &concept.within {
                let text = messages.text(lang, id);
                if !text.to_lowercase().contains(&word) {
                    wrong.push(format!(
                        "{lang} {id} = {text}, without the {name} word `{word}`"
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_glossary_rules_out_the_variants_the_review_found() {
    // The glossary's own safety net: these were in the messages once and must stay out.
    let glossary = glossary();
    for (lang, variant) in [
        ("zh", "事故"),
        ("de", "Teilweise"),
        ("de", "Nachbesprechung"),
        ("ja", "部分停止"),
    ] {
        assert!(
            glossary.avoid[lang].contains_key(variant),
            "{lang} {variant}"
        );
    }
    assert!(glossary.concepts.contains_key("incident"));
}
