//! Where hindsight may write: an output path resolved to the place it will really name, and
//! checked against the project's inputs, git work trees, `/` and the home folder.
//!
//! A path is judged by what it resolves to, not by how it is spelled: `missing/../incidents`
//! names `incidents/` once `missing/` exists, and a symlink names its target. So the checks
//! run on [`resolve`]d paths, before the missing folders are created and again right before
//! anything is written.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context as _, bail};

/// The project's own folders: a build reads them, so no output may land in or over them.
pub(crate) const INPUT_DIRS: &[&str] = &["incidents", "site", "templates", "locales"];

/// The places a project's outputs must never touch.
#[derive(Debug, Clone)]
pub struct Protected {
    root: PathBuf,
    /// The one input folder a command may write into (an overlay, by `translate`).
    incidents: PathBuf,
    inputs: Vec<PathBuf>,
    /// Every file the project read: a record or overlay reached through a link may live
    /// outside the input folders.
    files: Vec<PathBuf>,
    /// The device and inode of each of `files`: the same file under another name (a bind
    /// mount of its folder, another spelling on a case-insensitive file system).
    file_ids: OnceLock<Vec<(u64, u64)>>,
    home: Option<PathBuf>,
    /// The device and inode of each input folder that exists, and of the project: a second
    /// name that no path comparison sees (a bind mount of incidents/, another spelling on a
    /// case-insensitive file system) names the same folder.
    folders: Vec<((u64, u64), PathBuf)>,
    project: Option<(u64, u64)>,
}

impl Protected {
    /// The protected places of the project at `root`.
    pub fn new(root: &Path) -> anyhow::Result<Self> {
        let root = resolve(root)?;
        let inputs: Vec<PathBuf> = INPUT_DIRS
            .iter()
            .map(|dir| resolve(&root.join(dir)))
            .collect::<anyhow::Result<_>>()?;
        let home = std::env::var_os("HOME")
            .filter(|home| !home.is_empty())
            .and_then(|home| resolve(Path::new(&home)).ok());
        let folders = inputs
            .iter()
            .filter_map(|folder| Some((identity(folder)?, folder.clone())))
            .collect();
        let project = identity(&root);
        Ok(Protected {
            incidents: resolve(&crate::discover::incidents_dir(&root))?,
            root,
            inputs,
            files: Vec::new(),
            file_ids: OnceLock::new(),
            home,
            folders,
            project,
        })
    }

    /// Also protects `files`, inputs that may live outside the input folders (a record
    /// named on the command line, a record reached through a link).
    pub fn with_input_files<'p>(
        self,
        files: impl IntoIterator<Item = &'p Path>,
    ) -> anyhow::Result<Self> {
        self.with_files(files, None)
    }

    /// [`Protected::with_input_files`] of files found in their folders' listings, where only
    /// those in `links` may be links: any other is taken as its folder's file, unlooked at.
    pub fn with_listed_input_files<'p>(
        self,
        files: impl IntoIterator<Item = &'p Path>,
        links: &HashSet<PathBuf>,
    ) -> anyhow::Result<Self> {
        self.with_files(files, Some(links))
    }

    fn with_files<'p>(
        mut self,
        files: impl IntoIterator<Item = &'p Path>,
        listed: Option<&HashSet<PathBuf>>,
    ) -> anyhow::Result<Self> {
        // Most inputs share a folder (incidents/): each folder is resolved once, and only
        // the file's own name is looked at for each file. The folders are taken in the order
        // first named, so that the first broken link is the one reported.
        let mut folders: Vec<(&Path, Vec<(&'p Path, &'p OsStr)>)> = Vec::new();
        let mut positions: HashMap<&Path, usize> = HashMap::new();
        for file in files {
            match (file.parent(), file.file_name()) {
                (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
                    let position = *positions.entry(parent).or_insert_with(|| {
                        folders.push((parent, Vec::new()));
                        folders.len() - 1
                    });
                    folders[position].1.push((file, name));
                }
                _ => self.files.push(resolve(file)?),
            }
        }
        for (parent, files) in folders {
            let folder = resolve(parent)?;
            // The links of a folder of many inputs are known from its listing, one read for
            // all of them; a name it does not list was missing then, and is taken as named,
            // as a missing file always is.
            let links = match listed {
                Some(_) => None,
                None => (files.len() >= LISTED).then(|| links_in(&folder)).flatten(),
            };
            for (file, name) in files {
                let plain = match (listed, &links) {
                    (Some(listed), _) => !listed.contains(file),
                    (None, Some(links)) => !links.contains(name.as_bytes()),
                    (None, None) => false,
                };
                let file = folder.join(name);
                self.files.push(match plain {
                    true => file,
                    false => resolve_name(file)?,
                });
            }
        }
        Ok(self)
    }

    /// The device and inode of each input file, asked only by the one check that needs them.
    fn file_ids(&self) -> &[(u64, u64)] {
        self.file_ids.get_or_init(|| {
            self.files
                .iter()
                .filter_map(|file| identity(file))
                .collect()
        })
    }

    /// Checks a directory that a build will replace whole; `shown` is how the user wrote it.
    pub(crate) fn check_site_dir(&self, out: &Path, shown: &Path) -> anyhow::Result<()> {
        let refuse = |why: String| -> anyhow::Result<()> {
            bail!(
                "refusing to build the site into {}: {why}; choose another --out, such as a new folder `public`",
                shown.display()
            )
        };
        if out.parent().is_none() {
            return refuse("it is the root of the file system".into());
        }
        if self.home.as_ref().is_some_and(|home| home.starts_with(out)) {
            return refuse(format!("it holds your home folder {}", out.display()));
        }
        if self.root.starts_with(out) {
            return refuse(format!(
                "it is or holds the project {}",
                self.root.display()
            ));
        }
        for input in &self.inputs {
            if out.starts_with(input) || input.starts_with(out) {
                return refuse(format!(
                    "it is, holds or lies inside the project's input folder {}",
                    input.display()
                ));
            }
        }
        if self.files.iter().any(|file| file.starts_with(out)) {
            return refuse("it holds an input file".into());
        }
        if self.project.is_some() && identity(out) == self.project {
            return refuse(format!(
                "it is the project {} under another name",
                self.root.display()
            ));
        }
        if let Some(folder) = self.aliased_folder(out) {
            return refuse(format!(
                "it is, or lies inside, the project's input folder {} under another name",
                folder.display()
            ));
        }
        if in_git_dir(out) {
            return refuse("it lies inside a .git folder".into());
        }
        if out.join(".git").exists() {
            return refuse(format!("{} is a git work tree", out.display()));
        }
        Ok(())
    }

    /// Checks a file that will be written whole (`render -o`): never an input, a folder, or
    /// anything in a `.git` folder.
    pub fn check_file(&self, out: &Path, shown: &Path) -> anyhow::Result<()> {
        let refuse = |why: &str| -> anyhow::Result<()> {
            bail!(
                "refusing to write {}: {why}; choose another file",
                shown.display()
            )
        };
        if out.is_dir() || shown.as_os_str().to_string_lossy().ends_with('/') {
            return refuse("it is a folder");
        }
        if self.files.iter().any(|file| file == out)
            || identity(out).is_some_and(|id| self.file_ids().contains(&id))
        {
            return refuse("it is an input of the project");
        }
        if self.inputs.iter().any(|input| out.starts_with(input))
            || self.aliased_folder(out).is_some()
        {
            return refuse(
                "it lies in one of the project's input folders (incidents/, site/, templates/, locales/)",
            );
        }
        if in_git_dir(out) {
            return refuse("it lies inside a .git folder");
        }
        Ok(())
    }

    /// Checks a file that `translate`, `new`, `update` or `resolve` writes: inside the
    /// project's `incidents/` folder, itself inside the project (`incidents/` linked to a
    /// folder elsewhere is no folder of this project's, and lint does not read it either).
    pub fn check_incident_file(&self, out: &Path, shown: &Path) -> anyhow::Result<()> {
        let incidents = &self.incidents;
        if !incidents.starts_with(&self.root) {
            bail!(
                "refusing to write {}: incidents/ is a link to {}, outside the project; make it a folder of the project",
                shown.display(),
                incidents.display()
            );
        }
        if !out.starts_with(incidents) || out == incidents.as_path() {
            bail!(
                "refusing to write {}: it resolves to {}, outside the project's incidents/ folder",
                shown.display(),
                out.display()
            );
        }
        Ok(())
    }

    /// Checks a file of the project's own that hindsight writes at `relative` under the
    /// project (`init`'s files, `.hindsight/*.schema.json`): it must name exactly that place,
    /// reached through no symbolic link, so no link can send it into an input folder, a
    /// `.git` folder or out of the project.
    pub(crate) fn check_project_file(&self, relative: &Path) -> anyhow::Result<()> {
        let shown = relative.display();
        let expected = self.root.join(relative);
        let mut spelled = self.root.clone();
        for component in relative.components() {
            spelled.push(component);
            if fs::symlink_metadata(&spelled).is_ok_and(|meta| meta.file_type().is_symlink()) {
                let target = resolve(&spelled)
                    .map(|target| target.display().to_string())
                    .unwrap_or_else(|_| "nothing".into());
                bail!(
                    "refusing to write {shown}: {} is a symbolic link (to {target}); make it a folder or file of the project, or remove it",
                    spelled
                        .strip_prefix(&self.root)
                        .unwrap_or(&spelled)
                        .display()
                );
            }
        }
        let out = resolve(&expected)?;
        if out != expected || !out.starts_with(&self.root) {
            bail!(
                "refusing to write {shown}: it resolves to {}, not to {} in the project",
                out.display(),
                expected.display()
            );
        }
        if in_git_dir(relative) {
            bail!("refusing to write {shown}: it lies inside a .git folder");
        }
        Ok(())
    }

    /// The input folder that `out`, or an existing folder on the way to it, is by device and
    /// inode. `out` is resolved, so its existing part holds no link and each ancestor is
    /// the folder it names.
    fn aliased_folder(&self, out: &Path) -> Option<&Path> {
        out.ancestors().find_map(|folder| {
            let id = identity(folder)?;
            let mut inputs = self.folders.iter();
            inputs
                .find(|(known, _)| *known == id)
                .map(|(_, path)| path.as_path())
        })
    }
}

/// How many inputs of one folder make listing it cheaper than looking at each of them.
const LISTED: usize = 64;

/// The names in `folder` that are links, or whose kind its listing does not say; None when
/// it cannot be listed.
fn links_in(folder: &Path) -> Option<HashSet<Vec<u8>>> {
    let entries = crate::stat::Folder::open(folder).ok()?.entries().ok()?;
    let links = entries
        .into_iter()
        .filter(|(_, kind)| matches!(kind, Some(crate::stat::Kind::Link) | None))
        .map(|(name, _)| name);
    Some(links.collect())
}

/// The device and inode of what `path` names, if it exists.
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    let meta = fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

fn in_git_dir(path: &Path) -> bool {
    path.components()
        .any(|c| matches!(c, Component::Normal(name) if name == ".git"))
}

/// `next`, a path whose folder is resolved, with its last part resolved if it is a link.
fn resolve_name(next: PathBuf) -> anyhow::Result<PathBuf> {
    match fs::symlink_metadata(&next) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(&next).with_context(|| {
            format!(
                "{} is a symbolic link to nothing; remove it or point it at a folder",
                next.display()
            )
        }),
        _ => Ok(next),
    }
}

/// The absolute path `path` will name once its missing folders exist: every symlink of its
/// existing part resolved, and each `..` applied to what the path really names at that
/// point (like `realpath -m`).
pub fn resolve(path: &Path) -> anyhow::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .context("cannot read the current directory")?
            .join(path)
    };
    let mut resolved = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => resolved = resolve_name(resolved.join(name))?,
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        for input in INPUT_DIRS {
            fs::create_dir_all(root.join(input)).unwrap();
        }
        (dir, resolve(&root).unwrap())
    }

    #[test]
    fn dot_dot_after_a_missing_folder_names_what_it_will_name() {
        let (_dir, root) = project();
        assert_eq!(
            resolve(&root.join("missing/../incidents")).unwrap(),
            root.join("incidents")
        );
        assert_eq!(
            resolve(&root.join("a/b/../../site/./x")).unwrap(),
            root.join("site/x")
        );
    }

    #[test]
    fn symlinks_are_judged_by_their_target() {
        let (dir, root) = project();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(root.join("incidents"), &link).unwrap();
        assert_eq!(resolve(&link).unwrap(), root.join("incidents"));
        assert_eq!(
            resolve(&link.join("../site")).unwrap(),
            root.join("site"),
            "`..` after a link climbs from its target"
        );
        let protected = Protected::new(&root).unwrap();
        assert!(
            protected
                .check_site_dir(&resolve(&link).unwrap(), &link)
                .is_err()
        );
    }

    #[test]
    fn a_site_never_lands_on_inputs_the_project_or_above_it() {
        let (dir, root) = project();
        let protected = Protected::new(&root).unwrap();
        let refused = [
            root.join("incidents"),
            root.join("incidents/public"),
            root.join("site"),
            root.join("templates/x"),
            root.join("locales"),
            root.clone(),
            dir.path().to_path_buf(),
            PathBuf::from("/"),
            root.join(".git/x"),
        ];
        for out in refused {
            assert!(
                protected.check_site_dir(&out, &out).is_err(),
                "{} should be refused",
                out.display()
            );
        }
        for out in [root.join("public"), dir.path().join("elsewhere/public")] {
            protected.check_site_dir(&out, &out).unwrap();
        }
    }

    #[test]
    fn a_git_work_tree_is_never_replaced() {
        let (dir, root) = project();
        let repo = dir.path().join("pages");
        fs::create_dir_all(repo.join(".git")).unwrap();
        let protected = Protected::new(&root).unwrap();
        let error = protected.check_site_dir(&repo, &repo).unwrap_err();
        assert!(error.to_string().contains("is a git work tree"), "{error}");
    }

    #[test]
    fn a_rendered_file_never_replaces_an_input() {
        let (dir, root) = project();
        let record = dir.path().join("outside.yaml");
        fs::write(&record, "title: x").unwrap();
        let protected = Protected::new(&root)
            .unwrap()
            .with_input_files([record.as_path()])
            .unwrap();
        for out in [
            record.clone(),
            root.join("incidents/x.md"),
            root.join("site/config.yaml"),
            root.join("incidents"),
        ] {
            assert!(protected.check_file(&out, &out).is_err(), "{out:?}");
        }
        protected
            .check_file(&root.join("postmortem.md"), Path::new("x"))
            .unwrap();
    }

    #[test]
    fn inputs_are_judged_by_their_targets_and_identities_however_many_share_a_folder() {
        for (count, listed) in [
            (1, false),
            (LISTED + 1, false),
            (1, true),
            (LISTED + 1, true),
        ] {
            let (dir, root) = project();
            let outside = dir.path().join("outside");
            fs::create_dir_all(&outside).unwrap();
            fs::write(outside.join("real.yaml"), "title: x").unwrap();
            let mut inputs = vec![root.join("incidents/link.yaml")];
            std::os::unix::fs::symlink(outside.join("real.yaml"), &inputs[0]).unwrap();
            for n in 0..count {
                let file = root.join(format!("incidents/{n}.yaml"));
                fs::write(&file, "title: x").unwrap();
                inputs.push(file);
            }
            let files = inputs.iter().map(PathBuf::as_path);
            let protected = match listed {
                // As discovery found them: the link among them is known.
                true => Protected::new(&root)
                    .unwrap()
                    .with_listed_input_files(files, &HashSet::from([inputs[0].clone()])),
                false => Protected::new(&root).unwrap().with_input_files(files),
            };
            let protected = protected.unwrap();
            // The link's target is an input: no site over its folder, no file over it.
            let error = protected.check_site_dir(&outside, &outside).unwrap_err();
            assert!(error.to_string().contains("holds an input file"), "{error}");
            let real = outside.join("real.yaml");
            assert!(protected.check_file(&real, &real).is_err(), "{count}");
            // A plain input under another name (a hard link) is the same file.
            let other = dir.path().join("other.yaml");
            fs::hard_link(&inputs[count], &other).unwrap();
            let error = protected.check_file(&other, &other).unwrap_err();
            assert!(
                error.to_string().contains("input of the project"),
                "{error}"
            );
            protected
                .check_file(&dir.path().join("x.md"), Path::new("x"))
                .unwrap();
        }
    }

    /// A bind mount of `target` at `at`, unmounted when dropped; `None` where this user
    /// may not mount (only root may).
    struct BindMount(PathBuf);

    impl BindMount {
        fn new(target: &Path, at: &Path) -> Option<Self> {
            fs::create_dir_all(at).unwrap();
            let mounted = std::process::Command::new("mount")
                .arg("--bind")
                .args([target, at])
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            mounted.then(|| BindMount(at.to_path_buf()))
        }
    }

    impl Drop for BindMount {
        fn drop(&mut self) {
            // Lazily: a failed test may still hold a file open in it.
            let unmounted = std::process::Command::new("umount")
                .arg("--lazy")
                .arg(&self.0)
                .status();
            assert!(unmounted.is_ok_and(|status| status.success()) || std::thread::panicking());
        }
    }

    #[test]
    fn an_input_folder_under_another_name_is_refused() {
        let (dir, root) = project();
        let Some(_mirror) = BindMount::new(&root.join("incidents"), &root.join("mirror")) else {
            eprintln!("skipped: a bind mount needs root");
            return;
        };
        let Some(_alias) = BindMount::new(&root, &dir.path().join("alias")) else {
            return;
        };
        let protected = Protected::new(&root).unwrap();
        let aliased = [
            root.join("mirror"),
            root.join("mirror/x.yaml"),
            root.join("mirror/new/x.md"),
            dir.path().join("alias/site/x"),
        ];
        for out in &aliased {
            assert!(protected.check_file(out, out).is_err(), "{out:?}");
            assert!(protected.check_site_dir(out, out).is_err(), "{out:?}");
        }
        let alias = dir.path().join("alias");
        assert!(protected.check_site_dir(&alias, &alias).is_err());
        // A record named on the command line, outside the input folders, through a bind
        // mount of its folder.
        let record = root.join("notes/2024-01-01-x.yaml");
        fs::create_dir_all(record.parent().unwrap()).unwrap();
        fs::write(&record, "title: x").unwrap();
        let protected = protected.with_input_files([record.as_path()]).unwrap();
        let Some(_notes) = BindMount::new(&root.join("notes"), &dir.path().join("other")) else {
            return;
        };
        let other = dir.path().join("other/2024-01-01-x.yaml");
        assert!(protected.check_file(&other, &other).is_err());
        for out in [root.join("public"), alias.join("public")] {
            protected.check_site_dir(&out, &out).unwrap();
            protected.check_file(&out.join("x.md"), &out).unwrap();
        }
    }
}
