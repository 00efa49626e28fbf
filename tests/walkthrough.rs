//! The README's "Your first incident": runs exactly the commands of that section, in order,
//! applies the two edits it shows (the written postmortem, the site's languages), and checks
//! the site after every build: each update and status change while the incident runs, then
//! the postmortem in the four languages.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{hindsight, output, read, repo};

const SECTION: &str = "## Your first incident";
const ID: &str = "2026-11-22-checkout-fails-for-card-payments";

/// A fenced block of the section: its language and its text.
struct Block {
    lang: String,
    text: String,
}

fn section_blocks() -> Vec<Block> {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme
        .find(&format!("\n{SECTION}\n"))
        .unwrap_or_else(|| panic!("README has no `{SECTION}` section"));
    let body = &readme[start + SECTION.len() + 2..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    let mut blocks = Vec::new();
    let mut lines = body.lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let text: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push(Block {
                lang: lang.to_string(),
                text: text.join("\n") + "\n",
            });
        }
    }
    blocks
}

/// A command line split into words: double and single quotes group words, `\` continues.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_default().push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_default();
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, c) => word.get_or_insert_default().push(c),
        }
    }
    assert!(quote.is_none(), "unclosed quote in `{line}`");
    words.extend(word);
    words
}

/// The commands of a shell block, without comments, continued lines joined.
fn commands(block: &str) -> Vec<Vec<String>> {
    let joined = block.replace("\\\n", " ");
    joined
        .lines()
        .map(|line| line.split(" #").next().unwrap().trim())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(words)
        .collect()
}

/// Runs one README command in `dir` (`cd` moves it); every hindsight command must succeed,
/// and the project must lint without errors after it.
fn run_command(dir: &mut PathBuf, words: &[String]) {
    match words[0].as_str() {
        "cd" => *dir = dir.join(&words[1]),
        "hindsight" => {
            let out = output(hindsight(dir).args(&words[1..]));
            assert_eq!(out.code, 0, "{words:?}\n{}{}", out.stdout, out.stderr);
            // `init DIR` is run from outside the project it starts.
            match words[1].as_str() {
                "init" => assert_lints(&dir.join(&words[2])),
                _ => assert_lints(dir),
            }
        }
        other => panic!("the walk-through runs `{other}`, which the test cannot run"),
    }
}

fn assert_lints(dir: &Path) {
    let out = output(hindsight(dir).arg("lint"));
    assert_eq!(
        out.code, 0,
        "lint after a step:\n{}{}",
        out.stdout, out.stderr
    );
}

/// The top-level key that starts `line`, if it starts one.
fn key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    (!line.starts_with([' ', '#', '-']) && !key.contains(' ')).then_some(key)
}

/// `record` with each commented-out section that `fill` gives (`# key: …` and the `#   …`
/// lines after it, as `new --announce` writes them) replaced by its written value.
fn fill_record(record: &str, fill: &str) -> String {
    let mut values: Vec<(String, String)> = Vec::new();
    for line in fill.lines() {
        match key(line) {
            Some(k) => values.push((k.to_string(), format!("{line}\n"))),
            None => values.last_mut().unwrap().1.push_str(&format!("{line}\n")),
        }
    }
    let mut out = String::new();
    let mut filled = Vec::new();
    let mut lines = record.lines().peekable();
    while let Some(line) = lines.next() {
        let commented = line.strip_prefix("# ").and_then(key);
        let Some((k, value)) = commented.and_then(|k| values.iter().find(|(v, _)| v == k)) else {
            out.push_str(&format!("{line}\n"));
            continue;
        };
        while lines.next_if(|l| l.starts_with("#  ")).is_some() {}
        out.push_str(value);
        filled.push(k.clone());
    }
    let keys: Vec<&String> = values.iter().map(|(k, _)| k).collect();
    assert_eq!(
        filled.iter().collect::<Vec<_>>(),
        keys,
        "the record:\n{record}"
    );
    let todo = |l: &&str| !l.trim_start().starts_with('#') && l.contains("TODO");
    assert!(
        !out.lines().any(|l| todo(&l)),
        "the README leaves sections to write:\n{out}"
    );
    out
}

/// The one-line setting `edit` in place of the line of the same key in `config`.
fn set_config(config: &str, edit: &str) -> String {
    let k = key(edit).unwrap();
    assert!(config.lines().any(|l| key(l) == Some(k)), "{config}");
    config
        .lines()
        .map(|l| {
            if key(l) == Some(k) {
                edit.trim_end()
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The page's text without tags, spaces collapsed.
fn text(out: &Path, page: &str) -> String {
    let html = read(out, page);
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `heading-<name>` message of `lang`'s postmortem strings.
fn heading(lang: &str, name: &str) -> String {
    let ftl = fs::read_to_string(repo().join(format!("locales/{lang}/postmortem.ftl"))).unwrap();
    let prefix = format!("heading-{name} = ");
    ftl.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap()
        .to_string()
}

fn in_order(haystack: &str, needles: &[&str]) {
    let mut at = 0;
    for needle in needles {
        let found = haystack[at..].find(needle);
        assert!(
            found.is_some(),
            "`{needle}` missing or out of order in:\n{haystack}"
        );
        at += found.unwrap() + needle.len();
    }
}

/// What the site must show after the walk-through's `n`th build, while the incident runs.
fn check_build(n: usize, public: &Path, updates: &[String]) {
    let home = text(public, "en/index.html");
    let page = text(public, &format!("en/incidents/{ID}.html"));
    let api = &common::api(public, "incidents.json")["incidents"][0];
    match n {
        // Announced: the first update, and the state `new --affected` gave.
        1 => {
            in_order(
                &home,
                &["Investigating", &updates[0], "Website Degraded performance"],
            );
            assert!(!home.contains("All systems operational"), "{home}");
            assert_eq!(api["status"], "investigating", "{api}");
        }
        // The cause is known, and the outage worse.
        2 => {
            in_order(&home, &["Identified", &updates[1], "Website Major outage"]);
            assert!(!home.contains(&updates[0]), "{home}");
            assert_eq!(api["status"], "identified", "{api}");
        }
        // Resolved: every update on the incident's page, the postmortem still to come.
        3 => {
            assert!(home.contains("All systems operational"), "{home}");
            assert!(home.contains("Website Operational"), "{home}");
            in_order(
                &page,
                &[
                    "Its postmortem is being written",
                    &updates[0],
                    "Investigating",
                    &updates[1],
                    "Identified",
                    &updates[2],
                    "Monitoring",
                    &updates[3],
                    "Resolved",
                ],
            );
            assert!(page.contains("Website: major outage"), "{page}");
            assert_eq!(api["status"], "resolved", "{api}");
            // Until the postmortem is written, the history and the feed tell the last update.
            in_order(&home, &["Checkout fails for card payments", &updates[3]]);
            let feed = read(public, "en/feed.atom");
            assert!(feed.contains(&updates[3]), "{feed}");
            assert!(api["resolved_at"].is_string(), "{api}");
        }
        _ => panic!("the walk-through builds {n} times before the postmortem"),
    }
}

#[test]
fn the_readme_walk_through_runs_the_incident_and_publishes_the_postmortem() {
    let blocks = section_blocks();
    let shell: Vec<&Block> = blocks.iter().filter(|b| b.lang == "sh").collect();
    let yaml: Vec<&Block> = blocks.iter().filter(|b| b.lang == "yaml").collect();
    assert_eq!(
        (shell.len(), yaml.len()),
        (3, 2),
        "the section's code blocks changed"
    );
    let (fill, languages) = (&yaml[0].text, &yaml[1].text);
    // The text of each update: the last word of each `new --announce`, `update` and
    // `resolve` line (the `--at` after `--announce` comes last on `new`'s line).
    let updates: Vec<String> = shell[..2]
        .iter()
        .flat_map(|b| commands(&b.text))
        .filter_map(|c| match c.get(1).map(String::as_str) {
            Some("new") => c.iter().skip_while(|w| *w != "--announce").nth(1).cloned(),
            Some("update" | "resolve") => c.last().cloned(),
            _ => None,
        })
        .collect();
    assert_eq!(updates.len(), 4, "{updates:?}");

    let temp = tempfile::tempdir().unwrap();
    let mut dir = temp.path().to_path_buf();
    let mut builds = 0;
    for command in shell[..2].iter().flat_map(|b| commands(&b.text)) {
        run_command(&mut dir, &command);
        if command.get(1).map(String::as_str) == Some("build") {
            builds += 1;
            check_build(builds, &dir.join("public"), &updates);
        }
    }
    assert_eq!(builds, 3);

    let record = dir.join(format!("incidents/{ID}.yaml"));
    // `resolve` filled in the `# resolved:` line that `new` left among the milestones.
    let resolved = fs::read_to_string(&record).unwrap();
    assert!(
        resolved.contains("# mitigated:\nresolved: 2026-11-22 10:50\n"),
        "{resolved}"
    );
    let filled = fill_record(&fs::read_to_string(&record).unwrap(), fill);
    fs::write(&record, filled).unwrap();
    assert_lints(&dir);
    let config = dir.join("site/config.yaml");
    fs::write(
        &config,
        set_config(&fs::read_to_string(&config).unwrap(), languages),
    )
    .unwrap();
    assert_lints(&dir);

    for command in commands(&shell[2].text) {
        run_command(&mut dir, &command);
    }

    let public = dir.join("public");
    let page = text(&public, &format!("en/incidents/{ID}.html"));
    assert!(!page.contains("Its postmortem is being written"), "{page}");
    in_order(&page, &[&updates[0], &updates[1], &updates[2], &updates[3]]);
    let home = text(&public, "en/index.html");
    assert!(home.contains("All systems operational"), "{home}");
    in_order(
        &home,
        &["Checkout fails for card payments", "Postmortem published"],
    );
    let incident = &common::api(&public, "incidents.json")["incidents"][0];
    assert_eq!(incident["status"], "postmortem", "{incident}");

    for lang in ["en", "de", "ja", "zh"] {
        let page = text(&public, &format!("{lang}/incidents/{ID}.html"));
        for (name, value) in [
            ("summary", "customers saw \"payment declined\""),
            ("root-cause", "nothing watched its expiry date"),
            ("lessons", "nothing warned us before the expiry"),
        ] {
            in_order(&page, &[&heading(lang, name), value]);
        }
    }
}
