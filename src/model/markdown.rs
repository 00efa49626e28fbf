//! The Markdown nesting budget every record text must keep, and the one scan that measures it.
//!
//! It lives in the model because two stages need the same answer: check reports a text past
//! the budget as an `input-limit` finding, and render flattens whatever lies beyond it so
//! that the renderers stay fast on their own.

use pulldown_cmark::{Event, Options, Parser, Tag};

/// Block quotes and lists nested in each other: deeper than any prose needs, and shallow
/// enough that the HTML tree builder and the sanitiser stay fast.
pub(crate) const MAX_BLOCK_NESTING: usize = 32;
/// Emphasis, strong, strikethrough and links nested in each other.
pub(crate) const MAX_INLINE_NESTING: usize = 32;
/// Elements of any kind in one text (paragraphs, items, table cells, emphasis, links...):
/// hundreds in a long postmortem, while each costs the HTML sanitiser a tree node.
pub(crate) const MAX_ELEMENTS: usize = 10_000;

/// The Markdown dialect of record texts: CommonMark with GitHub's tables and strikethrough.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Which budget a start tag counts against, besides the element count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nesting {
    Block,
    Inline,
    /// Not a nesting: the count of elements.
    Elements,
}

impl Nesting {
    pub(crate) fn of(tag: &Tag) -> Option<Nesting> {
        match tag {
            Tag::BlockQuote(_) | Tag::List(_) => Some(Nesting::Block),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. } => Some(Nesting::Inline),
            _ => None,
        }
    }

    pub(crate) fn budget(self) -> usize {
        match self {
            Nesting::Block => MAX_BLOCK_NESTING,
            Nesting::Inline => MAX_INLINE_NESTING,
            Nesting::Elements => MAX_ELEMENTS,
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Nesting::Block => "block quotes and lists",
            Nesting::Inline => "emphasis, strikethrough and links",
            Nesting::Elements => "elements",
        }
    }
}

/// Where a text first goes past a budget: the byte offset of the opening that goes one
/// level too deep (or is one element too many), and which budget it breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Excess {
    pub offset: usize,
    pub nesting: Nesting,
}

/// The first place `markdown` exceeds a budget, in one pass over the parser's events that
/// stops there; nearly every text is shown to be within the budgets by its bytes alone.
pub(crate) fn nesting_excess(markdown: &str) -> Option<Excess> {
    if within_budgets_by_bytes(markdown) {
        return None;
    }
    parsed_excess(markdown)
}

/// Whether `markdown` is too short and has too few markers to exceed any budget, so that it
/// need not be parsed. Every block quote, list, list item, emphasis, strikethrough and link
/// (or image) opens at a marker byte of its own (`>`; `-`, `+`, `*` or the `.` or `)` after
/// a digit; `*`, `_`, `~`, `[`, `<`): with at most as many markers as the smaller nesting
/// budget, no nesting can pass its budget, and they make at most three elements each. Every
/// other element is a block on a line of its own (at least a byte), except a table's, and a
/// table needs a `|`.
fn within_budgets_by_bytes(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    if bytes.len() > MAX_ELEMENTS / 2 || memchr::memchr(b'|', bytes).is_some() {
        return false;
    }
    // Counted a block at a time without a branch per byte (as `chars::all_xml` looks for
    // controls): this runs over every text of every file.
    let single: usize = bytes
        .chunks(255)
        .map(|block| block.iter().fold(0u8, |n, &b| n + u8::from(is_marker(b))))
        .map(usize::from)
        .sum();
    let (firsts, seconds) = (
        &bytes[..bytes.len().saturating_sub(1)],
        bytes.get(1..).unwrap_or_default(),
    );
    let ordered: usize = firsts
        .chunks(255)
        .zip(seconds.chunks(255))
        .map(|(digits, ends)| {
            digits.iter().zip(ends).fold(0u8, |n, (&digit, &end)| {
                n + u8::from(digit.is_ascii_digit() & ((end == b'.') | (end == b')')))
            })
        })
        .map(usize::from)
        .sum();
    single + ordered <= MAX_BLOCK_NESTING.min(MAX_INLINE_NESTING)
}

/// `>`, `-`, `+`, `*`, `_`, `~`, `[` or `<`, without a branch.
fn is_marker(b: u8) -> bool {
    (b == b'>')
        | (b == b'-')
        | (b == b'+')
        | (b == b'*')
        | (b == b'_')
        | (b == b'~')
        | (b == b'[')
        | (b == b'<')
}

fn parsed_excess(markdown: &str) -> Option<Excess> {
    let mut open: Vec<Option<Nesting>> = Vec::new();
    let (mut block, mut inline, mut elements) = (0usize, 0usize, 0usize);
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return Some(Excess {
                        offset: range.start,
                        nesting: Nesting::Elements,
                    });
                }
                let nesting = Nesting::of(&tag);
                let depth = match nesting {
                    Some(Nesting::Block) => &mut block,
                    Some(Nesting::Inline) => &mut inline,
                    _ => {
                        open.push(None);
                        continue;
                    }
                };
                *depth += 1;
                if let Some(nesting) = nesting.filter(|n| *depth > n.budget()) {
                    return Some(Excess {
                        offset: range.start,
                        nesting,
                    });
                }
                open.push(nesting);
            }
            Event::End(_) => match open.pop().flatten() {
                Some(Nesting::Block) => block -= 1,
                Some(Nesting::Inline) => inline -= 1,
                _ => {}
            },
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_within_the_budget_passes() {
        let quotes = format!("{} deep\n", "> ".repeat(MAX_BLOCK_NESTING));
        assert_eq!(nesting_excess(&quotes), None);
        let emphasis = format!("{}a{}", "*".repeat(2), "*".repeat(2));
        assert_eq!(nesting_excess(&emphasis), None);
        assert_eq!(nesting_excess("plain text\n\n- a\n  - b\n"), None);
    }

    #[test]
    fn the_first_level_past_the_budget_is_reported_where_it_opens() {
        let quotes = format!("{}x\n", ">".repeat(MAX_BLOCK_NESTING + 5));
        assert_eq!(
            nesting_excess(&quotes),
            Some(Excess {
                offset: MAX_BLOCK_NESTING,
                nesting: Nesting::Block
            })
        );
        let list = format!("intro\n\n{}x\n", "- ".repeat(MAX_BLOCK_NESTING + 1));
        let excess = nesting_excess(&list).unwrap();
        assert_eq!(excess.nesting, Nesting::Block);
        assert_eq!(excess.offset, 7 + 2 * MAX_BLOCK_NESTING);
        let links = format!("{}x{}", "*a ".repeat(100), " a*".repeat(100));
        assert_eq!(nesting_excess(&links).unwrap().nesting, Nesting::Inline);
        let many = "*a* ".repeat(MAX_ELEMENTS);
        let excess = nesting_excess(&many).unwrap();
        assert_eq!(excess.nesting, Nesting::Elements);
        assert_eq!(
            excess.offset,
            4 * (MAX_ELEMENTS - 1),
            "the paragraph counts too"
        );
    }

    #[test]
    fn the_byte_test_passes_only_texts_the_parser_passes() {
        let budget = MAX_BLOCK_NESTING.min(MAX_INLINE_NESTING);
        let deepest = |unit: &str, markers: usize| {
            format!("{}x{}\n", unit.repeat(markers), "*".repeat(markers / 2 * 2))
        };
        for unit in [">", "- ", "1. ", "*", "~", "["] {
            let text = deepest(unit, budget / 2);
            assert!(within_budgets_by_bytes(&text), "{text:?}");
            assert_eq!(parsed_excess(&text), None, "{text:?}");
        }
        // One marker too many, or a table, or a long text: the parser decides.
        let quotes = format!("{}x\n", ">".repeat(budget + 1));
        assert!(!within_budgets_by_bytes(&quotes));
        assert!(parsed_excess(&quotes).is_some());
        assert_eq!(nesting_excess(&quotes), parsed_excess(&quotes));
        assert!(!within_budgets_by_bytes("a | b\n--|--\n"));
        assert!(!within_budgets_by_bytes(&"word ".repeat(MAX_ELEMENTS)));
        assert!(within_budgets_by_bytes(
            "Plain prose, 1.5 hours (or so) - with a **bold** word.\n"
        ));
    }

    proptest::proptest! {
        #[test]
        fn what_the_bytes_pass_the_parser_passes(text in "[>*_~\\[\\]()<|!`#+1. a\n-]{0,400}") {
            if within_budgets_by_bytes(&text) {
                proptest::prop_assert_eq!(parsed_excess(&text), None);
            }
        }
    }
}
