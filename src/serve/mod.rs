//! `hindsight serve`: the live preview. The site is built in memory with the preview option
//! (drafts and reviews shown, marked), served over HTTP, rebuilt when a project file changes
//! (an incident page whose key did not change is taken from the last build, not rendered:
//! `build::PageKeys`), and open pages reload; a build with errors keeps the last good site
//! served.
//!
//! Nothing here writes to the disk: the project's files are read through the pipeline only,
//! and requests are answered from the in-memory build alone.

mod http;
mod reload;
mod watch;

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};
use hyper::body::Bytes;
use tokio::sync::watch as channel;

use crate::build::{self, Built, Options, SiteAssets};
use crate::diagnostic::Severity;
use crate::project::Project;

/// What the preview serves at one moment: the last good site and the errors of the latest
/// build, if it failed.
#[derive(Debug, Default)]
pub(crate) struct Snapshot {
    /// The number of the last good build; pages carry it, and reload when it changes.
    pub(crate) build: u64,
    /// The last good build's files, by path; `None` until a build succeeds.
    pub(crate) files: Option<Arc<HashMap<String, Bytes>>>,
    /// Why the latest build did not replace the site (the lint report, or the error).
    pub(crate) errors: Option<String>,
}

/// What happened on a build, for the terminal.
pub enum Event<'a> {
    /// A new site is served.
    Built {
        built: &'a Built<'a>,
        /// Of its pages, those kept from the last one: nothing they show changed.
        kept: usize,
        elapsed: Duration,
        /// The files whose change started it, relative to the root (none for the first
        /// build).
        changed: &'a [PathBuf],
    },
    /// The project has lint errors: the last good site stays (`first`: there is none yet).
    Refused {
        project: &'a Project,
        report: &'a crate::check::Report,
        first: bool,
    },
    /// The project could not be read or built at all (`first`: no site was built yet).
    Failed(&'a anyhow::Error, bool),
}

/// Tells the command what happened; called from the watcher's thread.
pub type Observer = Arc<dyn Fn(Event<'_>) + Send + Sync>;

/// Binds `addr` (port 0 picks a free one); a clear error when it is taken.
pub fn bind(addr: SocketAddr) -> anyhow::Result<TcpListener> {
    let listener = TcpListener::bind(addr).map_err(|error| match error.kind() {
        std::io::ErrorKind::AddrInUse => {
            anyhow::anyhow!(
                "cannot listen on {addr}: the address is in use; pick another port with --port"
            )
        }
        _ => anyhow::Error::new(error).context(format!("cannot listen on {addr}")),
    })?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// The preview's builds: the project at `root`, its assets kept until a file they come
/// from changes, and what the last good build read and keyed, so that the next one hashes
/// only the files that changed and renders only the incident pages whose key changed.
struct Builder {
    root: PathBuf,
    now: Box<dyn Fn() -> anyhow::Result<DateTime<Utc>> + Send>,
    assets: Option<SiteAssets>,
    observer: Observer,
    /// The inputs of the last good build.
    inputs: crate::publish::Inputs,
    /// The key of each page of the last good build that has one, by path.
    keys: HashMap<String, String>,
}

impl Builder {
    /// Builds the site anew and says what the next snapshot is, from the `previous` one.
    fn rebuild(&mut self, previous: &Snapshot, changed: &[PathBuf]) -> Snapshot {
        let clock = Instant::now();
        let stale = |snapshot_errors: String| Snapshot {
            build: previous.build,
            files: previous.files.clone(),
            errors: Some(snapshot_errors),
        };
        if changed.iter().any(|path| watch::is_asset(path)) {
            self.assets = None;
        }
        let result = self.try_build(previous, clock, changed);
        match result {
            Ok(Attempt::Built(site)) => {
                let InMemory {
                    files,
                    keys,
                    inputs,
                } = *site;
                (self.keys, self.inputs) = (keys, inputs);
                // The same site again (an editor's swap file, a save without a change) keeps
                // its number, so that open pages do not reload under their reader.
                let same = previous.files.as_deref() == Some(&files);
                Snapshot {
                    build: previous.build + u64::from(!same),
                    files: Some(Arc::new(files)),
                    errors: None,
                }
            }
            Ok(Attempt::Refused(project, report)) => {
                (self.observer)(Event::Refused {
                    project: &project,
                    report: &report,
                    first: previous.files.is_none(),
                });
                let sources = crate::report::sources(&project.corpus);
                stale(crate::report::human(&report, &sources, false))
            }
            Err(error) => {
                (self.observer)(Event::Failed(&error, previous.files.is_none()));
                stale(format!("error: {error:#}\n"))
            }
        }
    }

    fn try_build(
        &mut self,
        previous: &Snapshot,
        clock: Instant,
        changed: &[PathBuf],
    ) -> anyhow::Result<Attempt> {
        let now = (self.now)()?;
        let sources = crate::discover::discover(&self.root, &[])?;
        let mut fingerprint = crate::project::fingerprint(&self.root, &sources, now, &self.inputs);
        let project = Project::load(&self.root, &[])?;
        let report = project.check(now);
        if report.count(Severity::Error) > 0 {
            return Ok(Attempt::Refused(Box::new(project), report));
        }
        if self.assets.is_none() {
            self.assets = Some(SiteAssets::load(&self.root)?);
        }
        let assets = self.assets.as_ref().context("the site's assets")?;
        let options = Options { preview: true };
        let keys = fingerprint.as_mut().and_then(|fingerprint| {
            let pages = fingerprint.take_pages(&self.root, &sources)?;
            build::PageKeys::new(pages.site, pages.groups)
        });
        let built = build::build_keyed(&project.corpus, assets, now, &build::Quiet, options, keys)?;
        let keeper = Keeper {
            files: previous.files.as_deref(),
            keys: &self.keys,
            kept: Mutex::new(Vec::new()),
        };
        let rendered = Mutex::new(Vec::new());
        built.for_each_artifact_keeping(&keeper, &|artifact| {
            rendered
                .lock()
                .map_err(|_| anyhow::anyhow!("a thread rendering the site failed"))?
                .push(artifact);
            Ok(())
        })?;
        let kept = keeper.kept.into_inner().unwrap_or_default();
        // An input changed since it was stamped: a page rendered now may show other bytes
        // than its key says, and a page kept may disagree with the lists rendered now.
        let still = fingerprint
            .as_ref()
            .is_some_and(|fingerprint| fingerprint.still());
        if !still && !kept.is_empty() {
            bail!("the project's files changed during the build; build again");
        }
        (self.observer)(Event::Built {
            built: &built,
            kept: kept.len(),
            elapsed: clock.elapsed(),
            changed,
        });
        let mut site = InMemory {
            inputs: fingerprint
                .map(|fingerprint| fingerprint.inputs)
                .unwrap_or_default(),
            ..InMemory::default()
        };
        for artifact in rendered.into_inner().unwrap_or_default() {
            if let Some(key) = artifact.key.filter(|_| still) {
                site.keys.insert(artifact.path.clone(), key);
            }
            site.files
                .insert(artifact.path, Bytes::from(artifact.bytes));
        }
        // The preview keeps its site in memory to answer requests: small sites.
        for (path, key) in kept {
            let bytes = keeper.files.and_then(|files| files.get(&path)).cloned();
            site.files.insert(path.clone(), bytes.unwrap_or_default());
            site.keys.insert(path, key);
        }
        Ok(Attempt::Built(Box::new(site)))
    }
}

/// A built site in memory, with what the next build needs to keep its pages.
#[derive(Default)]
struct InMemory {
    files: HashMap<String, Bytes>,
    keys: HashMap<String, String>,
    inputs: crate::publish::Inputs,
}

/// The last good build's pages, kept by a build whose page has the key they had.
struct Keeper<'a> {
    files: Option<&'a HashMap<String, Bytes>>,
    keys: &'a HashMap<String, String>,
    /// The pages kept, with their keys.
    kept: Mutex<Vec<(String, String)>>,
}

impl crate::publish::Keeper for Keeper<'_> {
    fn keep(&self, path: &str, key: &str) -> anyhow::Result<bool> {
        let held = self.files.is_some_and(|files| files.contains_key(path));
        if !held || self.keys.get(path).map(String::as_str) != Some(key) {
            return Ok(false);
        }
        self.kept
            .lock()
            .map_err(|_| anyhow::anyhow!("a thread rendering the site failed"))?
            .push((path.to_string(), key.to_string()));
        Ok(true)
    }
}

enum Attempt {
    Built(Box<InMemory>),
    Refused(Box<Project>, crate::check::Report),
}

/// Serves the project at `root` on `listener` until the process ends: builds it, then
/// rebuilds on every change under incidents/, site/, templates/ and locales/. `now` gives
/// "now" for each build; `ready` is called once the first build is done, before the first
/// request is answered.
pub fn run(
    listener: TcpListener,
    root: &Path,
    now: impl Fn() -> anyhow::Result<DateTime<Utc>> + Send + 'static,
    observer: Observer,
    ready: impl FnOnce(),
) -> anyhow::Result<()> {
    let mut builder = Builder {
        root: root.to_path_buf(),
        now: Box::new(now),
        assets: None,
        observer,
        inputs: Default::default(),
        keys: HashMap::new(),
    };
    // Watch before the first build, so that a change made during it is not missed.
    let changes = watch::start(root)?;
    let first = builder.rebuild(&Snapshot::default(), &[]);
    let (sender, receiver) = channel::channel(Arc::new(first));
    std::thread::Builder::new()
        .name("hindsight-watch".into())
        .spawn(move || {
            while let Ok(mut changed) = changes.recv() {
                // Saves that came during the last build make one build, not one each.
                while let Ok(more) = changes.try_recv() {
                    changed.extend(more);
                }
                changed.sort();
                changed.dedup();
                let previous = sender.borrow().clone();
                let next = builder.rebuild(&previous, &changed);
                sender.send_replace(Arc::new(next));
            }
        })
        .context("cannot start the file watcher")?;
    ready();
    http::serve(listener, receiver)
}
