//! Pages kept by their keys: linked from the previous site without being rendered, only when
//! the key is the one recorded for the file and the file is still as published.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A site whose pages have keys, rendering (counted) only those the keeper does not keep.
/// Each key is a hash (of the name the test gives it), as a build's are: the manifest records
/// no other.
struct Keyed {
    pages: Vec<(Artifact, String)>,
    rendered: AtomicUsize,
}

impl Keyed {
    fn new(pages: &[(&str, &str, &'static str)]) -> Keyed {
        let pages = pages
            .iter()
            .map(|&(path, text, key)| (artifact(path, text), cache::hash(key.as_bytes())))
            .collect();
        Keyed {
            pages,
            rendered: AtomicUsize::new(0),
        }
    }
}

impl Source for Keyed {
    fn for_each_artifact(
        &self,
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        self.for_each_artifact_keeping(&KeepNothing, emit)
    }

    fn for_each_artifact_keeping(
        &self,
        keeper: &dyn Keeper,
        emit: &(dyn Fn(Artifact) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<()> {
        for (page, key) in &self.pages {
            if !keeper.keep(&page.path, key)? {
                self.rendered.fetch_add(1, Ordering::Relaxed);
                emit(Artifact {
                    key: Some(key.to_string()),
                    ..page.clone()
                })?;
            }
        }
        Ok(())
    }
}

#[test]
fn a_page_is_kept_only_under_its_recorded_key_and_while_untouched() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    let build = |site: &Keyed, cache| site_cached(&protected, &out, site, cache).unwrap();
    let first = Keyed::new(&[("a.html", "A", "ka"), ("b.html", "B", "kb")]);
    build(&first, Cache::Use);
    assert_eq!(first.rendered.into_inner(), 2);
    // Same keys: nothing rendered, the same files linked.
    let before = inode(&out.join("a.html"));
    let again = Keyed::new(&[("a.html", "never shown", "ka"), ("b.html", "B", "kb")]);
    let published = build(&again, Cache::Use);
    assert_eq!((again.rendered.into_inner(), published.kept), (0, 2));
    assert_eq!(inode(&out.join("a.html")), before);
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A");
    // A new key renders the page; a page edited by hand is rendered whatever its key.
    fs::write(out.join("b.html"), "by hand").unwrap();
    let changed = Keyed::new(&[("a.html", "A2", "ka2"), ("b.html", "B", "kb")]);
    let published = build(&changed, Cache::Use);
    assert_eq!((changed.rendered.into_inner(), published.kept), (2, 0));
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A2");
    assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "B");
    // The keys were recorded again; a clean build keeps nothing.
    let clean = Keyed::new(&[("a.html", "A2", "ka2"), ("b.html", "B", "kb")]);
    assert_eq!(build(&clean, Cache::Rewrite).kept, 0);
    assert_eq!(clean.rendered.into_inner(), 2);
    let kept = Keyed::new(&[("a.html", "A2", "ka2"), ("b.html", "B", "kb")]);
    assert_eq!(build(&kept, Cache::Use).kept, 2);
    // Without the cache, nothing is kept.
    let off = Keyed::new(&[("a.html", "A2", "ka2"), ("b.html", "B", "kb")]);
    assert_eq!(build(&off, Cache::Off).kept, 0);
    assert_eq!(off.rendered.into_inner(), 2);
}

#[test]
fn pages_built_while_an_input_changed_leave_no_key_to_be_kept_by() {
    let (dir, protected) = project();
    let out = dir.path().join("public");
    // The build's inputs changed after they were stamped: its pages may show other bytes
    // than their keys say (an edit made during the build, undone after it).
    let shifting = Keyed::new(&[("a.html", "edited during the build", "ka")]);
    let moved = || Recording {
        page_keys: false,
        state: None,
    };
    site_recorded(
        &protected,
        &out,
        &shifting,
        Cache::Use,
        Inputs::default(),
        &moved,
    )
    .unwrap();
    let next = Keyed::new(&[("a.html", "A", "ka")]);
    let published = site_cached(&protected, &out, &next, Cache::Use).unwrap();
    assert_eq!((next.rendered.into_inner(), published.kept), (1, 0));
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A");
}
