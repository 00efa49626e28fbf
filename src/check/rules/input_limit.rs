//! `input-limit`: the file exceeds a size, nesting or alias-expansion budget (reported by the
//! loader), or a Markdown text nests deeper than the Markdown budget (checked here).

use super::{advance, locate};
use crate::check::{OverlayCheck, RecordCheck, Scope, declare_rule};
use crate::diagnostic::{Finding, Pos, Span};
use crate::model::markdown::{
    MAX_BLOCK_NESTING, MAX_ELEMENTS, MAX_INLINE_NESTING, Nesting, nesting_excess,
};
use crate::model::{Spanned, TextField};

declare_rule! {
    /// The file is larger, deeper or expands to more nodes than a record can reasonably be.
    ///
    /// hindsight runs in CI on files anyone can propose in a pull request, so it refuses input
    /// that would make it slow or exhaust memory, and says so instead of hanging. The budgets
    /// per file are: 2 MiB of text, 64 levels of nesting, and 100,000 YAML nodes after aliases
    /// (`*name`) are expanded. A "billion laughs" document, where a few lines of anchors and
    /// aliases expand to billions of nodes, is stopped as soon as it passes the node budget.
    /// Markdown texts have budgets too: 32 levels of block quotes and lists inside each
    /// other, 32 levels of emphasis, strikethrough and links inside each other, and 10,000
    /// elements (paragraphs, list items, table cells, emphasis, links, ...) per text.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// a: &a [x, x, x, x, x, x, x, x, x, x]
    /// b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    /// c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
    /// # ... each level multiplies the size by ten
    /// summary: |
    ///   >>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> a quote in a quote in a quote ... 34 deep
    /// ```
    ///
    /// ## Fix
    ///
    /// An incident record needs none of this: remove the aliases, flatten the structure, or
    /// split a very long record. If the file is not an incident record, move it out of
    /// `incidents/`. Write deeply nested Markdown as flat paragraphs or a shallower list.
    pub INPUT_LIMIT = InputLimit, Error, Scope::Load
}

/// Every Markdown text of a record past the nesting budget.
pub(crate) fn markdown_in_record(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let texts = TextField::ALL
        .iter()
        .filter_map(|field| field.of_record(record))
        .chain(record.timeline.iter().map(|entry| &entry.text))
        .chain(&record.lessons)
        .chain(record.actions.iter().map(|action| &action.text));
    texts
        .filter_map(|text| too_deep(subject.text, text))
        .collect()
}

/// Every translation in an overlay past the Markdown nesting budget.
pub(crate) fn markdown_in_overlay(subject: &OverlayCheck<'_>) -> Vec<Finding> {
    let Some(overlay) = &subject.file.overlay else {
        return Vec::new();
    };
    overlay
        .pairs()
        .filter_map(|(_, pair)| pair.text.as_ref())
        .filter_map(|text| too_deep(&subject.file.source.text, text))
        .collect()
}

fn too_deep(file: &str, text: &Spanned<String>) -> Option<Finding> {
    let excess = nesting_excess(&text.value)?;
    let budget = excess.nesting.budget();
    let (message, help) = match excess.nesting {
        Nesting::Elements => (
            format!("this Markdown text has more than {MAX_ELEMENTS} elements"),
            "split the text, or move long tables and lists out of the record and link to them",
        ),
        nesting => (
            format!(
                "this Markdown nests {} more than {budget} levels deep; hindsight renders at \
                 most {MAX_BLOCK_NESTING} levels of block quotes and lists and \
                 {MAX_INLINE_NESTING} of emphasis and links",
                nesting.describe()
            ),
            "flatten the text: fewer `>` or list levels, or fewer nested `*`, `~~` and links",
        ),
    };
    Some(Finding::new(INPUT_LIMIT.id, place(file, text, excess.offset), message).help(help))
}

/// The file position of byte `offset` of a text's value. Block scalars keep one value line
/// per source line, so the search starts on the same line of the value's source; a value
/// whose source differs (escapes, folding) is found by the text of the line, or else the
/// finding points at the value.
fn place(file: &str, text: &Spanned<String>, offset: usize) -> Span {
    let value = &text.value;
    let line_start = value[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = value[..offset].matches('\n').count();
    let end = value[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8());
    let needle = &value[line_start..end];
    let Some(source) = file.get(text.span.start.offset..text.span.end.offset) else {
        return text.span;
    };
    let skip = match line {
        0 => 0,
        _ => source
            .match_indices('\n')
            .nth(line - 1)
            .map_or(0, |(i, _)| i + 1),
    };
    let mut from = text.span;
    from.start = advance(file, from.start, from.start.offset + skip);
    let found = locate(file, from, needle);
    if found == from {
        return text.span;
    }
    // Point at the opening that goes one level too deep: the needle's last character.
    let last = needle.chars().next_back().map_or(0, char::len_utf8);
    let start = Pos {
        line: found.end.line,
        column: found.end.column.saturating_sub(usize::from(last > 0)),
        offset: found.end.offset - last,
    };
    Span {
        start,
        end: found.end,
    }
}
