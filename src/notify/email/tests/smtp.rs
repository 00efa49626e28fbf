//! E-mail against a real SMTP server on 127.0.0.1: two languages, a failing server, a
//! timeout told from a refusal, and settings refused before connecting.

use super::*;

/// Settings for the test server on `port`.
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
