//! The command line's conventions (README, "Command line"): colour only where it is wanted,
//! results on standard output and status on standard error for every command, `--quiet` and
//! `--verbose`, exit codes in `--help`, and the hints a new user needs.

mod common;

use std::fs;
use std::io::Read as _;
use std::path::Path;
use std::process::Stdio;

use common::{NOW, Output, Project, hindsight, output};

const RECORD: &str = "incidents/2023-12-17-logto-image-deleted.yaml";
const DE_OVERLAY: &str = "incidents/2023-12-17-logto-image-deleted.de.yaml";
const ESC: &str = "\x1b[";

/// A project whose one record has a lint warning (and no error).
fn warned() -> Project {
    Project::fixture("rules/duration-mismatch/fail")
}

/// The example's Logto record with its German overlay gone stale in two fields, and a Japanese
/// overlay just created (every field still to translate).
fn half_translated() -> Project {
    let project = Project::example(&[RECORD, DE_OVERLAY]);
    let record = project.path(RECORD);
    let text = fs::read_to_string(&record).unwrap();
    let changed = text.replacen("title: ", "title: Changed ", 1).replacen(
        "  - Review and test",
        "  - Always review and test",
        1,
    );
    assert_ne!(changed, text);
    fs::write(&record, changed).unwrap();
    let made = output(project.cmd().args(["translate", RECORD, "--to", "ja"]));
    assert_eq!(made.code, 0, "{}", made.stderr);
    project
}

/// hindsight run with standard output and error on a pseudo-terminal, with only `env` set
/// (besides the fixed "now"); what it printed there.
fn on_terminal(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let terminal = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().unwrap())
        .unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_hindsight"));
    command
        .env_clear()
        .env("SOURCE_DATE_EPOCH", NOW)
        .envs(env.iter().copied())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(terminal.try_clone().unwrap())
        .stderr(terminal);
    let mut child = command.spawn().unwrap();
    drop(command);
    // Read while it writes (a full terminal buffer would block it); the end is an error (EIO)
    // once the last handle of the terminal closes.
    let reader = std::thread::spawn(move || {
        let mut master = fs::File::from(master);
        let mut bytes = Vec::new();
        let mut buffer = [0; 4096];
        while let Ok(n @ 1..) = master.read(&mut buffer) {
            bytes.extend_from_slice(&buffer[..n]);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    });
    assert!(child.wait().unwrap().success());
    reader.join().unwrap()
}

#[test]
fn colour_on_a_terminal_but_not_a_dumb_one_nor_with_no_color() {
    let project = warned();
    let dir = project.root();
    let lint = ["lint"];
    let xterm = ("TERM", "xterm-256color");
    let coloured = on_terminal(dir, &[xterm], &lint);
    assert!(coloured.contains(ESC), "{coloured}");
    assert!(coloured.contains("warning"), "{coloured}");
    for env in [
        vec![("TERM", "dumb")],
        vec![xterm, ("NO_COLOR", "1")],
        vec![xterm, ("CLICOLOR", "0")],
    ] {
        let plain = on_terminal(dir, &env, &lint);
        assert!(plain.contains("duration-mismatch"), "{plain}");
        assert!(!plain.contains(ESC), "{env:?}: {plain:?}");
    }
    let never = on_terminal(dir, &[xterm], &["--color", "never", "lint"]);
    assert!(!never.contains(ESC), "{never:?}");
    // clap's own output follows the same switch.
    let help = on_terminal(dir, &[("TERM", "dumb")], &["lint", "--help"]);
    assert!(
        help.contains("Exit codes") && !help.contains(ESC),
        "{help:?}"
    );
    let help = on_terminal(dir, &[xterm], &["lint", "--help"]);
    assert!(help.contains(ESC), "{help:?}");
}

/// The example's records, each copied under 15 more names: enough pages for the progress bar
/// to be drawn while they are built (shown at once with `HINDSIGHT_PROGRESS_AT_ONCE`, rather
/// than after 0.4 s, so that no assertion depends on how fast the machine is).
fn slow_to_build() -> Project {
    let mut project = Project::example(&[]);
    let records = fs::read_dir(common::repo().join("incidents")).unwrap();
    for entry in records {
        let name = entry.unwrap().file_name().into_string().unwrap();
        // Records only: an overlay (`x.de.yaml`) has two dots.
        let Some(stem) = name.strip_suffix(".yaml").filter(|s| !s.contains('.')) else {
            continue;
        };
        let text = common::read(common::repo(), &format!("incidents/{name}"));
        for copy in 0..15 {
            project = project.record(&format!("{stem}-copy-{copy}.yaml"), &text);
        }
    }
    project
}

#[test]
fn a_progress_bar_only_where_escapes_are_wanted() {
    let project = slow_to_build();
    let dir = project.root();
    let build = ["build", "--out", "out"];
    // The bar's text (`{bar} 12/456 pages`) is told from the closing `built …: 456 pages in`
    // by its slash.
    let drew_bar = |printed: &str| {
        let pages = printed
            .split("built out: ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .unwrap_or_else(|| panic!("no build line: {printed:?}"));
        printed.contains(&format!("/{pages} pages"))
    };
    let xterm = ("TERM", "xterm-256color");
    let at_once = ("HINDSIGHT_PROGRESS_AT_ONCE", "1");
    let shown = on_terminal(dir, &[xterm, at_once], &build);
    assert!(drew_bar(&shown), "no bar on a terminal: {shown:?}");
    for (env, args) in [
        (vec![("TERM", "dumb"), at_once], &build[..]),
        (vec![xterm, ("NO_COLOR", "1"), at_once], &build[..]),
        (
            vec![xterm, at_once],
            &["--color", "never", "build", "--out", "out"][..],
        ),
    ] {
        let plain = on_terminal(dir, &env, args);
        assert!(!drew_bar(&plain), "{env:?} {args:?}: {plain:?}");
        assert!(!plain.contains(ESC), "{env:?} {args:?}: {plain:?}");
    }
}

#[test]
fn color_always_colours_a_pipe_whatever_no_color_says() {
    let project = warned();
    // The harness sets NO_COLOR=1: an explicit --color always wins over it.
    let piped = output(project.cmd().args(["--color", "always", "lint"]));
    assert!(piped.stdout.contains(ESC), "{}", piped.stdout);
    let plain = output(project.cmd().arg("lint"));
    assert!(!plain.stdout.contains(ESC), "{}", plain.stdout);
    // The build's findings on standard error, and clap's usage errors, too.
    let built = output(project.cmd().args(["build", "--color=always"]));
    assert!(built.stderr.contains(ESC), "{}", built.stderr);
    let usage = output(
        project
            .cmd()
            .args(["--color", "always", "lint", "--no-such"]),
    );
    assert_eq!(usage.code, 2);
    assert!(usage.stderr.contains(ESC), "{}", usage.stderr);
    let usage = output(project.cmd().args(["lint", "--no-such"]));
    assert!(!usage.stderr.contains(ESC), "{}", usage.stderr);
}

#[test]
fn clicolor_force_colours_a_pipe_unless_no_color_is_set() {
    let project = warned();
    let forced = output(
        project
            .cmd()
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1")
            .arg("lint"),
    );
    assert!(forced.stdout.contains(ESC), "{}", forced.stdout);
    let refused = output(project.cmd().env("CLICOLOR_FORCE", "1").arg("lint"));
    assert!(!refused.stdout.contains(ESC), "{}", refused.stdout);
}

#[test]
fn help_lists_the_exit_codes() {
    let project = Project::new();
    let help = output(project.cmd().arg("--help"));
    assert_eq!(help.code, 0);
    for line in [
        "Exit codes:",
        "  0    success",
        "  1    findings at error level",
        "  2    the tool could not run",
        "  130  interrupted",
    ] {
        assert!(help.stdout.contains(line), "{line}: {}", help.stdout);
    }
    for (command, says) in [
        (
            "lint",
            "1  errors in the input, or warnings with --deny-warnings",
        ),
        ("build", "1    errors in the input: nothing written"),
        ("translate", "1  the record or the overlay has errors"),
        ("new", "1  a record of that name exists"),
    ] {
        let help = output(project.cmd().args([command, "--help"]));
        assert!(help.stdout.contains(says), "{command}: {}", help.stdout);
    }
}

/// What each command prints where: its result on standard output, its status on standard
/// error (`None`: nothing there).
fn streams(project: &Project, args: &[&str], stdout: Option<&str>, stderr: Option<&str>) {
    let Output {
        code,
        stdout: out,
        stderr: err,
    } = output(project.cmd().args(args));
    assert_eq!(code, 0, "{args:?}: {err}");
    match stdout {
        Some(text) => assert!(out.contains(text), "{args:?} stdout: {out}"),
        None => assert!(out.is_empty(), "{args:?} printed on stdout: {out}"),
    }
    match stderr {
        Some(text) => assert!(err.contains(text), "{args:?} stderr: {err}"),
        None => assert!(err.is_empty(), "{args:?} printed on stderr: {err}"),
    }
}

#[test]
fn results_on_stdout_status_on_stderr_for_every_command() {
    let project = Project::example(&[RECORD, DE_OVERLAY]);
    let out = project.dir().join("out");
    let out = out.to_str().unwrap();
    let doc = project.dir().join("doc.md");
    let doc = doc.to_str().unwrap();
    let id = "2023-12-17-logto-image-deleted";
    // Results.
    streams(
        &project,
        &["lint", "--format", "json"],
        Some("\"summary\""),
        None,
    );
    streams(&project, &["rules"], Some("duration-mismatch"), None);
    streams(
        &project,
        &["explain", "timeline-order"],
        Some("## Fix"),
        None,
    );
    streams(&project, &["schema"], Some("\"$schema\""), None);
    streams(&project, &["translate", "status"], Some(id), None);
    streams(&project, &["stats"], Some("incidents"), None);
    streams(&project, &["completions", "bash"], Some("hindsight"), None);
    streams(&project, &["man"], Some(".TH"), None);
    streams(
        &project,
        &["render", RECORD],
        Some("# "),
        Some("duration-mismatch"),
    );
    // Status: what was built or written.
    streams(&project, &["build", "--out", out], None, Some("built "));
    let json = ["build", "--out", out, "--format", "json"];
    streams(&project, &json, Some("\"built\": true"), Some("built "));
    streams(
        &project,
        &["render", RECORD, "-o", doc],
        None,
        Some("wrote "),
    );
    let ja = ["translate", RECORD, "--to", "ja"];
    streams(&project, &ja, None, Some("created incidents/"));
    let new = ["new", "Checkout fails", "--date", "2026-11-20"];
    streams(
        &project,
        &new,
        None,
        Some("created incidents/2026-11-20-checkout-fails.yaml"),
    );
    let update = ["update", id, "--force", "A later note."];
    streams(&project, &update, None, Some("updated incidents/"));
    let notify = ["notify", "--previous", out, "--dry-run"];
    streams(&project, &notify, Some("dry run"), None);
    let fresh = project.dir().join("fresh");
    streams(
        &project,
        &["init", fresh.to_str().unwrap()],
        None,
        Some("created "),
    );
}

#[test]
fn quiet_prints_only_errors_and_the_results() {
    let project = warned();
    let out = project.dir().join("out");
    let out = out.to_str().unwrap();
    let built = output(project.cmd().args(["-q", "build", "--out", out]));
    assert_eq!(built.code, 0);
    assert_eq!((built.stdout.as_str(), built.stderr.as_str()), ("", ""));
    assert!(project.dir().join("out/index.html").exists());
    let json = output(
        project
            .cmd()
            .args(["build", "--quiet", "--out", out, "--format", "json"]),
    );
    assert!(json.stdout.contains("\"built\": true") && json.stderr.is_empty());
    let lint = output(project.cmd().args(["--quiet", "lint"]));
    assert!(
        lint.stdout.contains("warning[duration-mismatch]"),
        "{}",
        lint.stdout
    );
    let new = output(
        project
            .cmd()
            .args(["-q", "new", "Disk full", "--date", "2026-11-20"]),
    );
    assert_eq!((new.code, new.stderr.as_str()), (0, ""));
    assert!(project.path("incidents/2026-11-20-disk-full.yaml").exists());
    // An error is still said, and only the error.
    let record = project.path("incidents/2024-01-10-api-errors.yaml");
    let text = fs::read_to_string(&record).unwrap();
    fs::write(&record, text.replace("severity: major", "severity: huge")).unwrap();
    let refused = output(project.cmd().args(["-q", "build", "--out", out]));
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("error["), "{}", refused.stderr);
    assert!(!refused.stderr.contains("warning["), "{}", refused.stderr);
    let both = output(project.cmd().args(["-q", "-v", "lint"]));
    assert_eq!(both.code, 2, "--quiet and --verbose contradict each other");
}

#[test]
fn build_sums_up_translation_warnings_per_record_and_language() {
    let project = half_translated();
    let out = project.dir().join("out");
    let built = output(
        project
            .cmd()
            .args(["build", "--out", out.to_str().unwrap()]),
    );
    assert_eq!(built.code, 0, "{}", built.stderr);
    let err = &built.stderr;
    assert!(!err.contains("[translation-"), "{err}");
    let hint = "; run `hindsight translate status incidents/2023-12-17-logto-image-deleted.yaml`";
    assert!(
        err.contains(&format!(
            "warning: {RECORD}: German translation is stale in 2 fields{hint}"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "warning: {RECORD}: Japanese translation is missing in 19 fields{hint}"
        )),
        "{err}"
    );
    // The closing count is still the whole report's.
    let lint = output(project.cmd().args(["lint", "--format", "json"]));
    let warnings = lint.json()["summary"]["warnings"].as_u64().unwrap();
    assert!(warnings >= 21, "{}", lint.stdout);
    assert!(
        err.contains(&format!("0 errors, {warnings} warnings")),
        "{err}"
    );
    // Each one with --verbose.
    let verbose = output(
        project
            .cmd()
            .args(["build", "-v", "--out", out.to_str().unwrap()]),
    );
    assert_eq!(
        verbose.stderr.matches("warning[translation-stale]").count(),
        2
    );
    let missing = verbose
        .stderr
        .matches("warning[translation-untranslated]")
        .count();
    assert_eq!(missing, 19, "{}", verbose.stderr);
    assert!(!verbose.stderr.contains("translation is missing in"));
}

#[test]
fn first_commands_say_where_to_look_next() {
    let project = Project::bare();
    let dir = project.dir().join("status");
    let init = output(project.cmd().args(["init", dir.to_str().unwrap()]));
    assert!(
        init.stderr.contains("next: `hindsight --root "),
        "{}",
        init.stderr
    );
    assert!(
        !init.stderr.contains("site/config.yaml"),
        "files listed only with --verbose: {}",
        init.stderr
    );
    let fresh = project.dir().join("other");
    let listed = output(project.cmd().args(["init", "-v", fresh.to_str().unwrap()]));
    assert!(
        listed.stderr.contains("site/config.yaml"),
        "{}",
        listed.stderr
    );
    let new = output(hindsight(&dir).args(["new", "Disk full", "--date", "2026-11-20"]));
    let file = "incidents/2026-11-20-disk-full.yaml";
    let next = format!("next: fill it in, then check it with `hindsight lint {file}`");
    assert!(new.stderr.contains(&next), "{}", new.stderr);
    let built = output(hindsight(&dir).arg("build"));
    assert_eq!(built.code, 0, "{}", built.stderr);
    let look = "look at it: open public/index.html in a browser, or run `hindsight serve`";
    assert!(built.stderr.contains(look), "{}", built.stderr);
    assert!(built.stderr.trim_end().ends_with("for a live preview"));
    // Run from elsewhere, the hint names the project as the command did.
    let elsewhere = output(project.cmd().args(["--root", "../status", "build"]));
    let serve = "or run `hindsight --root ../status serve` for a live preview";
    assert!(elsewhere.stderr.contains(serve), "{}", elsewhere.stderr);
    // A path the shell would split is quoted, as the serve hint's is.
    let spaced = output(hindsight(&dir).args(["build", "--out", "my site ü"]));
    assert_eq!(spaced.code, 0, "{}", spaced.stderr);
    let quoted = "look at it: open 'my site ü/index.html' in a browser";
    assert!(spaced.stderr.contains(quoted), "{}", spaced.stderr);
}

#[test]
fn init_starts_in_the_folder_named_and_says_which() {
    let project = Project::bare();
    let here = project.dir().join("here");
    fs::create_dir(&here).unwrap();
    let init = output(hindsight(&here).arg("init"));
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert!(here.join("site/config.yaml").exists());
    assert!(
        init.stderr
            .lines()
            .any(|line| line.starts_with("created ")
                && line.ends_with(" files in the current folder")),
        "{}",
        init.stderr
    );
    assert!(
        init.stderr.contains("next: `hindsight new "),
        "{}",
        init.stderr
    );
    // The global --root names the folder when no DIR does.
    let rooted = output(hindsight(project.dir()).args(["--root", "rooted", "init"]));
    assert_eq!(rooted.code, 0, "{}", rooted.stderr);
    assert!(project.dir().join("rooted/site/config.yaml").exists());
    assert!(!project.dir().join("site").exists());
    let next = "next: `hindsight --root rooted new ";
    assert!(rooted.stderr.contains(next), "{}", rooted.stderr);
    // Both, naming different folders: which one was meant is not guessed.
    let both = output(hindsight(project.dir()).args(["--root", "a", "init", "b"]));
    assert_eq!(both.code, 2, "{}", both.stderr);
    assert!(both.stderr.contains("differ"), "{}", both.stderr);
    assert!(!project.dir().join("a").exists() && !project.dir().join("b").exists());
    // Both, naming one folder, is that folder.
    let same = output(hindsight(project.dir()).args(["--root", "./same", "init", "same"]));
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(project.dir().join("same/site/config.yaml").exists());
}

#[test]
fn translate_on_an_overlay_names_the_option_that_exists() {
    let project = Project::example(&[RECORD, DE_OVERLAY]);
    let wrong = output(project.cmd().args(["translate", DE_OVERLAY, "--to", "ja"]));
    assert_ne!(wrong.code, 0);
    assert!(
        wrong.stderr.contains("is a translation overlay"),
        "{}",
        wrong.stderr
    );
    assert!(wrong.stderr.contains("--to"), "{}", wrong.stderr);
    assert!(!wrong.stderr.contains("--lang"), "{}", wrong.stderr);
}

#[test]
fn render_on_an_overlay_names_its_own_option() {
    let project = Project::example(&[RECORD, DE_OVERLAY]);
    let wrong = output(project.cmd().args(["render", DE_OVERLAY]));
    assert_ne!(wrong.code, 0);
    assert!(
        wrong.stderr.contains("is a translation overlay"),
        "{}",
        wrong.stderr
    );
    assert!(
        wrong.stderr.contains("pick the language with --lang"),
        "{}",
        wrong.stderr
    );
    assert!(!wrong.stderr.contains("--to"), "{}", wrong.stderr);
}
