//! The one writer of YAML double-quoted scalars. Every command that writes YAML text
//! (`translate`, `new`, `update`) quotes through it, so what it writes reads back exactly.

use std::fmt::Write as _;

/// Characters that only a double-quoted escape carries exactly: those outside YAML's
/// printable set (C0 and C1 controls, DEL, U+FFFE, U+FFFF), the ones some readers take for
/// line breaks (NEL, U+2028, U+2029) and the byte order mark, which readers may drop.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// A YAML 1.2 double-quoted scalar holding exactly `value`, on one line.
pub(crate) fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) && u32::from(c) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
