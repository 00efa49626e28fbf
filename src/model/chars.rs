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
    if all_xml(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Whether [`is_xml_char`] holds for every character of `text`, from its bytes (every page
/// is checked whole): a C0 control is one byte, U+FFFE and U+FFFF are `EF BF BE` and
/// `EF BF BF`. The controls are looked for a block at a time, without branching per byte,
/// and the two non-characters by their first two bytes, in one pass.
pub(crate) fn all_xml(text: &str) -> bool {
    let bytes = text.as_bytes();
    let control = |b: u8| b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r');
    let controls = bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |found, &b| found | control(b)));
    // `EF` only ever starts a character, so `EF BF` is U+FFC0 to U+FFFF.
    let non_character = || {
        memchr::memmem::find_iter(bytes, b"\xEF\xBF")
            .any(|at| matches!(bytes.get(at + 2), Some(0xBE | 0xBF)))
    };
    !controls && !non_character()
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

    proptest::proptest! {
        #[test]
        fn the_byte_check_is_the_char_check(
            text in "[a\t\n\r\u{0}-\u{1f}\u{7f}\u{85}\u{d7ff}\u{e000}\u{fffd}-\u{ffff}\u{10000}é中]{0,80}"
        ) {
            proptest::prop_assert_eq!(all_xml(&text), text.chars().all(is_xml_char));
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
