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

use super::format::{Tone, clean, clean_line, link_label, safe_url, text_for, tone};
use crate::model::Lang;
use crate::notify::message::Event;

/// What every message of an e-mail channel carries besides the event.
#[derive(Debug, Clone)]
pub struct MailSetup {
    /// The site's title per language (the subject's `[…]`), the default language's used
    /// for a language it lacks.
    pub site_title: BTreeMap<Lang, String>,
    /// `Status <status@example.com>` or a bare address.
    pub from: String,
    /// The list address(es) the messages go to.
    pub to: Vec<String>,
    pub unsubscribe: Unsubscribe,
}

/// Where a reader unsubscribes: the `List-Unsubscribe` header (RFC 2369).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsubscribe {
    /// An address (`leave@example.com`), as `<mailto:…>`.
    Mailto(String),
    /// An `https://` page, which also gets `List-Unsubscribe-Post` (RFC 8058 one-click).
    Url(String),
}

/// One message per language in `langs` (the channel's languages; the event's first
/// language when the list is empty). A language the event lacks falls back to the event's
/// first, and the same words are not sent twice.
pub fn messages(event: &Event, langs: &[Lang], setup: &MailSetup) -> Result<Vec<Message>> {
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
pub fn message(event: &Event, lang: Lang, setup: &MailSetup) -> Result<Message> {
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

    let mut builder = Message::builder()
        .from(mailbox(&setup.from, "from")?)
        .subject(format!("[{site}] {status}: {title}"))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".into(),
        ));
    if setup.to.is_empty() {
        bail!("the e-mail channel has no `to` address");
    }
    for to in &setup.to {
        builder = builder.to(mailbox(to, "to")?);
    }
    for header in unsubscribe_headers(&setup.unsubscribe)? {
        builder = builder.raw_header(header);
    }

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

fn unsubscribe_headers(unsubscribe: &Unsubscribe) -> Result<Vec<HeaderValue>> {
    let name = HeaderName::new_from_ascii_str("List-Unsubscribe");
    Ok(match unsubscribe {
        Unsubscribe::Mailto(address) => {
            let address: Address = address.parse().with_context(|| {
                format!("the e-mail channel's unsubscribe address ({address:?}) is not an e-mail address")
            })?;
            vec![HeaderValue::new(name, format!("<mailto:{address}>"))]
        }
        Unsubscribe::Url(url) => {
            let https = |url: &&str| {
                url.get(..8)
                    .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
            };
            let Some(url) = safe_url(url).filter(https) else {
                bail!("the e-mail channel's unsubscribe URL ({url:?}) must be an https:// address");
            };
            vec![
                HeaderValue::new(name, format!("<{url}>")),
                HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".into(),
                ),
            ]
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
        html.push_str(&format!(
            "<p style=\"margin:0 0 16px;line-height:1.5\">{}</p>\n",
            escape_html(paragraph).replace('\n', "<br>\n")
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
pub enum Security {
    /// STARTTLS required, the server's certificate checked against the web's roots: no
    /// message and no password goes out unencrypted, a downgrade is an error.
    #[default]
    StartTls,
    /// No TLS: only for a test server on 127.0.0.1 (or another loopback address).
    Plain,
}

/// Where and how an e-mail channel sends.
#[derive(Debug, Clone)]
pub struct Smtp {
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
pub struct Mailer {
    transport: SmtpTransport,
    server: String,
}

impl Mailer {
    /// Checks the settings and reads the credentials from the environment through `env`
    /// (`|name| std::env::var(name).ok()` in the command), without connecting.
    pub fn new(smtp: &Smtp, env: impl Fn(&str) -> Option<String>) -> Result<Mailer> {
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

    /// Sends one message; an error (refused connection, TLS failure, a 4xx/5xx answer, a
    /// timeout) names the server and says what happened. Nothing is retried here.
    pub fn send(&self, message: &Message) -> Result<()> {
        self.transport
            .send(message)
            .map(drop)
            .with_context(|| format!("SMTP server {}: the message was not accepted", self.server))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::format::tests::{HOSTILE, event};
    use crate::notify::message::EventKind;
    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::{Arc, Mutex};

    fn setup(unsubscribe: Unsubscribe) -> MailSetup {
        MailSetup {
            site_title: BTreeMap::from([
                (Lang::En, "Example Status".to_string()),
                (Lang::De, "Beispiel-Status".to_string()),
            ]),
            from: "Example Status <status@example.com>".into(),
            to: vec!["subscribers@example.com".into()],
            unsubscribe,
        }
    }

    fn two_languages(kind: EventKind) -> Event {
        event(
            kind,
            &[
                (
                    Lang::En,
                    "Database down",
                    "We are looking.\n\nSecond paragraph.",
                ),
                (Lang::De, "Datenbank gestört", "Wir prüfen das."),
            ],
        )
    }

    fn mailto() -> Unsubscribe {
        Unsubscribe::Mailto("leave@example.com".into())
    }

    /// The decoded body of the `content_type` part of a formatted message.
    fn part_of(data: &str, content_type: &str) -> String {
        let at = data
            .find(&format!("Content-Type: {content_type}"))
            .expect(content_type);
        let start = at + data[at..].find("\r\n\r\n").unwrap() + 4;
        let end = start + data[start..].find("\r\n--").unwrap();
        let encoded = data[start..end].replace("=\r\n", "");
        let bytes = encoded.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let hex = encoded
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (bytes[i], hex) {
                (b'=', Some(byte)) => {
                    out.push(byte);
                    i += 3;
                }
                (byte, _) => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        String::from_utf8(out).unwrap().replace("\r\n", "\n")
    }

    fn formatted(message: &Message) -> String {
        String::from_utf8(message.formatted()).unwrap()
    }

    #[test]
    fn a_message_has_a_subject_both_parts_and_the_unsubscribe_header() {
        let e = two_languages(EventKind::IncidentOpened);
        let m = message(&e, Lang::De, &setup(mailto())).unwrap();
        let h = m.headers();
        assert_eq!(
            h.get_raw("Subject"),
            Some("[Beispiel-Status] Identifiziert: Datenbank gestört")
        );
        assert_eq!(
            h.get_raw("List-Unsubscribe"),
            Some("<mailto:leave@example.com>")
        );
        assert_eq!(h.get_raw("List-Unsubscribe-Post"), None);
        assert_eq!(h.get_raw("Auto-Submitted"), Some("auto-generated"));
        assert_eq!(
            h.get_raw("From"),
            Some("Example Status <status@example.com>")
        );
        assert_eq!(h.get_raw("To"), Some("subscribers@example.com"));
        let data = formatted(&m);
        assert!(
            data.contains("Content-Type: multipart/alternative"),
            "{data}"
        );
        let url = "https://status.example.com/de/incidents/2026-01-db.html";
        assert_eq!(
            part_of(&data, "text/plain"),
            format!(
                "Identifiziert: Datenbank gestört\n\nWir prüfen das.\n\nAuf der Statusseite ansehen: {url}\n"
            )
        );
        let html = part_of(&data, "text/html");
        assert!(html.contains("<html lang=\"de\">"), "{html}");
        assert!(html.contains(">Datenbank gestört</h1>"));
        assert!(html.contains(">Wir prüfen das.</p>"));
        assert!(html.contains(&format!(
            "<a href=\"{url}\" style=\"color:#0969da\">Auf der Statusseite ansehen</a>"
        )));
        // English: two paragraphs.
        let en = formatted(&message(&e, Lang::En, &setup(mailto())).unwrap());
        let html = part_of(&en, "text/html");
        assert!(
            html.contains(">We are looking.</p>\n<p") && html.contains(">Second paragraph.</p>"),
            "{html}"
        );
    }

    #[test]
    fn nothing_from_a_record_is_live_html_or_a_header() {
        let hostile = format!("{HOSTILE}<script>alert(1)</script><img src=x onerror=\"alert(2)\">");
        let title = "Down\r\nBcc: victim@example.com";
        let mut e = event(EventKind::UpdatePosted, &[(Lang::En, title, &hostile)]);
        let m = message(&e, Lang::En, &setup(mailto())).unwrap();
        assert_eq!(
            m.headers().get_raw("Subject"),
            Some("[Example Status] Identified: Down Bcc: victim@example.com")
        );
        assert_eq!(m.headers().get_raw("Bcc"), None);
        assert_eq!(m.envelope().to().len(), 1);
        let data = formatted(&m);
        let html = part_of(&data, "text/html");
        for live in ["<script", "<img", "<!everyone", "<@", "<https://evil"] {
            assert!(!html.contains(live), "{live} in {html}");
        }
        assert!(html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;"
        ));
        assert!(html.contains("&lt;!everyone&gt; @channel"));
        let plain = part_of(&data, "text/plain");
        assert!(
            !plain.contains(['\u{0}', '\u{7}', '\u{202E}', '\r']),
            "{plain:?}"
        );
        // A link that is not http(s) is left out of both parts.
        e.texts.get_mut(&Lang::En).unwrap().url = "javascript:alert(1)".into();
        let data = formatted(&message(&e, Lang::En, &setup(mailto())).unwrap());
        assert!(!data.contains("javascript:alert(1)\""), "{data}");
        assert!(!part_of(&data, "text/html").contains("<a "));
    }

    #[test]
    fn unsubscribe_by_url_is_one_click_and_must_be_https() {
        let e = two_languages(EventKind::IncidentResolved);
        let url = Unsubscribe::Url("https://status.example.com/unsubscribe".into());
        let m = message(&e, Lang::En, &setup(url)).unwrap();
        assert_eq!(
            m.headers().get_raw("List-Unsubscribe"),
            Some("<https://status.example.com/unsubscribe>")
        );
        assert_eq!(
            m.headers().get_raw("List-Unsubscribe-Post"),
            Some("List-Unsubscribe=One-Click")
        );
        for bad in [
            Unsubscribe::Url("http://status.example.com/unsubscribe".into()),
            Unsubscribe::Url("javascript:alert(1)".into()),
            Unsubscribe::Url("https://x.example/a>\r\nBcc: v@example.com".into()),
            Unsubscribe::Mailto("not an address".into()),
            Unsubscribe::Mailto("a@example.com>\r\nBcc: v@example.com".into()),
        ] {
            let err = message(&e, Lang::En, &setup(bad.clone())).unwrap_err();
            assert!(
                format!("{err:#}").contains("unsubscribe"),
                "{bad:?}: {err:#}"
            );
        }
        let mut no_to = setup(mailto());
        no_to.to.clear();
        assert!(message(&e, Lang::En, &no_to).is_err());
        let mut bad_from = setup(mailto());
        bad_from.from = "status".into();
        assert!(format!("{:#}", message(&e, Lang::En, &bad_from).unwrap_err()).contains("`from`"));
    }

    #[test]
    fn one_message_per_language_never_the_same_words_twice() {
        let e = two_languages(EventKind::MaintenanceScheduled);
        let s = setup(mailto());
        let subjects = |langs: &[Lang]| -> Vec<String> {
            messages(&e, langs, &s)
                .unwrap()
                .iter()
                .map(|m| m.headers().get_raw("Subject").unwrap().to_string())
                .collect()
        };
        assert_eq!(
            subjects(&[Lang::En, Lang::De]),
            [
                "[Example Status] Identified: Database down",
                "[Beispiel-Status] Identifiziert: Datenbank gestört"
            ]
        );
        // Japanese is missing: it falls back to English, which is sent once.
        assert_eq!(
            subjects(&[Lang::Ja, Lang::En]),
            ["[Example Status] Identified: Database down"]
        );
        assert_eq!(
            subjects(&[]),
            ["[Example Status] Identified: Database down"]
        );
    }

    /// What the test server received in one SMTP transaction.
    #[derive(Debug, Default)]
    struct Received {
        auth: Option<String>,
        from: String,
        to: Vec<String>,
        data: String,
    }

    #[derive(Clone, Copy)]
    enum Answer {
        Accept,
        RejectSender,
        Silent,
    }

    /// A real SMTP server on 127.0.0.1 (no TLS) that records every message.
    fn smtp_server(answer: Answer) -> (u16, Arc<Mutex<Vec<Received>>>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = Arc::clone(&received);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = session(stream, answer, &store);
            }
        });
        (port, received)
    }

    fn session(
        stream: TcpStream,
        answer: Answer,
        store: &Mutex<Vec<Received>>,
    ) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut out = stream.try_clone()?;
        let mut lines = BufReader::new(stream);
        if let Answer::Silent = answer {
            std::thread::sleep(Duration::from_secs(5));
            return Ok(());
        }
        out.write_all(b"220 test.local ESMTP\r\n")?;
        let mut mail = Received::default();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let command = line.trim_end().to_string();
            let upper = command.to_ascii_uppercase();
            let reply: &[u8] = if upper.starts_with("EHLO") {
                b"250-test.local\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 OK\r\n"
            } else if upper.starts_with("AUTH PLAIN ") {
                mail.auth = Some(command["AUTH PLAIN ".len()..].to_string());
                b"235 2.7.0 ok\r\n"
            } else if upper.starts_with("MAIL FROM:") {
                if let Answer::RejectSender = answer {
                    b"550 5.7.1 sender refused\r\n"
                } else {
                    mail.from = command["MAIL FROM:".len()..].to_string();
                    b"250 ok\r\n"
                }
            } else if upper.starts_with("RCPT TO:") {
                mail.to.push(command["RCPT TO:".len()..].to_string());
                b"250 ok\r\n"
            } else if upper == "DATA" {
                out.write_all(b"354 go on\r\n")?;
                loop {
                    line.clear();
                    if lines.read_line(&mut line)? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    mail.data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                let auth = mail.auth.clone();
                store.lock().unwrap().push(std::mem::take(&mut mail));
                mail.auth = auth;
                b"250 queued\r\n"
            } else if upper == "QUIT" {
                out.write_all(b"221 bye\r\n")?;
                return Ok(());
            } else if upper == "STARTTLS" {
                b"454 4.7.0 TLS not available\r\n"
            } else if upper == "RSET" || upper == "NOOP" {
                b"250 ok\r\n"
            } else {
                b"502 5.5.2 unknown command\r\n"
            };
            out.write_all(reply)?;
        }
    }

    fn smtp(port: u16, security: Security) -> Smtp {
        Smtp {
            host: "127.0.0.1".into(),
            port,
            user_env: Some("TEST_SMTP_USER".into()),
            password_env: Some("TEST_SMTP_PASSWORD".into()),
            security,
            timeout: Duration::from_secs(2),
        }
    }

    fn env(name: &str) -> Option<String> {
        match name {
            "TEST_SMTP_USER" => Some("ci".into()),
            "TEST_SMTP_PASSWORD" => Some("s3cret".into()),
            _ => None,
        }
    }

    fn base64_decode(text: &str) -> Vec<u8> {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut bits = 0u32;
        let mut count = 0;
        let mut out = Vec::new();
        for c in text.bytes().filter(|&c| c != b'=') {
            bits = (bits << 6) | ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
            }
        }
        out
    }

    #[test]
    fn two_languages_arrive_at_a_real_smtp_server_as_two_messages() {
        let (port, received) = smtp_server(Answer::Accept);
        let e = two_languages(EventKind::IncidentOpened);
        let mailer = Mailer::new(&smtp(port, Security::Plain), env).unwrap();
        for m in messages(&e, &[Lang::En, Lang::De], &setup(mailto())).unwrap() {
            mailer.send(&m).unwrap();
        }
        let received = received.lock().unwrap();
        assert_eq!(received.len(), 2);
        for (mail, (status, title, body)) in received.iter().zip([
            ("Identified", "Database down", "We are looking."),
            ("Identifiziert", "Datenbank gestört", "Wir prüfen das."),
        ]) {
            assert_eq!(mail.from, "<status@example.com>");
            assert_eq!(mail.to, ["<subscribers@example.com>"]);
            // The credentials came from the environment variables the channel names.
            assert_eq!(
                base64_decode(mail.auth.as_deref().unwrap()),
                b"\0ci\0s3cret"
            );
            assert!(
                mail.data
                    .contains("List-Unsubscribe: <mailto:leave@example.com>\r\n")
            );
            assert!(mail.data.contains("Content-Type: multipart/alternative"));
            let plain = part_of(&mail.data, "text/plain");
            assert!(
                plain.starts_with(&format!("{status}: {title}\n\n{body}")),
                "{plain}"
            );
            let html = part_of(&mail.data, "text/html");
            assert!(html.contains(&format!(">{title}</h1>")), "{html}");
        }
    }

    #[test]
    fn a_failing_server_is_an_error_that_names_it() {
        let e = two_languages(EventKind::IncidentOpened);
        let m = message(&e, Lang::En, &setup(mailto())).unwrap();

        let (port, received) = smtp_server(Answer::RejectSender);
        let err = Mailer::new(&smtp(port, Security::Plain), env)
            .unwrap()
            .send(&m)
            .unwrap_err();
        let err = format!("{err:#}");
        assert!(
            err.contains(&format!("127.0.0.1:{port}")) && err.contains("sender refused"),
            "{err}"
        );
        assert!(received.lock().unwrap().is_empty());

        // Nobody listens: connection refused.
        let closed = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let err = Mailer::new(&smtp(closed, Security::Plain), env)
            .unwrap()
            .send(&m)
            .unwrap_err();
        assert!(
            format!("{err:#}").contains(&format!("127.0.0.1:{closed}")),
            "{err:#}"
        );

        // STARTTLS is required by default: a server without it gets nothing.
        let (port, received) = smtp_server(Answer::Accept);
        let err = Mailer::new(&smtp(port, Security::StartTls), env)
            .unwrap()
            .send(&m)
            .unwrap_err();
        assert!(
            format!("{err:#}").contains(&format!("127.0.0.1:{port}")),
            "{err:#}"
        );
        assert!(received.lock().unwrap().is_empty());

        // A server that never answers: the timeout ends the wait.
        let (port, _) = smtp_server(Answer::Silent);
        let started = std::time::Instant::now();
        let mut slow = smtp(port, Security::Plain);
        slow.timeout = Duration::from_millis(500);
        assert!(Mailer::new(&slow, env).unwrap().send(&m).is_err());
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn bad_settings_are_refused_before_connecting() {
        let mut remote = smtp(25, Security::Plain);
        remote.host = "smtp.example.com".into();
        let err = Mailer::new(&remote, env).err().unwrap();
        assert!(
            format!("{err:#}").contains("only for a test server on 127.0.0.1"),
            "{err:#}"
        );

        let missing = |name: &str| (name == "TEST_SMTP_USER").then(|| "ci".to_string());
        let err = Mailer::new(&smtp(25, Security::Plain), missing)
            .err()
            .unwrap();
        assert!(
            format!("{err:#}").contains("TEST_SMTP_PASSWORD is not set"),
            "{err:#}"
        );

        let mut half = smtp(25, Security::Plain);
        half.password_env = None;
        assert!(Mailer::new(&half, env).is_err());

        let mut anonymous = smtp(25, Security::StartTls);
        (anonymous.user_env, anonymous.password_env) = (None, None);
        assert!(Mailer::new(&anonymous, env).is_ok());
    }
}
