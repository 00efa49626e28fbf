//! `hindsight notify` end to end: a real git repository with two commits, a real HTTP
//! receiver on 127.0.0.1, the delivery log across runs, and the exit codes.

#[path = "../common/mod.rs"]
mod common;
mod history;

use std::path::Path;
use std::process::Command;

use common::http_server::{Reply, Server};
use common::{Output, Project, output};

pub(crate) const CONFIG: &str = "title: Example Status\nbase_url: https://status.example.com/\nlanguages: [en, de]\ntimezone: UTC\ncomponents:\n  - id: api\n    name: API\n  - id: db\n    name: Database\nnotify:\n  - kind: webhook\n    url_env: HOOK_URL\n    secret_env: HOOK_SECRET\n    languages: [en, de]\n";

pub(crate) const OPENED: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\ntimezone: UTC\nstarted: 2026-11-22T10:00:00Z\ntimeline:\n  - at: 2026-11-22T10:05:00Z\n    status: investigating\n    text: Looking into errors.\n";
pub(crate) const UPDATED: &str = "title: API errors\nlang: en\nstatus: published\nseverity: major\naffected:\n  api: partial_outage\ntimezone: UTC\nstarted: 2026-11-22T10:00:00Z\ntimeline:\n  - at: 2026-11-22T10:05:00Z\n    status: investigating\n    text: Looking into errors.\n  - at: 2026-11-22T10:30:00Z\n    status: identified\n    text: A bad deploy.\n";
const DB: &str = "title: Database slow\nlang: en\nstatus: published\nseverity: minor\naffected:\n  db: degraded_performance\ntimezone: UTC\nstarted: 2026-11-22T11:00:00Z\ntimeline:\n  - at: 2026-11-22T11:05:00Z\n    status: investigating\n    text: Queries are slow.\n";
const DRAFT: &str = "title: NOTIFY-DRAFT-MARKER\nlang: en\nstatus: draft\nseverity: critical\naffected:\n  db: major_outage\ntimezone: UTC\nstarted: 2026-11-22T11:00:00Z\n";

pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// A repository with three commits: no project yet, one open incident, then an update, a
/// new incident and a draft. Returns the project and the three commit ids.
fn repository() -> (Project, [String; 3]) {
    let project = Project::bare().file("README.md", "hello\n");
    let root = project.root().to_path_buf();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "empty"]);
    let empty = git(&root, &["rev-parse", "HEAD"]);
    let project = project.config(CONFIG).record("2026-11-22-api.yaml", OPENED);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "opened"]);
    let opened = git(&root, &["rev-parse", "HEAD"]);
    let project = project
        .record("2026-11-22-api.yaml", UPDATED)
        .record("2026-11-22-db.yaml", DB)
        .record("2026-11-22-draft.yaml", DRAFT);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "updated"]);
    let updated = git(&root, &["rev-parse", "HEAD"]);
    (project, [empty, opened, updated])
}

pub(crate) fn notify(project: &Project, server: &Server, args: &[&str]) -> Output {
    output(
        project
            .cmd()
            .env("HOOK_URL", &server.url)
            .env("HOOK_SECRET", "s3cret")
            .arg("notify")
            .args(args),
    )
}

#[test]
fn changes_since_a_commit_are_sent_once_and_the_log_keeps_them() {
    let (project, [_, opened, _]) = repository();
    let server = Server::start(&[Reply::Status(500)]);
    let first = notify(&project, &server, &["--since", &opened, "--format", "json"]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    let json = first.json();
    let ids: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"incident.updated:2026-11-22-api:2026-11-22-api-identified-1795343400"),
        "{ids:?}"
    );
    assert!(ids.contains(&"incident.opened:2026-11-22-db"), "{ids:?}");
    assert!(
        ids.iter()
            .any(|id| id.starts_with("component.changed:db:operational-degraded_performance"))
    );
    // One retry after the 500, then each event once.
    let received = server.received();
    assert_eq!(received.len(), ids.len() + 1);
    let all = received
        .iter()
        .map(|r| String::from_utf8_lossy(&r.body))
        .collect::<String>();
    assert!(!all.contains("NOTIFY-DRAFT-MARKER"), "a draft went out");
    assert!(!all.contains("2026-11-22-draft"));
    let opened_db = received
        .iter()
        .map(|r| r.json())
        .find(|j| j["event"]["id"] == "incident.opened:2026-11-22-db")
        .unwrap();
    assert_eq!(
        opened_db["texts"]["de"]["url"],
        "https://status.example.com/de/incidents/2026-11-22-db.html"
    );
    assert_eq!(opened_db["texts"]["en"]["body"], "Queries are slow.");
    // The log is written, listing each (channel, event).
    let log: serde_json::Value = serde_json::from_str(&project.read("notify-log.json")).unwrap();
    assert_eq!(log["version"], 1);
    assert_eq!(log["delivered"].as_array().unwrap().len(), ids.len());
    // The same job again: nothing is sent twice.
    let second = notify(&project, &server, &["--since", &opened]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(second.stdout.contains("already sent"), "{}", second.stdout);
    assert_eq!(server.received().len(), ids.len() + 1);
}

#[test]
fn a_failed_delivery_exits_1_is_not_logged_and_is_sent_next_run() {
    let (project, [_, opened, _]) = repository();
    let server = Server::start(&[Reply::Status(400)]);
    let first = notify(&project, &server, &["--since", &opened]);
    assert_eq!(first.code, 1, "{}{}", first.stdout, first.stderr);
    assert!(first.stdout.contains("failed"), "{}", first.stdout);
    assert!(
        first.stderr.contains("webhook:HOOK_URL"),
        "{}",
        first.stderr
    );
    let sent_first = server.received().len();
    let second = notify(&project, &server, &["--since", &opened]);
    assert_eq!(second.code, 0, "{}{}", second.stdout, second.stderr);
    // Only the one that failed is sent again.
    assert_eq!(server.received().len(), sent_first + 1);
    assert_eq!(
        server.received()[0].body,
        server.received()[sent_first].body
    );
}

#[test]
fn a_failed_delivery_is_sent_by_the_next_run_whatever_its_since() {
    let (project, [_, opened, updated]) = repository();
    let server = Server::start(&[Reply::Status(400)]);
    let first = notify(&project, &server, &["--since", &opened]);
    assert_eq!(first.code, 1, "{}{}", first.stdout, first.stderr);
    let failed_body = server.received()[0].body.clone();
    // The next CI run is for a later commit that changes nothing public: its `--since` is
    // the commit the failed run was for, which alone would show no change.
    let root = project.root().to_path_buf();
    std::fs::write(root.join("README.md"), "hello again\n").unwrap();
    git(&root, &["commit", "-qam", "docs"]);
    let second = notify(&project, &server, &["--since", &updated]);
    assert_eq!(second.code, 0, "{}{}", second.stdout, second.stderr);
    let received = server.received();
    assert_eq!(
        received.last().unwrap().body,
        failed_body,
        "the failed event, sent now"
    );
    // Everything delivered: the run after that starts from its own `--since` again.
    let before = received.len();
    let third = notify(&project, &server, &["--since", "HEAD"]);
    assert_eq!(third.code, 0, "{}{}", third.stdout, third.stderr);
    assert!(third.stdout.contains("no changes"), "{}", third.stdout);
    assert_eq!(server.received().len(), before);
}

#[test]
fn a_first_run_sends_nothing_and_a_dry_run_writes_nothing() {
    let (project, [empty, opened, _]) = repository();
    let server = Server::start(&[]);
    let first = notify(&project, &server, &["--since", &empty]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first.stdout.contains("first run"), "{}", first.stdout);
    let zeros = "0".repeat(40);
    assert_eq!(notify(&project, &server, &["--since", &zeros]).code, 0);
    // The log keeps only the run's time, for the next run to compare at.
    let log: serde_json::Value = serde_json::from_str(&project.read("notify-log.json")).unwrap();
    assert_eq!(log["delivered"].as_array().unwrap().len(), 0);
    assert!(log["last_run"].is_string());
    std::fs::remove_file(project.path("notify-log.json")).unwrap();
    // A dry run needs no secrets, sends nothing and keeps no log; it shows what each
    // channel would read and what a real run here would stop at.
    let dry = output(
        project
            .cmd()
            .args(["notify", "--since", &opened, "--dry-run"]),
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout
            .contains("would send  incident.opened:2026-11-22-db: Database slow (Investigating)"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout
            .contains("a real run would stop: the environment variable HOOK_URL"),
        "{}",
        dry.stdout
    );
    assert!(dry.stderr.contains("warning"), "{}", dry.stderr);
    assert!(server.received().is_empty());
    assert!(!project.path("notify-log.json").exists());
}

#[test]
fn a_bad_ref_or_folder_is_exit_2_and_a_missing_secret_is_exit_1_naming_it() {
    let (project, [_, opened, _]) = repository();
    let server = Server::start(&[]);
    let bad = notify(&project, &server, &["--since", "no-such-ref"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("no-such-ref"), "{}", bad.stderr);
    let missing = notify(&project, &server, &["--previous", "/nonexistent/site"]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    let unset = output(
        project
            .cmd()
            .env("HOOK_URL", &server.url)
            .args(["notify", "--since", &opened]),
    );
    assert_eq!(unset.code, 1, "{}{}", unset.stdout, unset.stderr);
    assert!(unset.stdout.contains("HOOK_SECRET"), "{}", unset.stdout);
    assert!(server.received().is_empty());
}

#[test]
fn a_previously_published_site_is_a_previous_state_too() {
    let project = Project::bare()
        .config(CONFIG)
        .record("2026-11-22-api.yaml", OPENED);
    let out = project.dir().join("public");
    let built = output(project.cmd().args(["build", "--out"]).arg(&out));
    assert_eq!(built.code, 0, "{}", built.stderr);
    let project = project.record("2026-11-22-api.yaml", UPDATED);
    let server = Server::start(&[]);
    let run = notify(
        &project,
        &server,
        &["--previous", out.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let events = run.json()["events"].as_array().unwrap().clone();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "incident.updated");
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_ref_whose_project_had_no_records_yet_is_an_empty_page_not_an_error() {
    // git keeps no empty incidents/ folder.
    let project = Project::bare().config(CONFIG);
    let root = project.root().to_path_buf();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "config only"]);
    let project = project.record("2026-11-22-api.yaml", OPENED);
    let server = Server::start(&[]);
    let run = notify(&project, &server, &["--since", "HEAD", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let events = run.json()["events"].as_array().unwrap().clone();
    assert_eq!(events[0]["id"], "incident.opened:2026-11-22-api");
    assert_eq!(server.received().len(), events.len());
}

#[test]
fn the_log_is_never_written_into_the_projects_inputs() {
    let (project, [_, opened, _]) = repository();
    let server = Server::start(&[]);
    let run = notify(
        &project,
        &server,
        &["--since", &opened, "--log", "incidents/notify-log.json"],
    );
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(!project.path("incidents/notify-log.json").exists());
    // Refused before sending: nothing went out that the log could not keep.
    assert!(server.received().is_empty());
    // The site as published at the first commit, for `--previous`.
    let root = project.root().to_path_buf();
    git(&root, &["checkout", "-q", &opened]);
    let previous = project.dir().join("public");
    let built = output(project.cmd().args(["build", "--out"]).arg(&previous));
    assert_eq!(built.code, 0, "{}", built.stderr);
    git(&root, &["checkout", "-q", "-"]);
    let run = notify(
        &project,
        &server,
        &[
            "--previous",
            previous.to_str().unwrap(),
            "--log",
            "site/notify-log.json",
        ],
    );
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(server.received().is_empty());
}

#[test]
fn a_first_run_with_channels_keeps_its_time_and_a_window_that_begins_by_the_clock_is_news() {
    let window = "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\naffected:\n  api: under_maintenance\ntimezone: UTC\nscheduled_for: 2026-11-22T13:00:00Z\nscheduled_until: 2026-11-22T14:00:00Z\nsummary: Upgrading.\n";
    let project = Project::bare()
        .config(CONFIG)
        .record("2026-11-22-upgrade.yaml", window);
    let root = project.root().to_path_buf();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "window"]);
    let server = Server::start(&[]);
    // At 12:00 nothing changed since HEAD; the log keeps the time.
    let first = notify(&project, &server, &["--since", "HEAD"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(project.path("notify-log.json").exists());
    // At 13:30, the same commit: the window has begun since the last run.
    let later = output(
        project
            .cmd()
            .env(
                "SOURCE_DATE_EPOCH",
                (common::NOW.parse::<i64>().unwrap() + 5400).to_string(),
            )
            .env("HOOK_URL", &server.url)
            .env("HOOK_SECRET", "s3cret")
            .args(["notify", "--since", "HEAD", "--format", "json"]),
    );
    assert_eq!(later.code, 0, "{}", later.stderr);
    let ids: Vec<String> = later.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        ids.contains(&"maintenance.started:2026-11-22-upgrade".to_string()),
        "{ids:?}"
    );
}

/// The README shows the notify workflow `init` writes, word for word.
#[test]
fn the_readme_shows_the_notify_workflow_init_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let workflow =
        std::fs::read_to_string(root.join("templates/init/notify-workflow.yml")).unwrap();
    assert!(readme.contains(&format!("```yaml\n{workflow}```")));
}

#[test]
fn lint_reports_a_token_in_the_config_without_printing_it() {
    let token = "xoxb1234abcdEFGH5678";
    let config = CONFIG.replace("HOOK_SECRET", token);
    let project = Project::new().config(&config);
    for format in ["human", "json", "github", "sarif"] {
        let out = project.lint(&["--format", format]);
        assert_eq!(out.code, 1, "{format}: {}", out.stdout);
        assert!(
            out.stdout.contains("secret_env"),
            "{format}: {}",
            out.stdout
        );
        assert!(
            !out.stdout.contains(token) && !out.stderr.contains(token),
            "{format} prints the token:\n{}{}",
            out.stdout,
            out.stderr
        );
    }
    let human = project.lint(&[]).stdout;
    assert!(human.contains("--> site/config.yaml:13:17"), "{human}");
}

/// A dry run in CI shows each title: it cannot become a workflow command in the log.
#[test]
fn record_text_cannot_become_a_workflow_command_in_a_ci_log() {
    let project = Project::bare().config(CONFIG);
    let root = project.root().to_path_buf();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "config"]);
    let before = git(&root, &["rev-parse", "HEAD"]);
    let project = project.record(
        "2026-11-22-db.yaml",
        DB.replace(
            "title: Database slow",
            "title: \"Database ##[add-mask]slow\\r::add-mask::secret\"",
        ),
    );
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "opened"]);
    let dry = output(
        project
            .cmd()
            .args(["notify", "--since", &before, "--dry-run"]),
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("Database ##\\[add-mask]slow"),
        "{}",
        dry.stdout
    );
    for line in dry.stdout.split(['\n', '\r']) {
        assert!(!line.trim_start().starts_with("::"), "{line:?}");
        assert!(!line.contains("##["), "{line:?}");
    }
}
