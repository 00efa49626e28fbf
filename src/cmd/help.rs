//! What `--help` says after the options: the exit codes, in general and for each command.

/// An "Exit codes:" section, laid out alike for every command: what `0` means for it, what
/// `1` means (left out by a command that never exits 1), what `2` means, and `130` for a
/// command a signal can stop (`interrupted:`). Every command's `--help` gets one from here.
macro_rules! exit_codes {
    (ok: $ok:literal, $(findings: $findings:literal,)? failed: $failed:literal $(,)?) => {
        concat!(
            "Exit codes:\n  0  ",
            $ok,
            $("\n  1  ", $findings,)?
            "\n  2  ",
            $failed
        )
    };
    (
        ok: $ok:literal,
        $(findings: $findings:literal,)?
        failed: $failed:literal,
        interrupted: $interrupted:literal $(,)?
    ) => {
        concat!(
            "Exit codes:\n  0    ",
            $ok,
            $("\n  1    ", $findings,)?
            "\n  2    ",
            $failed,
            "\n  130  ",
            $interrupted
        )
    };
}

pub(crate) const EXIT_CODES: &str = concat!(
    exit_codes!(
        ok: "success (warnings allowed, unless lint --deny-warnings)",
        findings: "findings at error level in the input, or a refusal the command explains (its --help says)",
        failed: "the tool could not run: bad usage, an unreadable path, an output it refuses to write",
        interrupted: "interrupted; the previous output is unchanged",
    ),
    "\n\nResults go to standard output, status and progress to standard error."
);

pub(crate) const LINT: &str = exit_codes!(
    ok: "no errors (warnings allowed, unless --deny-warnings)",
    findings: "errors in the input, or warnings with --deny-warnings",
    failed: "the tool could not run (bad usage, an unreadable path)",
);

pub(crate) const BUILD: &str = exit_codes!(
    ok: "the site was built",
    findings: "errors in the input: nothing written, the previous site is unchanged",
    failed: "the tool could not run (a broken template, an output it refuses to write)",
    interrupted: "interrupted; the previous site is unchanged",
);

pub(crate) const RENDER: &str = exit_codes!(
    ok: "rendered",
    findings: "the record has errors: nothing rendered",
    failed: "the tool could not run (an unreadable path, an output it refuses to write)",
);

pub(crate) const TRANSLATE: &str = exit_codes!(
    ok: "the overlay was written (translate status: reported, whatever it found)",
    findings: "the record or the overlay has errors: nothing written",
    failed: "the tool could not run (bad usage, an unreadable path)",
);

pub(crate) const TRANSLATE_STATUS: &str = exit_codes!(
    ok: "reported, whatever it found (missing, untranslated, stale or orphaned translations)",
    failed: "the tool could not run (bad usage, an unreadable path)",
);

pub(crate) const INIT: &str = exit_codes!(
    ok: "the project was started",
    findings: "the folder holds files already (pass --force): nothing written",
    failed: "the tool could not run (DIR and --root name different folders, an unwritable folder)",
);

pub(crate) const NEW: &str = exit_codes!(
    ok: "the record was written",
    findings: "a record of that name exists: nothing written",
    failed: "the tool could not run (bad usage, an unknown template)",
);

pub(crate) const UPDATE: &str = exit_codes!(
    ok: "the record was updated",
    findings: "the record has errors, or the update was refused (the reason is printed): nothing written",
    failed: "the tool could not run (bad usage, an unknown id)",
);

pub(crate) const NOTIFY: &str = exit_codes!(
    ok: "everything was delivered (or, with --dry-run, checked)",
    findings: "a channel was not reached; the next run tries again",
    failed: "the tool could not run (the site does not build, a bad ref)",
);

pub(crate) const RULES: &str = exit_codes!(
    ok: "listed",
    failed: "the tool could not run (bad usage)",
);

pub(crate) const EXPLAIN: &str = exit_codes!(
    ok: "explained",
    failed: "no rule of that name (the closest one is suggested), or bad usage",
);

pub(crate) const SCHEMA: &str = exit_codes!(
    ok: "printed, or written with --write",
    failed: "the tool could not run (bad usage, or --write could not write a schema file)",
);

pub(crate) const STATS: &str = exit_codes!(
    ok: "reported (records with errors are left out of the figures, as lint reports them)",
    failed: "the tool could not run (bad usage, a bad --since or --until, an unreadable path)",
);

#[cfg(feature = "serve")]
pub(crate) const SERVE: &str = exit_codes!(
    ok: "the preview ended by itself (it runs until it is stopped)",
    failed: "the tool could not run (no site/config.yaml, the port is in use)",
    interrupted: "stopped with Ctrl-C, the usual end; nothing was written",
);

pub(crate) const COMPLETIONS: &str = exit_codes!(
    ok: "printed",
    failed: "the tool could not run (bad usage, an unknown shell)",
);

pub(crate) const MAN: &str = exit_codes!(
    ok: "printed",
    failed: "the tool could not run (standard output could not be written)",
);

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory as _;

    use super::super::Cli;

    /// Every command of the tree, the root first.
    fn commands() -> Vec<clap::Command> {
        let mut root = Cli::command();
        root.build();
        let mut all = vec![root.clone()];
        let mut index = 0;
        while index < all.len() {
            let subs: Vec<_> = all[index].get_subcommands().cloned().collect();
            all.extend(subs);
            index += 1;
        }
        all
    }

    #[test]
    fn every_option_and_positional_has_help_text() {
        let mut missing = Vec::new();
        for command in commands() {
            for arg in command.get_arguments() {
                let builtin = ["help", "version"].contains(&arg.get_id().as_str());
                if !builtin && arg.get_help().is_none() {
                    missing.push(format!("{} {}", command.get_name(), arg.get_id()));
                }
            }
        }
        assert!(missing.is_empty(), "arguments without help: {missing:?}");
    }

    #[test]
    fn help_lists_the_exit_codes() {
        let mut root = Cli::command();
        let help = root.render_long_help().to_string();
        for line in [
            "0    success",
            "1    findings",
            "2    the tool could not run",
        ] {
            assert!(help.contains(line), "{help}");
        }
        let mut lint = Cli::command();
        let lint = lint.find_subcommand_mut("lint").unwrap();
        let help = lint.render_long_help().to_string();
        assert!(help.contains("warnings with --deny-warnings"), "{help}");
    }

    /// Every command's `--help` lists its exit codes, so the README's "each command's `--help`
    /// lists them" stays true when a command is added.
    #[test]
    fn every_command_lists_its_exit_codes() {
        let mut missing = Vec::new();
        for mut command in commands() {
            // clap's `help` command, and the copies of the tree under it, print others' help.
            let words = command.get_bin_name().unwrap_or_default().split(' ');
            if words.into_iter().any(|word| word == "help") {
                continue;
            }
            let help = command.render_long_help().to_string();
            if !help.contains("Exit codes:\n  0  ") || !help.contains("\n  2  ") {
                missing.push(command.get_bin_name().unwrap_or_default().to_string());
            }
        }
        assert!(missing.is_empty(), "no exit codes in --help: {missing:?}");
    }

    /// Every `--option` a user-facing text names (in a string of the sources, a template, a
    /// locale file) is an option of some command: a message never sends anyone to a flag that
    /// does not exist (`translate` once suggested `--lang` where the option is `--to`).
    #[test]
    fn messages_name_only_real_options() {
        let mut known: BTreeSet<String> = BTreeSet::new();
        for command in commands() {
            for arg in command.get_arguments() {
                if let Some(long) = arg.get_long() {
                    known.insert(long.to_string());
                }
            }
        }
        // Other programs' options that texts name on purpose (`cargo install --locked --git`).
        let foreign = [
            "locked",
            "git",
            "rev",
            "no-default-features",
            "release",
            "features",
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut unknown = BTreeSet::new();
        for dir in ["src", "templates", "locales"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                let extension = entry.path().extension().and_then(|e| e.to_str());
                // Style sheets' `--name`s are custom properties.
                if extension == Some("css") {
                    continue;
                }
                let rust = extension == Some("rs");
                for line in text.lines() {
                    let line = line.trim_start();
                    // Rust comments are for developers; only string literals reach users.
                    if rust && (line.starts_with("//") || !line.contains('"')) {
                        continue;
                    }
                    for option in options_in(line) {
                        if !known.contains(option) && !foreign.contains(&option) {
                            unknown.insert(format!("--{option} ({})", entry.path().display()));
                        }
                    }
                }
            }
        }
        assert!(
            unknown.is_empty(),
            "options that no command has: {unknown:?}"
        );
    }

    /// The `--name` words of a line (not `---`, not inside a longer word, not a string that is
    /// only the option: that is an argument for another program, such as git).
    fn options_in(line: &str) -> Vec<&str> {
        let mut found = Vec::new();
        let mut rest = line;
        while let Some(at) = rest.find("--") {
            let before = rest[..at].chars().next_back();
            let after = &rest[at + 2..];
            let end = after
                .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
                .unwrap_or(after.len());
            let name = after[..end].trim_end_matches('-');
            let word_start = before.is_none_or(|c| !(c.is_alphanumeric() || "-\"".contains(c)));
            if word_start && name.len() > 1 && !name.starts_with('-') {
                found.push(name);
            }
            rest = &after[end.max(1).min(after.len())..];
        }
        found
    }

    #[test]
    fn options_are_found_in_a_line() {
        let line =
            r#""pick the language with --to; see --root DIR, not ---- or a--b or --", "--x""#;
        assert_eq!(options_in(line), vec!["to", "root"]);
    }
}
