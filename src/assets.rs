//! Built-in templates and locales, embedded in the binary, and the one rule by which a
//! project's own file of the same name takes precedence over them.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

/// An embedded file: its path under `templates/` or `locales/`, and its text.
pub(crate) type Embedded = (&'static str, &'static str);

pub(crate) const LOCALES: &[Embedded] = &[
    (
        "en/postmortem.ftl",
        include_str!("../locales/en/postmortem.ftl"),
    ),
    (
        "de/postmortem.ftl",
        include_str!("../locales/de/postmortem.ftl"),
    ),
    (
        "ja/postmortem.ftl",
        include_str!("../locales/ja/postmortem.ftl"),
    ),
    (
        "zh/postmortem.ftl",
        include_str!("../locales/zh/postmortem.ftl"),
    ),
];

pub(crate) const TEMPLATES: &[Embedded] = &[
    ("postmortem.md", include_str!("../templates/postmortem.md")),
    (
        "postmortem.html",
        include_str!("../templates/postmortem.html"),
    ),
    (
        "postmortem.css",
        include_str!("../templates/postmortem.css"),
    ),
];

/// A project file is read only up to this size; templates and locales are small.
const MAX_PROJECT_FILE: u64 = 1024 * 1024;

/// One file of a layered directory: the built-in text, the project's text, or both.
#[derive(Debug, Clone)]
pub(crate) struct Layer {
    /// The path under the directory, with `/` separators (`de/postmortem.ftl`).
    pub name: String,
    pub builtin: Option<&'static str>,
    pub project: Option<ProjectFile>,
}

#[derive(Debug, Clone)]
pub(crate) struct ProjectFile {
    pub path: PathBuf,
    pub text: String,
}

impl Layer {
    /// The text in effect when a project file replaces the built-in one whole.
    pub fn effective(&self) -> &str {
        match (&self.project, self.builtin) {
            (Some(project), _) => &project.text,
            (None, Some(builtin)) => builtin,
            (None, None) => "",
        }
    }
}

/// The one fallback: the built-in files of `dir`, each paired with the project's file of the
/// same name under `<root>/<dir>/` if there is one, plus the project's files that have no
/// built-in twin. With no root, only the built-ins.
pub(crate) fn layered(
    root: Option<&Path>,
    dir: &str,
    builtins: &[Embedded],
) -> anyhow::Result<Vec<Layer>> {
    let mut layers: Vec<Layer> = builtins
        .iter()
        .map(|(name, text)| Layer {
            name: name.to_string(),
            builtin: Some(text),
            project: None,
        })
        .collect();
    let Some(root) = root else {
        return Ok(layers);
    };
    let base = root.join(dir);
    if !base.is_dir() {
        return Ok(layers);
    }
    for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read {}", base.display()))?;
        if !entry.file_type().is_file() || is_hidden(entry.path()) {
            continue;
        }
        let relative = entry.path().strip_prefix(&base).unwrap_or(entry.path());
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let project = Some(read_project_file(entry.path())?);
        match layers.iter_mut().find(|layer| layer.name == name) {
            Some(layer) => layer.project = project,
            None => layers.push(Layer {
                name,
                builtin: None,
                project,
            }),
        }
    }
    Ok(layers)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

fn read_project_file(path: &Path) -> anyhow::Result<ProjectFile> {
    let size = fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if size > MAX_PROJECT_FILE {
        bail!(
            "{} is {size} bytes; templates and locale files may be at most {MAX_PROJECT_FILE} bytes",
            path.display()
        );
    }
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "{}: byte {offset} is not valid UTF-8; save the file as UTF-8",
            path.display()
        )
    })?;
    Ok(ProjectFile {
        path: path.to_path_buf(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_file_overrides_its_builtin_twin_and_adds_new_ones() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("templates")).unwrap();
        fs::write(root.path().join("templates/postmortem.md"), "mine").unwrap();
        fs::write(root.path().join("templates/extra.md"), "extra").unwrap();
        let layers = layered(Some(root.path()), "templates", TEMPLATES).unwrap();
        let md = layers.iter().find(|l| l.name == "postmortem.md").unwrap();
        assert_eq!(md.effective(), "mine");
        let html = layers.iter().find(|l| l.name == "postmortem.html").unwrap();
        assert!(html.project.is_none() && html.effective().contains("<html"));
        assert!(
            layers
                .iter()
                .any(|l| l.name == "extra.md" && l.builtin.is_none())
        );
    }

    #[test]
    fn a_project_file_that_is_not_utf8_is_named() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("locales/de")).unwrap();
        fs::write(root.path().join("locales/de/postmortem.ftl"), b"a = \xff").unwrap();
        let error = layered(Some(root.path()), "locales", LOCALES).unwrap_err();
        assert!(format!("{error:#}").contains("postmortem.ftl: byte 4 is not valid UTF-8"));
    }
}
