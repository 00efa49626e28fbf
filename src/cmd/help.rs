//! What `--help` says after the options: the exit codes, in general and for the commands where
//! `1` means something of their own.

pub(crate) const EXIT_CODES: &str = "\
Exit codes:
  0    success (warnings allowed, unless lint --deny-warnings)
  1    findings at error level in the input, or a refusal the command explains (its --help says)
  2    the tool could not run: bad usage, an unreadable path, an output it refuses to write
  130  interrupted; the previous output is unchanged

Results go to standard output, status and progress to standard error.";

pub(crate) const LINT: &str = "\
Exit codes:
  0  no errors (warnings allowed, unless --deny-warnings)
  1  errors in the input, or warnings with --deny-warnings
  2  the tool could not run (bad usage, an unreadable path)";

pub(crate) const BUILD: &str = "\
Exit codes:
  0    the site was built
  1    errors in the input: nothing written, the previous site is unchanged
  2    the tool could not run (a broken template, an output it refuses to write)
  130  interrupted; the previous site is unchanged";

pub(crate) const RENDER: &str = "\
Exit codes:
  0  rendered
  1  the record has errors: nothing rendered
  2  the tool could not run (an unreadable path, an output it refuses to write)";

pub(crate) const TRANSLATE: &str = "\
Exit codes:
  0  the overlay was written (translate status: reported, whatever it found)
  1  the record or the overlay has errors: nothing written
  2  the tool could not run (bad usage, an unreadable path)";

pub(crate) const INIT: &str = "\
Exit codes:
  0  the project was started
  1  the folder holds files already (pass --force): nothing written
  2  the tool could not run";

pub(crate) const NEW: &str = "\
Exit codes:
  0  the record was written
  1  a record of that name exists: nothing written
  2  the tool could not run (bad usage, an unknown template)";

pub(crate) const UPDATE: &str = "\
Exit codes:
  0  the record was updated
  1  the record has errors, or the update was refused (the reason is printed): nothing written
  2  the tool could not run (bad usage, an unknown id)";

pub(crate) const NOTIFY: &str = "\
Exit codes:
  0  everything was delivered (or, with --dry-run, checked)
  1  a channel was not reached; the next run tries again
  2  the tool could not run (the site does not build, a bad ref)";

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
