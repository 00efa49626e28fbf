//! Japanese and Chinese output takes its brackets, colons and separators from the locale: no
//! ASCII `(`, `)` or `:` sits next to CJK text on any page, feed, badge, widget or rendered
//! postmortem of the example (the JSON API and the calendar are data, and exempt).

use serde_json::Value;

use crate::common::{build, files, hindsight, repo, run};

/// Han, kana, CJK punctuation and full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// Every ASCII `(`, `)` or `:` whose nearest neighbour on the same line, spaces skipped, is
/// CJK (`原因特定 (…` is as wrong as `原因特定(…`), with some context around it.
fn ascii_marks_next_to_cjk(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |from: usize, step: isize| {
        let mut at = from as isize + step;
        while let Some(&c) = usize::try_from(at).ok().and_then(|i| chars.get(i)) {
            if c != ' ' && c != '\t' {
                return Some(c);
            }
            at += step;
        }
        None
    };
    let mut found = Vec::new();
    for (at, &c) in chars.iter().enumerate() {
        if !matches!(c, '(' | ')' | ':') {
            continue;
        }
        if neighbour(at, -1).is_some_and(is_cjk) || neighbour(at, 1).is_some_and(is_cjk) {
            let context: String = chars[at.saturating_sub(12)..(at + 12).min(chars.len())]
                .iter()
                .collect();
            found.push(context);
        }
    }
    found
}

/// Every string in a YAML document (keys are not text a reader sees).
fn yaml_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| yaml_strings(item, out)),
        Value::Object(map) => map.values().for_each(|item| yaml_strings(item, out)),
        _ => {}
    }
}

#[test]
fn the_scan_finds_ascii_brackets_and_colons_beside_cjk_and_nothing_else() {
    assert_eq!(ascii_marks_next_to_cjk("原因特定: x").len(), 1);
    assert_eq!(ascii_marks_next_to_cjk("原因特定 (2026年)").len(), 2);
    assert_eq!(ascii_marks_next_to_cjk("ステータス：正常（UTC）").len(), 0);
    assert_eq!(
        ascii_marks_next_to_cjk("9:40 CET, https://x.example/ (en)").len(),
        0
    );
    assert_eq!(ascii_marks_next_to_cjk("値:\n次").len(), 1);
}

#[test]
fn japanese_and_chinese_output_has_no_ascii_bracket_or_colon_beside_cjk() {
    let root = repo();
    // The example's own text must be clean, or a finding could be the author's, not ours.
    let mut inputs: Vec<_> = files(&root.join("incidents"));
    inputs.push(root.join("site/config.yaml"));
    let mut records = Vec::new();
    for input in &inputs {
        let yaml = std::fs::read_to_string(input).unwrap();
        let value: Value = serde_saphyr::from_str(&yaml).unwrap();
        let mut strings = Vec::new();
        yaml_strings(&value, &mut strings);
        for text in strings {
            let found = ascii_marks_next_to_cjk(&text);
            assert!(
                found.is_empty(),
                "{}: the example's own text has {found:?}; this scan cannot tell it from ours",
                input.display()
            );
        }
        let name = input.file_name().unwrap().to_str().unwrap();
        // Records, not overlays (`<id>.<lang>.yaml`).
        if input.starts_with(root.join("incidents")) && name.matches('.').count() == 1 {
            records.push(input.clone());
        }
    }
    assert!(records.len() >= 8, "{records:?}");

    let mut outputs = Vec::new();
    let (_dir, out) = build(root);
    for lang in ["ja", "zh"] {
        for file in files(&out.join(lang)) {
            if file.extension().is_some_and(|e| e == "json" || e == "ics") {
                continue;
            }
            outputs.push((
                file.display().to_string(),
                std::fs::read_to_string(&file).unwrap(),
            ));
        }
        for record in &records {
            for format in ["md", "html"] {
                let (code, stdout, stderr) = run(hindsight(root).args([
                    "render",
                    record.to_str().unwrap(),
                    "--lang",
                    lang,
                    "--format",
                    format,
                ]));
                assert_eq!(code, 0, "{stderr}");
                outputs.push((
                    format!(
                        "render {} --lang {lang} --format {format}",
                        record.display()
                    ),
                    stdout,
                ));
            }
        }
    }
    outputs.push((
        "404.html".into(),
        std::fs::read_to_string(out.join("404.html")).unwrap(),
    ));
    // Feeds, badges, widgets, pages and postmortems: every kind of output is scanned.
    for kind in [
        "feed.atom",
        "badge.svg",
        "widget.html",
        "index.html",
        "--format md",
    ] {
        assert!(
            outputs.iter().any(|(name, _)| name.contains(kind)),
            "{kind}"
        );
    }
    let mut findings = Vec::new();
    for (name, text) in &outputs {
        for found in ascii_marks_next_to_cjk(text) {
            findings.push(format!("{name}: {found:?}"));
        }
    }
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}
