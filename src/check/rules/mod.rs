//! The lint rules, one per file, and their registry in the order `hindsight rules` lists them.

mod duplicate_id;
mod duration_claim;
mod duration_mismatch;
mod future_time;
mod id_date_mismatch;
mod input_limit;
mod invalid_character;
mod invalid_config;
mod invalid_time;
mod invalid_value;
mod irregular_file;
pub(crate) mod maintenance_overlap;
mod maintenance_overrun;
pub(crate) mod maintenance_window;
mod milestone_mismatch;
mod milestone_order;
mod missing_config;
mod missing_field;
mod missing_section;
mod overdue_action;
mod placeholder_text;
mod reserved_site_file;
mod time_rollover;
mod timeline_order;
mod translation_language;
mod translation_orphan;
mod translation_stale;
mod translation_untranslated;
mod unknown_component;
mod unknown_field;
mod unwritten_postmortem;
mod yaml_syntax;

pub(crate) use input_limit::{markdown_in_overlay, markdown_in_record};

use chrono_tz::Tz;

use super::Rule;
use crate::diagnostic::{Pos, Span};
use crate::model::time::{Precision, When, Written};

/// Every rule, in the order they are listed: input first, then facts, then prose, then translations.
pub static REGISTRY: &[Rule] = &[
    yaml_syntax::YAML_SYNTAX,
    missing_config::MISSING_CONFIG,
    invalid_config::INVALID_CONFIG,
    input_limit::INPUT_LIMIT,
    irregular_file::IRREGULAR_FILE,
    invalid_character::INVALID_CHARACTER,
    unknown_field::UNKNOWN_FIELD,
    missing_field::MISSING_FIELD,
    invalid_value::INVALID_VALUE,
    invalid_time::INVALID_TIME,
    duplicate_id::DUPLICATE_ID,
    reserved_site_file::RESERVED_SITE_FILE,
    unknown_component::UNKNOWN_COMPONENT,
    timeline_order::TIMELINE_ORDER,
    time_rollover::TIME_ROLLOVER,
    milestone_order::MILESTONE_ORDER,
    milestone_mismatch::MILESTONE_MISMATCH,
    duration_mismatch::DURATION_MISMATCH,
    duration_claim::DURATION_CLAIM,
    future_time::FUTURE_TIME,
    id_date_mismatch::ID_DATE_MISMATCH,
    maintenance_window::MAINTENANCE_WINDOW,
    maintenance_overlap::MAINTENANCE_OVERLAP,
    maintenance_overrun::MAINTENANCE_OVERRUN,
    missing_section::MISSING_SECTION,
    unwritten_postmortem::UNWRITTEN_POSTMORTEM,
    placeholder_text::PLACEHOLDER_TEXT,
    overdue_action::OVERDUE_ACTION,
    translation_stale::TRANSLATION_STALE,
    translation_untranslated::TRANSLATION_UNTRANSLATED,
    translation_orphan::TRANSLATION_ORPHAN,
    translation_language::TRANSLATION_LANGUAGE,
];

/// The nows for which the findings of the rules that read now (`site.now`) on a record
/// stay as they are at `subject.site.now`: the lint cache reuses a group's result only
/// within it. A rule that reads now narrows it here.
pub(crate) fn now_span(subject: &super::RecordCheck<'_>) -> super::cache::NowSpan {
    let mut span = super::cache::NowSpan::ALWAYS;
    future_time::now_span(subject, &mut span);
    overdue_action::now_span(subject, &mut span);
    maintenance_overrun::now_span(subject, &mut span);
    span
}

/// A time as a reader of the finding wants to see it: in the record's zone, at its precision.
pub(crate) fn show(when: &When, zone: Tz) -> String {
    let local = when.utc.with_timezone(&zone);
    match when.precision {
        Precision::Day => when.local_date.format("%Y-%m-%d").to_string(),
        Precision::Minute => local.format("%Y-%m-%d %H:%M %Z").to_string(),
        Precision::Second => local.format("%Y-%m-%d %H:%M:%S %Z").to_string(),
    }
}

/// Whether `later` comes before `earlier`, comparing by day when either is known only to the day.
pub(crate) fn is_before(later: &When, earlier: &When) -> bool {
    if later.is_day_only() || earlier.is_day_only() {
        later.local_date < earlier.local_date
    } else {
        later.utc < earlier.utc
    }
}

/// A time of day that lands so far before the time it follows that it is most likely on
/// the next day: read on the next day, it would follow within 12 hours (`23:50` then
/// `00:10`). `time-rollover` reports these, so the order rules leave them alone. A smaller
/// step back (`10:40` then `10:20`) is no rollover: read on the next day it would leave a gap
/// of almost a day, so it is an entry out of order.
pub(crate) fn rolled_over(when: &When, before: &When) -> bool {
    const HALF_A_DAY: chrono::TimeDelta = chrono::TimeDelta::hours(12);
    matches!(when.written, Written::TimeOfDay(..))
        && !before.is_day_only()
        && before.utc - when.utc >= HALF_A_DAY
}

/// The span of `needle` inside the source range of a text value, or the value's own span
/// when the needle is not written there literally (folded across lines, escaped).
pub(crate) fn locate(text: &str, value: Span, needle: &str) -> Span {
    let Some(range) = text.get(value.start.offset..value.end.offset) else {
        return value;
    };
    let Some(found) = range.find(needle) else {
        return value;
    };
    let start = advance(text, value.start, value.start.offset + found);
    let end = advance(text, start, start.offset + needle.len());
    Span { start, end }
}

/// The position of `offset`, counted on from `from` (a position before it). Counting from the
/// start of the file instead made locating a finding in each of 16,000 timeline entries
/// quadratic: 23 s to lint a 630 kB record.
pub(crate) fn advance(text: &str, from: Pos, offset: usize) -> Pos {
    let between = &text[from.offset..offset];
    match between.rfind('\n') {
        Some(newline) => Pos {
            line: from.line + between.matches('\n').count(),
            column: between[newline + 1..].chars().count() + 1,
            offset,
        },
        None => Pos {
            line: from.line,
            column: from.column + between.chars().count(),
            offset,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RuleId;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        let mut names: Vec<_> = REGISTRY.iter().map(|rule| rule.name()).collect();
        for name in &names {
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && !name.starts_with('-'),
                "{name} is not kebab-case"
            );
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), REGISTRY.len(), "duplicate rule names");
        for rule in REGISTRY {
            let docs = rule.docs();
            assert!(
                docs.len() > 200,
                "{} has too little documentation",
                rule.name()
            );
            assert!(
                rule.summary().ends_with('.'),
                "{}: first line should be a sentence",
                rule.name()
            );
            assert!(
                docs.contains("## Example"),
                "{} docs need an example",
                rule.name()
            );
            assert!(docs.contains("## Fix"), "{} docs need a fix", rule.name());
        }
    }

    #[test]
    fn every_rule_id_has_exactly_one_rule_in_registry_order() {
        let ids: Vec<RuleId> = REGISTRY.iter().map(|rule| rule.id).collect();
        assert_eq!(ids, RuleId::ALL, "one rule per id, in the ids' order");
        for rule in REGISTRY {
            assert_eq!(crate::check::rule(rule.id).name(), rule.name());
            assert_eq!(
                crate::check::find_rule(rule.name()).map(|r| r.id),
                Some(rule.id)
            );
        }
        assert!(crate::check::find_rule("no-such-rule").is_none());
    }

    fn time_of_day(hour: u32, minute: u32) -> When {
        let time = chrono::NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 10).unwrap();
        When {
            utc: date.and_time(time).and_utc(),
            local_date: date,
            precision: Precision::Minute,
            written: Written::TimeOfDay(time, Precision::Minute),
        }
    }

    #[test]
    fn only_a_step_back_across_midnight_is_a_rollover() {
        assert!(rolled_over(&time_of_day(0, 10), &time_of_day(23, 50)));
        assert!(rolled_over(&time_of_day(1, 0), &time_of_day(13, 0)));
        assert!(
            !rolled_over(&time_of_day(10, 20), &time_of_day(10, 40)),
            "twenty minutes back is an entry out of order, not the next day"
        );
        assert!(!rolled_over(&time_of_day(2, 0), &time_of_day(13, 59)));
        assert!(!rolled_over(&time_of_day(10, 40), &time_of_day(10, 20)));
    }

    #[test]
    fn locate_finds_text_inside_block_scalars() {
        let text = "summary: |\n  Down for about 18 minutes.\n";
        let value = Span {
            start: Pos {
                line: 1,
                column: 10,
                offset: 9,
            },
            end: Pos {
                line: 3,
                column: 1,
                offset: text.len(),
            },
        };
        let span = locate(text, value, "18 minutes");
        assert_eq!(
            (span.start.line, span.start.column, span.end.column),
            (2, 18, 28)
        );
    }

    #[test]
    fn locate_counts_lines_and_characters_from_the_value() {
        let text = "title: Ü\nsummary: \"été\n  Ünter 5 min\"\n";
        let start = text.find('"').unwrap();
        let value = Span {
            start: Pos {
                line: 2,
                column: 10,
                offset: start,
            },
            end: Pos {
                line: 3,
                column: 15,
                offset: text.len() - 1,
            },
        };
        let span = locate(text, value, "5 min");
        assert_eq!(
            (span.start.line, span.start.column, span.start.offset),
            (3, 9, text.find("5 min").unwrap())
        );
        assert_eq!((span.end.line, span.end.column), (3, 14));
        let on_first_line = locate(text, value, "été");
        assert_eq!(
            (on_first_line.start.line, on_first_line.start.column),
            (2, 11)
        );
        assert_eq!(on_first_line.end.column, 14);
    }
}
