//! The edits keep every byte they are not about, and refuse layouts they cannot edit safely.

use super::*;

fn fields(at: &str, status: &str, text: &str) -> Vec<(&'static str, String)> {
    vec![
        ("at", at.to_string()),
        ("status", status.to_string()),
        ("text", text.to_string()),
    ]
}

const RECORD: &str = "\
# comment at the top
title: Webhooks delayed   # trailing comment
lang: en
status: published
severity: minor
affected:
  example-webhooks: degraded_performance
started: 2026-11-21 09:40
detected: 09:52
timeline:
  - at: 2026-11-21 09:40
    text: 'The queue grows.'

  - at: 09:52
    status: investigating
    text: |
      The alert fires.
      We look.

# lessons come next
lessons:
  - Alert earlier.
";

#[test]
fn an_update_follows_the_last_entry_with_its_key_order() {
    let out = append_to_list(
        RECORD,
        "timeline",
        &fields("10:35", "identified", "Found it."),
        &[],
    )
    .unwrap();
    let expected = RECORD.replace(
        "      We look.\n",
        "      We look.\n  - at: 10:35\n    status: identified\n    text: Found it.\n",
    );
    assert_eq!(out, expected);
}

#[test]
fn key_order_and_indentation_come_from_the_last_entry() {
    let text = "title: t\ntimeline:\n    -   text: first\n        at: 10:00\n";
    let out = append_to_list(
        text,
        "timeline",
        &fields("11:00", "monitoring", "second"),
        &[],
    )
    .unwrap();
    assert_eq!(
        out,
        format!("{text}    -   text: second\n        at: 11:00\n        status: monitoring\n")
    );
}

#[test]
fn crlf_files_stay_crlf_and_a_missing_last_newline_is_added() {
    let text = "title: t\r\ntimeline:\r\n  - at: 10:00\r\n    text: a\r\n";
    let out = append_to_list(
        text,
        "timeline",
        &fields("11:00", "resolved", "two\nlines"),
        &[],
    )
    .unwrap();
    assert_eq!(
        out,
        format!(
            "{text}  - at: 11:00\r\n    text: |-\r\n      two\r\n      lines\r\n    status: resolved\r\n"
        )
    );
    let unterminated = "title: t\ntimeline:\n  - at: 10:00\n    text: a";
    let out = append_to_list(
        unterminated,
        "timeline",
        &fields("11:00", "resolved", "b"),
        &[],
    )
    .unwrap();
    assert_eq!(
        out,
        format!("{unterminated}\n  - at: 11:00\n    text: b\n    status: resolved\n")
    );
}

#[test]
fn a_missing_or_empty_timeline_is_started() {
    let out = append_to_list(
        "title: t\nstarted: 10:00\nsummary: s\n",
        "timeline",
        &fields("11:00", "investigating", "a"),
        &["started"],
    )
    .unwrap();
    assert_eq!(
        out,
        "title: t\nstarted: 10:00\ntimeline:\n  - at: 11:00\n    status: investigating\n    text: a\nsummary: s\n"
    );
    let out = append_to_list(
        "timeline:   # to do\nsummary: s\n",
        "timeline",
        &fields("11:00", "investigating", "a"),
        &[],
    )
    .unwrap();
    assert_eq!(
        out,
        "timeline:   # to do\n  - at: 11:00\n    status: investigating\n    text: a\nsummary: s\n"
    );
}

#[test]
fn a_value_takes_the_place_of_its_commented_out_key() {
    let text = "started: 10:00\n# detected:\n# resolved:   \r\nsummary: s\n";
    let out = set_value(text, "resolved", "11:00", &["started"]).unwrap();
    assert_eq!(
        out,
        "started: 10:00\n# detected:\nresolved: 11:00\r\nsummary: s\n"
    );
    // Only a comment at the mapping's own indentation, with nothing after the colon.
    let text =
        "started: 10:00\ntimeline:\n  # resolved:\n  - at: 10:00\n    text: a\n# resolved: soon\n";
    let out = set_value(text, "resolved", "11:00", &["started"]).unwrap();
    assert_eq!(
        out,
        "started: 10:00\nresolved: 11:00\ntimeline:\n  # resolved:\n  - at: 10:00\n    text: a\n# resolved: soon\n"
    );
}

#[test]
fn flow_lists_anchors_and_aliases_are_refused() {
    for text in [
        "timeline: [{at: 10:00, text: a}]\n",
        "timeline: []\n",
        "timeline:\n  - {at: 10:00, text: a}\n",
        "timeline: &t\n  - at: 10:00\n    text: a\n",
        "timeline:\n  - at: 10:00\n    text: &x a\n",
        "x: &e\n  at: 10:00\n  text: a\ntimeline:\n  - *e\n",
    ] {
        let refusal =
            append_to_list(text, "timeline", &fields("11:00", "resolved", "b"), &[]).unwrap_err();
        assert!(refusal.0.contains("timeline"), "{text}: {refusal}");
    }
}

#[test]
fn a_milestone_is_added_after_the_last_present_one_or_filled_in() {
    let out = set_value(
        RECORD,
        "resolved",
        "2026-11-21 11:00",
        &["started", "detected", "acknowledged"],
    )
    .unwrap();
    assert_eq!(
        out,
        RECORD.replace(
            "detected: 09:52\n",
            "detected: 09:52\nresolved: 2026-11-21 11:00\n"
        )
    );
    let text = "title: t\nresolved:    # when it ended\nsummary: s\n";
    let out = set_value(text, "resolved", "11:00", &[]).unwrap();
    assert_eq!(
        out,
        "title: t\nresolved: 11:00    # when it ended\nsummary: s\n"
    );
    let text = "resolved: '10:00' # old\n";
    assert_eq!(
        set_value(text, "resolved", "11:00", &[]).unwrap(),
        "resolved: 11:00 # old\n"
    );
}

#[test]
fn component_states_are_replaced_in_place_or_appended() {
    let out = set_in_map(RECORD, "affected", "example-webhooks", "major_outage", &[]).unwrap();
    assert_eq!(
        out,
        RECORD.replace(
            "example-webhooks: degraded_performance",
            "example-webhooks: major_outage"
        )
    );
    let out = set_in_map(RECORD, "affected", "api", "partial_outage", &[]).unwrap();
    assert_eq!(
        out,
        RECORD.replace(
            "degraded_performance\n",
            "degraded_performance\n  api: partial_outage\n"
        )
    );
    let out = set_in_map(
        "title: t\nseverity: minor\nsummary: s\n",
        "affected",
        "api",
        "major_outage",
        &["severity"],
    )
    .unwrap();
    assert_eq!(
        out,
        "title: t\nseverity: minor\naffected:\n  api: major_outage\nsummary: s\n"
    );
    assert!(
        set_in_map(
            "affected: {api: major_outage}\n",
            "affected",
            "api",
            "operational",
            &[]
        )
        .is_err()
    );
}

#[test]
fn a_hint_inside_a_list_or_after_a_byte_order_mark_is_handled() {
    // Between two timeline items the hint is a comment of the list: it stays, and the value
    // goes after the milestones.
    let text = "started: 10:00\ntimeline:\n  - at: 10:00\n    text: a\n# resolved:\n  - at: 10:30\n    text: b\n";
    let out = set_value(text, "resolved", "11:00", &["started"]).unwrap();
    assert_eq!(
        out,
        "started: 10:00\nresolved: 11:00\ntimeline:\n  - at: 10:00\n    text: a\n# resolved:\n  - at: 10:30\n    text: b\n"
    );
    let text = "\u{feff}title: t\n# resolved:\nsummary: s\n";
    let out = set_value(text, "resolved", "11:00", &["title"]).unwrap();
    assert_eq!(out, "\u{feff}title: t\nresolved: 11:00\nsummary: s\n");
}

#[test]
fn an_entry_follows_the_kept_blank_lines_of_a_keep_block() {
    let text = "timeline:\n  - at: 10:00\n    text: |+\n      a\n\n\nsummary: s\n";
    let out = append_to_list(text, "timeline", &fields("11:00", "identified", "b"), &[]).unwrap();
    assert_eq!(
        out,
        "timeline:\n  - at: 10:00\n    text: |+\n      a\n\n\n  - at: 11:00\n    text: b\n    status: identified\nsummary: s\n"
    );
}
