//! `duration-claim`: a duration written in the summary or impact that disagrees with the record's times.

use super::locate;
use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::duration::compact;

declare_rule! {
    /// The summary or impact states a duration that disagrees with `resolved - started`.
    ///
    /// Readers remember the sentence "the service was down for 18 minutes", not the
    /// milestones. When the prose and the times disagree, one of them misinforms. hindsight
    /// finds durations in the `summary` and `impact` text in all four languages (`18 minutes`,
    /// `1 hour and 21 minutes`, `18 Minuten`, `1,5 Stunden`, `18分`, `11時間30分`, `18分钟`,
    /// `1.5个小时`) and compares each with the computed duration: exactly at the unit written,
    /// or within 10% when the prose says it is approximate (`about`, `etwa`, `約`, `大约`,
    /// `~`, ...). "More than" and "less than" forms are checked as bounds. Clock times
    /// (`19時30分`, `14点10分`) and dates (`7月5日`) are not durations and are skipped.
    /// The first 10 disagreeing figures of each field are reported.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// started: 2017-10-27 14:10
    /// resolved: 2017-10-27 15:31
    /// summary: |
    ///   Payments failed for 1.5 hours.     # resolved - started is 1h21m
    /// ```
    ///
    /// ## Fix
    ///
    /// Correct the sentence (or the times). If the figure is meant loosely, say so ("about
    /// an hour and a half"), and it is checked within 10%.
    pub DURATION_CLAIM = "duration-claim", Warning, Scope::Record(check)
}

/// Findings per field at most: the first figures that disagree are enough to act on.
const MAX_PER_FIELD: usize = 10;

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let Some(actual) = record.computed_duration_seconds() else {
        return Vec::new();
    };
    let fields = [
        ("summary", record.summary.as_ref()),
        ("impact", record.impact.as_ref()),
    ];
    let mut findings = Vec::new();
    for (field, text) in fields {
        let Some(text) = text else { continue };
        let disagreeing = scan(&text.value)
            .into_iter()
            .filter(|claim| !claim.agrees_with(actual as f64))
            // Each finding shows its source line; a 2 MiB one-line summary of figures would
            // otherwise make the report quadratic in its size.
            .take(MAX_PER_FIELD);
        for claim in disagreeing {
            let written = &text.value[claim.range.clone()];
            let kind = match claim.bound {
                Bound::Approximate => " (approximately)",
                Bound::AtLeast => " (at least)",
                Bound::AtMost => " (at most)",
                Bound::Exact => "",
            };
            findings.push(
                Finding::new(
                    DURATION_CLAIM.name,
                    locate(subject.text, text.span, written),
                    format!(
                        "the {field} says \"{written}\"{kind}, but resolved - started is {}",
                        compact(actual)
                    ),
                )
                .help("correct the sentence or the times; mark a loose figure as approximate (\"about ...\")"),
            );
        }
    }
    findings
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
}

/// A duration found in prose.
#[derive(Debug, Clone, PartialEq)]
struct Claim {
    /// Byte range of the claim in the text.
    range: std::ops::Range<usize>,
    seconds: f64,
    /// The smallest step the figure was written in.
    resolution: f64,
    bound: Bound,
}

impl Claim {
    fn agrees_with(&self, actual: f64) -> bool {
        let difference = actual - self.seconds;
        match self.bound {
            Bound::Exact => difference.abs() < self.resolution / 2.0 + 1e-9,
            Bound::Approximate => difference.abs() <= actual * 0.10,
            Bound::AtLeast => difference >= -1e-9,
            Bound::AtMost => difference <= 1e-9,
        }
    }
}

const HOUR: f64 = 3600.0;
const MINUTE: f64 = 60.0;

/// Unit words after a number, longest spelling first within each language. The third field
/// is what the unit adds on top of the number (`1時間半` is one and a half hours).
const UNITS: &[(&str, f64, f64)] = &[
    // English
    ("hours", HOUR, 0.0),
    ("hour", HOUR, 0.0),
    ("hrs", HOUR, 0.0),
    ("hr", HOUR, 0.0),
    ("minutes", MINUTE, 0.0),
    ("minute", MINUTE, 0.0),
    ("mins", MINUTE, 0.0),
    ("min", MINUTE, 0.0),
    ("seconds", 1.0, 0.0),
    ("second", 1.0, 0.0),
    ("secs", 1.0, 0.0),
    ("sec", 1.0, 0.0),
    ("days", 86_400.0, 0.0),
    ("day", 86_400.0, 0.0),
    // German
    ("Stunden", HOUR, 0.0),
    ("Stunde", HOUR, 0.0),
    ("Std.", HOUR, 0.0),
    ("Minuten", MINUTE, 0.0),
    ("Minute", MINUTE, 0.0),
    ("Min.", MINUTE, 0.0),
    ("Sekunden", 1.0, 0.0),
    ("Sekunde", 1.0, 0.0),
    ("Tagen", 86_400.0, 0.0),
    ("Tage", 86_400.0, 0.0),
    ("Tag", 86_400.0, 0.0),
    // Japanese (`日` alone is a date, `分` after `時` a clock time)
    ("時間半", HOUR, 0.5 * HOUR),
    ("時間", HOUR, 0.0),
    ("分間", MINUTE, 0.0),
    ("分", MINUTE, 0.0),
    ("秒間", 1.0, 0.0),
    ("秒", 1.0, 0.0),
    ("日間", 86_400.0, 0.0),
    // Chinese (`分` alone and `点` are clock times)
    ("个半小时", HOUR, 0.5 * HOUR),
    ("个多小时", HOUR, 0.0),
    ("个小时", HOUR, 0.0),
    ("小时", HOUR, 0.0),
    ("分钟", MINUTE, 0.0),
    ("秒钟", 1.0, 0.0),
    ("天", 86_400.0, 0.0),
];

const APPROXIMATE_BEFORE: &[&str] = &[
    "about",
    "around",
    "approximately",
    "approx.",
    "roughly",
    "nearly",
    "almost",
    "some",
    "~",
    "etwa",
    "ungefähr",
    "rund",
    "knapp",
    "fast",
    "ca.",
    "circa",
    "約",
    "およそ",
    "大约",
    "大概",
    "约",
    "将近",
    "近",
];
const APPROXIMATE_AFTER: &[&str] = &["ほど", "程度", "前後", "左右", "弱", "強"];
const AT_LEAST_BEFORE: &[&str] = &[
    "more than",
    "over",
    "at least",
    "mehr als",
    "über",
    "mindestens",
    "超过",
    "至少",
];
const AT_LEAST_AFTER: &[&str] = &["以上", "多"];
const AT_MOST_BEFORE: &[&str] = &[
    "less than",
    "under",
    "at most",
    "weniger als",
    "unter",
    "höchstens",
    "不到",
    "少于",
];
const AT_MOST_AFTER: &[&str] = &["以内", "未満", "以下"];
/// What may stand between the parts of one duration: `1 hour and 21 minutes`.
const JOINERS: &[&str] = &["", "and", "und", ",", "と", "零"];

struct Part {
    range: std::ops::Range<usize>,
    seconds: f64,
    unit: f64,
    resolution: f64,
}

fn scan(text: &str) -> Vec<Claim> {
    let parts = parts(text);
    let mut claims: Vec<Claim> = Vec::new();
    let mut last_unit = f64::INFINITY;
    for part in parts {
        if let Some(claim) = claims.last_mut() {
            let gap = text[claim.range.end..part.range.start]
                .trim()
                .to_lowercase();
            if part.unit < last_unit && JOINERS.contains(&gap.as_str()) {
                claim.range.end = part.range.end;
                claim.seconds += part.seconds;
                claim.resolution = part.resolution;
                last_unit = part.unit;
                continue;
            }
        }
        last_unit = part.unit;
        claims.push(Claim {
            range: part.range,
            seconds: part.seconds,
            resolution: part.resolution,
            bound: Bound::Exact,
        });
    }
    for claim in &mut claims {
        claim.bound = bound(text, claim.range.clone());
        // `1个多小时`: "more than one hour".
        if text[claim.range.clone()].contains("个多小时") {
            claim.bound = Bound::AtLeast;
        }
    }
    claims
}

fn bound(text: &str, range: std::ops::Range<usize>) -> Bound {
    let before: String = text[..range.start]
        .chars()
        .rev()
        .take(14)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let before = before.trim_end().to_lowercase();
    let after = text[range.end..].trim_start();
    let ends_with_word = |words: &[&str]| {
        words.iter().any(|word| {
            before.ends_with(word)
                && before[..before.len() - word.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphabetic() || !word.is_ascii())
        })
    };
    if ends_with_word(AT_LEAST_BEFORE) || AT_LEAST_AFTER.iter().any(|w| after.starts_with(w)) {
        Bound::AtLeast
    } else if ends_with_word(AT_MOST_BEFORE) || AT_MOST_AFTER.iter().any(|w| after.starts_with(w)) {
        Bound::AtMost
    } else if ends_with_word(APPROXIMATE_BEFORE)
        || APPROXIMATE_AFTER.iter().any(|w| after.starts_with(w))
    {
        Bound::Approximate
    } else {
        Bound::Exact
    }
}

/// Every `number unit` in the text.
fn parts(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut index = 0;
    while index < text.len() {
        let Some(c) = text[index..].chars().next() else {
            break;
        };
        let previous = text[..index].chars().next_back();
        let starts_number = digit(c).is_some()
            && previous.is_none_or(|p| digit(p).is_none() && p != '.' && p != ',');
        if !starts_number {
            index += c.len_utf8();
            continue;
        }
        let (value, decimals, number_end) = number(text, index);
        let after_space = number_end + text[number_end..].len()
            - text[number_end..]
                .trim_start_matches([' ', '\u{a0}', '\u{3000}'])
                .len();
        let unit = UNITS
            .iter()
            .filter(|(word, _, _)| {
                let rest = &text[after_space..];
                rest.starts_with(word)
                    && (!word.is_ascii()
                        || rest[word.len()..]
                            .chars()
                            .next()
                            .is_none_or(|n| !n.is_alphabetic()))
            })
            .max_by_key(|(word, _, _)| word.len());
        let clock = matches!(previous, Some('時' | '点' | ':'));
        match unit {
            Some((word, size, extra)) if !clock => {
                let end = after_space + word.len();
                parts.push(Part {
                    range: index..end,
                    seconds: value * size + extra,
                    unit: *size,
                    resolution: if *extra > 0.0 {
                        extra.min(size * 10f64.powi(-decimals))
                    } else {
                        size * 10f64.powi(-decimals)
                    },
                });
                index = end;
            }
            _ => index = number_end,
        }
    }
    parts
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads `18`, `1.5`, `1,5` or full-width digits at `start`: (value, decimals, end).
fn number(text: &str, start: usize) -> (f64, i32, usize) {
    let mut value = 0.0;
    let mut decimals = 0;
    let mut in_fraction = false;
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if let Some(d) = digit(c) {
            if in_fraction {
                decimals += 1;
                value += f64::from(d) * 10f64.powi(-decimals);
            } else {
                value = value * 10.0 + f64::from(d);
            }
            end = start + offset + c.len_utf8();
        } else if matches!(c, '.' | ',' | '．')
            && !in_fraction
            && chars.peek().is_some_and(|(_, n)| digit(*n).is_some())
        {
            in_fraction = true;
        } else {
            break;
        }
    }
    (value, decimals, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(String, f64, Bound)> {
        scan(text)
            .into_iter()
            .map(|c| (text[c.range.clone()].to_string(), c.seconds / 60.0, c.bound))
            .collect()
    }

    #[test]
    fn finds_durations_in_four_languages() {
        assert_eq!(
            claims("down for 18 minutes"),
            [("18 minutes".into(), 18.0, Bound::Exact)]
        );
        assert_eq!(
            claims("etwa 18 Minuten lang"),
            [("18 Minuten".into(), 18.0, Bound::Approximate)]
        );
        assert_eq!(
            claims("約18分間停止"),
            [("18分間".into(), 18.0, Bound::Approximate)]
        );
        assert_eq!(
            claims("中断18分钟"),
            [("18分钟".into(), 18.0, Bound::Exact)]
        );
        assert_eq!(
            claims("影响1.5个小时"),
            [("1.5个小时".into(), 90.0, Bound::Exact)]
        );
        assert_eq!(
            claims("für 1,5 Stunden"),
            [("1,5 Stunden".into(), 90.0, Bound::Exact)]
        );
        assert_eq!(
            claims("about 1.5 hours"),
            [("1.5 hours".into(), 90.0, Bound::Approximate)]
        );
    }

    #[test]
    fn joins_compound_durations() {
        assert_eq!(
            claims("1 hour and 21 minutes"),
            [("1 hour and 21 minutes".into(), 81.0, Bound::Exact)]
        );
        assert_eq!(
            claims("11時間30分"),
            [("11時間30分".into(), 690.0, Bound::Exact)]
        );
        assert_eq!(
            claims("1小时21分钟"),
            [("1小时21分钟".into(), 81.0, Bound::Exact)]
        );
        assert_eq!(
            claims("約11時間半"),
            [("11時間半".into(), 690.0, Bound::Approximate)]
        );
    }

    #[test]
    fn skips_dates_clock_times_and_other_numbers() {
        assert!(claims("7月5日19時30分から7月6日まで").is_empty());
        assert!(claims("14点10分开始").is_empty());
        assert!(claims("at 04:15 UTC, 3 minimum replicas, 5m users").is_empty());
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
    }
}
