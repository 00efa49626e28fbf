//! `hindsight serve`: the live preview. The site is built in memory with the preview option
//! (drafts and reviews shown, marked), served over HTTP, rebuilt when a project file changes,
//! and open pages reload; a build with errors keeps the last good site served.
//!
//! Nothing here writes to the disk: the project's files are read through the pipeline only,
//! and requests are answered from the in-memory build alone.

mod http;
mod reload;
mod watch;

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
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
/// from changes.
struct Builder {
    root: PathBuf,
    now: Box<dyn Fn() -> anyhow::Result<DateTime<Utc>> + Send>,
    assets: Option<SiteAssets>,
    observer: Observer,
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
        let result = self.try_build(clock, changed);
        match result {
            Ok(Attempt::Built(files)) => {
                // The preview keeps its site in memory to answer requests: small sites.
                let files: HashMap<String, Bytes> = files
                    .into_iter()
                    .map(|artifact| (artifact.path, Bytes::from(artifact.bytes)))
                    .collect();
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

    fn try_build(&mut self, clock: Instant, changed: &[PathBuf]) -> anyhow::Result<Attempt> {
        let now = (self.now)()?;
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
        let built = build::build_with(&project.corpus, assets, now, &build::Quiet, options)?;
        let files = built.artifacts()?;
        (self.observer)(Event::Built {
            built: &built,
            elapsed: clock.elapsed(),
            changed,
        });
        Ok(Attempt::Built(files))
    }
}

enum Attempt {
    Built(Vec<crate::render::site::Artifact>),
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
