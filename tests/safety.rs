//! What every command guarantees about the user's files (SECURITY.md): outputs never land on
//! inputs, git trees, `/` or home, whatever the path tricks; killed and interrupted builds
//! leave a whole site and no debris; files keep their modes; only project files are read.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{NOW, Project, hindsight};

const RECORD: &str = "incidents/2026-11-20-api-down.yaml";

/// A copy of the build fixture in a temporary folder, and its root `<tmp>/project`.
fn project() -> (Project, PathBuf) {
    let project = Project::fixture("build/uptime");
    let root = project.root().to_path_buf();
    (project, root)
}

/// Every file below `dir` with its bytes, in order: what must stay as it was.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if fs::symlink_metadata(&path).unwrap().is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).unwrap_or_default();
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

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
            .collect();
        assert_eq!(debris, Vec::<String>::new(), "round {round}");
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
            ["incidents", "public", "site"],
            "no staging folders are left"
        );
    }
}

#[test]
fn render_writes_where_asked_and_never_over_an_input() {
    let (_dir, root) = project();
    let record = fs::read(root.join(RECORD)).unwrap();
    for out in [RECORD, "incidents/new.md", "site/config.yaml", "incidents"] {
        let output = hindsight(&root)
            .args(["render", RECORD, "-o", out])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "-o {out}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("refusing to write"));
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
fn no_source_date_epoch_panics() {
    let (_dir, root) = project();
    for value in [
        "-1",
        "253402300800",
        "9223372036854775807",
        "-9223372036854775808",
        "soon",
    ] {
        let output = hindsight(&root)
            .env("SOURCE_DATE_EPOCH", value)
            .arg("build")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{value}: {stderr}");
        assert!(stderr.contains("SOURCE_DATE_EPOCH"), "{value}: {stderr}");
    }
    for value in ["0", "253402300799"] {
        let output = hindsight(&root)
            .env("SOURCE_DATE_EPOCH", value)
            .arg("build")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{value}: {stderr}");
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{value}: {stderr}"
        );
    }
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

#[test]
fn a_step_back_of_minutes_in_the_timeline_is_an_error() {
    let (dir, root) = project();
    let record = root.join("incidents/2026-11-20-api-partial.yaml");
    let text = fs::read_to_string(&record).unwrap();
    let text = format!(
        "{text}timeline:\n  - at: 2026-11-20T10:40:00Z\n    text: Canary disabled.\n  - at: \"10:20\"\n    text: Rollback starts.\n"
    );
    fs::write(&record, text).unwrap();
    let (code, diagnostics) = dir.lint_json();
    assert_eq!(code, 1);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["rule"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(errors, [("timeline-order", 20)]);
}

#[test]
fn the_same_inputs_and_now_give_byte_identical_sites() {
    let (_dir, root) = project();
    let site = |out: &str| {
        hindsight(&root)
            .args(["build", "--out", out])
            .assert()
            .success();
        let out = root.join(out);
        snapshot(&out)
            .into_iter()
            .map(|(path, bytes)| (path.strip_prefix(&out).unwrap().to_path_buf(), bytes))
            .collect::<Vec<_>>()
    };
    let first = site("one");
    assert!(first.len() > 30);
    assert_eq!(site("two"), first);
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
        let output = hindsight(&root)
            .args(["render", RECORD, "-o", out])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "-o {out}: {stderr}");
        assert!(stderr.contains("refusing to write"), "-o {out}: {stderr}");
    }
    assert_eq!(
        fs::read(root.join("archive/api-partial.yaml")).unwrap(),
        before
    );
    assert!(!root.join("newdir").exists());
}

#[test]
fn a_project_cannot_turn_off_what_the_build_needs() {
    let (_dir, root) = project();
    let config = fs::read_to_string(root.join("site/config.yaml")).unwrap();
    for (base_url, lint) in [
        ("ftp://example.test/", "invalid-value: \"off\""),
        (
            "\"https://example.test/\\nDisallow: /\"",
            "invalid-config: \"off\"",
        ),
        (
            "\"https://example.test/\\nDisallow: /\"",
            "invalid-value: \"off\"\n  missing-field: \"off\"",
        ),
    ] {
        let edited = config.replace(
            "base_url: https://example.test/status",
            &format!("base_url: {base_url}\nlint:\n  {lint}"),
        );
        fs::write(root.join("site/config.yaml"), edited).unwrap();
        let lint = hindsight(&root).arg("lint").output().unwrap();
        let build = hindsight(&root).arg("build").output().unwrap();
        assert_eq!(lint.status.code(), Some(1), "{base_url} {lint:?}");
        assert_eq!(build.status.code(), Some(1), "{base_url} {build:?}");
        assert!(!root.join("public/robots.txt").exists());
    }
}
