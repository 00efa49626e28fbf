//! Slack, Teams, Discord and e-mail channels delivered end to end: chat payloads to a real
//! HTTP receiver, e-mail to a real SMTP server, both on 127.0.0.1.

use super::tests::{config, event, run_with, statuses};
use super::*;

use crate::notify::smtp_test_server::{self, Answer, smtp_server};

/// What the test SMTP server received.
type Received = std::sync::Arc<std::sync::Mutex<Vec<smtp_test_server::Received>>>;

use super::tests::server::Server;

#[test]
fn chat_channels_get_their_own_format_in_their_language_with_mentions_defused() {
    for (kind, check) in [
        ("slack", "blocks"),
        ("teams", "attachments"),
        ("discord", "embeds"),
    ] {
        let server = Server::start(&[]);
        let url = server.url.clone();
        let env = move |name: &str| (name == "CHAT").then(|| url.clone());
        let config = config(&format!(
            "  - kind: {kind}\n    url_env: CHAT\n    languages: [de]\n"
        ));
        let mut log = DeliveryLog::default();
        let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
        assert_eq!(statuses(&reports[0]), [Status::Sent], "{kind}");
        let received = server.received();
        let body = String::from_utf8(received[0].body.clone()).unwrap();
        let json = received[0].json();
        assert!(json.get(check).is_some(), "{kind}: {body}");
        // Markdown escapes (`\\(`) aside, the title is in the channel's language.
        assert!(
            body.replace('\\', "").contains("API errors (de)"),
            "{kind}: the channel's language: {body}"
        );
        assert!(
            !body.contains("<!everyone>"),
            "{kind}: a live mention: {body}"
        );
        assert!(log.contains(&reports[0].key, "incident.opened:a"), "{kind}");
    }
}

fn mail_env() -> impl Fn(&str) -> Option<String> {
    |name: &str| match name {
        "SMTP_HOST" => Some("127.0.0.1".to_string()),
        _ => None,
    }
}

fn mail_config(port: u16) -> SiteConfig {
    config(&format!(
        "  - kind: email\n    smtp_host_env: SMTP_HOST\n    smtp_port: \"{port}\"\n    from: status@example.com\n    to: [subscribers@example.com]\n    unsubscribe: leave@example.com\n    languages: [en, de]\n"
    ))
}

/// One event delivered to an e-mail channel whose server answers as `answer`.
fn mail_run(answer: Answer) -> (Vec<ChannelReport>, DeliveryLog, Received) {
    mail_run_after(answer, DeliveryLog::default())
}

/// As `mail_run`, with `log` from an earlier run.
fn mail_run_after(
    answer: Answer,
    mut log: DeliveryLog,
) -> (Vec<ChannelReport>, DeliveryLog, Received) {
    let (port, received) = smtp_server(answer);
    let env = mail_env();
    let reports = deliver(
        &mail_config(port),
        &[event("a", "api")],
        &mut log,
        &run_with(&env),
    )
    .unwrap();
    (reports, log, received)
}

#[test]
fn an_email_channel_sends_one_message_per_language_and_logs_it() {
    let (reports, log, received) = mail_run(Answer::Accept);
    assert_eq!(
        statuses(&reports[0]),
        [Status::Sent, Status::Sent],
        "{:?}",
        reports[0]
    );
    let messages = received.lock().unwrap();
    assert_eq!(messages.len(), 2, "one message per language");
    assert!(messages[0].data.contains("API errors (en)"));
    assert!(messages[1].data.contains("API errors (de)"));
    assert!(
        messages[0]
            .data
            .contains("List-Unsubscribe: <mailto:leave@example.com>")
    );
    // The log is committed: the subscribers' addresses are hashed in the channel's key.
    assert!(!reports[0].key.contains('@'), "{}", reports[0].key);
    assert!(log.contains(&reports[0].key, "incident.opened:a#en"));
    assert!(log.contains(&reports[0].key, "incident.opened:a#de"));
    // Subscribers do not see each other: the visible `To:` is the sender.
    assert!(
        messages[0].data.contains("To: status@example.com"),
        "{}",
        messages[0].data
    );
    assert!(!messages[0].data.contains("subscribers@example.com"));
    assert!(
        messages[0]
            .to
            .iter()
            .any(|to| to.contains("subscribers@example.com"))
    );
}

#[test]
fn a_refusing_mail_server_is_reported_and_the_event_waits_for_the_next_run() {
    let (reports, log, received) = mail_run(Answer::RejectSender);
    let [Status::Failed(reason), Status::Failed(_)] = &statuses(&reports[0])[..] else {
        panic!("{:?}", reports[0]);
    };
    assert!(
        reason.contains("550") || reason.contains("refused"),
        "{reason}"
    );
    assert!(received.lock().unwrap().is_empty());
    assert!(log.is_empty());
}

#[test]
fn a_mail_server_that_says_later_is_tried_again() {
    let (reports, log, received) = mail_run(Answer::BusyOnce);
    assert_eq!(
        statuses(&reports[0]),
        [Status::Sent, Status::Sent],
        "{:?}",
        reports[0]
    );
    assert_eq!(
        received.lock().unwrap().len(),
        2,
        "both languages, after one 451"
    );
    assert!(log.contains(&reports[0].key, "incident.opened:a#de"));
}

#[test]
fn a_mail_server_too_slow_to_finish_fails_in_time_is_not_retried_nor_logged() {
    let started = std::time::Instant::now();
    let (reports, log, received) = mail_run(Answer::Drip);
    let elapsed = started.elapsed();
    let got = statuses(&reports[0]);
    let [Status::Failed(reason), Status::NotTried(_)] = &got[..] else {
        panic!("{got:?}");
    };
    assert!(reason.contains("timed out"), "{reason}");
    assert!(reason.contains("within 1.5 s"), "{reason}");
    // The run's deadline is 1.5 s a message (the greeting alone takes 6.6 s); a second
    // try would take as long again.
    assert!(
        elapsed < std::time::Duration::from_millis(2800),
        "{elapsed:?}"
    );
    assert!(log.is_empty());
    assert!(received.lock().unwrap().is_empty());
}

#[test]
fn a_language_refused_halfway_is_the_only_one_sent_again() {
    let (reports, log, received) = mail_run(Answer::AcceptOne);
    let got = statuses(&reports[0]);
    assert_eq!(got[0], Status::Sent, "{got:?}");
    assert!(
        matches!(&got[1], Status::Failed(r) if r.contains("550")),
        "{got:?}"
    );
    assert_eq!(received.lock().unwrap().len(), 1);
    // The next run sends the German message only: the English one is in the log.
    let (reports, log, received) = mail_run_after(Answer::Accept, log);
    assert_eq!(
        statuses(&reports[0]),
        [Status::AlreadySent, Status::Sent],
        "{:?}",
        reports[0]
    );
    let messages = received.lock().unwrap();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].data.contains("API errors (de)"));
    assert!(log.contains(&reports[0].key, "incident.opened:a#de"));
}
