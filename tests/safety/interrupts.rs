//! Killed, interrupted and concurrent builds: the site is always whole, and no staging folder
//! or other debris is left behind.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{NOW, hindsight};
use crate::{project, snapshot};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A complete site: the same files as a build that was not interrupted.
fn assert_whole_site(out: &Path, expected: &[PathBuf]) {
    let files: Vec<PathBuf> = snapshot(out)
        .into_iter()
        .map(|(path, _)| path.strip_prefix(out).unwrap().to_path_buf())
        .collect();
    assert_eq!(
        files,
        expected,
        "the site in {} is not whole",
        out.display()
    );
}

fn spawn_build(root: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .current_dir(root)
        .env("SOURCE_DATE_EPOCH", NOW)
        .args(["build"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn site_files(root: &Path) -> Vec<PathBuf> {
    let out = root.join("public");
    snapshot(&out)
        .into_iter()
        .map(|(path, _)| path.strip_prefix(&out).unwrap().to_path_buf())
        .collect()
}

/// How long a build of the fixture takes here, to spread the kills over it.
fn build_time(root: &Path) -> Duration {
    let started = Instant::now();
    hindsight(root).arg("build").assert().success();
    started.elapsed()
}

#[test]
fn killed_builds_leave_a_whole_site_and_the_next_build_removes_their_debris() {
    let (_dir, root) = project();
    let took = build_time(&root);
    let expected = site_files(&root);
    for round in 0..16u32 {
        let mut child = spawn_build(&root);
        std::thread::sleep(took * round / 12);
        child.kill().ok();
        child.wait().unwrap();
        assert_whole_site(&root.join("public"), &expected);
    }
    hindsight(&root).arg("build").assert().success();
    assert_whole_site(&root.join("public"), &expected);
    let debris: Vec<String> = names(&root)
        .into_iter()
        .filter(|name| name.starts_with(".public"))
        .collect();
    assert_eq!(debris, Vec::<String>::new());
}

#[test]
fn ctrl_c_and_sigterm_leave_the_previous_site_and_no_debris() {
    let (_dir, root) = project();
    let took = build_time(&root);
    let expected = site_files(&root);
    for round in 0..16u32 {
        let child = spawn_build(&root);
        std::thread::sleep(took * round / 12);
        let signal = if round % 2 == 0 { "-INT" } else { "-TERM" };
        Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(
            matches!(output.status.code(), Some(0 | 130) | None),
            "{:?}",
            output.status
        );
        assert_whole_site(&root.join("public"), &expected);
        let debris: Vec<String> = names(&root)
            .into_iter()
            .filter(|name| name.starts_with(".public") || name.starts_with(".hindsight"))
            // The build cache is no debris, but holds nothing but its manifest.
            .filter(|name| name != ".hindsight-cache")
            .collect();
        assert_eq!(debris, Vec::<String>::new(), "round {round}");
        let cache = root.join(".hindsight-cache/build/public");
        if cache.exists() {
            assert!(
                names(&cache).iter().all(|name| name == "manifest"),
                "round {round}"
            );
        }
    }
}

#[test]
fn two_builds_at_once_both_succeed_and_leave_one_site() {
    let (_dir, root) = project();
    hindsight(&root).arg("build").assert().success();
    let expected = site_files(&root);
    for _ in 0..3 {
        let builds: Vec<_> = (0..3).map(|_| spawn_build(&root)).collect();
        for build in builds {
            assert!(build.wait_with_output().unwrap().status.success());
        }
        assert_whole_site(&root.join("public"), &expected);
        assert_eq!(
            names(&root),
            [".hindsight-cache", "incidents", "public", "site"],
            "no staging folders are left (the build cache is beside the site)"
        );
        // The cache the last of them wrote describes the site in place: nothing to write,
        // not even the marker (the site stands as it is).
        let summary = hindsight(&root)
            .args(["build", "--format", "json"])
            .output()
            .unwrap();
        let summary: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
        assert_eq!(summary["written"], 0, "{summary}");
    }
}
