//! Writing overlay text as YAML that reads back to exactly the same strings.

/// `key: value` at `indent`, choosing the most readable YAML form that round-trips.
pub fn field(out: &mut String, indent: usize, key: &str, value: &str) {
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
        // A JSON string is a valid YAML double-quoted scalar with the same escapes.
        serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string())
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
        && !value.chars().any(|c| c.is_control() || c == '\u{feff}')
        && !RESERVED.contains(&value.to_ascii_lowercase().as_str())
}

/// A literal block (`|`) for multi-line text, when it can carry the text exactly.
fn block_literal(value: &str, indent: usize) -> Option<String> {
    if !value.contains('\n')
        || value.contains('\r')
        || value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return None;
    }
    let body = value.trim_end_matches('\n');
    // Leading blanks on the first line would be read as indentation, and trailing blanks
    // are easy to lose in an editor: those texts are quoted instead.
    if body.is_empty()
        || body.trim_start_matches('\n').starts_with([' ', '\t'])
        || body.lines().any(|line| line.ends_with([' ', '\t']))
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
