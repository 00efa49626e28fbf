//! End-to-end behaviour of `hindsight completions` (static scripts, and the dynamic callback
//! that completes the project's record files and rule names) and `hindsight man`.

mod common;

use std::process::Command;

use common::{Output, Project, hindsight, output, repo};

const SHELLS: [&str; 4] = ["bash", "zsh", "fish", "powershell"];

/// The subcommands `hindsight --help` lists (so a command added later is checked too).
fn subcommands() -> Vec<String> {
    let help = output(hindsight(repo()).arg("--help")).stdout;
    let listing = help.split("Commands:").nth(1).expect(&help);
    let listing = listing.split("Options:").next().unwrap();
    let names: Vec<String> = listing
        .lines()
        .filter_map(|line| line.strip_prefix("  "))
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    for expected in ["lint", "render", "translate", "build", "completions", "man"] {
        assert!(names.iter().any(|n| n == expected), "{names:?}");
    }
    names
}

#[test]
fn every_shell_gets_a_script_naming_every_subcommand() {
    let subcommands = subcommands();
    for shell in SHELLS {
        let Output {
            code,
            stdout,
            stderr,
        } = output(hindsight(repo()).args(["completions", shell]));
        assert_eq!(code, 0, "{shell}: {stderr}");
        for name in &subcommands {
            assert!(
                stdout.contains(name.as_str()),
                "{shell} script lacks `{name}`"
            );
        }
        // The flags of a subcommand are offered too, not only the command names.
        assert!(
            stdout.contains("internal"),
            "{shell} script lacks render's --internal"
        );
    }
}

#[test]
fn the_bash_script_is_valid_bash_and_registers_hindsight() {
    let script = output(hindsight(repo()).args(["completions", "bash"])).stdout;
    let checked = Command::new("bash")
        .args(["-c", &format!("{script}\ncomplete -p hindsight")])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert!(String::from_utf8_lossy(&checked.stdout).contains("hindsight"));
}

#[test]
fn a_dynamic_script_calls_back_into_hindsight() {
    for shell in SHELLS {
        let Output { code, stdout, .. } =
            output(hindsight(repo()).args(["completions", shell, "--dynamic"]));
        assert_eq!(code, 0);
        assert!(stdout.contains("COMPLETE"), "{shell}: {stdout}");
        assert!(stdout.contains("hindsight"), "{shell}: {stdout}");
    }
}

/// What the dynamic completion offers for `words` (the last one being typed), as fish asks.
fn complete(dir: &std::path::Path, words: &[&str]) -> Vec<String> {
    let Output {
        code,
        stdout,
        stderr,
    } = output(
        hindsight(dir)
            .env("COMPLETE", "fish")
            .arg("--")
            .arg("hindsight")
            .args(words),
    );
    assert_eq!(code, 0, "{stderr}");
    stdout
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect()
}

#[test]
fn render_completes_the_example_record_ids_and_not_their_overlays() {
    let offered = complete(repo(), &["render", "incidents/"]);
    let mut expected: Vec<String> = std::fs::read_dir(repo().join("incidents"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.matches('.').count() == 1)
        .map(|name| format!("incidents/{name}"))
        .collect();
    expected.sort();
    assert!(expected.len() >= 6, "{expected:?}");
    assert_eq!(offered, expected);
    assert!(offered.contains(&"incidents/2023-12-17-logto-image-deleted.yaml".to_owned()));
}

#[test]
fn record_completion_follows_what_is_typed_and_where_the_user_stands() {
    assert_eq!(
        complete(repo(), &["translate", "incidents/2017-10"]),
        ["incidents/2017-10-27-monzo-payments-outage.yaml"]
    );
    // Inside incidents/, the records are offered as the user would type them there.
    assert_eq!(
        complete(&repo().join("incidents"), &["render", "2020"]),
        ["2020-07-05-docker-hub-pulls-hang.yaml"]
    );
}

#[test]
fn explain_completes_rule_names() {
    let offered = complete(repo(), &["explain", "timeline"]);
    assert_eq!(offered, ["timeline-order"]);
}

#[test]
fn a_project_without_incidents_completes_no_records_and_does_not_fail() {
    // The nearest project upward is this one (a folder outside any project cannot be made
    // reliably: /tmp itself may hold one), and it has no incidents/ to list.
    let project = Project::new();
    std::fs::remove_dir(project.path("incidents")).unwrap();
    let offered = complete(project.root(), &["render", ""]);
    assert!(offered.iter().all(|c| c.starts_with('-')), "{offered:?}");
}

#[test]
fn an_unknown_shell_is_refused_with_the_choices() {
    let Output { code, stderr, .. } = output(hindsight(repo()).args(["completions", "tcsh"]));
    assert_eq!(code, 2);
    for shell in SHELLS {
        assert!(stderr.contains(shell), "{stderr}");
    }
}

#[test]
fn the_man_page_is_roff_with_a_section_per_subcommand() {
    let Output {
        code,
        stdout: page,
        stderr,
    } = output(hindsight(repo()).arg("man"));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        page.lines()
            .any(|line| line.starts_with(".TH hindsight 1 ")),
        "{page}"
    );
    for name in subcommands() {
        let heading = format!(".SH \"HINDSIGHT {}\"", name.to_uppercase());
        assert!(page.contains(&heading), "no {heading}");
    }
    assert!(page.contains(".SH \"HINDSIGHT TRANSLATE STATUS\""));
    // Options are documented under their command.
    let render = page.split(".SH \"HINDSIGHT RENDER\"").nth(1).unwrap();
    let render = render.split(".SH ").next().unwrap();
    assert!(render.contains("internal"), "{render}");
    // groff reads it without a warning (-ww: all warnings) when it is installed.
    if let Ok(child) = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write as _;
        let mut child = child;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(page.as_bytes())
            .unwrap();
        let result = child.wait_with_output().unwrap();
        assert!(result.status.success());
        assert_eq!(String::from_utf8_lossy(&result.stderr), "");
    }
}

#[test]
fn update_and_resolve_complete_record_ids_and_affected_components() {
    assert_eq!(
        complete(repo(), &["update", "2017-10"]),
        ["2017-10-27-monzo-payments-outage"]
    );
    assert!(
        complete(repo(), &["resolve", ""]).contains(&"2023-12-17-logto-image-deleted".to_owned())
    );
    assert_eq!(
        complete(repo(), &["update", "x", "--affected", "example-webh"]),
        ["example-webhooks="]
    );
    assert_eq!(
        complete(
            repo(),
            &["update", "x", "--affected", "example-webhooks=deg"]
        ),
        ["example-webhooks=degraded_performance"]
    );
}

#[test]
fn completions_follow_the_root_given_on_the_line_and_cover_new() {
    let elsewhere = tempfile::tempdir().unwrap();
    let root = repo().display().to_string();
    assert_eq!(
        complete(elsewhere.path(), &["--root", &root, "update", "2017-10"]),
        ["2017-10-27-monzo-payments-outage"]
    );
    assert!(complete(elsewhere.path(), &["update", "2017-10"]).is_empty());
    assert_eq!(
        complete(
            elsewhere.path(),
            &["--root", &root, "new", "t", "--affected", "example-webh"]
        ),
        ["example-webhooks="]
    );
}
