//! `build` in two passes (`Project::load_for_build`: slim records checked a group at a
//! time, incident pages reading their files again) against the build of the whole corpus in
//! memory that `serve`, `notify` and the benches use: the same site byte for byte, a file
//! edited between the passes refused and never published, nothing private kept.

include!("../examples/gen_corpus/modules.rs");

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
    records_of(dir)
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
    let records = records_of(dir.path());
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

/// A copy of the example project (incidents/ and site/) in a temporary folder.
fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["incidents", "site"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(manifest.join(folder)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                let to = dir.path().join(folder).join(entry.file_name());
                std::fs::copy(entry.path(), to).unwrap();
            }
        }
    }
    dir
}

fn incidents_of(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("incidents"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The record files under `dir` (not overlays), sorted.
fn records_of(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = incidents_of(dir);
    files.retain(|path| is_record(path));
    files
}

/// Whether `path` names a record (`<id>.yaml`), not an overlay (`<id>.<lang>.yaml`).
fn is_record(path: &Path) -> bool {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .matches('.')
        .count()
        == 1
}

#[test]
fn tricky_files_build_the_same_site_in_two_passes_and_keep_nothing_private() {
    let dir = example_copy();
    let files = incidents_of(dir.path());
    for (n, path) in files.iter().enumerate() {
        let mut text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let record = is_record(path);
        if record {
            text.push_str(&format!("internal: PRIVATE-MARKER-R{n} secret\n"));
        } else {
            text.push_str(&format!(
                "internal:\n  source: PRIVATE-MARKER-O{n}\n  text: PRIVATE-MARKER-T{n}\n"
            ));
        }
        // Every other file with a byte-order mark and CRLF line ends.
        if n % 2 == 0 {
            text = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        }
        std::fs::write(path, text).unwrap();
        // A draft next to each published record, with a marker in every text.
        if record && n % 3 == 0 {
            let text = std::fs::read_to_string(path).unwrap();
            let draft = text
                .replace("status: published", "status: draft")
                .replace("title: ", "title: PRIVATE-MARKER-D ");
            let stem = name.trim_end_matches(".yaml");
            let draft_path = path.with_file_name(format!("{stem}-draft.yaml"));
            std::fs::write(draft_path, draft).unwrap();
        }
    }
    // A stale translation: the record's title changed after its overlay was made.
    let stale = dir
        .path()
        .join("incidents/2023-12-17-logto-image-deleted.yaml");
    let text = std::fs::read_to_string(&stale).unwrap();
    std::fs::write(
        &stale,
        text.replacen("Production Docker", "Production OCI", 1),
    )
    .unwrap();
    assert_same(dir.path());
    let (project, _) = Project::load_for_build(dir.path(), now()).unwrap();
    let kept = format!("{:?}", project.corpus);
    // Drafts are kept (the status leaves them out); `internal` text never is, nor the
    // source text of a file the report quotes.
    for marker in ["PRIVATE-MARKER-R", "PRIVATE-MARKER-O", "PRIVATE-MARKER-T"] {
        assert!(!kept.contains(marker), "the slim corpus keeps {marker}");
    }
    let (_, site) = streamed(dir.path());
    for (path, bytes) in &site {
        assert!(!path.contains("PRIVATE"), "{path}");
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("PRIVATE-MARKER"),
            "{path} holds private text"
        );
    }
}

/// Builds the project at `root` in two passes, doing `between` to the files between them;
/// the error the build fails with (it must fail), and checks nothing was published.
fn refused_when(root: &Path, between: impl FnOnce()) -> String {
    let (project, report) = Project::load_for_build(root, now()).unwrap();
    between();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("public");
    let (done, wait) = std::sync::mpsc::channel();
    let result = std::thread::scope(|scope| {
        let build = scope.spawn(|| {
            let result = project::build_site(&project, report, now(), &Quiet).and_then(|built| {
                let Outcome::Done(built) = built else {
                    panic!("refused");
                };
                let protected = project.protected()?;
                let cache = hindsight::publish::Cache::Use;
                hindsight::publish::site_cached(&protected, &out, &built, cache)
            });
            done.send(()).unwrap();
            result
        });
        wait.recv_timeout(std::time::Duration::from_secs(120))
            .expect("the build hangs");
        build.join().unwrap()
    });
    let Err(error) = result else {
        panic!("the build must fail");
    };
    assert!(!out.exists(), "nothing is published");
    format!("{error:#}")
}

#[test]
fn a_file_replaced_deleted_or_made_a_pipe_between_the_passes_is_refused() {
    let dir = example_copy();
    let record = dir
        .path()
        .join("incidents/2023-12-17-logto-image-deleted.yaml");
    let overlay = record.with_extension("de.yaml");
    let original = std::fs::read(&record).unwrap();
    // Deleted.
    let message = refused_when(dir.path(), || std::fs::remove_file(&overlay).unwrap());
    assert!(message.contains("changed during the build"), "{message}");
    let dir = example_copy();
    let record = dir
        .path()
        .join("incidents/2023-12-17-logto-image-deleted.yaml");
    // A pipe nobody writes to: never opened for reading.
    let message = refused_when(dir.path(), || {
        std::fs::remove_file(&record).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(&record)
            .status()
            .unwrap();
        assert!(status.success());
    });
    assert!(message.contains("changed during the build"), "{message}");
    // A link to a file with other bytes.
    let dir = example_copy();
    let record = dir
        .path()
        .join("incidents/2023-12-17-logto-image-deleted.yaml");
    let outside = tempfile::tempdir().unwrap();
    let other = outside.path().join("other.yaml");
    let text = String::from_utf8(original).unwrap();
    std::fs::write(
        &other,
        text.replace("status: published", "status: draft    "),
    )
    .unwrap();
    let message = refused_when(dir.path(), || {
        std::fs::remove_file(&record).unwrap();
        std::os::unix::fs::symlink(&other, &record).unwrap();
    });
    assert!(message.contains("changed during the build"), "{message}");
}

#[test]
fn a_file_swapped_with_a_pipe_while_it_is_read_never_hangs_the_load() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    // A project of one record, read over and over while its place is a file, then a
    // pipe, then a file, … (each put there by a rename).
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    std::fs::create_dir(root.join("incidents")).unwrap();
    let name = "incidents/2023-12-17-logto-image-deleted.yaml";
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap();
    let record = root.join(name);
    std::fs::write(&record, &text).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let swapper = {
        let (stop, root, record) = (stop.clone(), root.clone(), record.clone());
        std::thread::spawn(move || {
            let (regular, pipe) = (root.join("regular"), root.join("pipe"));
            let mode = rustix::fs::Mode::from_raw_mode(0o644);
            for n in 0u64.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                if n % 2 == 0 {
                    std::fs::write(&regular, &text).unwrap();
                    std::fs::rename(&regular, &record).unwrap();
                } else {
                    rustix::fs::mknodat(
                        rustix::fs::CWD,
                        &pipe,
                        rustix::fs::FileType::Fifo,
                        mode,
                        0,
                    )
                    .unwrap();
                    std::fs::rename(&pipe, &record).unwrap();
                }
            }
        })
    };
    let (done, wait) = std::sync::mpsc::channel();
    {
        let root = root.clone();
        std::thread::spawn(move || {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
            while std::time::Instant::now() < deadline {
                // Read or refused: what matters is that it answers.
                let _ = Project::load(&root, &[]);
            }
            let _ = done.send(());
        });
    }
    let answered = wait.recv_timeout(std::time::Duration::from_secs(60));
    stop.store(true, Ordering::Relaxed);
    // A stuck read is left behind (the pipe it waits on may have no name any more).
    assert!(
        answered.is_ok(),
        "a read of the record hangs on the pipe put at its place"
    );
    swapper.join().unwrap();
}

#[test]
fn namesake_overlays_in_subfolders_build_the_same_site_in_two_passes() {
    let dir = example_copy();
    let incidents = dir.path().join("incidents");
    let overlay = incidents.join("2023-12-17-logto-image-deleted.de.yaml");
    let text = std::fs::read_to_string(&overlay).unwrap();
    for folder in ["a", "z"] {
        std::fs::create_dir(incidents.join(folder)).unwrap();
        let text = text.replacen("  text: ", &format!("  text: {folder} "), 1);
        std::fs::write(
            incidents.join(folder).join(overlay.file_name().unwrap()),
            text,
        )
        .unwrap();
    }
    assert_same(dir.path());
}
