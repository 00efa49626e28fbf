//! `lint --cache`: the same output and exit code as `lint` in every format, cold, warm and
//! after an edit; a damaged cache ignored with a warning; never written without the flag or
//! through a link into the project's inputs.

mod common;

use std::fs;

use common::Project;

const RECORDS: &[&str] = &[
    "incidents/2017-07-28-inria-ci-vms-destroyed.yaml",
    "incidents/2017-10-27-monzo-payments-outage.yaml",
    "incidents/2020-07-05-docker-hub-pulls-hang.yaml",
    "incidents/2023-12-17-logto-image-deleted.yaml",
    "incidents/2023-12-17-logto-image-deleted.de.yaml",
    "incidents/2023-12-17-logto-image-deleted.ja.yaml",
    "incidents/2026-12-05-logto-cloud-database-upgrade.yaml",
    "incidents/2026-12-05-logto-cloud-database-upgrade.de.yaml",
];

const FORMATS: &[&str] = &["human", "json", "sarif", "github"];

/// (exit code, stdout) of `lint` in each format, with `extra` arguments.
fn lints(project: &Project, extra: &[&str]) -> Vec<(i32, String, String)> {
    FORMATS
        .iter()
        .map(|format| {
            let mut args = vec!["--format", format];
            args.extend(extra);
            project.lint(&args).parts()
        })
        .collect()
}

fn outputs(runs: &[(i32, String, String)]) -> Vec<(i32, &str)> {
    runs.iter()
        .map(|(code, stdout, _)| (*code, stdout.as_str()))
        .collect()
}

#[test]
fn lint_with_the_cache_prints_what_lint_prints_in_every_format() {
    let project = Project::example(RECORDS).record("2024-01-01-broken.yaml", "title: [\n");
    let plain = lints(&project, &[]);
    assert!(
        plain.iter().all(|(code, _, _)| *code == 1),
        "the fixture has errors"
    );
    assert!(
        !project.path(".hindsight-cache").exists(),
        "lint writes nothing without --cache"
    );
    for run in ["cold", "warm"] {
        let cached = lints(&project, &["--cache"]);
        assert_eq!(outputs(&cached), outputs(&plain), "{run}");
        for (_, _, stderr) in &cached {
            assert!(!stderr.contains("warning: the lint cache"), "{stderr}");
        }
    }
    let cache = project.path(".hindsight-cache/lint");
    let inode =
        |path: &std::path::Path| std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap());
    let before = inode(&cache);
    lints(&project, &["--cache"]);
    assert_eq!(
        inode(&cache),
        before,
        "a lint that changed nothing writes nothing"
    );
    // One edit that changes the findings, and one that removes the broken record.
    let record = project.path(RECORDS[3]);
    let text = fs::read_to_string(&record).unwrap();
    fs::write(&record, text.replacen("title:", "titel:", 1)).unwrap();
    fs::remove_file(project.path("incidents/2024-01-01-broken.yaml")).unwrap();
    let plain = lints(&project, &[]);
    assert_eq!(outputs(&lints(&project, &["--cache"])), outputs(&plain));
    assert!(plain[1].1.contains("titel"), "{}", plain[1].1);
}

#[test]
fn a_damaged_cache_is_ignored_with_a_warning() {
    let project = Project::example(RECORDS);
    let plain = lints(&project, &[]);
    lints(&project, &["--cache"]);
    let file = project.path(".hindsight-cache/lint");
    let mut bytes = fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    fs::write(&file, &bytes).unwrap();
    let (code, stdout, stderr) = project.lint(&["--format", "json", "--cache"]).parts();
    assert_eq!((code, stdout.as_str()), (plain[1].0, plain[1].1.as_str()));
    assert!(
        stderr.contains("warning: the lint cache")
            && stderr.contains("is unreadable and was ignored (it fails its checksum)"),
        "{stderr}"
    );
    let (_, _, stderr) = project.lint(&["--format", "json", "--cache"]).parts();
    assert!(!stderr.contains("warning"), "rewritten: {stderr}");
}

#[test]
fn the_cache_is_never_written_through_a_link_into_the_inputs() {
    let project = Project::example(RECORDS);
    let plain = lints(&project, &[]);
    std::os::unix::fs::symlink(project.path("incidents"), project.path(".hindsight-cache"))
        .unwrap();
    let before: Vec<_> = fs::read_dir(project.path("incidents")).unwrap().collect();
    let (code, stdout, stderr) = project.lint(&["--format", "json", "--cache"]).parts();
    assert_eq!((code, stdout.as_str()), (plain[1].0, plain[1].1.as_str()));
    assert!(
        stderr.contains("the lint cache was not written") && stderr.contains("symbolic link"),
        "{stderr}"
    );
    let after: Vec<_> = fs::read_dir(project.path("incidents")).unwrap().collect();
    assert_eq!(after.len(), before.len());
    assert!(!project.path("incidents/lint").exists());
}

#[test]
fn a_site_named_lint_keeps_its_build_cache_apart_from_the_lint_cache() {
    let project = Project::example(RECORDS);
    let plain = lints(&project, &[]);
    lints(&project, &["--cache"]);
    let lint_cache = fs::read(project.path(".hindsight-cache/lint")).unwrap();
    let (code, _, stderr) = project.run(&["build", "--out", "lint"]).parts();
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("cache"), "{stderr}");
    assert!(
        project
            .path(".hindsight-cache/build/lint/manifest")
            .is_file()
    );
    assert_eq!(
        fs::read(project.path(".hindsight-cache/lint")).unwrap(),
        lint_cache
    );
    let (code, stdout, stderr) = project.lint(&["--format", "json", "--cache"]).parts();
    assert_eq!((code, stdout.as_str()), (plain[1].0, plain[1].1.as_str()));
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn a_fifo_or_a_huge_file_at_the_cache_place_is_ignored_without_a_hang() {
    let project = Project::example(RECORDS);
    let plain = lints(&project, &[]);
    fs::create_dir(project.path(".hindsight-cache")).unwrap();
    let cache = project.path(".hindsight-cache/lint");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &cache,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    // No writer ever opens the FIFO: a read of it waits for ever.
    let run = |project: &Project| {
        common::run(
            project
                .cmd()
                .args(["lint", "--format", "json", "--cache"])
                .timeout(std::time::Duration::from_secs(30)),
        )
    };
    let (code, stdout, stderr) = run(&project);
    assert_eq!((code, stdout.as_str()), (plain[1].0, plain[1].1.as_str()));
    assert!(
        stderr.contains("cannot be read (it is not a regular file)"),
        "{stderr}"
    );
    fs::remove_file(&cache).unwrap();
    // A sparse file: no disk used, but a lint that read it whole would hold 4 GiB.
    fs::File::create(&cache).unwrap().set_len(4 << 30).unwrap();
    let (code, stdout, stderr) = run(&project);
    assert_eq!((code, stdout.as_str()), (plain[1].0, plain[1].1.as_str()));
    assert!(stderr.contains("it is larger than 256 MiB"), "{stderr}");
    assert!(
        fs::metadata(&cache).unwrap().len() < 1 << 20,
        "and is replaced by a cache"
    );
}
