//! Telling each channel its events, exactly once: a channel's address and secret come from
//! the environment, its events are filtered by component, an event already in the delivery
//! log is skipped, and only a delivered one is recorded (and the log saved at once, so a
//! run stopped halfway forgets nothing it sent). Channels are independent: one failing does
//! not stop the others.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::http::{Failure, Policy};
use super::log::DeliveryLog;
use super::message::Event;
use super::{email, format, webhook};
use crate::model::{ChannelKind, Lang, NotifyChannel, SiteConfig};
use target::{Target, target};

/// What happened to one event on one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Sent,
    /// `--dry-run`: it would have been sent.
    WouldSend,
    /// In the delivery log already.
    AlreadySent,
    Failed(String),
    /// Not tried, for the reason given; the next run sends it.
    NotTried(String),
}

/// One event (in one language, for e-mail) on one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The event's id.
    pub event: String,
    /// E-mail sends one message per language, each logged on its own, so a run that sent
    /// the English message and failed on the German one sends only the German one again.
    pub lang: Option<Lang>,
    pub status: Status,
}

impl Delivery {
    /// Its entry in the delivery log: the event's id, with the language for e-mail.
    pub fn log_id(&self) -> String {
        log_id(&self.event, self.lang)
    }
}

fn log_id(event: &str, lang: Option<Lang>) -> String {
    match lang {
        Some(lang) => format!("{event}#{lang}"),
        None => event.to_string(),
    }
}

/// One channel's run.
#[derive(Debug, Clone)]
pub struct ChannelReport {
    /// The channel's key in the delivery log.
    pub key: String,
    pub kind: ChannelKind,
    /// The languages its messages are in.
    pub languages: Vec<Lang>,
    /// A problem with the channel itself (a missing variable, a plain-http URL): nothing
    /// was sent to it. In a dry run: what a real run would stop at.
    pub error: Option<String>,
    /// The events meant for it (after its component filter), in order.
    pub deliveries: Vec<Delivery>,
}

impl ChannelReport {
    pub fn failed(&self) -> bool {
        self.error.is_some()
            || self
                .deliveries
                .iter()
                .any(|d| matches!(d.status, Status::Failed(_) | Status::NotTried(_)))
    }
}

/// The key that names channel `index` of `channels` in the delivery log: its `name`, else
/// its kind and the variable holding its address, else (a literal URL or the subscribers'
/// addresses, never written to the log) a hash of them. Its languages and components are
/// added only when another channel shares the rest: changing them then keeps the key, so
/// nothing it had is sent again.
pub(crate) fn key(channels: &[NotifyChannel], index: usize) -> String {
    let channel = &channels[index];
    if let Some(name) = &channel.name {
        return name.value.clone();
    }
    let base = base_key(channel, index);
    let shared = channels
        .iter()
        .enumerate()
        .any(|(other, c)| other != index && c.name.is_none() && base_key(c, other) == base);
    if !shared {
        return base;
    }
    // Two channels to the same place that differ in language or components are two
    // audiences: each gets its own key, so neither takes the other's deliveries.
    let languages: Vec<&str> = channel.languages.iter().map(|l| l.as_str()).collect();
    let components: Vec<&str> = channel
        .components
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    format!("{base}[{}|{}]", languages.join(","), components.join(","))
}

fn base_key(channel: &NotifyChannel, index: usize) -> String {
    let kind = channel.kind.value.as_str();
    // A literal URL or the subscribers' addresses are hashed: the log is committed.
    let short = |text: &str| -> String {
        let digest = Sha256::digest(text.as_bytes());
        digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
    };
    if let Some(env) = &channel.url_env {
        format!("{kind}:{}", env.value)
    } else if let Some(url) = &channel.url {
        format!("{kind}:{}", short(&url.value))
    } else if !channel.to.is_empty() {
        let to: Vec<&str> = channel.to.iter().map(|t| t.value.as_str()).collect();
        format!("{kind}:{}", short(&to.join(",")))
    } else {
        format!("{kind}:{}", index + 1)
    }
}

/// Whether `event` is for `channel`: all events, or those about its components.
fn wants(channel: &NotifyChannel, event: &Event) -> bool {
    channel.components.is_empty()
        || event
            .components
            .iter()
            .any(|c| channel.components.iter().any(|w| &w.value == c))
}

/// How a run delivers.
pub struct Run<'a> {
    pub dry_run: bool,
    pub now: DateTime<Utc>,
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// Called with the log after each delivery is recorded: the caller saves it, so that
    /// nothing sent is forgotten if the run is stopped. An error stops the run.
    pub checkpoint: &'a dyn Fn(&DeliveryLog) -> anyhow::Result<()>,
    pub(crate) policy: Policy,
}

impl<'a> Run<'a> {
    pub fn new(dry_run: bool, now: DateTime<Utc>, env: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Run {
            dry_run,
            now,
            env,
            checkpoint: &|_| Ok(()),
            policy: Policy::default(),
        }
    }
}

/// Delivers `events` to every channel of `config`, recording what was delivered in `log`;
/// an error only when a delivery could not be recorded (the checkpoint failed).
pub fn deliver(
    config: &SiteConfig,
    events: &[Event],
    log: &mut DeliveryLog,
    run: &Run,
) -> anyhow::Result<Vec<ChannelReport>> {
    config
        .notify
        .iter()
        .enumerate()
        .map(|(index, channel)| deliver_one(config, channel, index, events, log, run))
        .collect()
}

/// The languages of `channel`'s messages: its own; else every language of the site for a
/// webhook (its receiver picks), one message per language for e-mail would be a flood, so
/// e-mail and chat get the site's default.
fn languages(config: &SiteConfig, channel: &NotifyChannel) -> Vec<Lang> {
    match (channel.languages.is_empty(), channel.kind.value) {
        (false, _) => channel.languages.clone(),
        (true, ChannelKind::Webhook) => config.languages.clone(),
        (true, _) => vec![config.default_lang()],
    }
}

/// Whether any channel has an event `log` does not have yet: a run that will send.
pub fn pending(config: &SiteConfig, events: &[Event], log: &DeliveryLog) -> bool {
    config.notify.iter().enumerate().any(|(index, channel)| {
        let key = key(&config.notify, index);
        units(channel, &languages(config, channel), events)
            .iter()
            .any(|(e, lang)| !log.contains(&key, &log_id(&e.id, *lang)))
    })
}

/// What `channel` is to be told: its events (after its component filter), each once, or
/// for e-mail once per language, as the log keeps e-mail per language.
fn units<'e>(
    channel: &NotifyChannel,
    languages: &[Lang],
    events: &'e [Event],
) -> Vec<(&'e Event, Option<Lang>)> {
    events
        .iter()
        .filter(|e| wants(channel, e))
        .flat_map(|event| match channel.kind.value {
            ChannelKind::Email => languages.iter().map(|&l| (event, Some(l))).collect(),
            _ => vec![(event, None)],
        })
        .collect()
}

fn deliver_one(
    config: &SiteConfig,
    channel: &NotifyChannel,
    index: usize,
    events: &[Event],
    log: &mut DeliveryLog,
    run: &Run,
) -> anyhow::Result<ChannelReport> {
    let key = key(&config.notify, index);
    let languages = languages(config, channel);
    let units = units(channel, &languages, events);
    let pending = units
        .iter()
        .any(|(e, lang)| !log.contains(&key, &log_id(&e.id, *lang)));
    // Read (not used) in a dry run too, so that it says what a real run would stop at.
    let (target, error) = if pending {
        match target(config, channel, run.env) {
            Ok(target) => (Some(target), None),
            Err(error) => (None, Some(error)),
        }
    } else {
        (None, None)
    };
    let mut stopped: Option<String> = None;
    let mut deliveries = Vec::with_capacity(units.len());
    for (event, lang) in units {
        let id = log_id(&event.id, lang);
        let status = if log.contains(&key, &id) {
            Status::AlreadySent
        } else if run.dry_run {
            Status::WouldSend
        } else if let Some(reason) = &stopped {
            Status::NotTried(reason.clone())
        } else if let Some(target) = &target {
            let languages = lang.map_or(languages.clone(), |l| vec![l]);
            match send(channel.kind.value, target, event, &languages, run.policy) {
                Ok(()) => {
                    log.record(&key, &id, run.now);
                    (run.checkpoint)(log)?;
                    Status::Sent
                }
                Err(failure) => {
                    if failure.transient {
                        stopped = Some(format!("{id} failed the same way first"));
                    }
                    Status::Failed(failure.reason)
                }
            }
        } else {
            Status::NotTried("the channel is not set up (see its error)".to_string())
        };
        deliveries.push(Delivery {
            event: event.id.clone(),
            lang,
            status,
        });
    }
    Ok(ChannelReport {
        key,
        kind: channel.kind.value,
        languages,
        error,
        deliveries,
    })
}

fn send(
    kind: ChannelKind,
    target: &Target,
    event: &Event,
    languages: &[Lang],
    policy: Policy,
) -> Result<(), Failure> {
    let (url, secret) = match target {
        Target::Http { url, secret } => (url, secret),
        Target::Mail { mailer, setup } => {
            return send_mail(mailer, setup, event, languages, policy);
        }
    };
    // A chat channel speaks one language: its first.
    let lang = languages.first().copied().unwrap_or(Lang::En);
    let chat = match kind {
        ChannelKind::Webhook => {
            return webhook::send(url, secret.as_deref(), event, languages, policy).map(|_| ());
        }
        ChannelKind::Slack => format::slack::payload(event, lang),
        ChannelKind::Teams => format::teams::payload(event, lang),
        ChannelKind::Discord => format::discord::payload(event, lang),
        ChannelKind::Email => unreachable!("e-mail channels have a mail target"),
    };
    let body = serde_json::to_vec(&chat).map_err(|e| Failure {
        reason: e.to_string(),
        transient: false,
    })?;
    super::http::post_json(url, &[], &body, policy).map(|_| ())
}

/// The messages for `languages` (one, as the log keeps e-mail per language), each tried as
/// often as `policy` allows while the server only says "later" (4xx, no connection); a
/// refusal for good (5xx) is not retried, nor a message without a complete answer in time
/// (the server may have it: as for HTTP, the next run tries again). A failure leaves the
/// message to the next run.
fn send_mail(
    mailer: &email::Mailer,
    setup: &email::MailSetup,
    event: &Event,
    languages: &[Lang],
    policy: Policy,
) -> Result<(), Failure> {
    let messages = email::messages(event, languages, setup).map_err(|error| Failure {
        reason: format!("{error:#}"),
        transient: false,
    })?;
    for message in messages {
        let mut wait = policy.backoff;
        let mut tries = 1;
        while let Err(error) = mailer.try_send(&message, policy.mail_deadline()) {
            let (reason, transient) = match error {
                email::SendError::Refused(reason) => (reason, false),
                email::SendError::TimedOut(reason) => (reason, true),
                email::SendError::Later(reason) if tries >= policy.tries => (reason, true),
                email::SendError::Later(_) => {
                    std::thread::sleep(wait);
                    wait *= 2;
                    tries += 1;
                    continue;
                }
            };
            return Err(Failure { reason, transient });
        }
    }
    Ok(())
}

mod target;

#[cfg(test)]
mod channels;
#[cfg(test)]
mod tests;
