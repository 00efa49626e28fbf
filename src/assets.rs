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
    ("en/site.ftl", include_str!("../locales/en/site.ftl")),
    ("de/site.ftl", include_str!("../locales/de/site.ftl")),
    ("ja/site.ftl", include_str!("../locales/ja/site.ftl")),
    ("zh/site.ftl", include_str!("../locales/zh/site.ftl")),
    ("en/new.ftl", include_str!("../locales/en/new.ftl")),
    ("de/new.ftl", include_str!("../locales/de/new.ftl")),
    ("ja/new.ftl", include_str!("../locales/ja/new.ftl")),
    ("zh/new.ftl", include_str!("../locales/zh/new.ftl")),
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
    (
        "postmortem-article.html",
        include_str!("../templates/postmortem-article.html"),
    ),
    (
        "site/base.html",
        include_str!("../templates/site/base.html"),
    ),
    (
        "site/home.html",
        include_str!("../templates/site/home.html"),
    ),
    (
        "site/history.html",
        include_str!("../templates/site/history.html"),
    ),
    (
        "site/metrics.html",
        include_str!("../templates/site/metrics.html"),
    ),
    (
        "site/incident.html",
        include_str!("../templates/site/incident.html"),
    ),
    (
        "site/component.html",
        include_str!("../templates/site/component.html"),
    ),
    ("site/404.html", include_str!("../templates/site/404.html")),
    (
        "site/incident-card.html",
        include_str!("../templates/site/incident-card.html"),
    ),
    (
        "site/maintenance.html",
        include_str!("../templates/site/maintenance.html"),
    ),
    (
        "site/maintenance-card.html",
        include_str!("../templates/site/maintenance-card.html"),
    ),
    (
        "site/uptime.html",
        include_str!("../templates/site/uptime.html"),
    ),
    (
        "site/feed.atom",
        include_str!("../templates/site/feed.atom"),
    ),
    (
        "site/sitemap.xml",
        include_str!("../templates/site/sitemap.xml"),
    ),
    (
        "site/sitemap-index.xml",
        include_str!("../templates/site/sitemap-index.xml"),
    ),
    (
        "site/month.html",
        include_str!("../templates/site/month.html"),
    ),
    (
        "site/badge.svg",
        include_str!("../templates/site/badge.svg"),
    ),
    (
        "site/widget.html",
        include_str!("../templates/site/widget.html"),
    ),
];

pub(crate) const SITE_FILES: &[Embedded] = &[
    ("style.css", include_str!("../templates/site/style.css")),
    ("favicon.svg", include_str!("../templates/site/favicon.svg")),
];

/// The files `hindsight init` starts a project with, under `templates/init/`.
pub(crate) const INIT_FILES: &[Embedded] = &[
    (
        "config.en.yaml",
        include_str!("../templates/init/config.en.yaml"),
    ),
    (
        "config.de.yaml",
        include_str!("../templates/init/config.de.yaml"),
    ),
    (
        "config.ja.yaml",
        include_str!("../templates/init/config.ja.yaml"),
    ),
    (
        "config.zh.yaml",
        include_str!("../templates/init/config.zh.yaml"),
    ),
    ("gitignore", include_str!("../templates/init/gitignore")),
    (
        "editorconfig",
        include_str!("../templates/init/editorconfig"),
    ),
    (
        "workflow.yml",
        include_str!("../templates/init/workflow.yml"),
    ),
    (
        "notify-workflow.yml",
        include_str!("../templates/init/notify-workflow.yml"),
    ),
];

/// The record templates of `hindsight new`, under `templates/new/`; a project's
/// `templates/new/<name>.yaml` adds or overrides one.
pub(crate) const NEW_TEMPLATES: &[Embedded] = &[
    (
        "default.yaml",
        include_str!("../templates/new/default.yaml"),
    ),
    ("brief.yaml", include_str!("../templates/new/brief.yaml")),
    (
        "security.yaml",
        include_str!("../templates/new/security.yaml"),
    ),
    (
        "maintenance.yaml",
        include_str!("../templates/new/maintenance.yaml"),
    ),
];

/// What a layered directory holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// Templates and locales: UTF-8, at most 1 MiB a file.
    Text,
    /// The site's static files (stylesheets, images, fonts): any bytes, at most 16 MiB a file.
    Binary,
}

impl Content {
    fn limit(self) -> u64 {
        match self {
            Content::Text => 1024 * 1024,
            Content::Binary => 16 * 1024 * 1024,
        }
    }
}

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
    pub data: Vec<u8>,
}

impl ProjectFile {
    /// The file's text; files of a [`Content::Text`] directory were checked to be UTF-8.
    pub(crate) fn text(&self) -> &str {
        std::str::from_utf8(&self.data).unwrap_or_default()
    }
}

impl Layer {
    /// The text in effect when a project file replaces the built-in one whole.
    pub(crate) fn effective(&self) -> &str {
        self.effective_bytes()
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// The bytes in effect: the project's file, else the built-in one.
    pub(crate) fn effective_bytes(&self) -> Option<&[u8]> {
        match (&self.project, self.builtin) {
            (Some(project), _) => Some(&project.data),
            (None, Some(builtin)) => Some(builtin.as_bytes()),
            (None, None) => None,
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
    content: Content,
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
    for (name, path) in project_files(&root.join(dir))? {
        let project = Some(read_project_file(&path, content)?);
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

/// The project's own files under `base` (none when it is no folder), by their `/`-separated
/// name under it, sorted. Dotfiles and everything in dot-folders (`.git/`, `.secrets/`) are
/// never project files: in `site/` they would be published.
pub(crate) fn project_files(base: &Path) -> anyhow::Result<Vec<(String, PathBuf)>> {
    if !base.is_dir() {
        return Ok(Vec::new());
    }
    let entries = walkdir::WalkDir::new(base)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.path()));
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", base.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(base).unwrap_or(entry.path());
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((name, entry.into_path()));
    }
    Ok(files)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

fn read_project_file(path: &Path, content: Content) -> anyhow::Result<ProjectFile> {
    let size = fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    let limit = content.limit();
    if size > limit {
        bail!(
            "{} is {size} bytes; files here may be at most {limit} bytes",
            path.display()
        );
    }
    let data = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if content == Content::Text
        && let Err(error) = std::str::from_utf8(&data)
    {
        bail!(
            "{}: byte {} is not valid UTF-8; save the file as UTF-8",
            path.display(),
            error.valid_up_to()
        );
    }
    Ok(ProjectFile {
        path: path.to_path_buf(),
        data,
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
        let layers = layered(Some(root.path()), "templates", TEMPLATES, Content::Text).unwrap();
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
    fn dotfiles_and_dot_folders_are_never_project_files() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("site/.secrets")).unwrap();
        fs::create_dir_all(root.path().join("site/img")).unwrap();
        fs::write(root.path().join("site/.secrets/deploy.env"), "TOKEN=x").unwrap();
        fs::write(root.path().join("site/.env"), "TOKEN=y").unwrap();
        fs::write(root.path().join("site/img/logo.svg"), "<svg/>").unwrap();
        let layers = layered(Some(root.path()), "site", &[], Content::Binary).unwrap();
        let names: Vec<&str> = layers.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["img/logo.svg"]);
    }

    #[test]
    fn a_project_file_that_is_not_utf8_is_named() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("locales/de")).unwrap();
        fs::write(root.path().join("locales/de/postmortem.ftl"), b"a = \xff").unwrap();
        let error = layered(Some(root.path()), "locales", LOCALES, Content::Text).unwrap_err();
        assert!(format!("{error:#}").contains("postmortem.ftl: byte 4 is not valid UTF-8"));
    }
}
