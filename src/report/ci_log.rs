//! Record text in output a CI log may show: the GitHub runner reads every line for workflow
//! commands (actions/runner `ActionCommand.TryParseV2`: a line that starts with `::` after
//! leading blanks; `TryParse`: `##[` anywhere before a `]`), so every human report that quotes
//! a record (lint, `translate status`, `stats`, `notify`) escapes control characters in what
//! it quotes and makes a line that would still read as a command inert.

/// `text` with control characters (and Unicode line breaks) escaped as `\n`, `\u{1b}`: what a
/// message quotes from a record stays on its line.
pub fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                c.escape_default().to_string()
            }
            c => c.to_string(),
        })
        .collect()
}

/// Every line the runner would take as a workflow command, made inert with a backslash that
/// breaks the marker (`\::add-mask::…`, `##\[add-mask]…`). Stricter than the runner, which
/// also wants a registered command name: `stop-commands` registers arbitrary ones.
pub fn inert(out: &str) -> String {
    // The runner reads lines the way .NET does: a bare `\r` ends one too.
    out.split_inclusive(['\n', '\r'])
        .map(|line| {
            let line = line.replace("##[", "##\\[");
            let blanks = line.len() - line.trim_start().len();
            let rest = &line[blanks..];
            if rest.starts_with("::") && rest[2..].contains("::") {
                format!("{}\\{rest}", &line[..blanks])
            } else {
                line
            }
        })
        .collect()
}
