//! The shared test driver: the one command helper with its fixed "now" and clean
//! environment, fixture projects copied into temporary folders (with the default config
//! added), a project builder, and readers for what a command wrote.

// Each test binary compiles this module and uses only some of it.
#![allow(dead_code, unused_imports)]

mod files;
mod html;
#[allow(unreachable_pub)]
pub(crate) mod http_server;
mod project;

pub(crate) use files::{copy_dir, edit, files, read};

pub(crate) use html::live_markup;
pub(crate) use project::{MARKS_FILE, Output, Project, build, hindsight, output, run};
use serde_json::Value;

use std::path::{Path, PathBuf};

/// The tests' one "now": 2026-11-22T12:00:00Z, just after the example and build fixtures'
/// incidents (the build test's uptime figures are worked out by hand from it). The rule
/// fixtures are dated against it too: `future-time` writes 2027, `overdue-action` a due
/// date 31 days before it, and every other action is due in 2027.
pub(crate) const NOW: &str = "1795348800";

/// The repository: the example project.
pub(crate) fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<name>` in the repository (read it, never write it: copy with `Project`).
pub(crate) fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The site configuration every fixture uses unless it carries its own `site/config.yaml`.
pub(crate) const DEFAULT_CONFIG: &str = include_str!("../fixtures/default-config.yaml");

/// `text` without the `# <- rule-id` marks that failing rule fixtures carry on the lines
/// where their findings land: reports quote those lines, the reviewed outputs without them.
pub(crate) fn without_marks(text: &str) -> String {
    const MARK: &str = " # <- ";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + MARK.len()..];
        let id = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(after.len());
        rest = &after[id..];
    }
    out.push_str(rest);
    out
}

/// `api/v2/<path>` of the site built into `out`, as JSON.
pub(crate) fn api(out: &Path, path: &str) -> Value {
    serde_json::from_str(&read(out, &format!("api/v2/{path}"))).unwrap()
}
