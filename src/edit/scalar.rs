//! Text -> a YAML scalar that reads back as exactly that text.

use crate::yaml_quote::double_quoted;

/// Writes `text` as the value after `key: ` on a line indented by `indent` spaces: plain when
/// that is unambiguous, a `|-` block for several lines, double quotes otherwise. `newline` is
/// the file's line ending, so a CRLF file stays CRLF.
pub(crate) fn scalar(text: &str, indent: usize, newline: &str) -> String {
    if is_plain_safe(text) {
        return text.to_string();
    }
    if text.contains('\n') && fits_block(text) {
        let pad = " ".repeat(indent + 2);
        let mut out = String::from("|-");
        for line in text.split('\n') {
            out.push_str(newline);
            if !line.is_empty() {
                out.push_str(&pad);
                out.push_str(line);
            }
        }
        return out;
    }
    double_quoted(text)
}

/// Plain scalars are kept to a conservative subset: no indicator at the start, no `: ` or ` #`,
/// nothing a YAML reader could take for a number, a boolean or null.
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.trim() != text
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.chars().any(|c| c.is_control() || is_invisible(c))
        || looks_typed(text)
    {
        return false;
    }
    true
}

/// Words and numbers a YAML 1.1 or 1.2 reader gives a type to. Times (`12:30`) and dates are
/// left plain, as records write them: hindsight reads every scalar as text.
fn looks_typed(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ];
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    WORDS.contains(&lower.as_str())
        || lower.parse::<f64>().is_ok()
        || unsigned.starts_with(".inf")
        || unsigned.starts_with(".nan")
        || unsigned.starts_with("0x")
        || unsigned.starts_with("0o")
        || unsigned.starts_with("0b")
}

/// Characters a reader cannot see: kept, but only inside quotes where they are escaped.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{A0}')
}

/// A `|-` block reproduces the text when no line starts with the indentation's own spaces
/// before the first line fixes it, and nothing would be folded or trimmed.
fn fits_block(text: &str) -> bool {
    let first = text.split('\n').next().unwrap_or("");
    !first.starts_with([' ', '\t'])
        && !text.ends_with('\n')
        && !text.starts_with('\n')
        && !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || is_invisible(c))
        && !text.split('\n').any(|line| line.ends_with([' ', '\t']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{Limits, Value, parse};

    fn reads_back(text: &str) {
        let yaml = format!("key: {}\n", scalar(text, 0, "\n"));
        let node = parse(&yaml, &Limits::default()).unwrap().unwrap();
        let Value::Map(entries) = node.value else {
            panic!("{yaml}")
        };
        assert_eq!(entries[0].1.as_str(), Some(text), "{yaml}");
    }

    #[test]
    fn every_kind_of_text_reads_back_unchanged() {
        for text in [
            "We are investigating delayed deliveries.",
            "Status: degraded",
            "# not a comment",
            "- not a list",
            "true",
            "12:30",
            "1e3",
            "null",
            "a \"quoted\" \\ word",
            " leading space",
            "two\nlines",
            "two\n\nparagraphs",
            "  indented\nfirst line",
            "trailing\n",
            "tab\there",
            "zero\u{200B}width",
            "Die Überwachung schlägt an.",
            "監視がアラートを出しました。",
            "[flow]",
            "ends with colon:",
        ] {
            reads_back(text);
        }
    }

    #[test]
    fn ordinary_sentences_stay_plain_and_paragraphs_become_blocks() {
        assert_eq!(scalar("Fixed it.", 4, "\n"), "Fixed it.");
        assert_eq!(scalar("a\nb", 4, "\n"), "|-\n      a\n      b");
        assert_eq!(scalar("a\nb", 0, "\r\n"), "|-\r\n  a\r\n  b");
        assert_eq!(scalar("yes", 0, "\n"), "\"yes\"");
    }
}
