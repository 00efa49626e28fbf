//! `hindsight notify`: what changed on the public page since `--since REF` (or a published
//! `--previous DIR`), told to the channels of site/config.yaml exactly once.

use std::path::{Path, PathBuf};

use hindsight::diagnostic::{Severity, display_path};
use hindsight::localize::site::rfc3339;
use hindsight::notify::{self, ChannelReport, DeliveryLog, Event, Previous, Run, Status};
use hindsight::project::{self, Project};
use serde::Serialize;

use super::terminal::{now, print, report_on_stderr};
use super::{ListFormat, Outcome};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("compare_with").required(true).args(["since", "previous"])))]
pub(crate) struct Args {
    /// The git ref the public page is compared with (e.g. the commit notified last, or
    /// `${{ github.event.before }}`); a ref before the project existed sends nothing.
    #[arg(long, value_name = "REF")]
    since: Option<String>,
    /// A previously published site (the folder holding `api/v2/`) to compare with instead.
    #[arg(long, value_name = "DIR")]
    previous: Option<PathBuf>,
    /// Print what would be sent; send nothing, write no log, need no secrets.
    #[arg(long)]
    dry_run: bool,
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
    /// The delivery log (default: notify-log.json in the project); the CI job commits it.
    #[arg(long, value_name = "FILE")]
    log: Option<PathBuf>,
}

pub(crate) fn run(root: Option<&Path>, args: Args) -> anyhow::Result<Outcome> {
    let now = now()?;
    let root = project::find_root(root, None);
    let project = Project::load(&root, &[])?;
    let report = project.check(now);
    if report.count(Severity::Error) > 0 {
        report_on_stderr(&project, &report);
        anyhow::bail!("the site does not build (the errors above); nothing was sent");
    }
    let log_path = args.log.unwrap_or_else(|| root.join("notify-log.json"));
    let mut log = DeliveryLog::load(&log_path)?;
    // The commit (and "now") compared with: the one `--since` names, or, while an earlier
    // run left deliveries undone, that run's start, so nothing it failed to send is lost.
    let mut started_from = None;
    let previous = match (&args.since, &args.previous) {
        (Some(reference), _) => {
            // The page as subscribers were last told it: the old records at the last run's
            // "now", so windows that began or ended by the clock since then are news.
            let (reference, then) = match log.retry_from() {
                Some((commit, at)) => (commit, at),
                None => (
                    reference.clone(),
                    log.last_run().filter(|t| *t <= now).unwrap_or(now),
                ),
            };
            started_from = notify::previous::commit_of(&root, &reference).map(|c| (c, then));
            notify::previous::at_ref(&root, &reference, then)?
        }
        (None, Some(dir)) => notify::previous::from_dir(dir)?,
        (None, None) => unreachable!("clap requires one"),
    };
    let events = notify::events_since(&project, &previous, now)?;
    let env = |name: &str| std::env::var(name).ok();
    let run = Run::new(args.dry_run, now, &env);
    let config = &project.corpus.config.config;
    let before = log.clone();
    let reports = notify::deliver(config, &events, &mut log, &run);
    if reports.iter().any(ChannelReport::failed) {
        if let Some((commit, then)) = &started_from {
            log.keep_retry_from(commit, *then);
        }
    } else {
        log.clear_retry_from();
    }
    // Written after deliveries (or when what is left to retry changed); and once on a
    // project's first run with channels, to keep the time later runs derive the previous
    // page at (clock-driven changes are news then).
    let written =
        !args.dry_run && (log != before || (log.last_run().is_none() && !config.notify.is_empty()));
    if written {
        log.set_last_run(now);
        project::write_document(&project, &log_path, &log.to_json())?;
    }
    let first_run = previous == Previous::Nothing;
    match args.format {
        ListFormat::Human => print(&human(
            &events,
            &reports,
            first_run,
            args.dry_run,
            (&log_path, written),
        ))?,
        ListFormat::Json => print(&json(&events, &reports, first_run, args.dry_run)?)?,
    }
    let failed: Vec<&ChannelReport> = reports.iter().filter(|r| r.failed()).collect();
    if failed.is_empty() {
        return Ok(Outcome::Clean);
    }
    let names: Vec<&str> = failed.iter().map(|r| r.key.as_str()).collect();
    eprintln!(
        "error: not everything was delivered to {}; the next run tries again",
        names.join(", ")
    );
    Ok(Outcome::Findings)
}

fn status_word(status: &Status) -> (&'static str, Option<&str>) {
    match status {
        Status::Sent => ("sent", None),
        Status::WouldSend => ("would send", None),
        Status::AlreadySent => ("already sent", None),
        Status::Failed(reason) => ("failed", Some(reason)),
        Status::NotTried => ("not tried", Some("an earlier event to this channel failed")),
    }
}

fn human(
    events: &[Event],
    reports: &[ChannelReport],
    first_run: bool,
    dry_run: bool,
    (log, written): (&Path, bool),
) -> String {
    let mut out = String::new();
    if first_run {
        out.push_str("no previous state (the project did not exist then): nothing to send; the next run compares with this one\n");
        return out;
    }
    out.push_str(&match events.len() {
        0 => "no changes on the public page\n".to_string(),
        1 => "1 event:\n".to_string(),
        n => format!("{n} events:\n"),
    });
    for event in events {
        match event.texts.values().next() {
            Some(text) => out.push_str(&format!(
                "  {}  {}  {} ({})\n",
                event.kind, event.subject, text.title, text.status
            )),
            None => out.push_str(&format!("  {}  {}\n", event.kind, event.subject)),
        }
    }
    if reports.is_empty() && !events.is_empty() {
        out.push_str("no channels: add `notify:` to site/config.yaml\n");
    }
    for report in reports {
        out.push_str(&format!("channel {} ({}):\n", report.key, report.kind));
        if let Some(error) = &report.error {
            out.push_str(&format!("  error: {error}\n"));
        }
        for (id, status) in &report.events {
            let (word, reason) = status_word(status);
            match reason {
                Some(reason) => out.push_str(&format!("  {word}  {id}: {reason}\n")),
                None => out.push_str(&format!("  {word}  {id}\n")),
            }
        }
        if report.events.is_empty() {
            out.push_str("  nothing for this channel\n");
        }
    }
    if dry_run {
        out.push_str("dry run: nothing was sent and the log is unchanged\n");
    } else if written {
        out.push_str(&format!("delivery log: {} updated\n", display_path(log)));
    } else {
        out.push_str(&format!("delivery log: {} unchanged\n", display_path(log)));
    }
    out
}

#[derive(Serialize)]
struct Summary<'a> {
    dry_run: bool,
    first_run: bool,
    events: Vec<EventJson<'a>>,
    channels: Vec<ChannelJson<'a>>,
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    subject: &'a str,
    components: &'a [String],
    at: String,
}

#[derive(Serialize)]
struct ChannelJson<'a> {
    channel: &'a str,
    kind: &'static str,
    error: Option<&'a str>,
    events: Vec<DeliveryJson<'a>>,
}

#[derive(Serialize)]
struct DeliveryJson<'a> {
    id: &'a str,
    status: String,
    reason: Option<&'a str>,
}

fn json(
    events: &[Event],
    reports: &[ChannelReport],
    first_run: bool,
    dry_run: bool,
) -> anyhow::Result<String> {
    let summary = Summary {
        dry_run,
        first_run,
        events: events
            .iter()
            .map(|e| EventJson {
                id: &e.id,
                kind: e.kind.as_str(),
                subject: &e.subject,
                components: &e.components,
                at: rfc3339(e.at),
            })
            .collect(),
        channels: reports
            .iter()
            .map(|r| ChannelJson {
                channel: &r.key,
                kind: r.kind.as_str(),
                error: r.error.as_deref(),
                events: r
                    .events
                    .iter()
                    .map(|(id, status)| {
                        let (word, reason) = status_word(status);
                        DeliveryJson {
                            id,
                            status: word.replace(' ', "_"),
                            reason,
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&summary)?;
    text.push('\n');
    Ok(text)
}
