//! `hindsight serve`: the live preview's arguments and what it prints.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;

use hindsight::diagnostic::display_path;
use hindsight::project;
use hindsight::report::counted;
use hindsight::serve::{self, Event};

use super::terminal::{now, report_on_stderr, warnings};
use super::{Outcome, output};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 4010)]
    port: u16,
    /// The address to listen on. Anything but a loopback address shares the preview,
    /// drafts included, with the network.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// Open the preview in the browser.
    #[arg(long)]
    open: bool,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    now()?;
    let root = project::find_root(root, None);
    if !project::has_config(&root) {
        anyhow::bail!(
            "{} has no site/config.yaml, so there is no site to preview: start a project with `hindsight init`, or name one with --root",
            display_path(&root)
        );
    }
    let listener = serve::bind(SocketAddr::new(args.bind, args.port))?;
    let address = listener.local_addr()?;
    // Said even with --quiet: the drafts are open to the network.
    if !args.bind.is_loopback() {
        output::needed_warning(&format!(
            "serving on {address}: anyone who can reach it sees the preview, drafts and records in review included"
        ));
    }
    let url = format!("http://{address}/");
    let observer: serve::Observer = Arc::new(|event: Event<'_>| match event {
        Event::Built {
            built,
            kept,
            elapsed,
            changed,
        } => {
            warnings(&built.site.warnings);
            let cause = match changed {
                [] => String::new(),
                [one] => format!(" after a change to {}", display_path(one)),
                many => format!(" after changes to {}", counted(many.len(), "file")),
            };
            let kept = match kept {
                0 => String::new(),
                kept => format!(" ({} as they were)", counted(kept, "page")),
            };
            output::status(&format!(
                "built{cause}: {} in {}, {}, in {:.0} ms{kept}",
                counted(built.site.pages, "page"),
                counted(built.site.languages, "language"),
                counted(built.site.incidents, "incident"),
                elapsed.as_secs_f64() * 1000.0
            ));
        }
        Event::Refused {
            project,
            report,
            first,
        } => {
            report_on_stderr(project, report);
            eprintln!("error: {}", not_rebuilt(first));
        }
        Event::Failed(error, first) => {
            eprintln!("error: {error:#}");
            eprintln!("error: {}", not_rebuilt(first));
        }
    });
    let open = args.open;
    serve::run(listener, &root, now, observer, move || {
        // The address first, alone on its line, for people and scripts alike: serve's one
        // result, so on standard output, and printed with --quiet too.
        println!("serving {url} (drafts shown, marked; Ctrl-C stops)");
        if open {
            open_browser(&url);
        }
    })?;
    Ok(Outcome::Clean)
}

/// What is served while a build fails: the last good one, or a page that waits for the first.
fn not_rebuilt(first: bool) -> &'static str {
    if first {
        "no site yet: the preview waits for the first good build"
    } else {
        "not rebuilt; the last good build is still served"
    }
}

/// Opens `url` in the default browser; a failure only means the user opens it.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
