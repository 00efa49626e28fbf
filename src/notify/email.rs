//! E-mail for `notify`: one message per event and language (a plain-text and an HTML part,
//! `List-Unsubscribe`), and sending over SMTP with STARTTLS required (lettre, rustls).
//!
//! Secrets never come from the config file: the channel names the environment variables
//! that hold the SMTP user and password. The unencrypted `plain` mode exists for test
//! servers on the loopback interface only, and is refused for any other host.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Address, Message, SmtpTransport, Transport};

use super::format::{Piece, Tone, clean, clean_line, link_label, pieces, safe_url, text_for, tone};
use crate::model::Lang;
use sha2::Digest as _;

use crate::notify::message::Event;

/// What every message of an e-mail channel carries besides the event.
#[derive(Debug, Clone)]
pub(crate) struct MailSetup {
    /// The site's title per language (the subject's `[…]`), the default language's used
    /// for a language it lacks.
    pub site_title: BTreeMap<Lang, String>,
    /// `Status <status@example.com>` or a bare address.
    pub from: String,
    /// The list address(es) the messages go to.
    pub to: Vec<String>,
    pub unsubscribe: Unsubscribe,
}

/// Where a reader unsubscribes: the `List-Unsubscribe` header (RFC 2369). Never RFC 8058's
/// one-click `List-Unsubscribe-Post`: one message goes to all subscribers, so a one-click
/// POST to the page could not say which of them it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unsubscribe {
    /// An address (`leave@example.com`), as `<mailto:…>`.
    Mailto(String),
    /// An `https://` page, where the reader says who leaves.
    Url(String),
}

/// One message per language in `langs` (the channel's languages; the event's first
/// language when the list is empty). A language the event lacks falls back to the event's
/// first, and the same words are not sent twice.
pub(crate) fn messages(event: &Event, langs: &[Lang], setup: &MailSetup) -> Result<Vec<Message>> {
    let first = event.texts.keys().next().copied().unwrap_or(Lang::En);
    let wanted = if langs.is_empty() {
        vec![first]
    } else {
        langs.to_vec()
    };
    let mut sent = Vec::new();
    let mut out = Vec::new();
    for lang in wanted {
        let lang = if event.texts.contains_key(&lang) {
            lang
        } else {
            first
        };
        if !sent.contains(&lang) {
            sent.push(lang);
            out.push(message(event, lang, setup)?);
        }
    }
    Ok(out)
}

/// The message for one language: `[<site title>] <status>: <title>`, a plain-text part
/// and an HTML part with every character of the record escaped.
pub(crate) fn message(event: &Event, lang: Lang, setup: &MailSetup) -> Result<Message> {
    let text = text_for(event, lang);
    let site = setup
        .site_title
        .get(&lang)
        .or_else(|| setup.site_title.values().next())
        .map(|title| clean_line(title))
        .unwrap_or_default();
    let status = clean_line(&text.status);
    let title = clean_line(&text.title);
    let body = clean(&text.body);
    let body = body.trim();
    let url = safe_url(&text.url);

    let sender = mailbox(&setup.from, "from")?;
    // The same event in the same language has the same id in every run: a message sent
    // again after a lost log entry is then known to mail systems as the one they have.
    let digest = sha2::Sha256::digest(event.id.as_bytes());
    let short: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    let message_id = format!("<{short}.{lang}@{}>", sender.email.domain());
    let mut builder = Message::builder()
        .from(sender)
        .message_id(Some(message_id))
        .subject(format!("[{site}] {status}: {title}"))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".into(),
        ));
    if setup.to.is_empty() {
        bail!("the e-mail channel has no `to` address");
    }
    // Subscribers never see each other: they are only in the envelope, and the visible
    // `To:` is the sender's own address, as mailing lists do (the sender gets no copy).
    let sender = mailbox(&setup.from, "from")?;
    let recipients = setup
        .to
        .iter()
        .map(|to| mailbox(to, "to").map(|m| m.email))
        .collect::<Result<Vec<_>>>()?;
    let envelope = lettre::address::Envelope::new(Some(sender.email.clone()), recipients)
        .context("the e-mail channel's addresses make no envelope")?;
    builder = builder.to(sender).envelope(envelope);
    builder = builder.raw_header(unsubscribe_header(&setup.unsubscribe)?);

    let mut plain = format!("{status}: {title}\n");
    if !body.is_empty() {
        plain.push('\n');
        plain.push_str(body);
        plain.push('\n');
    }
    if let Some(url) = url {
        plain.push_str(&format!("\n{}: {url}\n", link_label(lang)));
    }
    let html = html(lang, &status, &title, body, url, tone(event.kind));

    builder
        .multipart(
            MultiPart::alternative()
                .singlepart(part(ContentType::TEXT_PLAIN, plain))
                .singlepart(part(ContentType::TEXT_HTML, html)),
        )
        .context("building the e-mail")
}

/// A text part in quoted-printable: any text, any script, lines of any length.
fn part(content_type: ContentType, text: String) -> SinglePart {
    let body = Body::new_with_encoding(text, ContentTransferEncoding::QuotedPrintable)
        .expect("quoted-printable encodes any text");
    SinglePart::builder().content_type(content_type).body(body)
}

fn mailbox(text: &str, field: &str) -> Result<Mailbox> {
    text.parse().with_context(|| {
        format!("the e-mail channel's `{field}` ({text:?}) is not an e-mail address")
    })
}

fn unsubscribe_header(unsubscribe: &Unsubscribe) -> Result<HeaderValue> {
    let name = HeaderName::new_from_ascii_str("List-Unsubscribe");
    Ok(match unsubscribe {
        Unsubscribe::Mailto(address) => {
            let address: Address = address.parse().with_context(|| {
                format!("the e-mail channel's unsubscribe address ({address:?}) is not an e-mail address")
            })?;
            HeaderValue::new(name, format!("<mailto:{address}>"))
        }
        Unsubscribe::Url(url) => {
            let https = |url: &&str| {
                url.get(..8)
                    .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
            };
            let Some(url) = safe_url(url).filter(https) else {
                bail!("the e-mail channel's unsubscribe URL ({url:?}) must be an https:// address");
            };
            HeaderValue::new(name, format!("<{url}>"))
        }
    })
}

/// A small page with inline styles (mail clients drop style sheets); every text is
/// escaped, so nothing from a record is live markup.
fn html(
    lang: Lang,
    status: &str,
    title: &str,
    body: &str,
    url: Option<&str>,
    tone: Tone,
) -> String {
    let color = match tone {
        Tone::Bad => "#d73a49",
        Tone::Warning => "#b7791f",
        Tone::Good => "#2ea043",
        Tone::Info => "#3b82f6",
    };
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body style=\"margin:0;padding:24px;background:#f6f7f9;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328\">\n\
         <div style=\"max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;border-top:4px solid {color}\">\n\
         <p style=\"margin:0 0 8px;font-weight:600;color:{color}\">{status}</p>\n\
         <h1 style=\"margin:0 0 16px;font-size:20px;line-height:1.3\">{title}</h1>\n",
        lang = lang.as_str(),
        title = escape_html(title),
        status = escape_html(status),
    );
    for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = paragraph.split('\n').map(html_line).collect();
        html.push_str(&format!(
            "<p style=\"margin:0 0 16px;line-height:1.5\">{}</p>\n",
            lines.join("<br>\n")
        ));
    }
    if let Some(url) = url {
        html.push_str(&format!(
            "<p style=\"margin:0\"><a href=\"{}\" style=\"color:#0969da\">{}</a></p>\n",
            escape_html(url),
            escape_html(link_label(lang))
        ));
    }
    html.push_str("</div>\n</body>\n</html>\n");
    html
}

/// One line of the text, escaped: its indentation (a nested list item's) kept with no-break
/// spaces, and its http(s) addresses as links, the only markup in it.
fn html_line(line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut out = "&nbsp;".repeat(indent);
    for piece in pieces(&line[indent..]) {
        match piece {
            Piece::Text(words) => out.push_str(&escape_html(words)),
            Piece::Url(url) => out.push_str(&format!(
                "<a href=\"{url}\" style=\"color:#0969da\">{url}</a>",
                url = escape_html(url)
            )),
        }
    }
    out
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Security {
    /// STARTTLS required, the server's certificate checked against the web's roots: no
    /// message and no password goes out unencrypted, a downgrade is an error.
    #[default]
    StartTls,
    /// No TLS: only for a test server on 127.0.0.1 (or another loopback address).
    Plain,
}

/// Where and how an e-mail channel sends.
#[derive(Debug, Clone)]
pub(crate) struct Smtp {
    pub host: String,
    pub port: u16,
    /// The names of the environment variables with the user and the password (both or
    /// neither); never the secrets themselves.
    pub user_env: Option<String>,
    pub password_env: Option<String>,
    pub security: Security,
    /// For connecting and for every answer of the server.
    pub timeout: Duration,
}

/// An SMTP client ready to send; each message is sent on its own connection.
pub(crate) struct Mailer {
    transport: SmtpTransport,
    server: String,
}

impl Mailer {
    /// Checks the settings and reads the credentials from the environment through `env`
    /// (`|name| std::env::var(name).ok()` in the command), without connecting.
    pub(crate) fn new(smtp: &Smtp, env: impl Fn(&str) -> Option<String>) -> Result<Mailer> {
        let server = format!("{}:{}", smtp.host, smtp.port);
        let mut builder = match smtp.security {
            Security::StartTls => SmtpTransport::starttls_relay(&smtp.host)
                .with_context(|| format!("SMTP server {server}: setting up TLS"))?,
            Security::Plain => {
                let loopback = smtp.host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
                if !loopback {
                    bail!(
                        "SMTP server {server}: `plain` (no TLS) is only for a test server on 127.0.0.1; \
                         use STARTTLS for {}",
                        smtp.host
                    );
                }
                SmtpTransport::builder_dangerous(&smtp.host)
            }
        };
        builder = builder.port(smtp.port).timeout(Some(smtp.timeout));
        match (&smtp.user_env, &smtp.password_env) {
            (Some(user), Some(password)) => {
                let read =
                    |name: &str| {
                        env(name).filter(|value| !value.is_empty()).with_context(|| {
                        format!("SMTP server {server}: the environment variable {name} is not set")
                    })
                    };
                builder = builder.credentials(Credentials::new(read(user)?, read(password)?));
            }
            (None, None) => {}
            _ => bail!("SMTP server {server}: give both `user_env` and `password_env`, or neither"),
        }
        Ok(Mailer {
            transport: builder.build(),
            server,
        })
    }

    /// Sends one message within `deadline`; an error (refused connection, TLS failure, a
    /// 4xx/5xx answer, a timeout) names the server and says what happened. The delivery
    /// retries with [`Mailer::try_send`]; this tries once.
    #[cfg(test)]
    pub(crate) fn send(&self, message: &Message, deadline: Duration) -> Result<()> {
        self.try_send(message, deadline).map_err(|error| {
            let (SendError::Refused(reason)
            | SendError::Later(reason)
            | SendError::TimedOut(reason)) = error;
            anyhow::anyhow!(reason)
        })
    }

    /// Sends one message, the whole exchange within `deadline`: the socket timeout bounds
    /// each read only, and a server that drips its answers a byte at a time never hits it.
    /// The exchange runs on a thread of its own, left behind when the deadline passes (the
    /// transport gives no way to stop it; it ends with its socket's timeout or the process).
    pub(crate) fn try_send(&self, message: &Message, deadline: Duration) -> Result<(), SendError> {
        let (transport, message) = (self.transport.clone(), message.clone());
        let (done, outcome) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // Nobody listens any more after the deadline: nothing to do about it.
            let _ = done.send(transport.send(&message).map(drop));
        });
        let error = match outcome.recv_timeout(deadline) {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(error)) => error,
            Err(_) => {
                return Err(SendError::TimedOut(format!(
                    "no complete answer from the SMTP server {} within {} s (timed out)",
                    self.server,
                    deadline.as_secs_f64()
                )));
            }
        };
        let reason = format!(
            "SMTP server {}: the message was not accepted: {error}",
            self.server
        );
        Err(if error.is_permanent() {
            SendError::Refused(reason)
        } else if timed_out(&error) {
            SendError::TimedOut(reason)
        } else {
            SendError::Later(reason)
        })
    }
}

/// Why a message was not sent, and so whether to try again within the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SendError {
    /// Refused for good (a 5xx answer): trying again gets the same answer.
    Refused(String),
    /// A 4xx answer ("later"), no connection, a TLS failure: worth another try.
    Later(String),
    /// No complete answer in time: the server may have taken the message, so it waits for
    /// the next run rather than going out twice now (as for HTTP).
    TimedOut(String),
}

/// Whether the socket's own timeout ended the exchange (a read timeout is `WouldBlock` on
/// Unix, which lettre's `is_timeout` does not count).
fn timed_out(error: &lettre::transport::smtp::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(error) = source {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            );
        }
        source = error.source();
    }
    false
}

#[cfg(test)]
mod tests;
