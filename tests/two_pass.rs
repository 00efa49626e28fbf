//! `build` in two passes (`Project::load_for_build`: slim records checked a group at a
//! time, incident pages reading their files again) against the build of the whole corpus in
//! memory that `serve`, `notify` and the benches use: the same site byte for byte, a file
//! edited between the passes refused and never published, nothing private kept.

// The generator's modules are included as `gen_corpus` names them, at the crate's root.
#[path = "../examples/gen_corpus/bank.rs"]
mod bank;
#[path = "../examples/gen_corpus/corpus.rs"]
#[allow(dead_code)]
mod corpus;
#[path = "../examples/gen_corpus/hugo.rs"]
mod hugo;
#[path = "../examples/gen_corpus/phrases.rs"]
mod phrases;
#[path = "../examples/gen_corpus/prose.rs"]
mod prose;
#[path = "../examples/gen_corpus/record.rs"]
mod record;
#[path = "../examples/gen_corpus/rng.rs"]
mod rng;
#[path = "../examples/gen_corpus/yaml.rs"]
mod yaml;

use std::path::Path;

use chrono::{DateTime, Utc};
use hindsight::build::Quiet;
use hindsight::diagnostic::Severity;
use hindsight::project::{self, Outcome, Project};

/// The tests' fixed "now" (2026-11-22T12:00Z), as tests/common sets it.
fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_348_800, 0).unwrap()
}

/// Every file of the site of the project at `root`: (path, bytes), by path.
type Site = Vec<(String, Vec<u8>)>;

/// The site built from the whole corpus in memory (as `serve` and the benches build it).
/// With the lint's report, as the build prints it.
fn held(root: &Path) -> (String, Site) {
    let project = Project::load(root, &[]).unwrap();
    let report = project.check(now());
    (format!("{report:?}"), built(&project, report))
}

/// The site `hindsight build` makes: two passes.
fn streamed(root: &Path) -> (String, Site) {
    let (project, report) = Project::load_for_build(root, now()).unwrap();
    (format!("{report:?}"), built(&project, report))
}

fn built(project: &Project, report: hindsight::check::Report) -> Site {
    assert_eq!(report.count(Severity::Error), 0, "{report:?}");
    let Outcome::Done(built) = project::build_site(project, report, now(), &Quiet).unwrap() else {
        panic!("refused");
    };
    let artifacts = built.artifacts().unwrap().into_iter();
    artifacts
        .map(|a| (a.path.clone(), a.bytes.clone()))
        .collect()
}

fn assert_same(root: &Path) {
    let ((held_report, held), (streamed_report, streamed)) = (held(root), streamed(root));
    assert_eq!(held_report, streamed_report, "{}", root.display());
    assert!(held.len() > 10, "{}: {} files", root.display(), held.len());
    let paths = |site: &Site| site.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&held), paths(&streamed), "{}", root.display());
    for ((path, a), (_, b)) in held.iter().zip(&streamed) {
        assert!(a == b, "{}: {path} differs", root.display());
    }
}

/// A generated project of `incidents` records (with overlays, maintenances, drafts and
/// stale translations) in a temporary folder.
fn generated(incidents: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let options = corpus::Options {
        incidents,
        seed: 1,
        hugo: false,
    };
    corpus::write_to(&options, dir.path(), None).unwrap();
    dir
}

#[test]
fn the_two_pass_site_is_the_site_of_the_corpus_in_memory() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_same(manifest);
    for fixture in ["maintenance", "uptime"] {
        assert_same(&manifest.join("tests/fixtures/build").join(fixture));
    }
    assert_same(generated(120).path());
}

/// A published incident's record under `dir` (not a maintenance).
fn published_incident(dir: &Path) -> std::path::PathBuf {
    let mut records: Vec<_> = std::fs::read_dir(dir.join("incidents"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .matches('.')
                .count()
                == 1
        })
        .collect();
    records.sort();
    records
        .into_iter()
        .find(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            text.contains("status: published") && !text.contains("kind: maintenance")
        })
        .unwrap()
}

/// Changes one letter of the record's title: the same length, other bytes.
fn edit_title(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let start = text.find("title: ").unwrap() + "title: ".len();
    let at = (start..bytes.len())
        .find(|&i| bytes[i].is_ascii_lowercase())
        .unwrap();
    bytes[at] = if bytes[at] == b'q' { b'z' } else { b'q' };
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_file_edited_between_the_passes_is_refused_and_nothing_is_published() {
    // Edited before the site's plan is made (its API lists read every incident again), and
    // after it, while the pages are rendered and published.
    for edit_after_plan in [false, true] {
        let project_dir = generated(30);
        let record = published_incident(project_dir.path());
        let name = record.file_name().unwrap().to_string_lossy().to_string();
        let (project, report) = Project::load_for_build(project_dir.path(), now()).unwrap();
        if !edit_after_plan {
            edit_title(&record);
        }
        let out_dir = tempfile::tempdir().unwrap();
        let out = out_dir.path().join("public");
        let result = project::build_site(&project, report, now(), &Quiet).and_then(|built| {
            let Outcome::Done(built) = built else {
                panic!("refused");
            };
            if edit_after_plan {
                edit_title(&record);
            }
            let protected = project.protected()?;
            let cache = hindsight::publish::Cache::Use;
            hindsight::publish::site_cached(&protected, &out, &built, cache)
        });
        let Err(error) = result else {
            panic!("the build must fail");
        };
        let message = format!("{error:#}");
        assert!(
            message.contains(&name) && message.contains("changed during the build; build again"),
            "{message}"
        );
        assert!(!out.exists(), "nothing is published");
        let left: Vec<_> = std::fs::read_dir(out_dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .filter(|name| name != ".hindsight-cache")
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn the_slim_corpus_keeps_nothing_private() {
    let dir = generated(10);
    let incidents = dir.path().join("incidents");
    let records: Vec<_> = std::fs::read_dir(&incidents)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .matches('.')
                .count()
                == 1
        })
        .collect();
    for (n, path) in records.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let marker = format!("PRIVATE-MARKER-{n}");
        std::fs::write(path, format!("{text}internal: {marker} secret\n")).unwrap();
        // The overlay's own `internal` pair.
        let overlay = path.with_extension("de.yaml");
        if let Ok(text) = std::fs::read_to_string(&overlay) {
            let pair = format!("internal:\n  source: {marker} secret\n  text: {marker} geheim\n");
            std::fs::write(&overlay, format!("{text}{pair}")).unwrap();
        }
    }
    let (project, _) = Project::load_for_build(dir.path(), now()).unwrap();
    let kept = format!("{:?}", project.corpus);
    assert!(
        !kept.contains("PRIVATE"),
        "the slim corpus keeps `internal`"
    );
    // The records are there, without their source text.
    assert_eq!(project.corpus.records.len(), records.len());
    assert!(
        project
            .corpus
            .records
            .iter()
            .all(|r| r.source.text.is_empty())
    );
    let held = Project::load(dir.path(), &[]).unwrap();
    assert!(format!("{:?}", held.corpus).contains("PRIVATE-MARKER-0"));
}
