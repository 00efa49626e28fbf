//! Publishing a site: staging, the swap with the previous site, the marker and the cleanup of
//! debris, on real temporary folders.

use super::*;

fn artifact(path: &str, text: &str) -> Artifact {
    Artifact::new(path, text)
}

/// A project in a temporary folder, and what its outputs must not touch.
fn project() -> (tempfile::TempDir, Protected) {
    let dir = tempfile::tempdir().unwrap();
    let protected = Protected::new(&dir.path().join("project")).unwrap();
    (dir, protected)
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
fn a_site_replaces_the_previous_build_whole() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    site(
        &protected,
        &out,
        &[artifact("en/index.html", "one"), artifact("old.html", "x")],
    )
    .unwrap();
    site(&protected, &out, &[artifact("en/index.html", "two")]).unwrap();
    assert_eq!(
        fs::read_to_string(out.join("en/index.html")).unwrap(),
        "two"
    );
    assert!(
        !out.join("old.html").exists(),
        "files of the previous build are gone"
    );
    assert_eq!(
        names(dir.path()),
        ["public"],
        "no staging or old directories are left"
    );
}

#[test]
fn a_published_site_is_readable_by_others() {
    use std::os::unix::fs::PermissionsExt as _;
    let (dir, protected) = project();
    let out = dir.path().join("public");
    site(&protected, &out, &[artifact("index.html", "x")]).unwrap();
    let mode = fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o055, 0o055 & !umask(), "{mode:o}");
}

fn umask() -> u32 {
    let probe = tempfile::tempdir().unwrap();
    let path = probe.path().join("probe");
    fs::DirBuilder::new().create(&path).unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    !fs::metadata(&path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_directory_of_other_files_is_never_replaced() {
    let (dir, protected) = project();
    let out = dir.path().join("docs");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let error = site(&protected, &out, &[artifact("index.html", "x")]).unwrap_err();
    assert!(format!("{error:#}").contains("holds files that hindsight did not build"));
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn a_marked_site_with_a_repository_inside_is_never_replaced() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    site(&protected, &out, &[artifact("index.html", "x")]).unwrap();
    fs::create_dir_all(out.join("deploy/.git")).unwrap();
    let error = site(&protected, &out, &[artifact("index.html", "y")]).unwrap_err();
    assert!(
        format!("{error:#}").contains("holds a .git folder"),
        "{error:#}"
    );
    assert!(out.join("deploy/.git").is_dir());
}

#[test]
fn a_failed_build_leaves_the_previous_site() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    site(&protected, &out, &[artifact("index.html", "good")]).unwrap();
    // A file and a directory of the same name cannot both be written.
    let error = site(
        &protected,
        &out,
        &[artifact("a", "file"), artifact("a/b", "in dir")],
    );
    assert!(error.is_err());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
    assert_eq!(names(dir.path()), ["public"]);
}

#[test]
fn debris_of_killed_builds_is_removed_and_a_site_moved_aside_comes_back() {
    let (dir, protected) = project();
    let staged = dir.path().join(".public.new-abc123");
    fs::create_dir_all(staged.join("en")).unwrap();
    fs::write(staged.join(MARKER), MARKER_TEXT).unwrap();
    fs::write(staged.join("en/index.html"), "half").unwrap();
    fs::create_dir(dir.path().join(".public.new-empty")).unwrap();
    let aside = dir.path().join(".public.old-42");
    fs::create_dir(&aside).unwrap();
    fs::write(aside.join(MARKER), MARKER_TEXT).unwrap();
    fs::write(aside.join("index.html"), "previous").unwrap();
    let foreign = dir.path().join(".public.new-mine");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "not hindsight's").unwrap();

    remove_debris(dir.path(), "public").unwrap();
    assert_eq!(names(dir.path()), [".public.new-mine", "public"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("public/index.html")).unwrap(),
        "previous",
        "the previous site is put back where it was"
    );
    site(
        &protected,
        &dir.path().join("public"),
        &[artifact("index.html", "new")],
    )
    .unwrap();
    assert_eq!(names(dir.path()), [".public.new-mine", "public"]);
}

#[test]
fn a_cut_short_removal_leaves_a_marked_or_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let site_dir = dir.path().join("s");
    fs::create_dir_all(site_dir.join("a/b")).unwrap();
    fs::write(site_dir.join(MARKER), "").unwrap();
    fs::write(site_dir.join("a/b/c.html"), "").unwrap();
    remove_site_dir(&site_dir).unwrap();
    assert!(!site_dir.exists());
}

#[test]
fn paths_cannot_leave_the_output_directory() {
    for path in ["../x", "/etc/passwd", "a/../../b", "", "a\\b"] {
        assert!(check_relative(path).is_err(), "{path}");
    }
    assert!(check_relative("en/incidents/2023-12-17-x.html").is_ok());
}

/// Files produced one by one, failing after `fail_after` of them, as a render error would.
struct Failing {
    files: usize,
    fail_after: usize,
}

impl Source for Failing {
    fn for_each_artifact(
        &self,
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        for n in 0..self.files {
            if n == self.fail_after {
                bail!("template error in page {n}");
            }
            emit(artifact(&format!("en/incidents/{n}.html"), "new"))?;
        }
        Ok(())
    }
}

#[test]
fn a_build_that_fails_while_streaming_leaves_the_previous_site_whole() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    let whole = Failing {
        files: 5,
        fail_after: usize::MAX,
    };
    assert_eq!(
        site(&protected, &out, &whole).unwrap(),
        6,
        "5 files and the marker"
    );
    fs::write(out.join("en/incidents/0.html"), "previous").unwrap();
    let cut = Failing {
        files: 5,
        fail_after: 3,
    };
    let error = site(&protected, &out, &cut).unwrap_err();
    assert!(format!("{error:#}").contains("template error in page 3"));
    // Three files of the new site were written, into the staging folder only.
    assert_eq!(
        fs::read_to_string(out.join("en/incidents/0.html")).unwrap(),
        "previous"
    );
    assert!(out.join("en/incidents/4.html").is_file());
    assert_eq!(names(dir.path()), ["public"], "no staging folder is left");
}

#[test]
fn two_files_at_one_path_are_refused_not_overwritten() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    site(&protected, &out, &[artifact("index.html", "good")]).unwrap();
    let error = site(
        &protected,
        &out,
        &[artifact("a.html", "one"), artifact("a.html", "two")],
    )
    .unwrap_err();
    assert!(format!("{error:#}").contains("a.html"), "{error:#}");
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
}

fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    fs::metadata(path).unwrap().ino()
}

#[test]
fn a_cached_rebuild_links_unchanged_files_and_writes_changed_ones() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    let first = [
        artifact("same.html", "same"),
        artifact("changed.html", "one"),
        artifact("deleted.html", "x"),
    ];
    let published = site_cached(&protected, &out, &first, Cache::Use).unwrap();
    assert_eq!((published.files, published.written), (4, 4));
    let (same, changed) = (
        inode(&out.join("same.html")),
        inode(&out.join("changed.html")),
    );
    let second = [
        artifact("same.html", "same"),
        artifact("changed.html", "two"),
    ];
    let published = site_cached(&protected, &out, &second, Cache::Use).unwrap();
    assert!(published.warnings.is_empty(), "{:?}", published.warnings);
    // The marker and the changed file.
    assert_eq!((published.files, published.written), (3, 2));
    assert_eq!(inode(&out.join("same.html")), same, "linked, not written");
    assert_ne!(inode(&out.join("changed.html")), changed);
    assert_eq!(fs::read_to_string(out.join("changed.html")).unwrap(), "two");
    assert!(!out.join("deleted.html").exists());
}

#[test]
fn the_cache_lives_beside_the_output_never_inside() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    site_cached(&protected, &out, &[artifact("a.html", "a")], Cache::Use).unwrap();
    assert_eq!(names(&out), [MARKER, "a.html"]);
    assert_eq!(names(dir.path()), [".hindsight-cache", "public"]);
    let manifest = fs::read(dir.path().join(".hindsight-cache/build/public/manifest")).unwrap();
    let manifest = String::from_utf8_lossy(&manifest);
    assert!(manifest.contains("a.html"), "{manifest}");
    // Without the cache (tests, the preview) nothing is written beside the output.
    let other = dir.path().join("other");
    site(&protected, &other, &[artifact("a.html", "a")]).unwrap();
    assert!(!dir.path().join(".hindsight-cache/build/other").exists());
}

#[test]
fn a_file_changed_in_place_after_publishing_is_written_again() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    site_cached(&protected, &out, &[artifact("a.html", "good")], Cache::Use).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(out.join("a.html"), "evil").unwrap();
    let published =
        site_cached(&protected, &out, &[artifact("a.html", "good")], Cache::Use).unwrap();
    assert_eq!(published.written, 2);
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "good");
}

#[test]
fn a_damaged_cache_is_ignored_with_a_warning() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    let files = [artifact("a.html", "a"), artifact("b.html", "b")];
    site_cached(&protected, &out, &files, Cache::Use).unwrap();
    let manifest = dir.path().join(".hindsight-cache/build/public/manifest");
    let bytes = fs::read(&manifest).unwrap();
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 1;
    for damaged in [
        bytes[..bytes.len() - 20].to_vec(),
        flipped,
        b"\x00garbage".to_vec(),
    ] {
        fs::write(&manifest, &damaged).unwrap();
        let published = site_cached(&protected, &out, &files, Cache::Use).unwrap();
        assert_eq!(published.written, 3, "nothing reused");
        assert_eq!(published.warnings.len(), 1);
        assert!(
            published.warnings[0].contains("is unreadable and was ignored")
                && published.warnings[0].ends_with("building everything"),
            "{:?}",
            published.warnings
        );
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "b");
        // The cache is rewritten whole and trusted again.
        let again = site_cached(&protected, &out, &files, Cache::Use).unwrap();
        assert_eq!((again.written, again.warnings.len()), (1, 0));
    }
}

#[test]
fn a_clean_build_ignores_the_cache_and_rewrites_it() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    let files = [artifact("a.html", "a")];
    site_cached(&protected, &out, &files, Cache::Use).unwrap();
    let before = inode(&out.join("a.html"));
    let published = site_cached(&protected, &out, &files, Cache::Rewrite).unwrap();
    assert_eq!(published.written, 2);
    assert_ne!(inode(&out.join("a.html")), before);
    let published = site_cached(&protected, &out, &files, Cache::Use).unwrap();
    assert_eq!(
        published.written, 1,
        "the rewritten cache is used next time"
    );
}

#[test]
fn the_cache_is_never_in_the_project_inputs() {
    let (dir, protected) = project();
    let incidents = dir.path().join("project/incidents");
    fs::create_dir_all(&incidents).unwrap();
    std::os::unix::fs::symlink(&incidents, dir.path().join(".hindsight-cache")).unwrap();
    let out = dir.path().join("public");
    let error = site_cached(&protected, &out, &[artifact("a.html", "a")], Cache::Use)
        .unwrap_err()
        .to_string();
    assert!(error.contains("input folder"), "{error}");
    assert!(names(&incidents).is_empty());
    assert!(!out.exists(), "nothing published");
}

mod kept;
mod unchanged;
