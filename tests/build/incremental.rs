//! Incremental builds: a build that uses the cache beside the output publishes exactly what
//! a clean build publishes, whatever was edited, added, deleted or how the clock moved (and
//! so whichever incident pages it kept by their keys); the cache is never in the published
//! tree, and a refused build leaves it alone.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;

use crate::common::{NOW, Project, files};

/// Every file of a published site, by path.
fn tree(out: &Path) -> BTreeMap<String, Vec<u8>> {
    files(out)
        .into_iter()
        .map(|file| {
            let path = file
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (path, std::fs::read(&file).unwrap())
        })
        .collect()
}

/// One change to the project between two builds.
#[derive(Debug, Clone)]
enum Step {
    Record(u8),
    Overlay(u8),
    Config(u8),
    Template(u8),
    Add(u8),
    Delete(u8),
    Clock(u16),
    /// A project's locale file, over the built-in one.
    Locale(u8),
    /// A static file of site/, published as it is.
    Static(u8),
    /// A record's stat changes, not its bytes.
    Touch,
    /// Nothing changes: the build publishes nothing.
    Nothing,
    /// A published file is edited by hand (or replaced, or removed, or a file added): the
    /// next build puts the site back.
    HandEdit(u8),
    /// The project's own templates removed: incident pages have keys again.
    Untemplate,
    /// The ongoing incident resolved (1) or ongoing again (0): whether its page follows the
    /// clock, as its key says.
    Resolve(u8),
    /// A resolved incident's open action gets a due date (2026-11-23 to 25) that the clock
    /// moves pass: its `overdue-action` finding comes and goes with now.
    Due(u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..4u8).prop_map(Step::Record),
        (0..4u8).prop_map(Step::Overlay),
        (0..3u8).prop_map(Step::Config),
        (0..3u8).prop_map(Step::Template),
        (1..4u8).prop_map(Step::Add),
        (0..4u8).prop_map(Step::Delete),
        (0..96u16).prop_map(Step::Clock),
        (0..3u8).prop_map(Step::Locale),
        (0..3u8).prop_map(Step::Static),
        Just(Step::Touch),
        Just(Step::Nothing),
        (0..4u8).prop_map(Step::HandEdit),
        Just(Step::Untemplate),
        (0..2u8).prop_map(Step::Resolve),
        (0..3u8).prop_map(Step::Due),
    ]
}

/// Replaces the line of `path` that starts with `prefix`, if the file is there.
fn replace_line(project: &Project, path: &str, prefix: &str, line: &str) {
    let file = project.path(path);
    let Ok(text) = std::fs::read_to_string(&file) else {
        return;
    };
    let text: Vec<String> = text
        .lines()
        .map(|l| match l.starts_with(prefix) {
            true => line.to_string(),
            false => l.to_string(),
        })
        .collect();
    std::fs::write(&file, text.join("\n") + "\n").unwrap();
}

fn apply(project: &Project, step: &Step, now: &mut u64) {
    match *step {
        Step::Record(n) => replace_line(
            project,
            "incidents/2026-11-20-api-partial.yaml",
            "summary:",
            &format!("summary: Some API requests failed, {n} times."),
        ),
        Step::Overlay(n) => replace_line(
            project,
            "incidents/2026-11-20-api-down.de.yaml",
            "  text: Die API war",
            &format!("  text: Die API war {n} Stunden lang ausgefallen."),
        ),
        Step::Config(n) => replace_line(
            project,
            "site/config.yaml",
            "title:",
            &format!("title: {{en: Fixture Status {n}, de: Fixture-Status, ja: フィクスチャ, zh: 测试状态}}"),
        ),
        Step::Template(n) => {
            let file = project.path("templates/site/incident.html");
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            let built_in = include_str!("../../templates/site/incident.html");
            let marked = built_in.replace(
                "{%- endblock content %}",
                &format!("<!-- override {n} -->\n{{%- endblock content %}}"),
            );
            assert_ne!(marked, built_in);
            std::fs::write(file, marked).unwrap();
        }
        Step::Add(n) => std::fs::write(
            project.path(&format!("incidents/2026-11-1{n}-extra.yaml")),
            format!(
                "title: Extra {n}\nlang: en\nstatus: published\nseverity: minor\naffected:\n  web: degraded_performance\ntimezone: UTC\nstarted: 2026-11-1{n}T10:00:00Z\nresolved: 2026-11-1{n}T11:00:00Z\nsummary: Extra incident {n}.\nimpact: i\nroot_cause: r\nresolution: r\nactions:\n  - text: Check.\n    status: done\n"
            ),
        )
        .unwrap(),
        Step::Delete(n) => {
            let name = match n {
                0 => "incidents/2026-11-20-api-partial.yaml".to_string(),
                n => format!("incidents/2026-11-1{n}-extra.yaml"),
            };
            std::fs::remove_file(project.path(&name)).ok();
        }
        Step::Clock(hours) => *now = NOW.parse::<u64>().unwrap() + u64::from(hours) * 3600,
        Step::Locale(n) => {
            let file = project.path("locales/en/site.ftl");
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            let built_in = include_str!("../../locales/en/site.ftl");
            let changed = built_in.replace(
                "site-as-of = Status as of",
                &format!("site-as-of = Status {n} as of"),
            );
            assert_ne!(changed, built_in);
            std::fs::write(file, changed).unwrap();
        }
        Step::Static(n) => std::fs::write(
            project.path("site/extra.css"),
            format!("body {{ margin: {n}px }}\n"),
        )
        .unwrap(),
        Step::Touch => {
            let file = project.path("incidents/2026-11-20-api-down.yaml");
            let bytes = std::fs::read(&file).unwrap();
            std::fs::remove_file(&file).unwrap();
            std::fs::write(&file, bytes).unwrap();
        }
        Step::Nothing => {}
        Step::Untemplate => {
            std::fs::remove_dir_all(project.path("templates")).ok();
        }
        Step::Resolve(n) => {
            let file = project.path("incidents/2026-11-21-db-ongoing.yaml");
            let text = std::fs::read_to_string(&file).unwrap();
            let ongoing: Vec<&str> = text.lines().filter(|l| !l.starts_with("resolved:")).collect();
            let resolved = match n {
                0 => ongoing.join("\n"),
                _ => ongoing.join("\n").replace("summary:", "resolved: 2026-11-22T11:00:00Z\nsummary:"),
            };
            std::fs::write(file, resolved + "\n").unwrap();
        }
        Step::Due(n) => {
            let file = project.path("incidents/2026-11-20-api-partial.yaml");
            let Ok(text) = std::fs::read_to_string(&file) else {
                return;
            };
            let due = format!("    status: todo\n    due: 2026-11-2{}", 3 + n);
            let lines = text.lines().filter(|l| !l.starts_with("    due:"));
            let lines: Vec<&str> = lines
                .map(|l| if l == "    status: todo" { due.as_str() } else { l })
                .collect();
            std::fs::write(file, lines.join("\n") + "\n").unwrap();
        }
        Step::HandEdit(n) => {
            let out = project.path("out");
            let page = out.join("en/incidents/2026-11-20-api-down.html");
            match n {
                0 => {
                    let text = std::fs::read_to_string(&page).unwrap();
                    std::fs::write(&page, text.replace("<h1", "<h1 data-hand")).unwrap();
                }
                1 => std::fs::remove_file(&page).unwrap(),
                2 => std::fs::write(out.join("en/by-hand.html"), "x").unwrap(),
                _ => std::fs::create_dir_all(out.join("en/by-hand")).unwrap(),
            }
        }
    }
}

/// `hindsight build --out <out>` at `now`: its exit code.
fn build(project: &Project, out: &str, now: u64, extra: &[&str]) -> i32 {
    build_reporting(project, out, now, &[&["-q"], extra].concat()).0
}

/// `hindsight build --out <out>` at `now`: its exit code, and the findings it printed (the
/// first line and the location of each, with `-v`).
fn build_reporting(project: &Project, out: &str, now: u64, extra: &[&str]) -> (i32, String) {
    let output = project
        .cmd()
        .env("SOURCE_DATE_EPOCH", now.to_string())
        .args(["build", "--out", out])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("build cache"), "{stderr}");
    assert!(!stderr.contains("first-pass cache"), "{stderr}");
    let findings = stderr.lines().filter(|line| {
        let rule = ["error[", "warning[", "info["]
            .iter()
            .any(|s| line.starts_with(s));
        rule || line.trim_start().starts_with("-->")
    });
    let findings: Vec<&str> = findings.collect();
    (output.status.code().unwrap(), findings.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn an_incremental_build_is_byte_identical_to_a_clean_build(
        steps in proptest::collection::vec(step(), 1..5)
    ) {
        let project = Project::fixture("build/uptime");
        let mut now: u64 = NOW.parse().unwrap();
        prop_assert_eq!(build(&project, "out", now, &[]), 0);
        for (index, step) in steps.iter().enumerate() {
            apply(&project, step, &mut now);
            // Every build but the clean one uses the first pass's cache the build before
            // left (the clean one ignores it). The first may find the site standing; the
            // second, which shows each finding, checks again, and shows the same findings.
            let code = build(&project, "out", now, &[]);
            let (again, findings) = build_reporting(&project, "out", now, &["-v"]);
            prop_assert_eq!(again, code);
            let clean = format!("clean-{index}");
            let (clean_code, clean_findings) =
                build_reporting(&project, &clean, now, &["-v", "--clean"]);
            prop_assert_eq!(clean_code, code);
            prop_assert_eq!(code, 0, "{:?}", steps);
            prop_assert_eq!(&findings, &clean_findings, "after {:?}", &steps[..=index]);
            prop_assert!(
                tree(&project.path("out")) == tree(&project.path(&clean)),
                "after {:?}", &steps[..=index]
            );
            std::fs::remove_dir_all(project.path(&clean)).unwrap();
        }
    }
}

/// The inode and modification time of every published file, by path.
fn stamps(out: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt as _;
    files(out)
        .into_iter()
        // The marker is written first on every build, to mark the staging folder.
        .filter(|file| !file.ends_with(".hindsight-site"))
        .map(|file| {
            let m = std::fs::metadata(&file).unwrap();
            let path = file
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (path, (m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

#[test]
fn a_rebuild_rewrites_only_the_files_whose_bytes_changed() {
    let project = Project::fixture("build/uptime");
    let now: u64 = NOW.parse().unwrap();
    assert_eq!(build(&project, "public", now, &[]), 0);
    let first = stamps(&project.path("public"));
    assert_eq!(build(&project, "public", now, &[]), 0);
    assert_eq!(stamps(&project.path("public")), first, "nothing changed");
    let output = project.run(&["build", "--format", "json"]);
    let summary = output.json();
    assert_eq!(
        summary["written"], 0,
        "nothing, not even the marker: {summary}"
    );
    assert!(summary["files"].as_u64().unwrap() > 100);
    // What it reported is counted again, not hidden.
    assert!(
        output
            .stderr
            .contains("7 files: 0 errors, 5 warnings, as the last build reported"),
        "{}",
        output.stderr
    );
    // The clock moves: pages of the resolved incidents do not show it, the home page does.
    assert_eq!(build(&project, "public", now + 3600, &[]), 0);
    let later = stamps(&project.path("public"));
    let resolved = "en/incidents/2026-11-20-api-down.html";
    assert_eq!(later[resolved], first[resolved]);
    assert_ne!(later["en/index.html"], first["en/index.html"]);
    // `--clean` writes every file again.
    assert_eq!(build(&project, "public", now + 3600, &["--clean"]), 0);
    let clean = stamps(&project.path("public"));
    assert!(clean.iter().all(|(path, stamp)| later[path].0 != stamp.0));
}

#[test]
fn the_cache_is_beside_the_output_and_untouched_by_a_refused_build() {
    let project = Project::fixture("build/uptime");
    let now: u64 = NOW.parse().unwrap();
    assert_eq!(build(&project, "public", now, &[]), 0);
    let manifest = project.path(".hindsight-cache/build/public/manifest");
    let before = std::fs::read(&manifest).unwrap();
    assert!(
        tree(&project.path("public"))
            .keys()
            .all(|p| !p.contains("cache"))
    );
    std::fs::write(
        project.path("incidents/2026-11-22-broken.yaml"),
        "title: Broken\nlang: en\nstatus: published\nseverity: loud\n",
    )
    .unwrap();
    assert_eq!(build(&project, "public", now + 60, &[]), 1);
    assert_eq!(std::fs::read(&manifest).unwrap(), before);
}

#[test]
fn a_damaged_cache_is_reported_and_the_site_built_whole() {
    let project = Project::fixture("build/uptime");
    assert!(project.run(&["build"]).code == 0);
    let expected = tree(&project.path("public"));
    std::fs::write(
        project.path(".hindsight-cache/build/public/manifest"),
        "hindsight-cache 0\n",
    )
    .unwrap();
    let output = project.run(&["build"]);
    assert_eq!(output.code, 0);
    assert!(
        output.stderr.contains("warning: the build cache")
            && output
                .stderr
                .contains("is unreadable and was ignored (it is truncated); building everything"),
        "{}",
        output.stderr
    );
    assert_eq!(tree(&project.path("public")), expected);
}

#[test]
fn a_damaged_first_pass_cache_is_reported_and_every_record_checked() {
    let project = Project::fixture("build/uptime");
    assert!(project.run(&["build"]).code == 0);
    let cache = project.path(".hindsight-cache/build-pass1");
    assert!(std::fs::metadata(&cache).unwrap().len() > 0);
    let expected = tree(&project.path("public"));
    std::fs::write(&cache, "hindsight build first pass 0\n").unwrap();
    let output = project.run(&["build", "--clean"]);
    assert!(
        !output.stderr.contains("first-pass cache"),
        "{}",
        output.stderr
    );
    std::fs::write(&cache, "hindsight build first pass 0\n").unwrap();
    let output = project.run(&["build", "-v"]);
    assert_eq!(output.code, 0);
    assert!(
        output
            .stderr
            .contains("warning: the build's first-pass cache")
            && output
                .stderr
                .contains("is unreadable and was ignored (it is truncated); checked every file"),
        "{}",
        output.stderr
    );
    assert_eq!(tree(&project.path("public")), expected);
    // Rewritten: the next build trusts it.
    let output = project.run(&["build", "-v"]);
    assert!(
        !output.stderr.contains("first-pass cache"),
        "{}",
        output.stderr
    );
}

#[test]
fn only_pages_that_show_the_present_say_as_of_when() {
    let project = Project::fixture("build/uptime");
    assert_eq!(project.run(&["build"]).code, 0);
    let footer = |page: &str| {
        project
            .read(&format!("public/en/{page}"))
            .contains("Status as of")
    };
    // Ongoing: the incident and its month. Resolved: neither page depends on the clock.
    assert!(footer("incidents/2026-11-21-db-ongoing.html"));
    assert!(footer("history/2026-11.html"));
    assert!(footer("components/api.html"));
    assert!(!footer("incidents/2026-11-20-api-down.html"));
    assert!(!project.read("public/404.html").contains("Status as of"));
}

#[test]
fn the_cache_names_no_draft_and_holds_no_record_text() {
    let project = Project::fixture("build/uptime");
    assert_eq!(build(&project, "public", NOW.parse().unwrap(), &[]), 0);
    let manifest = std::fs::read(project.path(".hindsight-cache/build/public/manifest")).unwrap();
    let manifest = String::from_utf8_lossy(&manifest);
    assert!(manifest.contains("en/index.html"), "{manifest}");
    for private in ["2026-11-19-draft", "2026-11-18-review", "title"] {
        assert!(!manifest.contains(private), "{private}");
    }
}
