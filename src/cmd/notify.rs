//! `hindsight notify`: what changed on the public page since `--since REF` (or a published
//! `--previous DIR`), told to the channels of site/config.yaml exactly once.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use hindsight::diagnostic::{Severity, display_path};
use hindsight::localize::site::rfc3339;
use hindsight::notify::{
    self, Asked, ChannelReport, DeliveryLog, Event, LogLock, Previous, Run, Start, Status,
};
use hindsight::project::{self, Project};
use hindsight::report::escape_controls;
use serde::Serialize;

use super::terminal::{now, print, report_on_stderr};
use super::{ListFormat, Outcome, output};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("compare_with").args(["since", "previous"])))]
pub(crate) struct Args {
    /// Compare with the public page at this git ref instead of the commit the delivery log
    /// keeps (the one notified last); a ref before the project existed sends nothing.
    #[arg(long, value_name = "REF")]
    since: Option<String>,
    /// A previously published site (the folder holding `api/v2/`) to compare with instead.
    #[arg(long, value_name = "DIR")]
    previous: Option<PathBuf>,
    /// Print what would be sent and check the channels' variables; send nothing, write no log.
    #[arg(long)]
    dry_run: bool,
    /// human: what was sent to each channel; json: the events and each delivery.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
    /// The delivery log (default: notify-log.json in the project); the CI job keeps it.
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
    let log_path = args
        .log
        .clone()
        .unwrap_or_else(|| root.join("notify-log.json"));
    // Refused before anything is sent, not after the first delivery.
    project::check_document_path(&project, &log_path)?;
    let _lock = LogLock::take(&log_path, || {
        output::status(
            "waiting for another `hindsight notify` run with the same delivery log to finish",
        );
    })?;
    let mut log = DeliveryLog::load(&log_path)?;
    let head = notify::previous::commit_of(&root, "HEAD");
    let asked = Asked {
        since: args.since.as_deref(),
        previous: args.previous.as_deref(),
    };
    let (previous, compared_with) = match notify::start(
        &root,
        &asked,
        &mut log,
        head.as_deref(),
        now,
    )? {
        Start::Compare {
            previous,
            from,
            notes,
        } => {
            for note in notes {
                output::status(&note);
            }
            (previous, from)
        }
        Start::AlreadyTold { commit } => {
            print(&match args.format {
                ListFormat::Human => format!(
                    "subscribers were told up to {commit}, newer than the commit checked out: nothing to send\n"
                ),
                ListFormat::Json => json(&[], &[], false, args.dry_run, Some(&commit))?,
            })?;
            return Ok(Outcome::Clean);
        }
    };
    let events = notify::events_since(&project, &previous, now)?;
    let env = |name: &str| std::env::var(name).ok();
    let config = &project.corpus.config.config;
    let save = |log: &DeliveryLog| {
        project::write_document(&project, &log_path, &log.to_json())
            .with_context(|| format!("cannot write the delivery log {}", display_path(&log_path)))
    };
    let before = log.clone();
    // Until every channel has everything, later runs compare with this run's start (written
    // before the first send, so a run stopped halfway is finished by the next).
    if let Some((commit, then)) = &compared_with
        && !args.dry_run
        && notify::pending(config, &events, &log)
    {
        log.keep_retry_from(commit, *then);
        save(&log)?;
    }
    let mut run = Run::new(args.dry_run, now, &env);
    run.checkpoint = &save;
    let reports = notify::deliver(config, &events, &mut log, &run)?;
    let complete = !reports.iter().any(ChannelReport::failed);
    if complete {
        log.clear_retry_from();
    }
    // Written when something was delivered or is left to retry, and on the first run with
    // channels, to keep the commit and time the next run compares with.
    let first_with_channels =
        log.last_commit().is_none() && head.is_some() && !config.notify.is_empty();
    // `--since` says where subscribers stand (after a history rewrite, say): kept even when
    // nothing was to send, or later runs would start from the old commit again.
    let restarted = complete && args.since.is_some() && log.last_commit() != head.as_deref();
    let written = !args.dry_run && (log != before || first_with_channels || restarted);
    if written {
        log.set_last_run(now);
        if complete {
            log.set_last_commit(head);
        }
        save(&log)?;
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
        ListFormat::Json => print(&json(&events, &reports, first_run, args.dry_run, None)?)?,
    }
    let failed: Vec<&ChannelReport> = reports.iter().filter(|r| r.failed()).collect();
    if failed.is_empty() {
        return Ok(Outcome::Clean);
    }
    let names: Vec<&str> = failed.iter().map(|r| r.key.as_str()).collect();
    if args.dry_run {
        output::status(&format!(
            "warning: a real run would not deliver everything to {} (see above)",
            names.join(", ")
        ));
        return Ok(Outcome::Clean);
    }
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
        Status::NotTried(reason) => ("not tried", Some(reason)),
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
        out.push_str("first run: nothing to compare with (no commit notified before, or no project then), so nothing was sent; ");
        out.push_str(match dry_run {
            false => "the next run compares with this commit\n",
            true => "a real run would keep this commit for the next one\n",
        });
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
                event.kind,
                escape_controls(&event.subject.to_string()),
                escape_controls(&text.title),
                escape_controls(&text.status)
            )),
            None => out.push_str(&format!("  {}  {}\n", event.kind, event.subject)),
        }
    }
    if reports.is_empty() && !events.is_empty() {
        out.push_str("no channels: add `notify:` to site/config.yaml\n");
    }
    for report in reports {
        let languages: Vec<&str> = report.languages.iter().map(|l| l.as_str()).collect();
        out.push_str(&format!(
            "channel {} ({}, {}):\n",
            report.key,
            report.kind,
            languages.join(", ")
        ));
        match (&report.error, dry_run) {
            (Some(error), false) => out.push_str(&format!("  error: {error}\n")),
            (Some(error), true) => out.push_str(&format!("  a real run would stop: {error}\n")),
            (None, _) => {}
        }
        for delivery in &report.deliveries {
            let (word, reason) = status_word(&delivery.status);
            let id = delivery.log_id();
            match reason {
                Some(reason) => out.push_str(&format!("  {word}  {id}: {reason}\n")),
                // What the channel reads, in its language.
                None if delivery.status == Status::WouldSend => {
                    let lang = delivery.lang.or(report.languages.first().copied());
                    let event = events.iter().find(|e| e.id == delivery.event);
                    let text = event.and_then(|e| {
                        lang.and_then(|l| e.texts.get(&l))
                            .or_else(|| e.texts.values().next())
                    });
                    match text {
                        Some(text) => out.push_str(&format!(
                            "  {word}  {id}: {} ({})\n",
                            escape_controls(&text.title),
                            escape_controls(&text.status)
                        )),
                        None => out.push_str(&format!("  {word}  {id}\n")),
                    }
                }
                None => out.push_str(&format!("  {word}  {id}\n")),
            }
        }
        if report.deliveries.is_empty() {
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
    // Titles and status texts come from records; CI logs show this.
    hindsight::report::inert(&out)
}

#[derive(Serialize)]
struct Summary<'a> {
    dry_run: bool,
    first_run: bool,
    /// Set when the log has told subscribers about a newer commit than the one checked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    already_told: Option<&'a str>,
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
    languages: Vec<&'static str>,
    error: Option<&'a str>,
    events: Vec<DeliveryJson<'a>>,
}

#[derive(Serialize)]
struct DeliveryJson<'a> {
    id: &'a str,
    /// E-mail: the message's language (one per language).
    lang: Option<&'static str>,
    status: String,
    reason: Option<&'a str>,
}

fn json(
    events: &[Event],
    reports: &[ChannelReport],
    first_run: bool,
    dry_run: bool,
    already_told: Option<&str>,
) -> anyhow::Result<String> {
    let summary = Summary {
        dry_run,
        first_run,
        already_told,
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
                languages: r.languages.iter().map(|l| l.as_str()).collect(),
                events: r
                    .deliveries
                    .iter()
                    .map(|delivery| {
                        let (word, reason) = status_word(&delivery.status);
                        DeliveryJson {
                            id: &delivery.event,
                            lang: delivery.lang.map(|l| l.as_str()),
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
