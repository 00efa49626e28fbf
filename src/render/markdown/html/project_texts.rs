//! The writer against the sanitiser on every text the project holds: the example records and
//! overlays, the test fixtures, the templates and the Markdown fuzz seeds.

use super::is_plain;
use super::tests::differences;

/// Every string of every YAML file of the project (the example records and overlays, the
/// test fixtures, the templates of `init` and `new`), and the Markdown fuzz seeds whole, by
/// block and by line.
fn project_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    fn strings(value: serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => out.push(text),
            serde_json::Value::Array(values) => values.into_iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.into_iter().for_each(|(key, v)| {
                out.push(key);
                strings(v, out);
            }),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for dir in [
        "incidents",
        "site",
        "templates",
        "tests/fixtures",
        "fuzz/seeds",
    ] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            match path.extension().and_then(|e| e.to_str()) {
                Some("yaml" | "yml") => {
                    // Some fixtures are broken on purpose.
                    if let Ok(value) = serde_saphyr::from_str::<serde_json::Value>(&text) {
                        strings(value, &mut texts);
                    }
                }
                Some("md") => {
                    texts.extend(text.split("\n\n").map(str::to_string));
                    texts.extend(text.lines().map(str::to_string));
                    texts.push(text);
                }
                _ => {}
            }
        }
    }
    texts
}

#[test]
fn every_text_of_the_project_gives_the_sanitisers_bytes() {
    let texts = project_texts();
    assert!(texts.len() > 500, "{} texts", texts.len());
    let plain = texts.iter().filter(|text| is_plain(text)).count();
    assert!(plain > 50, "{plain} plain texts");
    for text in &texts {
        assert_eq!(differences(text), Vec::<&str>::new(), "{text:?}");
    }
}
