//! The project builder: a temporary project (default config, or a copied fixture), the
//! `hindsight` command run in it at the fixed "now", and what the command printed or built.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

use super::{DEFAULT_CONFIG, NOW, copy_dir, fixture};

/// A fixture that holds this file is copied without a config: it tests the missing one.
const NO_CONFIG_MARKER: &str = "no-config";
/// A failing rule fixture's list of finding lines that a comment cannot mark (see rules.rs).
pub(crate) const MARKS_FILE: &str = "marks";

/// `hindsight` run in `dir` at [`NOW`], with nothing from the caller's environment that
/// changes output (colour, terminal width), and a hang guard that is not a speed test.
pub(crate) fn hindsight(dir: &Path) -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("hindsight");
    for variable in [
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
        "TERM",
        "COLUMNS",
    ] {
        command.env_remove(variable);
    }
    command
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", NOW)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(120));
    command
}

/// What a command did: its exit code and what it printed.
#[derive(Debug)]
pub(crate) struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Standard output as JSON (`--format json`).
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", self.stdout, self.stderr))
    }

    /// The `diagnostics` of a JSON lint report.
    pub(crate) fn diagnostics(&self) -> Vec<Value> {
        self.json()["diagnostics"].as_array().unwrap().clone()
    }
}

impl Output {
    /// (exit code, stdout, stderr), for destructuring.
    pub(crate) fn parts(self) -> (i32, String, String) {
        (self.code, self.stdout, self.stderr)
    }
}

/// `command`'s (exit code, stdout, stderr); a panic in the tool fails the test.
pub(crate) fn run(command: &mut assert_cmd::Command) -> (i32, String, String) {
    output(command).parts()
}

/// Runs `command`; a panic in the tool fails the test whatever the exit code.
pub(crate) fn output(command: &mut assert_cmd::Command) -> Output {
    let output = command.output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr,
    }
}

/// A project in a temporary folder `<tmp>/project` (the folder beside it is free for
/// outputs), removed when dropped.
pub(crate) struct Project {
    dir: tempfile::TempDir,
    root: PathBuf,
}

impl Project {
    /// An empty project: `incidents/` and the default site configuration.
    pub(crate) fn new() -> Self {
        Self::bare().config(DEFAULT_CONFIG)
    }

    /// An empty project without a site configuration.
    pub(crate) fn bare() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        fs::create_dir_all(root.join("incidents")).unwrap();
        Self { dir, root }
    }

    /// A copy of `tests/fixtures/<name>`, with the default configuration unless the fixture
    /// has its own (or is marked as having none).
    pub(crate) fn fixture(name: &str) -> Self {
        let project = Self::bare();
        copy_dir(&fixture(name), &project.root);
        let _ = fs::remove_file(project.root.join(MARKS_FILE));
        let marker = project.root.join(NO_CONFIG_MARKER);
        if marker.exists() {
            fs::remove_file(marker).unwrap();
        } else if !project.root.join("site/config.yaml").exists() {
            return project.config(DEFAULT_CONFIG);
        }
        project
    }

    /// The example project's configuration and the named records (`incidents/` paths).
    pub(crate) fn example(records: &[&str]) -> Self {
        let mut project = Self::bare().config(&super::read(super::repo(), "site/config.yaml"));
        for record in records {
            project = project.file(record, super::read(super::repo(), record));
        }
        project
    }

    /// Writes `incidents/<name>` (a record, or anything else placed there).
    pub(crate) fn record(self, name: &str, yaml: impl AsRef<[u8]>) -> Self {
        self.file(&format!("incidents/{name}"), yaml)
    }

    /// Replaces the site configuration.
    pub(crate) fn config(self, yaml: &str) -> Self {
        self.file("site/config.yaml", yaml)
    }

    /// Writes `path` (relative to the project), creating its folders.
    pub(crate) fn file(self, path: &str, bytes: impl AsRef<[u8]>) -> Self {
        let path = self.root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
        self
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary folder holding the project: room for outputs beside it.
    pub(crate) fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `path` inside the project.
    pub(crate) fn path(&self, path: &str) -> PathBuf {
        self.root.join(path)
    }

    /// The text of `path` inside the project.
    pub(crate) fn read(&self, path: &str) -> String {
        super::read(&self.root, path)
    }

    /// `hindsight` run in the project at [`NOW`].
    pub(crate) fn cmd(&self) -> assert_cmd::Command {
        hindsight(&self.root)
    }

    /// `hindsight ARGS` in the project.
    pub(crate) fn run(&self, args: &[&str]) -> Output {
        output(self.cmd().args(args))
    }

    /// `hindsight lint ARGS`.
    pub(crate) fn lint(&self, args: &[&str]) -> Output {
        output(self.cmd().arg("lint").args(args))
    }

    /// The exit code and the diagnostics of `hindsight lint --format json`.
    pub(crate) fn lint_json(&self) -> (i32, Vec<Value>) {
        let out = self.lint(&["--format", "json"]);
        (out.code, out.diagnostics())
    }

    /// The error-level diagnostics of `hindsight lint --format json`.
    pub(crate) fn lint_errors(&self) -> Vec<Value> {
        let (_, diagnostics) = self.lint_json();
        diagnostics
            .into_iter()
            .filter(|d| d["severity"] == "error")
            .collect()
    }

    /// `hindsight render ARGS`.
    pub(crate) fn render(&self, args: &[&str]) -> Output {
        output(self.cmd().arg("render").args(args))
    }

    /// Builds the site into a new temporary folder `<tmp>/public`; the build must succeed.
    pub(crate) fn build(&self) -> (tempfile::TempDir, PathBuf) {
        build_into(self.cmd())
    }

    /// [`Project::build`] with "now" at `epoch` (seconds since 1970, UTC) instead of [`NOW`].
    pub(crate) fn build_at(&self, epoch: i64) -> (tempfile::TempDir, PathBuf) {
        let mut command = self.cmd();
        command.env("SOURCE_DATE_EPOCH", epoch.to_string());
        build_into(command)
    }
}

/// Builds the project at `root` (such as the example, in place) into a new temporary folder.
pub(crate) fn build(root: &Path) -> (tempfile::TempDir, PathBuf) {
    build_into(hindsight(root))
}

fn build_into(mut command: assert_cmd::Command) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    command
        .arg("build")
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    (dir, out)
}
