//! Finding the project's source files: records, overlays and the site configuration.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

mod walk;
use walk::walk;

/// What a YAML file under incidents/ is, judged by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    /// `<id>.yaml`
    Record { id: String },
    /// `<id>.<lang>.yaml`
    Overlay { record_id: String, lang_tag: String },
}

/// The id of the record a file belongs to: its own, or the one it translates. A record and
/// its overlays are checked, and read by the commands about one record, together.
pub(crate) fn group_id(kind: &SourceKind) -> &str {
    match kind {
        SourceKind::Record { id } => id,
        SourceKind::Overlay { record_id, .. } => record_id,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub kind: SourceKind,
    /// Why the file is not read (a link leading out of the project, a pipe): load reports
    /// it as a finding instead of skipping it silently.
    pub refused: Option<String>,
}

/// Every source of a project, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// `site/config.yaml`, when the project has one.
    pub config: Option<PathBuf>,
    /// Where `site/config.yaml` belongs, whether or not it exists.
    pub config_path: PathBuf,
    pub files: Vec<SourceFile>,
    /// The paths (as in `files` and `config`) of the files the user asked about;
    /// `None` means all of them.
    pub selected: Option<HashSet<PathBuf>>,
    /// The files of `site/` that a build publishes as they are, by name under `site/`.
    pub site_files: Vec<(String, PathBuf)>,
    /// The paths of `files` that may be links themselves (found as links, or named by the
    /// user); any other is a file of its folder under its own name, as the folder's listing
    /// said (so that no one looks at each of them again).
    pub links: HashSet<PathBuf>,
}

pub(crate) fn incidents_dir(root: &Path) -> PathBuf {
    root.join("incidents")
}

/// The project's site folder: its configuration and the files published as they are.
const SITE_DIR: &str = "site";
/// The configuration's name in [`SITE_DIR`]; never published.
pub(crate) const CONFIG_NAME: &str = "config.yaml";

pub(crate) fn config_path(root: &Path) -> PathBuf {
    root.join(SITE_DIR).join(CONFIG_NAME)
}

/// The project that holds `start` (a file or a folder): the nearest folder upward that has
/// a `site/config.yaml`, as cargo finds Cargo.toml.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let first = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    first
        .ancestors()
        .find(|dir| config_path(dir).is_file())
        .map(Path::to_path_buf)
}

/// Finds the project under `root`. With `paths`, the whole corpus is still read (an overlay
/// needs its record, duplicate ids need every id) but only those paths are selected. Each
/// path must be a regular file or a folder inside the project.
pub fn discover(root: &Path, paths: &[PathBuf]) -> anyhow::Result<Sources> {
    let found = find(root, paths, None)?;
    // Only a walk given a list of groups gives up.
    found.context("discovery gave up on a walk of every file")
}

/// What [`discover`] would find with `paths`, cut to the files of the groups `ids`, of the
/// groups the `paths` name (as written and as they resolve), and the `paths` themselves:
/// the sources of the commands about one record. The other files of incidents/ are judged
/// by their names and never listed, nor sorted.
///
/// `None` when names alone cannot say which files are the same, so that only the whole
/// list can: a link in incidents/ (or incidents/ a link), a folder among the `paths`, no
/// incidents/ folder. The caller then asks [`discover`].
pub(crate) fn discover_groups(
    root: &Path,
    paths: &[PathBuf],
    ids: &[&str],
) -> anyhow::Result<Option<Sources>> {
    let incidents = incidents_dir(root);
    let plain = fs::symlink_metadata(&incidents).is_ok_and(|meta| meta.is_dir());
    if !plain || paths.iter().any(|path| path.is_dir()) {
        return Ok(None);
    }
    // Without a link in incidents/, each file's real path is the folder's real path and
    // the file's own name, so a file the same as a path asked for bears the name that path
    // resolves to; and the configuration (which is no record) lies outside unless its
    // real path says otherwise.
    let real_incidents = canonical(&incidents);
    if is_within(&canonical(&config_path(root)), &real_incidents) {
        return Ok(None);
    }
    let mut groups: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    for path in paths {
        let named = |path: &Path| group_id(&classify(path).kind).to_string();
        groups.push(named(path));
        if let Ok(real) = path.canonicalize() {
            groups.push(named(&real));
        }
    }
    let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
    find(root, paths, Some(&groups))
}

/// [`discover`], or with `only`, [`discover_groups`] once it knows the names decide.
fn find(root: &Path, paths: &[PathBuf], only: Option<&[&str]>) -> anyhow::Result<Option<Sources>> {
    let incidents = incidents_dir(root);
    let project = canonical(root);
    let mut files = Vec::new();
    // The paths that may be links: each is resolved whole. Any other file lies where its
    // folder does, so a folder is resolved once for all its files (resolving each of
    // 40,000 files took most of the time of a command about one record).
    let mut links = HashSet::new();
    if incidents.is_dir() {
        if !walk(&incidents, &project, &mut files, &mut links, only)? {
            return Ok(None);
        }
    } else if only.is_some() {
        return Ok(None);
    } else if paths.is_empty() {
        bail!(
            "there is no incidents/ directory in {} (use --root to point at the project, or create incidents/)",
            root.display()
        );
    }
    let mut asked = Vec::new();
    for path in paths {
        let real = path
            .canonicalize()
            .with_context(|| format!("cannot read {}", path.display()))?;
        if !real.starts_with(&project) {
            bail!(
                "{} is outside the project {}; name a file of the project, or pass --root",
                path.display(),
                project.display()
            );
        }
        if real.is_dir() {
            walk(path, &project, &mut files, &mut links, None)?;
        } else if real.is_file() {
            files.push(classify(path));
            links.insert(path.clone());
        } else {
            bail!(
                "{} is not a regular file; name an incident record or a folder",
                path.display()
            );
        }
        asked.push(real);
    }
    // The same file may be reached twice (`incidents/` and `./incidents/x.yaml`): keep it once.
    // The site configuration is never a record, even when a path or directory names it.
    // Canonical paths compare as their bytes: hashing them as paths parses every component.
    let mut seen = HashSet::from([canonical(&config_path(root)).into_os_string()]);
    let mut selected = HashSet::new();
    let mut folders = HashMap::new();
    files.retain(|file| {
        // Where the file lies (its folder resolved, its own name kept), and what it is: the
        // same for a file that is no link. A link that leads nowhere is known by where it
        // lies, so that a second route to it (through a linked folder) is the same file.
        let location = canonical_in_folder(&file.path, &mut folders);
        let target = (!links.is_empty() && links.contains(&file.path))
            .then(|| file.path.canonicalize().ok())
            .flatten();
        let path = target.as_deref().unwrap_or(&location);
        // A folder asked for selects the links in it too, also those refused for leading out
        // of the project or to nothing: build fails on them, so lint must report them.
        if asked
            .iter()
            .any(|a| is_within(path, a) || is_within(&location, a))
        {
            selected.insert(file.path.clone());
        }
        seen.insert(target.unwrap_or(location).into_os_string())
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let config = Some(config_path(root)).filter(|path| path.is_file());
    if let Some(config) = &config
        && asked.iter().any(|a| canonical(config).starts_with(a))
    {
        selected.insert(config.clone());
    }
    let site_files = crate::assets::project_files(&root.join(SITE_DIR))?
        .into_iter()
        .filter(|(name, _)| name != CONFIG_NAME)
        .collect();
    Ok(Some(Sources {
        config,
        config_path: config_path(root),
        files,
        selected: (!paths.is_empty()).then_some(selected),
        site_files,
        links,
    }))
}

/// The one spelling of a path that two routes to the same file share.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// The canonical path of a file that is no link: its folder's (resolved once per folder),
/// and its name.
fn canonical_in_folder(path: &Path, folders: &mut HashMap<OsString, PathBuf>) -> PathBuf {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return canonical(path);
    };
    if folder.as_os_str().is_empty() {
        return canonical(path);
    }
    // Looked up before it is inserted: a key made for each of 40,000 files was most of this.
    if let Some(resolved) = folders.get(folder.as_os_str()) {
        return resolved.join(name);
    }
    let resolved = canonical(folder);
    let file = resolved.join(name);
    folders.insert(folder.as_os_str().to_os_string(), resolved);
    file
}

/// Whether the canonical `path` is `folder` or lies inside it (both canonical, so their
/// bytes say it without parsing every component).
fn is_within(path: &Path, folder: &Path) -> bool {
    let (path, folder) = (
        path.as_os_str().as_encoded_bytes(),
        folder.as_os_str().as_encoded_bytes(),
    );
    path.strip_prefix(folder)
        .is_some_and(|rest| rest.is_empty() || rest[0] == b'/' || folder.ends_with(b"/"))
}

/// `x.yaml` is a record, `x.de.yaml` an overlay of record `x`.
pub(crate) fn classify(path: &Path) -> SourceFile {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kind = match stem.rsplit_once('.') {
        Some((record_id, lang_tag)) => SourceKind::Overlay {
            record_id: record_id.to_string(),
            lang_tag: lang_tag.to_string(),
        },
        None => SourceKind::Record { id: stem },
    };
    SourceFile {
        path: path.to_path_buf(),
        kind,
        refused: None,
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::walk::{in_groups, name_group};
    use super::*;

    #[test]
    fn within_a_folder_means_below_it_by_whole_names() {
        let folder = Path::new("/p/incidents");
        assert!(is_within(Path::new("/p/incidents/x.yaml"), folder));
        assert!(is_within(Path::new("/p/incidents"), folder));
        assert!(!is_within(Path::new("/p/incidents-old/x.yaml"), folder));
        assert!(!is_within(Path::new("/p/inc"), folder));
        assert!(is_within(Path::new("/p/x.yaml"), Path::new("/")));
    }

    #[test]
    fn a_walk_lists_names_in_order_depth_first_without_hidden_entries() {
        let dir = tempfile::tempdir().unwrap();
        let incidents = dir.path().join("incidents");
        for file in [
            "b.yaml",
            "a/z.yaml",
            "a.yaml",
            ".hidden.yaml",
            ".git/x.yaml",
            "c.txt",
        ] {
            let path = incidents.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        let mut files = Vec::new();
        let mut links = HashSet::new();
        assert!(walk(&incidents, dir.path(), &mut files, &mut links, None).unwrap());
        let names: Vec<_> = files
            .iter()
            .map(|f| f.path.strip_prefix(&incidents).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [
                Path::new("a/z.yaml"),
                Path::new("a.yaml"),
                Path::new("b.yaml")
            ]
        );
        assert!(links.is_empty());
    }

    /// A project with a record, a link to nothing, a link out of the project and a link
    /// to the project (a second route to every file of incidents/).
    fn project_with_refused_links() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        let incidents = root.join("incidents");
        std::fs::create_dir_all(&incidents).unwrap();
        std::fs::create_dir_all(root.join("site")).unwrap();
        std::fs::write(root.join("site/config.yaml"), "title: x\n").unwrap();
        std::fs::write(incidents.join("2024-01-01-a.yaml"), "title: a\n").unwrap();
        std::fs::write(dir.path().join("elsewhere.yaml"), "title: b\n").unwrap();
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, incidents.join(name)).unwrap();
        };
        link(Path::new("nothing"), "2024-01-02-dangling.yaml");
        link(
            &dir.path().join("elsewhere.yaml"),
            "2024-01-03-outside.yaml",
        );
        link(Path::new(".."), "project");
        (dir, root)
    }

    #[test]
    fn a_folder_asked_for_selects_the_refused_links_in_it() {
        let (_dir, root) = project_with_refused_links();
        let dangling = root.join("incidents/2024-01-02-dangling.yaml");
        let outside = root.join("incidents/2024-01-03-outside.yaml");
        for asked in [root.clone(), root.join("incidents")] {
            let sources = discover(&root, std::slice::from_ref(&asked)).unwrap();
            let selected = sources.selected.unwrap();
            for file in [&dangling, &outside] {
                assert!(
                    selected.contains(file),
                    "{} asked, {} not selected: {selected:?}",
                    asked.display(),
                    file.display()
                );
            }
        }
    }

    #[test]
    fn a_link_to_nothing_reached_twice_is_listed_once() {
        let (_dir, root) = project_with_refused_links();
        let sources = discover(&root, &[]).unwrap();
        let dangling: Vec<_> = sources
            .files
            .iter()
            .filter(|f| f.path.ends_with("2024-01-02-dangling.yaml"))
            .map(|f| &f.path)
            .collect();
        assert_eq!(
            dangling,
            [&root.join("incidents/2024-01-02-dangling.yaml")],
            "{:?}",
            sources.files
        );
    }

    /// What `discover` lists, cut to the files of the groups `ids`.
    fn cut(sources: &Sources, ids: &[&str]) -> Vec<SourceFile> {
        let files = sources.files.iter();
        files
            .filter(|file| ids.contains(&group_id(&file.kind)))
            .cloned()
            .collect()
    }

    #[test]
    fn a_discovery_of_some_groups_finds_what_the_whole_one_finds_of_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        for file in [
            "site/config.yaml",
            "incidents/2024-01-01-a.yaml",
            "incidents/2024-01-01-a.de.yaml",
            "incidents/2024-01-01-a.x.y.yaml",
            "incidents/2024-01-01-a.txt",
            "incidents/.2024-01-01-a.ja.yaml",
            "incidents/2024-01-01-ab.yaml",
            "incidents/2024-01-02-b.yaml",
            "incidents/2024-01-02-b.zh.yml",
            "incidents/old/2024-01-01-a.yaml",
            "incidents/old/2024-01-01-a.ja.yaml",
            "incidents/old/deeper/2024-01-02-b.de.yaml",
            "other/2024-01-01-a.fr.yaml",
            "other/2024-01-03-c.yaml",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "title: x\n").unwrap();
        }
        // A path asked for that is a link into incidents/ under another name.
        std::os::unix::fs::symlink(
            root.join("incidents/2024-01-02-b.yaml"),
            root.join("other/alias.yaml"),
        )
        .unwrap();
        // The paths asked for, the groups asked for, and the groups that makes.
        let a = "2024-01-01-a";
        let b = "2024-01-02-b";
        let cases: [(&[&str], &[&str], &[&str]); 5] = [
            (&[], &[a], &[a]),
            (&[], &[b, "nothing"], &[b]),
            (&["incidents/2024-01-01-a.yaml"], &[], &[a]),
            (
                &["other/2024-01-01-a.fr.yaml", "other/2024-01-03-c.yaml"],
                &[],
                &[a, "2024-01-03-c"],
            ),
            (&["other/alias.yaml"], &[], &["alias", b]),
        ];
        for (asked, ids, groups) in cases {
            let paths: Vec<PathBuf> = asked.iter().map(|path| root.join(path)).collect();
            let some = discover_groups(&root, &paths, ids).unwrap().unwrap();
            let all = discover(&root, &paths).unwrap();
            assert_eq!(some.files, cut(&all, groups), "{asked:?} {ids:?}");
            assert!(!some.files.is_empty(), "{asked:?} {ids:?}");
            assert_eq!(some.selected, all.selected, "{asked:?} {ids:?}");
            assert_eq!(some.config, all.config);
            assert_eq!(some.site_files, all.site_files);
        }
    }

    #[test]
    fn a_discovery_of_some_groups_gives_up_where_names_do_not_decide() {
        let (_dir, root) = project_with_refused_links();
        assert!(
            discover_groups(&root, &[], &["2024-01-01-a"])
                .unwrap()
                .is_none()
        );
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("site")).unwrap();
        fs::create_dir_all(root.join("data")).unwrap();
        assert!(
            discover_groups(root, &[], &["x"]).unwrap().is_none(),
            "no incidents/"
        );
        std::os::unix::fs::symlink("data", root.join("incidents")).unwrap();
        assert!(
            discover_groups(root, &[], &["x"]).unwrap().is_none(),
            "incidents/ a link"
        );
        fs::remove_file(root.join("incidents")).unwrap();
        fs::create_dir_all(root.join("incidents/sub")).unwrap();
        let sub = [root.join("incidents/sub")];
        assert!(
            discover_groups(root, &sub, &[]).unwrap().is_none(),
            "a folder asked for"
        );
        assert!(discover_groups(root, &[], &["x"]).unwrap().is_some());
    }

    #[test]
    fn a_name_gives_the_group_that_classify_gives() {
        for name in [
            "a.yaml",
            "a.de.yaml",
            "a.b.c.yml",
            "a",
            "a.",
            "a..yaml",
            "é.ja.yaml",
        ] {
            let classified = classify(Path::new(name));
            assert_eq!(name_group(name), group_id(&classified.kind), "{name}");
        }
        // Names that are not UTF-8 are judged as `classify` reads them.
        use std::os::unix::ffi::OsStrExt as _;
        let name = OsStr::from_bytes(b"a\xff.de.yaml");
        let group = "a\u{fffd}";
        assert_eq!(group_id(&classify(Path::new(name)).kind), group);
        assert!(in_groups(name, &[group]));
        assert!(in_groups(OsStr::new("a.de.yaml"), &["b", "a"]));
        assert!(!in_groups(OsStr::new("ab.de.yaml"), &["a"]));
        assert!(!in_groups(OsStr::new("a.b.de.yaml"), &["a"]));
    }

    #[test]
    fn names_decide_the_kind() {
        assert_eq!(
            classify(Path::new("incidents/2023-12-17-x.yaml")).kind,
            SourceKind::Record {
                id: "2023-12-17-x".into()
            }
        );
        assert_eq!(
            classify(Path::new("incidents/2023-12-17-x.de.yaml")).kind,
            SourceKind::Overlay {
                record_id: "2023-12-17-x".into(),
                lang_tag: "de".into()
            }
        );
    }
}
