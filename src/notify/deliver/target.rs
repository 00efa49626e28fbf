//! Where a channel's events go, read when a run starts: the URL and signing secret of an
//! HTTP channel, or the SMTP server and messages of an e-mail channel, with every secret
//! taken from the environment and every problem said in words, before anything is sent.

use crate::model::{ChannelKind, NotifyChannel, SiteConfig};
use crate::notify::email;

/// Where a channel's events go, with its secrets read from the environment.
pub(super) enum Target {
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

pub(super) fn target(
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
    if !crate::load::notify::is_private_enough(&url) {
        // The event, and a webhook's signature over it, would cross the network in clear.
        return Err(
            "the channel's URL is not https:// (plain http:// is only for a receiver on 127.0.0.1)"
                .to_string(),
        );
    }
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
