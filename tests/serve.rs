//! `hindsight serve` end to end, through the real binary on 127.0.0.1: pages of the
//! in-memory build, rebuilds on change, the error overlay's data while the last good build
//! is served, drafts marked, nothing outside the build, GET and HEAD only, a port in use,
//! and Ctrl-C leaving nothing behind.
#![cfg(all(unix, feature = "serve"))]

#[path = "common/mod.rs"]
mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{NOW, copy_dir, edit, files, fixture};

/// Only a guard against a hang: every wait below normally ends in well under a second.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// A running `hindsight serve` on a copy of a fixture, with its own temporary folder.
struct Server {
    child: Child,
    address: String,
    dir: tempfile::TempDir,
}

impl Server {
    fn start(fixture_name: &str) -> Server {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture(fixture_name), &dir.path().join("project"));
        std::fs::create_dir(dir.path().join("tmp")).unwrap();
        let (child, first_line) = spawn(dir.path(), &["--port", "0"]);
        let address = first_line
            .split_whitespace()
            .find_map(|word| word.strip_prefix("http://"))
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("no address in {first_line:?}"))
            .to_string();
        Server {
            child,
            address,
            dir,
        }
    }

    fn project(&self) -> PathBuf {
        self.dir.path().join("project")
    }

    fn get(&self, path: &str) -> Answer {
        request(&self.address, "GET", path)
    }

    /// Polls `path` until `done` holds for the answer.
    fn until(&self, path: &str, what: &str, done: impl Fn(&Answer) -> bool) -> Answer {
        let start = Instant::now();
        loop {
            let answer = self.get(path);
            if done(&answer) {
                return answer;
            }
            assert!(start.elapsed() < HANG_GUARD, "{what}: {}", answer.body);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("stderr")).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `hindsight serve ARGS` in `dir`/project with `dir`/tmp as its temporary folder and
/// its standard error in `dir`/stderr; returns it with the first line it printed.
fn spawn(dir: &Path, args: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .arg("serve")
        .args(args)
        .current_dir(dir.join("project"))
        .env("SOURCE_DATE_EPOCH", NOW)
        .env("NO_COLOR", "1")
        .env("TMPDIR", dir.join("tmp"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(dir.join("stderr")).unwrap())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    let line = receiver.recv_timeout(HANG_GUARD).unwrap_or_default();
    (child, line)
}

#[derive(Debug)]
struct Answer {
    status: u16,
    head: String,
    body: String,
}

/// One HTTP/1.1 request with `path` sent exactly as written (no client normalizes it).
fn request(address: &str, method: &str, path: &str) -> Answer {
    request_as(address, address, method, path)
}

/// [`request`] with the `Host` header naming `host`.
fn request_as(address: &str, host: &str, method: &str, path: &str) -> Answer {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(HANG_GUARD)).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    Answer {
        status,
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

const PAGE: &str = "/en/incidents/2026-11-20-api-partial.html";
const RECORD: &str = "incidents/2026-11-20-api-partial.yaml";
const OTHER_PAGE: &str = "/de/incidents/2026-11-20-api-down.html";

#[test]
fn pages_are_served_rebuilt_on_change_and_kept_while_a_record_is_broken() {
    let server = Server::start("build/uptime");
    let page = server.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(page.head.contains("content-type: text/html; charset=utf-8"));
    assert!(page.body.contains("API errors for some requests"));
    // The page may load the reload script, and nothing else.
    assert!(
        page.body
            .contains("content=\"script-src 'self'; connect-src 'self'; default-src 'none';")
    );
    assert_eq!(page.body.matches("<script").count(), 1);
    assert!(
        page.body
            .contains("<script src=\"/__hindsight/reload.js\" data-build=\"1\" defer></script>")
    );
    let root = server.get("/");
    assert_eq!(root.status, 200);
    assert!(root.body.contains("<html"));
    let css = server.get("/style.css");
    assert!(css.head.contains("content-type: text/css"), "{}", css.head);
    let api = server.get("/api/v2/summary.json");
    assert!(api.head.contains("content-type: application/json"));
    serde_json::from_str::<serde_json::Value>(&api.body).unwrap();
    let script = server.get("/__hindsight/reload.js");
    assert!(script.head.contains("content-type: text/javascript"));
    assert!(script.body.contains("EventSource(\"/__hindsight/events\")"));

    // A change: the page shows it once rebuilt.
    let record = server.project().join(RECORD);
    edit(
        &record,
        "title: API errors for some requests",
        "title: Renamed while served",
    );
    let other_before = server.get(OTHER_PAGE).body;
    let rebuilt = server.until(PAGE, "the change is served", |a| {
        a.body.contains("Renamed while served")
    });
    assert!(rebuilt.body.contains("data-build=\"2\""));
    // Only the edited incident's pages were rendered again: the four other incidents'
    // (drafts and reviews are shown) in four languages were kept as they were.
    assert!(
        server
            .stderr()
            .contains("50 pages in 4 languages, 5 incidents, in"),
        "{}",
        server.stderr()
    );
    assert!(
        server.stderr().contains(" ms (16 pages as they were)\n"),
        "{}",
        server.stderr()
    );
    let other = server.get(OTHER_PAGE).body;
    assert_eq!(
        other.replace("data-build=\"2\"", "data-build=\"1\""),
        other_before
    );

    // A half-written file: the errors are the overlay's data, the last good page stays.
    edit(&record, "severity: major", "severity: [major");
    let state = server.until("/__hindsight/status.json", "the errors are told", |a| {
        a.body.contains("yaml-syntax")
    });
    let state: serde_json::Value = serde_json::from_str(&state.body).unwrap();
    assert_eq!(state["build"], 2);
    let errors = state["errors"].as_str().unwrap();
    assert!(errors.contains("error[yaml-syntax]"), "{errors}");
    assert!(
        errors.contains("2026-11-20-api-partial.yaml:5:"),
        "{errors}"
    );
    let kept = server.get(PAGE);
    assert_eq!(kept.status, 200);
    assert!(kept.body.contains("Renamed while served") && kept.body.contains("data-build=\"2\""));
    assert!(
        server.stderr().contains("error[yaml-syntax]"),
        "{}",
        server.stderr()
    );

    // Fixed back to what is served: the same site, so the same build number (open pages
    // do not reload), and no errors (the overlay goes).
    edit(&record, "severity: [major", "severity: major");
    server.until("/__hindsight/status.json", "the fix is built", |a| {
        a.body == "{\"build\":2,\"errors\":null}"
    });
}

#[test]
fn a_project_broken_from_the_start_waits_for_its_first_good_build() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("build/uptime"), &dir.path().join("project"));
    std::fs::create_dir(dir.path().join("tmp")).unwrap();
    let record = dir.path().join("project").join(RECORD);
    edit(&record, "severity: major", "severity: [major");
    let (child, line) = spawn(dir.path(), &["--port", "0"]);
    let address = line.split_whitespace().nth(1).unwrap();
    let address = address.trim_start_matches("http://").trim_end_matches('/');
    let server = Server {
        child,
        address: address.to_string(),
        dir,
    };
    let waiting = server.get(PAGE);
    assert_eq!(waiting.status, 503);
    assert!(
        waiting.body.contains("data-build=\"0\""),
        "{}",
        waiting.body
    );
    let state = server.get("/__hindsight/status.json").body;
    assert!(state.contains("yaml-syntax"), "{state}");
    edit(&record, "severity: [major", "severity: major");
    let page = server.until(PAGE, "the first good build", |a| a.status == 200);
    assert!(page.body.contains("API errors for some requests"));
}

#[test]
fn open_pages_hear_of_each_build_on_the_event_stream() {
    let server = Server::start("build/uptime");
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream.set_read_timeout(Some(HANG_GUARD)).unwrap();
    write!(
        stream,
        "GET /__hindsight/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut seen = String::new();
    let mut read_until = |wanted: &str| {
        let mut buffer = [0; 4096];
        while !seen.contains(wanted) {
            let n = stream.read(&mut buffer).unwrap();
            assert!(n > 0, "the stream ended: {seen}");
            seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
        seen.to_ascii_lowercase()
    };
    let first = read_until("data: {\"build\":1,\"errors\":null}\n\n");
    assert!(first.contains("content-type: text/event-stream"), "{first}");
    edit(
        &server.project().join(RECORD),
        "Rolled back.",
        "Rolled back at once.",
    );
    read_until("data: {\"build\":2,\"errors\":null}\n\n");
}

#[test]
fn drafts_and_reviews_are_shown_marked_not_public() {
    let server = Server::start("build/uptime");
    let draft = server.get("/en/incidents/2026-11-19-draft.html");
    assert_eq!(draft.status, 200);
    assert!(draft.body.contains("SECRET-DRAFT-TITLE"));
    assert!(
        draft
            .body
            .contains("<p class=\"not-public-banner\" role=\"note\">Draft — not public</p>")
    );
    let history = server.get("/de/history.html").body;
    assert_eq!(
        history
            .matches("<span class=\"not-public\">Entwurf — nicht öffentlich</span>")
            .count(),
        2
    );
    let published = server.get(PAGE).body;
    assert!(!published.contains("not-public"));
}

#[test]
fn only_files_of_the_build_are_served_and_only_to_get_and_head() {
    let server = Server::start("build/uptime");
    // The project's own files, files outside it, and every way of writing `..`.
    for path in [
        "/incidents/2026-11-20-api-partial.yaml",
        "/site/config.yaml",
        "/../project/site/config.yaml",
        "/en/../../project/site/config.yaml",
        "/%2e%2e/project/site/config.yaml",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/.%2e/project/site/config.yaml",
        "/en%2f..%2f..%2fproject%2fsite%2fconfig.yaml",
        "/en%5c..%5c..%5cetc%5cpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/%00",
        "/__hindsight/../site/config.yaml",
        "/__hindsight/nothing",
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert!(!answer.body.contains("base_url"), "{path}");
    }
    // A link out of the project is no way out either: only the build is served.
    std::os::unix::fs::symlink("/etc", server.project().join("site/etc")).unwrap();
    edit(
        &server.project().join(RECORD),
        "Rolled back.",
        "Rolled back, then checked.",
    );
    server.until("/__hindsight/status.json", "the link is seen", |a| {
        a.body != "{\"build\":1,\"errors\":null}"
    });
    let passwd = server.get("/etc/passwd");
    assert_eq!(passwd.status, 404);
    assert!(!passwd.body.contains("root:"));
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let answer = request(&server.address, method, "/en/");
        assert_eq!(answer.status, 405, "{method}");
        assert!(answer.head.contains("allow: get, head"), "{}", answer.head);
    }
    // Another name for 127.0.0.1 (a rebound domain) never reads the preview and its drafts.
    let port = server.address.rsplit(':').next().unwrap();
    let rebound = request_as(
        &server.address,
        &format!("attacker.example:{port}"),
        "GET",
        "/api/v2/incidents.json",
    );
    assert_eq!(rebound.status, 421);
    assert!(!rebound.body.contains("incidents"), "{}", rebound.body);
    let local = request_as(&server.address, &format!("localhost:{port}"), "GET", PAGE);
    assert_eq!(local.status, 200);
    let head = request(&server.address, "HEAD", PAGE);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let length = server.get(PAGE).body.len();
    assert!(
        head.head.contains(&format!("content-length: {length}")),
        "{}",
        head.head
    );
}

#[test]
fn a_port_in_use_is_named_and_exit_2() {
    let server = Server::start("build/uptime");
    let port = server.address.rsplit(':').next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("build/uptime"), &dir.path().join("project"));
    let (mut child, _) = spawn(dir.path(), &["--port", port]);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
    let stderr = std::fs::read_to_string(dir.path().join("stderr")).unwrap();
    assert!(
        stderr.contains(&format!(
            "cannot listen on 127.0.0.1:{port}: the address is in use"
        )),
        "{stderr}"
    );
}

#[test]
fn a_folder_without_a_project_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("project")).unwrap();
    let (mut child, _) = spawn(dir.path(), &["--port", "0"]);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
    let stderr = std::fs::read_to_string(dir.path().join("stderr")).unwrap();
    assert!(stderr.contains("has no site/config.yaml"), "{stderr}");
}

#[test]
fn ctrl_c_ends_it_with_130_and_leaves_nothing_behind() {
    let mut server = Server::start("build/uptime");
    let before = files(&server.project());
    assert_eq!(server.get(PAGE).status, 200);
    edit(
        &server.project().join(RECORD),
        "Rolled back.",
        "Rolled back, then fixed.",
    );
    server.until(PAGE, "the change is served", |a| {
        a.body.contains("then fixed")
    });
    let interrupt = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupt.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < HANG_GUARD, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(130));
    assert_eq!(files(&server.project()), before);
    assert_eq!(files(&server.dir.path().join("tmp")), Vec::<PathBuf>::new());
}
