//! E-mail messages and a real SMTP server on 127.0.0.1: parts, headers, escaping, failures.

use super::*;
use crate::notify::format::tests::{HOSTILE, SAMPLE, event};
use crate::notify::message::EventKind;
use std::net::TcpListener;

use crate::notify::smtp_test_server::{Answer, smtp_server};

/// For a whole exchange with the test server: generous, only a hang would reach it.
const DEADLINE: Duration = Duration::from_secs(10);

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
    // A stable Message-ID: the same event in the same language is the same message.
    let id = h.get_raw("Message-ID").unwrap().to_string();
    assert!(id.starts_with('<') && id.ends_with("@example.com>"), "{id}");
    // The subscribers are in the envelope only: none sees the others.
    assert_eq!(h.get_raw("To"), Some("Example Status <status@example.com>"));
    let envelope: Vec<String> = m.envelope().to().iter().map(|a| a.to_string()).collect();
    assert_eq!(envelope, ["subscribers@example.com"]);
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
fn the_text_keeps_its_paragraphs_lines_and_links_in_both_parts() {
    let body = format!("{SAMPLE}\n\n- nested:\n  - <b>deeper</b> https://x.example/\"><script>");
    let e = event(EventKind::UpdatePosted, &[(Lang::En, "API errors", &body)]);
    let data = formatted(&message(&e, Lang::En, &setup(mailto())).unwrap());
    let url = "https://status.example.com/en/incidents/2026-01-db.html";
    assert_eq!(
        part_of(&data, "text/plain"),
        format!("Identified: API errors\n\n{body}\n\nView on the status page: {url}\n")
    );
    let html = part_of(&data, "text/html");
    let p = "<p style=\"margin:0 0 16px;line-height:1.5\">";
    assert!(
        html.contains(&format!(
            "{p}We rolled back. @everyone</p>\n{p}- api<br>\n- web</p>\n\
             {p}See the runbook (<a href=\"https://x.example/rb?a=1&amp;b=2\" style=\"color:#0969da\">https://x.example/rb?a=1&amp;b=2</a>).</p>\n\
             {p}- nested:<br>\n&nbsp;&nbsp;- &lt;b&gt;deeper&lt;/b&gt; https://x.example/&quot;&gt;&lt;script&gt;</p>\n"
        )),
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
fn unsubscribe_by_url_is_a_page_never_one_click_and_must_be_https() {
    let e = two_languages(EventKind::IncidentResolved);
    let url = Unsubscribe::Url("https://status.example.com/unsubscribe".into());
    let m = message(&e, Lang::En, &setup(url)).unwrap();
    assert_eq!(
        m.headers().get_raw("List-Unsubscribe"),
        Some("<https://status.example.com/unsubscribe>")
    );
    // One message reaches every subscriber: a one-click POST could not say who left.
    assert_eq!(m.headers().get_raw("List-Unsubscribe-Post"), None);
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
        mailer.send(&m, DEADLINE).unwrap();
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
        .send(&m, DEADLINE)
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
        .send(&m, DEADLINE)
        .unwrap_err();
    assert!(
        format!("{err:#}").contains(&format!("127.0.0.1:{closed}")),
        "{err:#}"
    );

    // STARTTLS is required by default: a server without it gets nothing.
    let (port, received) = smtp_server(Answer::Accept);
    let err = Mailer::new(&smtp(port, Security::StartTls), env)
        .unwrap()
        .send(&m, DEADLINE)
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
    assert!(Mailer::new(&slow, env).unwrap().send(&m, DEADLINE).is_err());
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_timeout_is_told_from_a_refusal_and_a_later() {
    let e = two_languages(EventKind::IncidentOpened);
    let m = message(&e, Lang::En, &setup(mailto())).unwrap();
    let outcome = |answer: Answer, socket: Duration, deadline: Duration| {
        let (port, _) = smtp_server(answer);
        let mut smtp = smtp(port, Security::Plain);
        smtp.timeout = socket;
        Mailer::new(&smtp, env).unwrap().try_send(&m, deadline)
    };
    let second = Duration::from_secs(1);
    // A server that drips its answers: only the deadline ends the wait.
    let started = std::time::Instant::now();
    let drip = outcome(Answer::Drip, DEADLINE, Duration::from_millis(700));
    assert!(
        matches!(&drip, Err(SendError::TimedOut(reason)) if reason.contains("within 0.7 s (timed out)")),
        "{drip:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // A server that says nothing: the socket's own timeout is a timeout too.
    let silent = outcome(Answer::Silent, Duration::from_millis(300), DEADLINE);
    assert!(matches!(silent, Err(SendError::TimedOut(_))), "{silent:?}");
    let refused = outcome(Answer::RejectSender, second, DEADLINE);
    assert!(matches!(refused, Err(SendError::Refused(_))), "{refused:?}");
    let busy = outcome(Answer::BusyOnce, second, DEADLINE);
    assert!(matches!(busy, Err(SendError::Later(_))), "{busy:?}");
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
