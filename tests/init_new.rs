//! `hindsight init` and `hindsight new` end to end: a new project builds at once, and a new
//! record lints as a draft.

mod common;

use std::fs;

use common::{hindsight, run};

#[test]
fn init_then_build_succeeds_and_a_second_init_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(hindsight(dir.path()).args(["init", "demo"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("created demo/site/config.yaml"), "{stdout}");
    let demo = dir.path().join("demo");
    for file in [
        "site/config.yaml",
        "incidents/.gitkeep",
        ".gitignore",
        ".editorconfig",
        ".github/workflows/hindsight.yml",
    ] {
        assert!(demo.join(file).is_file(), "{file}");
    }
    let (code, _, stderr) = run(hindsight(dir.path()).args(["--root", "demo", "build"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(demo.join("public/index.html").is_file());

    fs::write(demo.join("site/config.yaml"), "title: Mine\n").unwrap();
    let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "demo"]));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("demo is not empty") && stderr.contains("--force"),
        "{stderr}"
    );
    let (code, stdout, _) = run(hindsight(dir.path()).args(["init", "demo", "--force"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("skipped demo/site/config.yaml"), "{stdout}");
    assert_eq!(
        fs::read_to_string(demo.join("site/config.yaml")).unwrap(),
        "title: Mine\n"
    );
}

#[test]
fn init_in_every_language_builds() {
    for lang in ["de", "ja", "zh"] {
        let dir = tempfile::tempdir().unwrap();
        let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "p", "--lang", lang]));
        assert_eq!(code, 0, "{stderr}");
        let (code, _, stderr) = run(hindsight(dir.path()).args(["--root", "p", "build"]));
        assert_eq!(code, 0, "{lang}: {stderr}");
    }
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "p", "--lang", "fr"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`fr`") && stderr.contains("en, de, ja, zh"),
        "{stderr}"
    );
}
