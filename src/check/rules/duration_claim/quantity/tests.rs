//! Duration phrases read out of prose in the four languages: numbers, units, ranges and the
//! words that make a figure approximate.

use super::*;

fn found(text: &str) -> Vec<(String, f64, Bound)> {
    scan(text)
        .into_iter()
        .map(|c| (text[c.range.clone()].to_string(), c.seconds / 60.0, c.bound))
        .collect()
}

#[test]
fn finds_durations_in_four_languages() {
    assert_eq!(
        found("down for 18 minutes"),
        [("18 minutes".into(), 18.0, Bound::Exact)]
    );
    assert_eq!(
        found("etwa 18 Minuten lang"),
        [("18 Minuten".into(), 18.0, Bound::Approximate)]
    );
    assert_eq!(
        found("約18分間停止"),
        [("18分間".into(), 18.0, Bound::Approximate)]
    );
    assert_eq!(found("中断18分钟"), [("18分钟".into(), 18.0, Bound::Exact)]);
    assert_eq!(
        found("影响1.5个小时"),
        [("1.5个小时".into(), 90.0, Bound::Exact)]
    );
    assert_eq!(
        found("für 1,5 Stunden"),
        [("1,5 Stunden".into(), 90.0, Bound::Exact)]
    );
    assert_eq!(
        found("about 1.5 hours"),
        [("1.5 hours".into(), 90.0, Bound::Approximate)]
    );
}

#[test]
fn reads_numbers_written_as_words() {
    assert_eq!(
        found("for more than an hour"),
        [("an hour".into(), 60.0, Bound::AtLeast)]
    );
    assert_eq!(
        found("half an hour"),
        [("half an hour".into(), 30.0, Bound::Exact)]
    );
    assert_eq!(
        found("a 40-minute outage"),
        [("40-minute".into(), 40.0, Bound::Exact)]
    );
    assert_eq!(
        found("zwei Stunden lang"),
        [("zwei Stunden".into(), 120.0, Bound::Exact)]
    );
    assert_eq!(
        found("中断了两个小时"),
        [("两个小时".into(), 120.0, Bound::Exact)]
    );
    assert_eq!(
        found("约十五分钟"),
        [("十五分钟".into(), 15.0, Bound::Approximate)]
    );
    assert_eq!(found("半个小时"), [("半个小时".into(), 30.0, Bound::Exact)]);
    // Ordinals and words that only look like numbers.
    assert!(found("a second outage").is_empty());
    assert!(found("十分な容量").is_empty());
    assert!(found("在同一天").is_empty());
}

#[test]
fn joins_compound_durations() {
    assert_eq!(
        found("1 hour and 21 minutes"),
        [("1 hour and 21 minutes".into(), 81.0, Bound::Exact)]
    );
    assert_eq!(
        found("11時間30分"),
        [("11時間30分".into(), 690.0, Bound::Exact)]
    );
    assert_eq!(
        found("1小时21分钟"),
        [("1小时21分钟".into(), 81.0, Bound::Exact)]
    );
    assert_eq!(
        found("約11時間半"),
        [("11時間半".into(), 690.0, Bound::Approximate)]
    );
}

#[test]
fn skips_dates_clock_times_and_other_numbers() {
    assert!(found("7月5日19時30分から7月6日まで").is_empty());
    assert!(found("14点10分开始").is_empty());
    assert!(found("at 04:15 UTC, 3 minimum replicas, 5m users").is_empty());
}

#[test]
fn bounds_cover_their_words() {
    let text = "within 2 hours; 2時間以上; bis zu 20 Sekunden";
    let outer: Vec<_> = scan(text)
        .iter()
        .map(|q| (&text[q.outer.clone()], q.bound))
        .collect();
    assert_eq!(
        outer,
        [
            ("within 2 hours", Bound::AtMost),
            ("2時間以上", Bound::AtLeast),
            ("bis zu 20 Sekunden", Bound::AtMost)
        ]
    );
}

#[test]
fn bounds_and_agreement() {
    let more = &scan("more than an hour, over 1 hour")[0];
    assert_eq!(more.bound, Bound::AtLeast);
    assert!(more.agrees_with(81.0 * 60.0));
    let exact = &scan("1.5 hours")[0];
    assert!(!exact.agrees_with(81.0 * 60.0));
    assert!(exact.agrees_with(88.0 * 60.0));
    let minutes = &scan("18 minutes")[0];
    assert!(!minutes.agrees_with(19.0 * 60.0));
    let within = &scan("within 2 hours")[0];
    assert!(within.agrees_with(40.0 * 60.0));
    assert!(!within.agrees_with(130.0 * 60.0));
}

#[test]
fn word_numbers_start_with_a_lowercase_ascii_letter() {
    // `word_number` rules words out by their first letter, lowercased.
    for (word, _) in WORD_NUMBERS {
        assert!(word.as_bytes()[0].is_ascii_lowercase(), "{word}");
    }
    assert_eq!(found("Half an hour later").len(), 1);
    assert_eq!(found("Zwei Stunden lang").len(), 1);
}
