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

mod smtp;
