//! A site that stands for its build key: skipped only while untouched.

use std::io::Write as _;

use super::*;

fn state(key: &str) -> State {
    State {
        key: key.to_string(),
        pages: 2,
        languages: 1,
        incidents: 0,
        next_change: None,
        findings: None,
    }
}

/// Publishes `files` into `out` with the cache, recording the build's state as `state` says.
fn publish_recording(
    protected: &Protected,
    out: &Path,
    files: &[Artifact],
    state: &dyn Fn() -> Option<State>,
) {
    let recording = || Recording {
        page_keys: true,
        state: state(),
    };
    site_recorded(
        protected,
        out,
        files,
        Cache::Use,
        Inputs::default(),
        &recording,
    )
    .unwrap();
}

#[test]
fn a_site_stands_only_for_its_own_key_and_only_while_intact() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    let files = [artifact("en/a.html", "a"), artifact("b.html", "b")];
    let record = || Some(state("k1"));
    publish_recording(&protected, &out, &files, &record);
    let (published, stood) = unchanged(&protected, &out, "k1", &previous(&protected, &out))
        .unwrap()
        .unwrap();
    assert_eq!((published.files, published.written), (3, 0));
    assert_eq!(stood, state("k1"));
    assert!(
        unchanged(&protected, &out, "k2", &previous(&protected, &out))
            .unwrap()
            .is_none()
    );
    // Anything done to the site by hand: the build is done again.
    let damages: [&dyn Fn(&Path); 11] = [
        // A folder's mode changed: a clean build would make it as usual.
        &|out| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let mode = std::os::unix::fs::PermissionsExt::from_mode(0o700);
            fs::set_permissions(out.join("en"), mode).unwrap();
        },
        &|out| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let mode = std::os::unix::fs::PermissionsExt::from_mode(0o700);
            fs::set_permissions(out, mode).unwrap();
        },
        &|out| fs::write(out.join("b.html"), "cc").unwrap(),
        // Bytes changed in place, the size and modification time kept (`touch -r`).
        &|out| {
            let file = out.join("b.html");
            let modified = fs::metadata(&file).unwrap().modified().unwrap();
            std::thread::sleep(std::time::Duration::from_millis(20));
            let mut handle = fs::OpenOptions::new().write(true).open(&file).unwrap();
            handle.write_all(b"X").unwrap();
            handle.set_modified(modified).unwrap();
        },
        &|out| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let mode = std::os::unix::fs::PermissionsExt::from_mode(0o600);
            fs::set_permissions(out.join("b.html"), mode).unwrap();
        },
        &|out| fs::remove_file(out.join("en/a.html")).unwrap(),
        &|out| fs::write(out.join("c.html"), "c").unwrap(),
        &|out| fs::create_dir(out.join("more")).unwrap(),
        &|out| std::os::unix::fs::symlink("b.html", out.join("d.html")).unwrap(),
        &|out| crate::publish::tests::make_fifo(&out.join("en/e.html")),
        // A repository inside, which a full build refuses to replace (so last, and removed).
        &|out| fs::create_dir(out.join("en/.git")).unwrap(),
    ];
    for damage in damages {
        publish_recording(&protected, &out, &files, &record);
        assert!(
            unchanged(&protected, &out, "k1", &previous(&protected, &out))
                .unwrap()
                .is_some()
        );
        damage(&out);
        assert!(
            unchanged(&protected, &out, "k1", &previous(&protected, &out))
                .unwrap()
                .is_none()
        );
    }
    fs::remove_dir(out.join("en/.git")).unwrap();
    // A build that records no state (a file changed while it read it) stands for nothing.
    publish_recording(&protected, &out, &files, &|| None);
    assert!(
        unchanged(&protected, &out, "k1", &previous(&protected, &out))
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_site_that_stands_still_has_the_debris_of_killed_builds_removed() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    let files = [artifact("a.html", "a")];
    publish_recording(&protected, &out, &files, &|| Some(state("k")));
    let debris = dir.path().join(".public.new-killed");
    fs::create_dir(&debris).unwrap();
    fs::write(debris.join(MARKER), MARKER_TEXT).unwrap();
    assert!(
        unchanged(&protected, &out, "k", &previous(&protected, &out))
            .unwrap()
            .is_some()
    );
    assert_eq!(names(dir.path()), [".hindsight-cache", "public"]);
}
