//! Writing overlay text as YAML that reads back to exactly the same strings.
//!
//! Each string gets the most readable form that carries it exactly: plain where YAML cannot
//! misread it, a literal block for ordinary multi-line text, and otherwise a double-quoted
//! scalar that escapes every character a YAML reader would refuse, fold or drop.

use crate::yaml_quote::{double_quoted, needs_escape};

/// `key: value` at `indent`, choosing the most readable YAML form that round-trips.
pub(super) fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    if let Some(block) = block_literal(value, indent + 2) {
        out.push_str(&format!("{pad}{key}: {block}"));
    } else {
        out.push_str(&format!("{pad}{key}: {}\n", inline_scalar(value)));
    }
}

/// A single-line scalar: plain where YAML cannot misread it, else double-quoted.
fn inline_scalar(value: &str) -> String {
    if is_safe_plain(value) {
        value.to_string()
    } else {
        double_quoted(value)
    }
}

fn is_safe_plain(value: &str) -> bool {
    const RESERVED: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    let Some(first) = value.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && value.trim() == value
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !value.chars().any(needs_escape)
        && !RESERVED.contains(&value.to_ascii_lowercase().as_str())
}

/// A literal block (`|`) for multi-line text, when it can carry the text exactly.
fn block_literal(value: &str, indent: usize) -> Option<String> {
    if !value.contains('\n') || value.chars().any(|c| c != '\n' && needs_escape(c)) {
        return None;
    }
    let body = value.trim_end_matches('\n');
    // Leading blanks on the first line would be read as indentation, a tab cannot start a
    // line's content, and trailing blanks are easy to lose in an editor: those texts are
    // quoted instead.
    if body.is_empty()
        || body.trim_start_matches('\n').starts_with(' ')
        || body.split('\n').any(|line| line.starts_with('\t'))
        || body.split('\n').any(|line| line.ends_with([' ', '\t']))
        || body
            .split('\n')
            .any(|line| line.trim() != line && line.trim().is_empty())
    {
        return None;
    }
    let trailing = value.len() - body.len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let pad = " ".repeat(indent);
    let mut out = format!("|{chomp}\n");
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push('\n');
    }
    for _ in 1..trailing {
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_name_the_characters_yaml_would_change() {
        assert_eq!(
            double_quoted("a\u{1}\u{7F}\u{85}\u{9F}\u{2028}\u{2029}\u{FEFF}\u{FFFE}\u{FFFF}\"\\"),
            "\"a\\x01\\x7F\\N\\x9F\\L\\P\\uFEFF\\uFFFE\\uFFFF\\\"\\\\\""
        );
        assert_eq!(block_literal("one\u{2028}\ntwo", 2), None);
        assert_eq!(block_literal("one\n\ttwo", 2), None);
        assert!(!is_safe_plain("caf\u{85}e"));
    }
}
