//! Where outputs may land: `build --out` and `render -o` refuse the project's inputs, home,
//! git work trees and `/` however they are spelled; a new file gets 0666 less the umask, and
//! `translate` keeps an overlay's mode and refuses a read-only one.

use std::fs;
use std::os::unix::fs::PermissionsExt as _;

use crate::common::hindsight;
use crate::{RECORD, project, snapshot};

#[test]
fn an_out_that_resolves_to_the_project_or_its_inputs_is_refused() {
    let (dir, root) = project();
    std::os::unix::fs::symlink(root.join("incidents"), root.join("link")).unwrap();
    let before = snapshot(dir.dir());
    for out in [
        "missing/../incidents",
        "a/b/../../site",
        "incidents",
        "site/",
        "templates/out",
        "locales",
        ".",
        "..",
        "missing/../../project",
        "link",
        "link/../site",
        "/",
    ] {
        let output = hindsight(&root)
            .args(["build", "--out", out])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "--out {out}: {stderr}");
        assert!(
            stderr.contains("refusing to build the site into"),
            "--out {out}: {stderr}"
        );
        assert_eq!(snapshot(dir.dir()), before, "--out {out} changed files");
        assert!(!root.join("missing").exists() && !root.join("a").exists());
    }
}

#[test]
fn the_home_folder_and_git_work_trees_are_never_replaced() {
    let (dir, root) = project();
    let home = dir.dir().join("home");
    fs::create_dir_all(home.join("notes")).unwrap();
    fs::write(home.join("notes/todo.txt"), "mine").unwrap();
    let repo = dir.dir().join("pages");
    fs::create_dir_all(repo.join(".git")).unwrap();
    let before = snapshot(dir.dir());
    for out in [home.clone(), dir.dir().to_path_buf(), repo.clone()] {
        let output = hindsight(&root)
            .env("HOME", &home)
            .arg("build")
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{out:?}");
        assert_eq!(snapshot(dir.dir()), before);
    }
}

#[test]
fn render_writes_where_asked_and_never_over_an_input() {
    let (_dir, root) = project();
    let record = fs::read(root.join(RECORD)).unwrap();
    for out in [RECORD, "incidents/new.md", "site/config.yaml", "incidents"] {
        assert_render_refused(&root, out);
    }
    assert_eq!(fs::read(root.join(RECORD)).unwrap(), record);
    assert!(!root.join("incidents/new.md").exists());

    let output = hindsight(&root)
        .args(["render", RECORD, "-o", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# API down"));
    assert!(!root.join("-").exists(), "`-o -` is standard output");

    fs::File::create(root.join("reference")).unwrap();
    hindsight(&root)
        .args(["render", RECORD, "-o", "out/api.md"])
        .assert()
        .success();
    let mode = |path: &str| fs::metadata(root.join(path)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("out/api.md"), mode("reference"), "0666 less the umask");
}

#[test]
fn translate_keeps_an_overlays_mode_and_refuses_a_read_only_one() {
    let (_dir, root) = project();
    let overlay = root.join("incidents/2026-11-20-api-down.de.yaml");
    fs::set_permissions(&overlay, fs::Permissions::from_mode(0o664)).unwrap();
    hindsight(&root)
        .args(["translate", RECORD, "--to", "de"])
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&overlay).unwrap().permissions().mode() & 0o777,
        0o664
    );

    fs::set_permissions(&overlay, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&overlay).unwrap();
    fs::write(
        root.join(RECORD),
        fs::read_to_string(root.join(RECORD))
            .unwrap()
            .replace("API down", "API unavailable"),
    )
    .unwrap();
    let output = hindsight(&root)
        .args(["translate", RECORD, "--to", "de"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("read-only"));
    assert_eq!(fs::read(&overlay).unwrap(), before);
}

#[test]
fn render_never_overwrites_a_record_reached_through_a_link() {
    let (_dir, root) = project();
    fs::create_dir(root.join("archive")).unwrap();
    let partial = "incidents/2026-11-20-api-partial.yaml";
    fs::rename(root.join(partial), root.join("archive/api-partial.yaml")).unwrap();
    std::os::unix::fs::symlink("../archive/api-partial.yaml", root.join(partial)).unwrap();
    let before = fs::read(root.join("archive/api-partial.yaml")).unwrap();
    for out in [partial, "archive/api-partial.yaml", "newdir/"] {
        assert_render_refused(&root, out);
    }
    assert_eq!(
        fs::read(root.join("archive/api-partial.yaml")).unwrap(),
        before
    );
    assert!(!root.join("newdir").exists());
}

#[test]
fn render_never_overwrites_a_record_of_another_group_in_a_subfolder_or_a_linked_folder() {
    let (_dir, root) = project();
    let partial = "2026-11-20-api-partial.yaml";
    fs::create_dir_all(root.join("incidents/2025")).unwrap();
    fs::create_dir(root.join("archive")).unwrap();
    fs::rename(
        root.join("incidents").join(partial),
        root.join("archive").join(partial),
    )
    .unwrap();
    std::os::unix::fs::symlink("../archive", root.join("incidents/old")).unwrap();
    fs::write(root.join("incidents/2025/2025-01-01-old.yaml"), "kept").unwrap();
    for out in [
        "archive/2026-11-20-api-partial.yaml",
        "incidents/old/2026-11-20-api-partial.yaml",
        "incidents/2025/2025-01-01-old.yaml",
    ] {
        let before = fs::read(root.join(out)).unwrap();
        assert_render_refused(&root, out);
        assert_eq!(fs::read(root.join(out)).unwrap(), before, "-o {out}");
    }
}

/// `render RECORD -o out` in the project at `root` refuses to write, exit 2.
fn assert_render_refused(root: &std::path::Path, out: &str) {
    let output = hindsight(root)
        .args(["render", RECORD, "-o", out])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "-o {out}: {stderr}");
    assert!(stderr.contains("refusing to write"), "-o {out}: {stderr}");
}
