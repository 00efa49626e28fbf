//! What every command guarantees about the user's files (SECURITY.md): outputs never land on
//! inputs, git trees, `/` or home, whatever the path tricks; killed and interrupted builds
//! leave a whole site and no debris; files keep their modes; only project files are read.
//! One module per subject; the fixture copy and the file snapshot below are shared by them.

#[path = "../common/mod.rs"]
mod common;

mod inputs;
mod interrupts;
mod lint;
mod outputs;
mod reproducible;

use std::fs;
use std::path::{Path, PathBuf};

use common::Project;

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
