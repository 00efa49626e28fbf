//! The benchmark corpus generator (examples/gen_corpus): a seed names one corpus byte for
//! byte, and what it writes is a project that lints without errors and builds.

mod common;

include!("../examples/gen_corpus/modules.rs");

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{files, hindsight, output};

/// Every file under `dir`, by its path relative to `dir`, with its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files(dir)
        .into_iter()
        .map(|path| {
            (
                path.strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(&path).unwrap(),
            )
        })
        .collect()
}

fn generate(dir: &Path, incidents: usize, seed: u64) {
    let options = corpus::Options {
        incidents,
        seed,
        hugo: true,
    };
    corpus::write_to(&options, &dir.join("project"), Some(&dir.join("hugo"))).unwrap();
}

#[test]
fn the_same_seed_writes_the_same_bytes_and_another_seed_other_ones() {
    let (first, second, third) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    generate(first.path(), 20, 7);
    generate(second.path(), 20, 7);
    generate(third.path(), 20, 8);
    let written = contents(first.path());
    // Records, overlays and four Hugo pages for each.
    assert!(written.len() > 20 * 6, "{} files", written.len());
    assert!(
        written == contents(second.path()),
        "seed 7 wrote different files"
    );
    assert!(
        written != contents(third.path()),
        "seeds 7 and 8 wrote the same files"
    );
}

#[test]
fn a_generated_project_lints_without_errors_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 60, 3);
    let root = dir.path().join("project");
    let records = std::fs::read_dir(root.join("incidents")).unwrap().count();
    assert!(
        records > 60 * 3,
        "records and their overlays: {records} files"
    );

    let lint = output(hindsight(&root).args(["lint", "--format", "json"]));
    let diagnostics = lint.diagnostics();
    // The only findings are the overlays made stale on purpose, one warning each: every
    // other pair's `source` is the record's text exactly.
    let mut rng = rng::Rng::new(3);
    let components = record::components();
    let stale: usize = (0..60)
        .map(|index| record::generate(&mut rng, index, &components))
        .filter(|incident| !incident.draft)
        .map(|incident| incident.stale.iter().filter(|&&stale| stale).count())
        .sum();
    assert!(stale > 0, "seed 3 makes some overlays stale");
    for diagnostic in &diagnostics {
        assert_eq!(diagnostic["rule"], "translation-stale", "{diagnostic}");
        assert_eq!(diagnostic["severity"], "warning", "{diagnostic}");
    }
    assert_eq!(diagnostics.len(), stale, "{}", lint.stdout);
    assert_eq!(lint.code, 0, "warnings only: {}", lint.stderr);

    let out = dir.path().join("public");
    let build = output(hindsight(&root).args(["build", "--out"]).arg(&out));
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(out.join("index.html").is_file() && out.join("de/index.html").is_file());
}

#[test]
fn a_folder_that_holds_anything_is_never_written_into() {
    let dir = tempfile::tempdir().unwrap();
    assert!(corpus::check_empty(&dir.path().join("new")).is_ok());
    assert!(corpus::check_empty(dir.path()).is_ok());
    std::fs::write(dir.path().join("notes.txt"), "ours").unwrap();
    let refused = corpus::check_empty(dir.path()).unwrap_err();
    assert!(refused.contains("is not empty"), "{refused}");
}
