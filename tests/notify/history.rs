//! Where `notify` starts from in a repository's history: the commit the delivery log keeps
//! when no `--since` is given, the nearest commit that built when `--since` names a broken
//! one, and a clear error for a ref that names nothing.

use super::common::http_server::Server;
use super::common::{Project, output};
use super::{CONFIG, OPENED, UPDATED, git, notify};

fn commit(project: &Project, message: &str) -> String {
    let root = project.root();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", message]);
    git(root, &["rev-parse", "HEAD"])
}

/// A repository whose one commit publishes an open incident, and that commit.
fn opened_repository() -> (Project, String) {
    let project = Project::bare()
        .config(CONFIG)
        .record("2026-11-22-api.yaml", OPENED);
    git(project.root(), &["init", "-q"]);
    let opened = commit(&project, "opened");
    (project, opened)
}

fn event_ids(run: &super::common::Output) -> Vec<String> {
    run.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn without_since_each_run_starts_from_the_commit_the_log_keeps() {
    let (project, opened) = opened_repository();
    let server = Server::start(&[]);
    // The first run has nothing to compare with: it sends nothing and keeps its commit.
    let first = notify(&project, &server, &[]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    assert!(first.stdout.contains("first run"), "{}", first.stdout);
    let log: serde_json::Value = serde_json::from_str(&project.read("notify-log.json")).unwrap();
    assert_eq!(log["last_commit"], opened.as_str());
    commit(&project, "delivery log");
    // An update is pushed: the next run tells it, and moves the log on to this commit.
    let project = project.record("2026-11-22-api.yaml", UPDATED);
    let updated = commit(&project, "updated");
    let second = notify(&project, &server, &["--format", "json"]);
    assert_eq!(second.code, 0, "{}{}", second.stdout, second.stderr);
    assert_eq!(
        event_ids(&second),
        ["incident.updated:2026-11-22-api:2026-11-22-api-identified-1795343400"]
    );
    assert_eq!(server.received().len(), 1);
    let log: serde_json::Value = serde_json::from_str(&project.read("notify-log.json")).unwrap();
    assert_eq!(log["last_commit"], updated.as_str());
    // Run again (a re-run job, or the next schedule): nothing new.
    let third = notify(&project, &server, &[]);
    assert!(third.stdout.contains("no changes"), "{}", third.stdout);
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_since_commit_whose_site_did_not_build_reads_the_last_one_that_did() {
    let (project, _) = opened_repository();
    // The update lands with a typo that fails the build: it was never published.
    let broken = UPDATED.replace("severity: major", "severity: huge");
    let project = project.record("2026-11-22-api.yaml", &broken);
    let broken = commit(&project, "updated, broken");
    let project = project.record("2026-11-22-api.yaml", UPDATED);
    commit(&project, "fixed");
    let server = Server::start(&[]);
    let run = notify(&project, &server, &["--since", &broken, "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // Subscribers last saw the opened incident: the update is news.
    assert_eq!(
        event_ids(&run),
        ["incident.updated:2026-11-22-api:2026-11-22-api-identified-1795343400"]
    );
}

#[test]
fn a_ref_before_the_first_commit_is_a_clear_error() {
    let project = Project::bare().config(CONFIG);
    git(project.root(), &["init", "-q"]);
    commit(&project, "first");
    let run = output(project.cmd().args(["notify", "--since", "HEAD~1"]));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`HEAD~1` names no commit in this git repository ("),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("leave out `--since`"), "{}", run.stderr);
}

#[test]
fn outside_a_git_repository_notify_asks_for_a_published_site() {
    let project = Project::bare().config(CONFIG);
    let run = output(project.cmd().arg("notify"));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--previous DIR"), "{}", run.stderr);
}

/// A history rewritten under the log (a force-push) must not block every later run: the
/// error says how to go on, and `--since` does.
#[test]
fn a_retry_commit_that_is_gone_asks_for_since_and_since_goes_on() {
    let (project, opened) = opened_repository();
    let project = project.record("2026-11-22-api.yaml", UPDATED);
    commit(&project, "updated");
    let gone = "0123456789abcdef0123456789abcdef01234567";
    let project = project.file(
        "notify-log.json",
        format!(
            "{{\"version\": 1, \"retry_from\": {{\"commit\": \"{gone}\", \"at\": \"2026-11-22T12:00:00Z\"}}, \"delivered\": []}}\n"
        ),
    );
    let server = Server::start(&[]);
    let blocked = notify(&project, &server, &[]);
    assert_eq!(blocked.code, 2, "{}{}", blocked.stdout, blocked.stderr);
    assert!(blocked.stderr.contains(gone), "{}", blocked.stderr);
    assert!(blocked.stderr.contains("--since REF"), "{}", blocked.stderr);
    let resumed = notify(&project, &server, &["--since", &opened, "--format", "json"]);
    assert_eq!(resumed.code, 0, "{}{}", resumed.stdout, resumed.stderr);
    assert!(resumed.stderr.contains("warning"), "{}", resumed.stderr);
    assert_eq!(
        event_ids(&resumed),
        ["incident.updated:2026-11-22-api:2026-11-22-api-identified-1795343400"]
    );
    let log: serde_json::Value = serde_json::from_str(&project.read("notify-log.json")).unwrap();
    assert!(log.get("retry_from").is_none(), "{log}");
}

/// A run for an older build that finishes after a newer one has nothing to tell: comparing
/// the newer page with the older would tell changes backwards.
#[test]
fn a_run_for_an_older_commit_than_the_log_has_told_sends_nothing() {
    let (project, opened) = opened_repository();
    let project = project.record("2026-11-22-api.yaml", UPDATED);
    commit(&project, "updated");
    let server = Server::start(&[]);
    // The log keeps the newer commit (a first run there).
    assert_eq!(notify(&project, &server, &[]).code, 0);
    git(project.root(), &["checkout", "-q", &opened]);
    let late = notify(&project, &server, &[]);
    assert_eq!(late.code, 0, "{}{}", late.stdout, late.stderr);
    assert!(late.stdout.contains("nothing to send"), "{}", late.stdout);
    // Scripts reading JSON get JSON.
    let late = notify(&project, &server, &["--format", "json"]);
    assert_eq!(late.json()["already_told"].as_str().map(str::len), Some(40));
    assert!(server.received().is_empty());
}

/// After a history rewrite, one run with `--since` puts the log right even when it has
/// nothing to send: the runs after it start from there.
#[test]
fn a_gone_last_commit_is_put_right_by_one_run_with_since() {
    let (project, head) = opened_repository();
    let gone = "0123456789abcdef0123456789abcdef01234567";
    let project = project.file(
        "notify-log.json",
        format!("{{\"version\": 1, \"last_commit\": \"{gone}\", \"delivered\": []}}\n"),
    );
    let server = Server::start(&[]);
    let blocked = notify(&project, &server, &[]);
    assert_eq!(blocked.code, 2, "{}{}", blocked.stdout, blocked.stderr);
    assert!(blocked.stderr.contains(gone), "{}", blocked.stderr);
    let restarted = notify(&project, &server, &["--since", "HEAD"]);
    assert_eq!(
        restarted.code, 0,
        "{}{}",
        restarted.stdout, restarted.stderr
    );
    let log: serde_json::Value = serde_json::from_str(&project.read("notify-log.json")).unwrap();
    assert_eq!(log["last_commit"], head.as_str());
    let next = notify(&project, &server, &[]);
    assert_eq!(next.code, 0, "{}{}", next.stdout, next.stderr);
    assert!(next.stdout.contains("no changes"), "{}", next.stdout);
}
