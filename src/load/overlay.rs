//! Translation overlay text -> [`Overlay`], with a finding for every problem in it.

use std::sync::LazyLock;

use super::fields::{Map, Reader};
use super::yaml::{Limits, Node};
use crate::diagnostic::Finding;
use crate::model::{Overlay, OverlayList, Pair, TextField};

const PAIR_FIELDS: &[&str] = &["source", "text", "previous"];

/// Every field an overlay may have: built once, read for each overlay parsed.
pub(crate) static OVERLAY_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut fields = vec!["lang"];
    fields.extend(TextField::ALL.iter().map(|field| field.key()));
    fields.extend(OverlayList::ALL.iter().map(|list| list.name()));
    fields
});

/// Parses an overlay of record `record_id`.
pub fn parse(record_id: &str, text: &str, limits: &Limits) -> (Option<Overlay>, Vec<Finding>) {
    let mut reader = Reader::default();
    let empty = "create it with `hindsight translate <record> --to <lang>`";
    let Some(root) = reader.document(text, limits, "overlay", empty) else {
        return (None, reader.findings);
    };
    let overlay = read_overlay(record_id, &root, &mut reader);
    (overlay, reader.findings)
}

fn read_overlay(record_id: &str, root: &Node, reader: &mut Reader) -> Option<Overlay> {
    let map = reader.mapping(root, "the overlay", &OVERLAY_FIELDS)?;
    let lang = reader
        .required(
            &map,
            "lang",
            "the overlay",
            "add `lang:` with the language of the translations (en, de, ja, zh)",
        )
        .and_then(|node| reader.keyword(node, "lang"));
    let mut field = |field: TextField| {
        map.get(field.key())
            .and_then(|node| read_pair(reader, node, field.key()))
    };
    let title = field(TextField::Title);
    let summary = field(TextField::Summary);
    let impact = field(TextField::Impact);
    let what_happened = field(TextField::WhatHappened);
    let root_cause = field(TextField::RootCause);
    let trigger = field(TextField::Trigger);
    let detection = field(TextField::Detection);
    let resolution = field(TextField::Resolution);
    let internal = field(TextField::Internal);
    let mut list = |list: OverlayList| read_pairs(reader, &map, list.name());
    let timeline = list(OverlayList::Timeline);
    let lessons = list(OverlayList::Lessons);
    let actions = list(OverlayList::Actions);
    Some(Overlay {
        record_id: record_id.to_string(),
        lang: lang?,
        title,
        summary,
        impact,
        what_happened,
        root_cause,
        trigger,
        detection,
        resolution,
        internal,
        timeline,
        lessons,
        actions,
    })
}

fn read_pairs(reader: &mut Reader, map: &Map<'_>, name: &str) -> Vec<Pair> {
    reader
        .list(map, name)
        .iter()
        .filter_map(|node| read_pair(reader, node, name))
        .collect()
}

fn read_pair(reader: &mut Reader, node: &Node, name: &str) -> Option<Pair> {
    let what = format!("the `{name}` translation");
    let pair = reader.mapping(node, &what, PAIR_FIELDS)?;
    let source = reader
        .required(
            &pair,
            "source",
            &what,
            "add `source:` with the record's text this translation was made from",
        )
        .and_then(|node| reader.text(node, "source"))?;
    let text = reader.optional_text(&pair, "text");
    let previous = reader.optional_text(&pair, "previous");
    Some(Pair {
        source,
        text,
        previous,
        span: node.span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_load_with_positions() {
        let text = "lang: de\ntitle:\n  source: Image not found\n  text: Image nicht gefunden\ntimeline:\n  - source: a\n    text: b\n  - source: c\n";
        let (overlay, findings) = parse("2023-12-17-x", text, &Limits::default());
        assert!(findings.is_empty(), "{findings:?}");
        let overlay = overlay.unwrap();
        let title = overlay.title.unwrap();
        assert_eq!(title.text.unwrap().span.start.line, 4);
        assert!(overlay.timeline[1].is_untranslated());
    }

    #[test]
    fn a_record_is_not_an_overlay() {
        let (overlay, findings) = parse(
            "x",
            "title: Image not found\nlang: de\n",
            &Limits::default(),
        );
        assert!(overlay.is_some_and(|o| o.title.is_none()));
        assert!(
            findings
                .iter()
                .any(|f| f.message.contains("must be a mapping")),
            "{findings:?}"
        );
    }
}
