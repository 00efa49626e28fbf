//! The message catalogues: every message used, present in all four languages, with plurals
//! and arguments as each language writes them.

use super::*;
use std::fs;

/// The text of every file below `dir` of the crate whose name ends in one of `endings`.
fn sources(dir: &str, endings: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            endings
                .iter()
                .any(|end| e.path().to_string_lossy().ends_with(end))
        })
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect()
}

#[test]
fn every_message_is_used_and_every_used_message_exists() {
    let messages = Messages::load(None).unwrap();
    let ids: BTreeSet<&String> = messages.catalog(Lang::En).keys().collect();
    let rust = sources("src", &[".rs"]);
    let templates = sources(
        "templates",
        &[".html", ".md", ".svg", ".atom", ".xml", ".yaml"],
    );
    // Templates read `t.heading_summary`; Rust names ids in full or builds them from a
    // prefix and a keyword (`keyword("severity", …)`, `format!("duration-{unit}")`).
    let in_templates: BTreeSet<String> = templates
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .filter_map(|word| {
            let parts: Vec<&str> = word.split('.').collect();
            // `t.<id>` on pages; `g.<key>` in new records' templates, the `guide-<key>` messages.
            let at = parts.iter().position(|part| *part == "t" || *part == "g")?;
            let prefix = if parts[at] == "g" { "guide-" } else { "" };
            parts
                .get(at + 1)
                .map(|name| format!("{prefix}{}", name.replace('_', "-")))
        })
        .collect();
    let used = |id: &str| {
        let underscored = id.replace('-', "_");
        in_templates.contains(id)
            || rust.contains(&format!("\"{id}\""))
            || rust.contains(&format!("\"{underscored}\""))
            || id.match_indices('-').any(|(at, _)| {
                let prefix = &id[..at];
                rust.contains(&format!("keyword(\"{prefix}\""))
                    || rust.contains(&format!("\"{prefix}-{{"))
            })
    };
    let unused: Vec<&&String> = ids.iter().filter(|id| !used(id)).collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");
    let missing: Vec<&String> = in_templates
        .iter()
        .filter(|name| !ids.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "templates use messages no locale has: {missing:?}"
    );
    for lang in Lang::ALL {
        let here: BTreeSet<&String> = messages.catalog(*lang).keys().collect();
        assert_eq!(here, ids, "{lang} has other messages than en");
    }
}

#[test]
fn every_language_has_the_same_messages_with_the_same_variables() {
    let messages = Messages::builtin().unwrap();
    let english = messages.catalog(Lang::En);
    assert!(english.len() > 80, "{} messages", english.len());
    for &lang in &Lang::ALL[1..] {
        let other = messages.catalog(lang);
        let only_en: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let only_other: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "{lang} lacks {only_en:?}");
        assert!(only_other.is_empty(), "{lang} has extra {only_other:?}");
        for (id, variables) in english {
            assert_eq!(&other[id], variables, "{lang}: `{id}` uses other variables");
        }
    }
}

#[test]
fn plurals_follow_each_language() {
    let messages = Messages::builtin().unwrap();
    let minutes = |lang, count: i64| {
        messages.format(
            lang,
            "duration-minutes",
            &[("count", FluentValue::from(count))],
        )
    };
    assert_eq!(minutes(Lang::En, 1), "1 minute");
    assert_eq!(minutes(Lang::En, 19), "19 minutes");
    assert_eq!(minutes(Lang::De, 1), "1\u{a0}Minute");
    assert_eq!(minutes(Lang::De, 19), "19\u{a0}Minuten");
    assert_eq!(minutes(Lang::Ja, 19), "19分");
    assert_eq!(minutes(Lang::Zh, 19), "19分钟");
}

#[test]
fn a_project_overrides_one_message_and_keeps_the_rest() {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("locales/de")).unwrap();
    fs::write(
        root.path().join("locales/de/postmortem.ftl"),
        "heading-lessons = Was wir gelernt haben\n",
    )
    .unwrap();
    let messages = Messages::load(Some(root.path())).unwrap();
    assert_eq!(
        messages.text(Lang::De, "heading-lessons"),
        "Was wir gelernt haben"
    );
    assert_eq!(
        messages.text(Lang::De, "heading-timeline"),
        "Zeitlicher Ablauf"
    );
    assert_eq!(messages.warnings.len(), 1);
    assert!(messages.warnings[0].contains("using the built-in text for"));
}

#[test]
fn a_syntax_error_in_a_project_locale_names_file_line_and_column() {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("locales/ja")).unwrap();
    fs::write(
        root.path().join("locales/ja/postmortem.ftl"),
        "heading-summary = 概要\nheading-timeline = { $\n",
    )
    .unwrap();
    let error = format!("{:#}", Messages::load(Some(root.path())).unwrap_err());
    assert!(error.contains("postmortem.ftl:2:"), "{error}");
}

#[test]
fn a_glossary_beside_the_locales_is_no_misplaced_locale() {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("locales/fr")).unwrap();
    fs::write(root.path().join("locales/glossary.yaml"), "concepts: {}\n").unwrap();
    fs::write(
        root.path().join("locales/fr/site.ftl"),
        "site-history = Historique\n",
    )
    .unwrap();
    let messages = Messages::load(Some(root.path())).unwrap();
    assert_eq!(messages.warnings.len(), 1, "{:?}", messages.warnings);
    assert!(messages.warnings[0].contains("fr/site.ftl: ignored"));
}

#[test]
fn a_state_inside_a_sentence_is_lower_case_where_the_language_wants_it() {
    let messages = Messages::builtin().unwrap();
    let id = "component-degraded_performance";
    assert_eq!(messages.text(Lang::En, id), "Degraded performance");
    assert_eq!(messages.inline(Lang::En, id), "degraded performance");
    assert_eq!(messages.inline(Lang::De, id), "eingeschränkte Leistung");
    // German nouns keep their capital; languages without case have no `.inline`.
    assert_eq!(
        messages.inline(Lang::De, "component-partial_outage"),
        "Teilausfall"
    );
    assert_eq!(messages.inline(Lang::Ja, id), "パフォーマンス低下");
}

#[test]
fn a_project_locale_that_leaves_out_one_message_says_one_message() {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("locales/de")).unwrap();
    let builtin = include_str!("../../../locales/de/new.ftl");
    // Every message but `guide-intro`, each on its own line in the built-in file.
    let all_but_one: String = builtin
        .lines()
        .filter(|line| !line.starts_with("guide-intro ="))
        .map(|line| format!("{line}\n"))
        .collect();
    fs::write(root.path().join("locales/de/new.ftl"), all_but_one).unwrap();
    let messages = Messages::load(Some(root.path())).unwrap();
    assert_eq!(messages.warnings.len(), 1, "{:?}", messages.warnings);
    assert!(
        messages.warnings[0].contains(" does not define 1 message of the built-in de/new.ftl;"),
        "{}",
        messages.warnings[0]
    );
}

/// A message without variables is formatted once, when the messages load: the text a page
/// gets is the one formatting gives, in each language and with a project's messages over
/// the built-in ones; an unknown id still comes out as itself.
#[test]
fn texts_formatted_once_are_those_formatting_gives() {
    let root = tempfile::tempdir().unwrap();
    let de = root.path().join("locales/de");
    fs::create_dir_all(&de).unwrap();
    fs::write(de.join("postmortem.ftl"), "heading-summary = Kurz gesagt\n").unwrap();
    let messages = Messages::load(Some(root.path())).unwrap();
    for &lang in Lang::ALL {
        for id in messages.catalog(lang).keys() {
            assert_eq!(
                messages.text(lang, id),
                messages.format(lang, id, &[]),
                "{lang} {id}"
            );
        }
    }
    assert_eq!(messages.text(Lang::De, "heading-summary"), "Kurz gesagt");
    assert_ne!(messages.text(Lang::En, "heading-summary"), "Kurz gesagt");
    assert_eq!(
        messages.text(Lang::En, "no-such-message"),
        "no-such-message"
    );
}
