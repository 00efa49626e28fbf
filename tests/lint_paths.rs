//! One rule path: the streaming lint (a record and its overlays at a time) and the check of a
//! loaded corpus (what build and serve run) give the same report on every rule fixture and
//! on the example project, and one-record commands read only the record they touch.

mod common;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use common::Project;
use hindsight::{check, discover, load, report};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(common::NOW.parse().unwrap(), 0).unwrap()
}

/// Both paths over the project at `root`, reporting on `paths`: the reports must be equal,
/// and so must the human report, which quotes the lines of the files with findings.
fn assert_same_report(root: &Path, paths: &[PathBuf]) -> usize {
    let sources = discover::discover(root, paths).unwrap();
    let corpus = load::load(&sources).unwrap();
    let whole = check::check(&corpus, now());
    let streamed = check::lint(&sources, now(), true).unwrap();
    assert_eq!(
        format!("{:?}", streamed.report),
        format!("{whole:?}"),
        "{}",
        root.display()
    );
    let texts: report::Sources<'_> = streamed
        .texts
        .iter()
        .map(|source| (source.path.as_path(), source.text.as_str()))
        .collect();
    assert_eq!(
        report::human(&streamed.report, &texts, false),
        report::human(&whole, &report::sources(&corpus), false),
        "{}",
        root.display()
    );
    let without_texts = check::lint(&sources, now(), false).unwrap();
    assert!(without_texts.texts.is_empty());
    assert_eq!(format!("{:?}", without_texts.report), format!("{whole:?}"));
    whole.diagnostics.len()
}

#[test]
fn streaming_and_corpus_lint_agree_on_every_rule_fixture() {
    let rules = common::fixture("rules");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&rules)
        .unwrap()
        .flat_map(|rule| std::fs::read_dir(rule.unwrap().path()).unwrap())
        .map(|variant| variant.unwrap().path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 60, "{} fixtures", dirs.len());
    let mut findings = 0;
    for dir in dirs {
        let rule = dir.parent().unwrap().file_name().unwrap().to_str().unwrap();
        let variant = dir.file_name().unwrap().to_str().unwrap();
        let project = Project::fixture(&format!("rules/{rule}/{variant}"));
        findings += assert_same_report(project.root(), &[]);
    }
    assert!(findings >= 40, "the fixtures report {findings} findings");
}

#[test]
fn streaming_and_corpus_lint_agree_on_the_example_project_and_a_selection() {
    let repo = common::repo();
    assert_same_report(repo, &[]);
    let record = repo.join("incidents/2023-12-17-logto-image-deleted.yaml");
    assert_same_report(repo, &[record]);
}

#[test]
fn cross_file_findings_quote_their_lines_in_the_streaming_lint() {
    // Each group is dropped once checked: the files the cross-file rules report on are read
    // again for their lines.
    let window = |from: &str, until: &str| {
        format!(
            "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected: {{api: under_maintenance}}\nscheduled_for: {from}\nscheduled_until: {until}\nsummary: Work.\n"
        )
    };
    let project = Project::new()
        .record(
            "2024-03-05-db.yaml",
            window("2024-03-05 22:00", "2024-03-05 23:30"),
        )
        .record(
            "2024-03-05-cache.yaml",
            window("2024-03-05 23:00", "2024-03-06 00:30"),
        )
        .record(
            "2024-03-05-db/2024-03-05-db.yaml",
            window("2024-04-05 22:00", "2024-04-05 23:30"),
        );
    let out = project.lint(&[]);
    assert!(
        out.stdout.contains("scheduled_for: 2024-03-05 23:00"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("duplicate-id"), "{}", out.stdout);
    assert!(out.stdout.contains("maintenance-overlap"), "{}", out.stdout);
    assert_same_report(project.root(), &[]);
}

#[test]
fn a_folder_named_on_the_command_line_reports_its_refused_links_as_lint_does() {
    // Build fails on a link to nothing or out of the project: naming the folder that holds
    // it (`lint .` in CI) must not pass.
    let project = Project::new();
    let outside = project.dir().join("elsewhere.yaml");
    std::fs::write(&outside, "title: x\n").unwrap();
    let incidents = project.path("incidents");
    std::os::unix::fs::symlink("nothing", incidents.join("2024-01-02-dangling.yaml")).unwrap();
    std::os::unix::fs::symlink(&outside, incidents.join("2024-01-03-outside.yaml")).unwrap();
    for args in [&[][..], &["."], &["incidents"]] {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        let out = project.lint(&args);
        assert_eq!(out.code, 1, "lint {args:?}: {}{}", out.stdout, out.stderr);
        let refused: Vec<_> = out
            .diagnostics()
            .into_iter()
            .filter(|d| d["rule"] == "irregular-file")
            .map(|d| d["file"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            refused,
            [
                "incidents/2024-01-02-dangling.yaml",
                "incidents/2024-01-03-outside.yaml"
            ],
            "lint {args:?}"
        );
    }
}
