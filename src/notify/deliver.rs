//! Telling each channel its events, exactly once: a channel's address and secret come from
//! the environment, its events are filtered by component, an event already in the delivery
//! log is skipped, and only a delivered one is recorded. Channels are independent: one
//! failing does not stop the others.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::http::Policy;
use super::log::DeliveryLog;
use super::message::Event;
use super::{email, format, webhook};
use crate::model::{ChannelKind, Lang, NotifyChannel, SiteConfig};

/// What happened to one event on one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Sent,
    /// `--dry-run`: it would have been sent.
    WouldSend,
    /// In the delivery log already.
    AlreadySent,
    Failed(String),
    /// Not tried: an earlier event to the channel failed in a way that would fail this one
    /// too (no connection, a timeout); the next run sends it.
    NotTried,
}

/// One channel's run.
#[derive(Debug, Clone)]
pub struct ChannelReport {
    /// The channel's key in the delivery log.
    pub key: String,
    pub kind: ChannelKind,
    /// A problem with the channel itself (a missing variable): nothing was sent to it.
    pub error: Option<String>,
    /// The events meant for it (after its component filter), in order.
    pub events: Vec<(String, Status)>,
}

impl ChannelReport {
    pub fn failed(&self) -> bool {
        self.error.is_some()
            || self
                .events
                .iter()
                .any(|(_, s)| matches!(s, Status::Failed(_) | Status::NotTried))
    }
}

/// The key that names `channel` in the delivery log: its `name`, else its kind and the
/// variable holding its address, else (a literal URL, never written to the log) a hash of it.
pub(crate) fn key(channel: &NotifyChannel, index: usize) -> String {
    let kind = channel.kind.value.as_str();
    if let Some(name) = &channel.name {
        return name.value.clone();
    }
    // A literal URL or the subscribers' addresses are hashed: the log is committed.
    let short = |text: &str| -> String {
        let digest = Sha256::digest(text.as_bytes());
        digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
    };
    let base = if let Some(env) = &channel.url_env {
        format!("{kind}:{}", env.value)
    } else if let Some(url) = &channel.url {
        format!("{kind}:{}", short(&url.value))
    } else if !channel.to.is_empty() {
        let to: Vec<&str> = channel.to.iter().map(|t| t.value.as_str()).collect();
        format!("{kind}:{}", short(&to.join(",")))
    } else {
        format!("{kind}:{}", index + 1)
    };
    // Two channels to the same place that differ in language or components are two
    // audiences: each gets its own key, so neither takes the other's deliveries.
    let languages: Vec<&str> = channel.languages.iter().map(|l| l.as_str()).collect();
    let components: Vec<&str> = channel
        .components
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    match (languages.is_empty(), components.is_empty()) {
        (true, true) => base,
        _ => format!("{base}[{}|{}]", languages.join(","), components.join(",")),
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

/// A channel's address and secret, read from the environment by `env`.
/// Where a channel's events go, with its secrets read from the environment.
enum Target {
    /// A webhook, Slack, Teams or Discord: a JSON POST.
    Http { url: String, secret: Option<String> },
    /// E-mail over SMTP.
    Mail {
        mailer: Box<email::Mailer>,
        setup: email::MailSetup,
    },
}

fn read_env(
    env: &dyn Fn(&str) -> Option<String>,
    name: &str,
    what: &str,
) -> Result<String, String> {
    env(name)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("the environment variable {name} ({what}) is not set"))
}

fn target(
    config: &SiteConfig,
    channel: &NotifyChannel,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Target, String> {
    if channel.kind.value == ChannelKind::Email {
        return mail_target(config, channel, env);
    }
    let url = match (&channel.url_env, &channel.url) {
        (Some(name), _) => read_env(env, &name.value, "the channel's URL")?,
        (None, Some(url)) => url.value.clone(),
        (None, None) => return Err("the channel has no `url_env`".to_string()),
    };
    let secret = match &channel.secret_env {
        Some(name) => Some(read_env(env, &name.value, "the signing secret")?),
        None => None,
    };
    Ok(Target::Http { url, secret })
}

/// An e-mail channel's server and messages. STARTTLS is required, except for a server on a
/// loopback address (a relay on the CI machine itself), where nothing crosses a network.
fn mail_target(
    config: &SiteConfig,
    channel: &NotifyChannel,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Target, String> {
    let Some(host_env) = &channel.smtp_host_env else {
        return Err("the channel has no `smtp_host_env`".to_string());
    };
    let host = read_env(env, &host_env.value, "the SMTP server")?;
    let port = match &channel.smtp_port {
        Some(port) => port
            .value
            .parse::<u16>()
            .map_err(|_| format!("`smtp_port` `{}` is not a port number", port.value))?,
        None => 587,
    };
    let loopback = host
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback());
    let smtp = email::Smtp {
        host,
        port,
        user_env: channel.smtp_username_env.as_ref().map(|v| v.value.clone()),
        password_env: channel.smtp_password_env.as_ref().map(|v| v.value.clone()),
        security: if loopback {
            email::Security::Plain
        } else {
            email::Security::StartTls
        },
        timeout: std::time::Duration::from_secs(10),
    };
    let mailer = email::Mailer::new(&smtp, |name| env(name)).map_err(|e| format!("{e:#}"))?;
    let from = channel
        .from
        .as_ref()
        .ok_or("the channel has no `from`")?
        .value
        .clone();
    let unsubscribe = match channel.unsubscribe.as_ref().map(|u| u.value.as_str()) {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            email::Unsubscribe::Url(url.to_string())
        }
        Some(address) => {
            email::Unsubscribe::Mailto(address.trim_start_matches("mailto:").to_string())
        }
        None => return Err("the channel has no `unsubscribe` (address or URL)".to_string()),
    };
    let default = config.default_lang();
    let setup = email::MailSetup {
        site_title: config
            .languages
            .iter()
            .map(|&lang| (lang, config.title.get(lang, default).to_string()))
            .collect(),
        from,
        to: channel.to.iter().map(|t| t.value.clone()).collect(),
        unsubscribe,
    };
    Ok(Target::Mail {
        mailer: Box::new(mailer),
        setup,
    })
}

/// How a run delivers.
pub struct Run<'a> {
    pub dry_run: bool,
    pub now: DateTime<Utc>,
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub(crate) policy: Policy,
}

impl<'a> Run<'a> {
    pub fn new(dry_run: bool, now: DateTime<Utc>, env: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Run {
            dry_run,
            now,
            env,
            policy: Policy::default(),
        }
    }
}

/// Delivers `events` to every channel of `config`, recording what was delivered in `log`.
pub fn deliver(
    config: &SiteConfig,
    events: &[Event],
    log: &mut DeliveryLog,
    run: &Run,
) -> Vec<ChannelReport> {
    config
        .notify
        .iter()
        .enumerate()
        .map(|(index, channel)| deliver_one(config, channel, index, events, log, run))
        .collect()
}

fn deliver_one(
    config: &SiteConfig,
    channel: &NotifyChannel,
    index: usize,
    events: &[Event],
    log: &mut DeliveryLog,
    run: &Run,
) -> ChannelReport {
    let key = key(channel, index);
    let mut report = ChannelReport {
        key: key.clone(),
        kind: channel.kind.value,
        error: None,
        events: Vec::new(),
    };
    let languages: Vec<Lang> = if channel.languages.is_empty() {
        vec![config.default_lang()]
    } else {
        channel.languages.clone()
    };
    let mine: Vec<&Event> = events.iter().filter(|e| wants(channel, e)).collect();
    let pending: Vec<&Event> = mine
        .iter()
        .copied()
        .filter(|e| !log.contains(&key, &e.id))
        .collect();
    // A dry run needs no secrets; a run with nothing to send does not ask for them either.
    let target = if run.dry_run || pending.is_empty() {
        None
    } else {
        match target(config, channel, run.env) {
            Ok(target) => Some(target),
            Err(error) => {
                report.error = Some(error);
                None
            }
        }
    };
    let mut stopped = false;
    for event in mine {
        let status = if log.contains(&key, &event.id) {
            Status::AlreadySent
        } else if run.dry_run {
            Status::WouldSend
        } else if stopped {
            Status::NotTried
        } else if let Some(target) = &target {
            match send(channel.kind.value, target, event, &languages, run.policy) {
                Ok(()) => {
                    log.record(&key, &event.id, run.now);
                    Status::Sent
                }
                Err(failure) => {
                    stopped = failure.transient;
                    Status::Failed(failure.reason)
                }
            }
        } else {
            Status::NotTried
        };
        report.events.push((event.id.clone(), status));
    }
    report
}

fn send(
    kind: ChannelKind,
    target: &Target,
    event: &Event,
    languages: &[Lang],
    policy: Policy,
) -> Result<(), super::http::Failure> {
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
    let body = serde_json::to_vec(&chat).map_err(|e| super::http::Failure {
        reason: e.to_string(),
        transient: false,
    })?;
    super::http::post_json(url, &[], &body, policy).map(|_| ())
}

/// One message per language of the channel, each tried as often as `policy` allows while
/// the server only says "later" (4xx, no connection); a refusal for good (5xx) is not
/// retried. A failure leaves the event to the next run.
fn send_mail(
    mailer: &email::Mailer,
    setup: &email::MailSetup,
    event: &Event,
    languages: &[Lang],
    policy: Policy,
) -> Result<(), super::http::Failure> {
    let messages =
        email::messages(event, languages, setup).map_err(|error| super::http::Failure {
            reason: format!("{error:#}"),
            transient: false,
        })?;
    for message in messages {
        let mut wait = policy.backoff;
        let mut tries = 1;
        while let Err((reason, permanent)) = mailer.try_send(&message) {
            if permanent || tries >= policy.tries {
                return Err(super::http::Failure {
                    reason,
                    transient: !permanent,
                });
            }
            std::thread::sleep(wait);
            wait *= 2;
            tries += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod channels;
#[cfg(test)]
mod tests;
