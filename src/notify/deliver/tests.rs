//! Delivery against a real HTTP receiver on 127.0.0.1: payloads, signatures, retries,
//! timeouts, per-channel failures and the exactly-once log.

use std::collections::BTreeMap;
use std::time::Duration;

use super::*;
use crate::load::config::parse;
use crate::load::yaml::Limits;
use crate::notify::message::{EventKind, EventText};

#[path = "../../../tests/common/http_server.rs"]
#[allow(unreachable_pub)]
pub(super) mod server;
use server::{Reply, Server};

const SITE: &str = "base_url: https://status.example.com/\nlanguages: [en, de]\ncomponents:\n  - id: api\n  - id: db\n";

pub(super) fn config(channels: &str) -> SiteConfig {
    let (config, findings) = parse(&format!("{SITE}notify:\n{channels}"), &Limits::default());
    assert!(findings.is_empty(), "{findings:?}");
    config
}

pub(super) fn event(id: &str, component: &str) -> Event {
    let text = |lang: &str| EventText {
        title: format!("API errors ({lang})"),
        status: format!("Investigating ({lang})"),
        body: "We are looking into it. <!everyone>".to_string(),
        url: format!("https://status.example.com/{lang}/incidents/x.html"),
    };
    Event {
        id: format!("incident.opened:{id}"),
        kind: EventKind::IncidentOpened,
        subject: id.to_string(),
        components: vec![component.to_string()],
        at: DateTime::from_timestamp(1_763_632_800, 0).unwrap(),
        texts: BTreeMap::from([(Lang::En, text("en")), (Lang::De, text("de"))]),
    }
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_763_640_000, 0).unwrap()
}

fn quick() -> Policy {
    Policy {
        timeout: Duration::from_millis(500),
        tries: 3,
        backoff: Duration::from_millis(10),
    }
}

pub(super) fn run_with<'a>(env: &'a dyn Fn(&str) -> Option<String>) -> Run<'a> {
    Run {
        policy: quick(),
        ..Run::new(false, now(), env)
    }
}

pub(super) fn statuses(report: &ChannelReport) -> Vec<Status> {
    report.deliveries.iter().map(|d| d.status.clone()).collect()
}

#[test]
fn the_payload_is_versioned_in_the_channels_languages_and_signed() {
    let server = Server::start(&[]);
    let url = server.url.clone();
    let env = move |name: &str| match name {
        "HOOK" => Some(url.clone()),
        "SECRET" => Some("s3cret".to_string()),
        _ => None,
    };
    let config = config(
        "  - kind: webhook\n    url_env: HOOK\n    secret_env: SECRET\n    languages: [de, en]\n",
    );
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    assert_eq!(statuses(&reports[0]), [Status::Sent]);
    let received = server.received();
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.path, "/hook");
    let json = request.json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["event"]["id"], "incident.opened:a");
    assert_eq!(json["event"]["type"], "incident.opened");
    assert_eq!(json["event"]["subject"], "a");
    assert_eq!(json["event"]["components"], serde_json::json!(["api"]));
    assert_eq!(json["event"]["at"], "2025-11-20T10:00:00Z");
    assert_eq!(json["texts"]["de"]["title"], "API errors (de)");
    assert_eq!(json["texts"]["en"]["status"], "Investigating (en)");
    assert_eq!(
        json["texts"]["en"]["url"],
        "https://status.example.com/en/incidents/x.html"
    );
    let expected = webhook::signature("s3cret", &request.body);
    assert_eq!(
        request.header("x-hindsight-signature"),
        Some(expected.as_str())
    );
    assert!(expected.starts_with("sha256=") && expected.len() == 7 + 64);
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("x-hindsight-event"), Some("incident.opened"));
    assert!(
        request
            .header("user-agent")
            .unwrap()
            .starts_with("hindsight/")
    );
    // The channel's key names where it posts.
    assert_eq!(reports[0].key, "webhook:HOOK");
    assert!(log.contains(&reports[0].key, "incident.opened:a"));
}

#[test]
fn a_webhook_without_languages_gets_every_language_and_without_secret_no_signature() {
    let server = Server::start(&[]);
    let url = server.url.clone();
    let env = move |name: &str| (name == "HOOK").then(|| url.clone());
    let config = config("  - kind: webhook\n    url_env: HOOK\n");
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    assert_eq!(reports[0].languages, [Lang::En, Lang::De]);
    let request = &server.received()[0];
    let texts = request.json()["texts"].as_object().unwrap().clone();
    assert_eq!(texts.keys().collect::<Vec<_>>(), ["de", "en"]);
    assert_eq!(request.header("x-hindsight-signature"), None);
}

#[test]
fn a_chat_channel_without_languages_speaks_the_sites_default() {
    let server = Server::start(&[]);
    let url = server.url.clone();
    let env = move |_: &str| Some(url.clone());
    let config = config("  - kind: slack\n    url_env: CHAT\n");
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    assert_eq!(reports[0].languages, [Lang::En]);
    let body = String::from_utf8(server.received()[0].body.clone()).unwrap();
    assert!(body.contains("(en)") && !body.contains("(de)"), "{body}");
}

#[test]
fn each_delivery_is_saved_before_the_next_is_sent() {
    let server = Server::start(&[]);
    let url = server.url.clone();
    let env = move |_: &str| Some(url.clone());
    let config = config("  - kind: webhook\n    url_env: HOOK\n");
    let saved = std::cell::RefCell::new(Vec::new());
    let checkpoint = |log: &DeliveryLog| {
        saved.borrow_mut().push(log.len());
        Ok(())
    };
    let mut run = run_with(&env);
    run.checkpoint = &checkpoint;
    let mut log = DeliveryLog::default();
    let events = [event("a", "api"), event("b", "api")];
    deliver(&config, &events, &mut log, &run).unwrap();
    assert_eq!(*saved.borrow(), [1, 2]);
    // A log that cannot be saved stops the run: sending more would send it twice later.
    let failing = |_: &DeliveryLog| anyhow::bail!("disk full");
    run.checkpoint = &failing;
    let mut log = DeliveryLog::default();
    let error = deliver(&config, &events, &mut log, &run).unwrap_err();
    assert!(error.to_string().contains("disk full"));
    assert_eq!(server.received().len(), 3, "nothing after the failed save");
}

#[test]
fn a_plain_http_url_to_another_machine_is_refused_before_sending() {
    let env = |_: &str| Some("http://hooks.example.com/x".to_string());
    let config = config("  - kind: webhook\n    url_env: HOOK\n");
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    let error = reports[0].error.as_deref().unwrap();
    assert!(error.contains("https://"), "{error}");
    assert!(!error.contains("hooks.example.com"), "the URL is a secret");
    assert!(matches!(
        &statuses(&reports[0])[..],
        [Status::NotTried(why)] if why.contains("not set up")
    ));
}

#[test]
fn a_500_is_retried_and_then_delivered() {
    let server = Server::start(&[Reply::Status(500)]);
    let url = server.url.clone();
    let env = move |_: &str| Some(url.clone());
    let config = config("  - kind: webhook\n    url_env: HOOK\n");
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    assert_eq!(statuses(&reports[0]), [Status::Sent]);
    assert_eq!(server.received().len(), 2);
    assert_eq!(server.received()[0].body, server.received()[1].body);
}

#[test]
fn a_4xx_is_not_retried_nor_recorded_and_the_next_run_sends_it_again() {
    let server = Server::start(&[Reply::Said(400, "invalid_payload\n")]);
    let url = server.url.clone();
    let env = move |_: &str| Some(url.clone());
    let config = config("  - kind: webhook\n    url_env: HOOK\n");
    let events = [event("a", "api"), event("b", "api")];
    let mut log = DeliveryLog::default();
    let first = deliver(&config, &events, &mut log, &run_with(&env)).unwrap();
    assert_eq!(
        statuses(&first[0]),
        [
            Status::Failed("the receiver answered HTTP 400: invalid_payload".to_string()),
            Status::Sent
        ]
    );
    assert!(first[0].failed());
    assert_eq!(server.received().len(), 2);
    assert!(!log.contains("webhook:HOOK", "incident.opened:a"));
    // The second run (the log read back from its file) sends only what failed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notify-log.json");
    std::fs::write(&path, log.to_json()).unwrap();
    let mut log = DeliveryLog::load(&path).unwrap();
    let second = deliver(&config, &events, &mut log, &run_with(&env)).unwrap();
    assert_eq!(statuses(&second[0]), [Status::Sent, Status::AlreadySent]);
    assert!(!second[0].failed());
    let received = server.received();
    assert_eq!(received.len(), 3);
    assert_eq!(received[2].json()["event"]["id"], "incident.opened:a");
    // A third run sends nothing at all.
    let third = deliver(&config, &events, &mut log, &run_with(&env)).unwrap();
    assert_eq!(
        statuses(&third[0]),
        [Status::AlreadySent, Status::AlreadySent]
    );
    assert_eq!(server.received().len(), 3);
}

#[test]
fn a_slow_receiver_times_out_is_reported_and_not_recorded() {
    let server = Server::start(&[Reply::Sleep(Duration::from_secs(2))]);
    let url = server.url.clone();
    let env = move |_: &str| Some(url.clone());
    let config = config("  - kind: webhook\n    url_env: HOOK\n");
    let mut log = DeliveryLog::default();
    let events = [event("a", "api"), event("b", "api")];
    let reports = deliver(&config, &events, &mut log, &run_with(&env)).unwrap();
    let got = statuses(&reports[0]);
    let Status::Failed(reason) = &got[0] else {
        panic!("{got:?}")
    };
    assert!(reason.contains("timed out"), "{reason}");
    assert!(
        !reason.contains("127.0.0.1"),
        "the URL may be a secret: {reason}"
    );
    // The receiver is down: the channel's other events wait for the next run.
    assert!(
        matches!(&got[1], Status::NotTried(why) if why.contains("incident.opened:a")),
        "{got:?}"
    );
    assert!(log.is_empty());
    assert_eq!(server.received().len(), 1, "a timeout is not retried");
}

#[test]
fn channels_are_independent_and_a_missing_variable_is_named() {
    let server = Server::start(&[]);
    let url = server.url.clone();
    let env = move |name: &str| (name == "GOOD").then(|| url.clone());
    let config = config(
        "  - kind: webhook\n    url_env: MISSING_URL\n  - kind: webhook\n    url_env: GOOD\n    secret_env: MISSING_SECRET\n  - kind: webhook\n    url_env: GOOD\n    name: ops\n",
    );
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    assert!(reports[0].error.as_ref().unwrap().contains("MISSING_URL"));
    assert!(
        reports[1]
            .error
            .as_ref()
            .unwrap()
            .contains("MISSING_SECRET")
    );
    assert!(reports[0].failed() && reports[1].failed());
    assert_eq!(statuses(&reports[2]), [Status::Sent]);
    assert_eq!(reports[2].key, "ops");
    assert_eq!(server.received().len(), 1);
    assert!(log.contains("ops", "incident.opened:a"));
    assert!(!log.contains("webhook:MISSING_URL", "incident.opened:a"));
}

#[test]
fn unreachable_hosts_fail_and_dry_runs_send_and_record_nothing() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let env = move |_: &str| Some(format!("http://127.0.0.1:{port}/hook"));
    let config = config("  - kind: webhook\n    url_env: HOOK\n");
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    assert!(
        matches!(&statuses(&reports[0])[0], Status::Failed(r) if r.contains("after 3 tries")),
        "{reports:?}"
    );
    assert!(log.is_empty());
    let dry = Run {
        policy: quick(),
        ..Run::new(true, now(), &|_| None)
    };
    let reports = deliver(&config, &[event("a", "api")], &mut log, &dry).unwrap();
    assert_eq!(statuses(&reports[0]), [Status::WouldSend]);
    // It says what a real run here would stop at.
    assert!(reports[0].error.as_deref().unwrap().contains("HOOK"));
    assert!(log.is_empty());
}

#[test]
fn a_channel_hears_only_about_its_components() {
    let server = Server::start(&[]);
    let url = server.url.clone();
    let env = move |_: &str| Some(url.clone());
    let config = config("  - kind: webhook\n    url_env: HOOK\n    components: [db]\n");
    let mut log = DeliveryLog::default();
    let reports = deliver(
        &config,
        &[event("a", "api"), event("b", "db")],
        &mut log,
        &run_with(&env),
    )
    .unwrap();
    assert_eq!(reports[0].deliveries.len(), 1);
    assert_eq!(reports[0].deliveries[0].event, "incident.opened:b");
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_key_keeps_through_a_change_of_languages_and_tells_two_audiences_apart() {
    let keys = |channels: &str| -> Vec<String> {
        let config = config(channels);
        (0..config.notify.len())
            .map(|index| key(&config.notify, index))
            .collect()
    };
    // One channel: its languages and components are not part of its key, so changing them
    // sends it nothing again.
    assert_eq!(keys("  - kind: slack\n    url_env: CHAT\n"), ["slack:CHAT"]);
    assert_eq!(
        keys("  - kind: slack\n    url_env: CHAT\n    languages: [de]\n    components: [db]\n"),
        ["slack:CHAT"]
    );
    // Two channels to the same place: two audiences, two keys.
    assert_eq!(
        keys(
            "  - kind: slack\n    url_env: CHAT\n    languages: [en]\n  - kind: slack\n    url_env: CHAT\n    languages: [de]\n"
        ),
        ["slack:CHAT[en|]", "slack:CHAT[de|]"]
    );
    // A name is the key, whatever else.
    assert_eq!(
        keys(
            "  - kind: slack\n    url_env: CHAT\n    name: ops\n  - kind: slack\n    url_env: CHAT\n"
        ),
        ["ops", "slack:CHAT"]
    );
}

#[test]
fn an_error_answer_that_echoes_the_url_does_not_put_its_token_in_the_log() {
    const SAID: &str = "no_such_hook: /hook/services/T0AAAAAAA/B0BBBBBBB/XXXXsecretXXXX?thread=abcdef123 \
                        (token XXXXsecretXXXX, thread abcdef123)";
    let server = Server::start(&[Reply::Said(400, SAID)]);
    let url = format!(
        "{}/services/T0AAAAAAA/B0BBBBBBB/XXXXsecretXXXX?thread=abcdef123",
        server.url
    );
    let env = move |_: &str| Some(url.clone());
    let config = config("  - kind: slack\n    url_env: SLACK_URL\n");
    let mut log = DeliveryLog::default();
    let reports = deliver(&config, &[event("a", "api")], &mut log, &run_with(&env)).unwrap();
    assert_eq!(
        server.received()[0].path,
        "/hook/services/T0AAAAAAA/B0BBBBBBB/XXXXsecretXXXX?thread=abcdef123"
    );
    assert_eq!(
        statuses(&reports[0]),
        [Status::Failed(
            "the receiver answered HTTP 400: no_such_hook: … (token …, thread …)".to_string()
        )]
    );
}
