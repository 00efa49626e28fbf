//! What a command reads of the project: only its regular files (links inside are followed;
//! links out, devices and FIFOs are refused), hidden files under `site/` are not published,
//! and the project is found from a subfolder.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::hindsight;
use crate::{RECORD, project, snapshot};

#[test]
fn hidden_files_under_site_are_not_published() {
    let (_dir, root) = project();
    fs::create_dir_all(root.join("site/.secrets")).unwrap();
    fs::write(
        root.join("site/.secrets/deploy.env"),
        "TOKEN=SECRET-DEPLOY-TOKEN",
    )
    .unwrap();
    fs::write(root.join("site/.env"), "TOKEN=SECRET-DEPLOY-TOKEN").unwrap();
    hindsight(&root).arg("build").assert().success();
    for (path, bytes) in snapshot(&root.join("public")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("SECRET-DEPLOY-TOKEN"),
            "{path:?}"
        );
    }
}

#[test]
fn only_regular_files_of_the_project_are_read() {
    let (dir, root) = project();
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.yaml")).unwrap();
    let fifo = root.join("fifo.yaml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    fs::write(
        dir.dir().join("outside.yaml"),
        fs::read(root.join(RECORD)).unwrap(),
    )
    .unwrap();
    for path in ["zero.yaml", "fifo.yaml", "../outside.yaml"] {
        let output = hindsight(&root)
            .args(["--root", ".", "render", path])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{path}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("not a regular file") || stderr.contains("outside the project"),
            "{path}: {stderr}"
        );
    }
}

#[test]
fn links_inside_incidents_are_followed_and_links_out_are_reported() {
    let (dir, root) = project();
    let lint = |root: &Path| {
        hindsight(root)
            .args(["lint", "--format", "json"])
            .output()
            .unwrap()
    };
    let plain = lint(&root);
    fs::create_dir(root.join("drafts")).unwrap();
    fs::rename(root.join(RECORD), root.join("drafts/api-down.yaml")).unwrap();
    std::os::unix::fs::symlink("../drafts/api-down.yaml", root.join(RECORD)).unwrap();
    let linked = lint(&root);
    assert_eq!(linked.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(linked.stdout).unwrap(),
        String::from_utf8(plain.stdout).unwrap(),
        "a link inside the project reads as the file itself"
    );

    fs::write(dir.dir().join("elsewhere.yaml"), "title: x\n").unwrap();
    std::os::unix::fs::symlink(
        dir.dir().join("elsewhere.yaml"),
        root.join("incidents/2026-11-21-linked.yaml"),
    )
    .unwrap();
    let (code, diagnostics) = dir.lint_json();
    assert_eq!(code, 1);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["rule"].as_str().unwrap(), d["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [("irregular-file", "incidents/2026-11-21-linked.yaml")]
    );
}

#[test]
fn hindsight_finds_the_project_from_a_subfolder() {
    let (_dir, root) = project();
    let config = fs::read_to_string(root.join("site/config.yaml")).unwrap();
    fs::write(
        root.join("site/config.yaml"),
        config.replace("timezone: UTC", "timezone: Europe/Berlin"),
    )
    .unwrap();
    let record = "incidents/2026-11-21-local.yaml";
    let text = fs::read_to_string(root.join(RECORD))
        .unwrap()
        .replace("timezone: UTC\n", "")
        .replace("2026-11-20T", "2026-11-20 ")
        .replace(":00Z", "");
    fs::write(root.join(record), text).unwrap();
    let from_root = hindsight(&root).args(["render", record]).output().unwrap();
    let from_below = hindsight(&root.join("incidents"))
        .args(["render", "2026-11-21-local.yaml"])
        .output()
        .unwrap();
    assert!(from_root.status.success() && from_below.status.success());
    let page = String::from_utf8(from_below.stdout).unwrap();
    assert_eq!(page, String::from_utf8(from_root.stdout).unwrap());
    assert!(
        page.contains("CET"),
        "times are shown in the site's zone: {page}"
    );
    assert!(String::from_utf8_lossy(&from_below.stderr).is_empty());
}
