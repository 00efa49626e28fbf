//! `hindsight init`: a new incident repository.

use std::path::PathBuf;

use hindsight::diagnostic::display_path;
use hindsight::model::Lang;
use hindsight::scaffold::{self, Initialized};

use hindsight::report::counted;

use super::{Outcome, output, parse_lang};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The folder to start the project in (created if missing; default: the current one).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The language of the configuration's comments, and the site's (unless --languages).
    #[arg(long, value_parser = parse_lang, value_name = "LANG", default_value = "en")]
    lang: Lang,
    /// The languages the site is built in, the first being the default, such as en,de
    /// (default: LANG alone).
    #[arg(long, value_parser = parse_lang, value_delimiter = ',', value_name = "LANG,LANG")]
    languages: Vec<Lang>,
    /// Start it in a folder that holds files already (no existing file is replaced).
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: Args) -> anyhow::Result<Outcome> {
    let dir = &args.dir;
    let (written, skipped) = match scaffold::init(dir, args.lang, &args.languages, args.force)? {
        Initialized::Done { written, skipped } => (written, skipped),
        Initialized::NotEmpty(dir) => {
            eprintln!(
                "error: {} is not empty; pass --force to add the project's files to it (no existing file is replaced)",
                display_path(&dir)
            );
            return Ok(Outcome::Findings);
        }
    };
    for path in &written {
        output::detail(&format!("created {}", display_path(&dir.join(path))));
    }
    output::status(&format!(
        "created {} in {}",
        counted(written.len(), "file"),
        display_path(dir)
    ));
    for path in &skipped {
        output::status(&format!(
            "skipped {} (it exists; left as it was)",
            display_path(&dir.join(path))
        ));
    }
    let root = if dir.as_os_str() == "." {
        String::new()
    } else {
        format!("--root {} ", shell_word(&display_path(dir)))
    };
    output::status(&format!(
        "next: hindsight {root}new \"What happened\", then hindsight {root}build"
    ));
    Ok(Outcome::Clean)
}

/// `word` as a POSIX shell reads it back: as it is when it holds only safe characters (and
/// does not start with `~`), otherwise in single quotes.
pub(super) fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./+,:@%".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn hints_quote_what_a_shell_would_read_otherwise() {
        assert_eq!(shell_word("status"), "status");
        assert_eq!(shell_word("../a/b-1"), "../a/b-1");
        assert_eq!(shell_word("my status"), "'my status'");
        assert_eq!(shell_word("a;touch pwned"), "'a;touch pwned'");
        assert_eq!(shell_word("~"), "'~'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
    }
}
