//! `placeholder-text`: TODO, TBD or template placeholders left in a published record.

use super::locate;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::{OverlayList, Spanned, TextField};

declare_rule! {
    /// A published record still contains placeholder text such as TODO, TBD or `{{ … }}`.
    ///
    /// Templates and first drafts leave markers where text is still to be written. In a
    /// published postmortem they tell readers that the analysis is unfinished, and look
    /// careless. hindsight looks for the words `TODO`, `TBD`, `TBA`, `FIXME` and `XXX` (in
    /// capitals, as whole words), template markers (`{{`, `}}`, `<fill in>`, `<describe …>`)
    /// and `lorem ipsum`, in every text of a published record. Drafts are not checked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// status: published
    /// root_cause: TODO – waiting for the vendor's report
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the text, or set `status: review` until it is written.
    pub PLACEHOLDER_TEXT = PlaceholderText, Error, Scope::Record(check)
}

const WORDS: &[&str] = &["TODO", "TBD", "TBA", "FIXME", "XXX"];
const MARKERS: &[&str] = &[
    "{{",
    "}}",
    "<fill in",
    "<describe",
    "<insert",
    "lorem ipsum",
    "Lorem ipsum",
];

/// The first placeholder in `text`, if any.
fn placeholder(text: &str) -> Option<&str> {
    for word in WORDS {
        let mut from = 0;
        while let Some(found) = text[from..].find(word) {
            let start = from + found;
            let end = start + word.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
            {
                return Some(word);
            }
            from = end;
        }
    }
    MARKERS
        .iter()
        .find(|marker| text.contains(*marker))
        .copied()
}

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    if !record.is_published() {
        return Vec::new();
    }
    let mut texts: Vec<(&str, &Spanned<String>)> = TextField::ALL
        .iter()
        .filter(|field| field.is_public())
        .filter_map(|field| field.of_record(record).map(|text| (field.key(), text)))
        .collect();
    texts.extend(
        record
            .timeline
            .iter()
            .map(|entry| (OverlayList::Timeline.name(), &entry.text)),
    );
    texts.extend(
        record
            .lessons
            .iter()
            .map(|lesson| (OverlayList::Lessons.name(), lesson)),
    );
    for action in &record.actions {
        texts.push((OverlayList::Actions.name(), &action.text));
        if let Some(owner) = &action.owner {
            texts.push((OverlayList::Actions.name(), owner));
        }
    }
    texts
        .into_iter()
        .filter_map(|(field, text)| {
            let marker = placeholder(&text.value)?;
            Some(
                Finding::new(
                    PLACEHOLDER_TEXT.id,
                    locate(subject.text, text.span, marker),
                    format!("`{field}` still contains the placeholder `{marker}`"),
                )
                .help("write the text, or set `status: review` until it is written"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn whole_words_and_markers_only() {
        assert_eq!(placeholder("TODO: write this"), Some("TODO"));
        assert_eq!(placeholder("Root cause {{ cause }}"), Some("{{"));
        assert_eq!(placeholder("The TODOS list and todo items"), None);
        assert_eq!(placeholder("XXXL shirts"), None);
    }
}
