//! Property test of the overlay writer: any strings, written as an overlay and read back by
//! the loader, come back exactly — as fields, as list pairs, with and without `previous`.

use proptest::prelude::*;

use super::write_pair;
use crate::load::{Limits, overlay};
use crate::model::RuleId;

/// Characters that YAML readers refuse, fold, trim or take for syntax.
const AWKWARD: &[char] = &[
    '\0',
    '\u{1}',
    '\u{8}',
    '\t',
    '\n',
    '\u{B}',
    '\u{C}',
    '\r',
    '\u{1B}',
    '\u{1F}',
    ' ',
    '"',
    '\'',
    '\\',
    ':',
    '#',
    '-',
    '?',
    '|',
    '>',
    '&',
    '*',
    '!',
    '%',
    '@',
    '`',
    '{',
    '[',
    ',',
    '~',
    '\u{7F}',
    '\u{80}',
    '\u{85}',
    '\u{9F}',
    '\u{A0}',
    '\u{2028}',
    '\u{2029}',
    '\u{3000}',
    '\u{FEFF}',
    '\u{FFFD}',
    '\u{FFFE}',
    '\u{FFFF}',
    '\u{10FFFF}',
    'a',
    'Z',
    'ü',
    '日',
];

fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![3 => prop::sample::select(AWKWARD), 1 => any::<char>()]
}

/// Arbitrary strings, strings of awkward characters, and multi-line prose with blanks and
/// line breaks at either end.
fn text() -> impl Strategy<Value = String> {
    let word = || prop::collection::vec(awkward_char(), 0..12).prop_map(String::from_iter);
    let lines = (
        prop::sample::select(&["", " ", "  ", "\n", "\n\n", "\t"][..]),
        prop::collection::vec(prop_oneof![word(), "[a-zA-Z ]{0,20}", "[ -~]{0,20}"], 1..6),
        prop::sample::select(&["", " ", "\n", "\n\n", "\n\n\n", " \n"][..]),
    )
        .prop_map(|(head, lines, tail)| format!("{head}{}{tail}", lines.join("\n")));
    prop_oneof![any::<String>(), word(), lines]
}

fn pair() -> impl Strategy<Value = (String, String, Option<String>)> {
    (text(), text(), prop::option::of(text()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn every_string_reads_back_exactly(
        title in pair(),
        timeline in prop::collection::vec(pair(), 0..4),
    ) {
        let mut yaml = String::from("lang: de\n");
        let (source, text, previous) = &title;
        write_pair(&mut yaml, "title", None, source, text, previous.as_deref());
        yaml.push_str("timeline:\n");
        for (source, text, previous) in &timeline {
            write_pair(&mut yaml, "", Some(2), source, text, previous.as_deref());
        }
        let (loaded, findings) = overlay::parse("x", &yaml, &Limits::default());
        // Characters XML forbids are reported (they would be in the record too), nothing else.
        let other: Vec<_> = findings.iter().filter(|f| f.rule != RuleId::InvalidCharacter).collect();
        prop_assert!(other.is_empty(), "{other:?}\n{yaml}");
        let loaded = loaded.expect("the overlay loads");
        let read = |pair: &crate::model::Pair| {
            (
                pair.source.value.clone(),
                pair.text.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                pair.previous.as_ref().map(|p| p.value.clone()),
            )
        };
        prop_assert_eq!(loaded.title.as_ref().map(read), Some(title), "\n{}", yaml);
        let read_timeline: Vec<_> = loaded.timeline.iter().map(read).collect();
        prop_assert_eq!(read_timeline, timeline, "\n{}", yaml);
    }
}
