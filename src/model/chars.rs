//! Which characters XML 1.0 can carry: the one definition lint and every XML output share.

use std::borrow::Cow;

/// Whether XML 1.0 allows `c` in a document:
/// `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
/// (Surrogates cannot occur in a Rust `char`, so the ranges above U+D7FF reduce to
/// everything but U+FFFE and U+FFFF.)
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `text` without the characters XML 1.0 forbids; borrowed when there are none.
pub(crate) fn strip_non_xml(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// `U+0001`: how findings and messages name a character.
pub(crate) fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xml_1_0_char_production() {
        for allowed in [
            '\t',
            '\n',
            '\r',
            ' ',
            '~',
            '\u{7F}',
            '\u{85}',
            '\u{D7FF}',
            '\u{E000}',
            '\u{FFFD}',
            '\u{10000}',
            '\u{10FFFF}',
        ] {
            assert!(is_xml_char(allowed), "{}", code_point(allowed));
        }
        for forbidden in [
            '\0', '\u{1}', '\u{8}', '\u{B}', '\u{C}', '\u{E}', '\u{1F}', '\u{FFFE}', '\u{FFFF}',
        ] {
            assert!(!is_xml_char(forbidden), "{}", code_point(forbidden));
        }
    }

    #[test]
    fn stripping_keeps_everything_else() {
        assert!(matches!(
            strip_non_xml("tab\there ü 日本"),
            Cow::Borrowed(_)
        ));
        assert_eq!(strip_non_xml("a\u{1}b\u{B}c\u{FFFF}d\r\n"), "abcd\r\n");
        assert_eq!(code_point('\u{1}'), "U+0001");
        assert_eq!(code_point('\u{10FFFF}'), "U+10FFFF");
    }
}
