//! Durations written in prose (`18 minutes`, `an hour`, `1,5 Stunden`, `約11時間半`, `两个小时`)
//! with the bound words around them (`about`, `more than`, `以内`); no judgement of what they measure.

use std::ops::Range;

use super::words::{
    APPROXIMATE_AFTER, APPROXIMATE_BEFORE, AT_LEAST_AFTER, AT_LEAST_BEFORE, AT_MOST_AFTER,
    AT_MOST_BEFORE, JOINERS,
};

/// How a duration in prose relates to the real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
}

/// A duration found in prose.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantity {
    /// Byte range of the number and its unit(s).
    pub range: Range<usize>,
    /// The range with the bound words on either side (`about 18 minutes`, `2時間以上`).
    pub outer: Range<usize>,
    pub seconds: f64,
    /// The smallest step the figure was written in.
    pub resolution: f64,
    pub bound: Bound,
}

impl Quantity {
    /// Whether a real duration of `actual` seconds satisfies what the prose says.
    pub(crate) fn agrees_with(&self, actual: f64) -> bool {
        let difference = actual - self.seconds;
        match self.bound {
            Bound::Exact => difference.abs() < self.resolution / 2.0 + 1e-9,
            Bound::Approximate => difference.abs() <= actual * 0.10 + 1e-9,
            Bound::AtLeast => difference >= -1e-9,
            Bound::AtMost => difference <= 1e-9,
        }
    }
}

const DAY: f64 = 86_400.0;
const HOUR: f64 = 3600.0;
const MINUTE: f64 = 60.0;

/// Unit words after a number. The third field is what the unit adds on top of the number
/// (`1時間半` is one and a half hours). `日` alone is a date and `分` after `時` or `点` a clock
/// time, so neither is here on its own terms.
#[rustfmt::skip]
const UNITS: &[(&str, f64, f64)] = &[
    ("hours", HOUR, 0.0), ("hour", HOUR, 0.0), ("hrs", HOUR, 0.0), ("hr", HOUR, 0.0),
    ("minutes", MINUTE, 0.0), ("minute", MINUTE, 0.0), ("mins", MINUTE, 0.0), ("min", MINUTE, 0.0),
    ("seconds", 1.0, 0.0), ("second", 1.0, 0.0), ("secs", 1.0, 0.0), ("sec", 1.0, 0.0),
    ("days", DAY, 0.0), ("day", DAY, 0.0),
    ("Stunden", HOUR, 0.0), ("Stunde", HOUR, 0.0), ("Std.", HOUR, 0.0),
    ("Minuten", MINUTE, 0.0), ("Minute", MINUTE, 0.0), ("Min.", MINUTE, 0.0),
    ("Sekunden", 1.0, 0.0), ("Sekunde", 1.0, 0.0), ("Tagen", DAY, 0.0), ("Tage", DAY, 0.0), ("Tag", DAY, 0.0),
    ("時間半", HOUR, 0.5 * HOUR), ("時間", HOUR, 0.0), ("分間", MINUTE, 0.0), ("分", MINUTE, 0.0),
    ("秒間", 1.0, 0.0), ("秒", 1.0, 0.0), ("日間", DAY, 0.0),
    ("个半小时", HOUR, 0.5 * HOUR), ("个多小时", HOUR, 0.0), ("个小时", HOUR, 0.0), ("小时", HOUR, 0.0),
    ("分钟", MINUTE, 0.0), ("秒钟", 1.0, 0.0), ("天", DAY, 0.0),
];

/// Numbers written as words, only before a spelled-out unit: `a second` is an ordinal and
/// `十分` is Japanese for "enough", so neither counts.
#[rustfmt::skip]
const WORD_NUMBERS: &[(&str, f64)] = &[
    ("half an", 0.5), ("one and a half", 1.5), ("an", 1.0), ("a", 1.0), ("one", 1.0),
    ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0), ("seven", 7.0),
    ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("twelve", 12.0), ("fifteen", 15.0),
    ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0),
    ("eine halbe", 0.5), ("einer halben", 0.5), ("eineinhalb", 1.5), ("anderthalb", 1.5),
    ("ein", 1.0), ("eine", 1.0), ("einer", 1.0), ("einen", 1.0), ("einem", 1.0), ("zwei", 2.0),
    ("drei", 3.0), ("vier", 4.0), ("fünf", 5.0), ("sechs", 6.0), ("acht", 8.0), ("zehn", 10.0),
    ("zwölf", 12.0), ("zwanzig", 20.0), ("dreißig", 30.0),
];
const WORD_UNITS: &[&str] = &[
    "hours", "hour", "minutes", "minute", "days", "day", "Stunden", "Stunde", "Minuten", "Minute",
    "Tagen", "Tage", "Tag",
];
const CJK_NUMERAL_UNITS: &[&str] = &[
    "个半小时",
    "个多小时",
    "个小时",
    "小时",
    "分钟",
    "天",
    "時間",
    "日間",
];

struct Part {
    range: Range<usize>,
    seconds: f64,
    unit: f64,
    resolution: f64,
}

/// Every duration in the text, compound ones joined, with its bound.
pub(super) fn scan(text: &str) -> Vec<Quantity> {
    let mut quantities: Vec<Quantity> = Vec::new();
    let mut last_unit = f64::INFINITY;
    for part in parts(text) {
        if let Some(quantity) = quantities.last_mut() {
            let gap = text[quantity.range.end..part.range.start]
                .trim()
                .to_lowercase();
            if part.unit < last_unit && JOINERS.contains(&gap.as_str()) {
                quantity.range.end = part.range.end;
                quantity.seconds += part.seconds;
                quantity.resolution = part.resolution;
                last_unit = part.unit;
                continue;
            }
        }
        last_unit = part.unit;
        quantities.push(Quantity {
            outer: part.range.clone(),
            range: part.range,
            seconds: part.seconds,
            resolution: part.resolution,
            bound: Bound::Exact,
        });
    }
    for quantity in &mut quantities {
        let (bound, outer) = bound(text, quantity.range.clone());
        quantity.bound = bound;
        quantity.outer = outer;
        // `1个多小时`: "more than one hour".
        if text[quantity.range.clone()].contains("个多小时") {
            quantity.bound = Bound::AtLeast;
        }
    }
    quantities
}

/// The start of `word` when `before` ends with it (case-insensitive, as a whole word).
fn ends_with_word(before: &str, word: &str) -> Option<usize> {
    let count = word.chars().count();
    let start = before.char_indices().rev().nth(count - 1)?.0;
    let tail = &before[start..];
    let whole = before[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphabetic() || !word.is_ascii());
    // What `tail.to_lowercase() == word` says, without a string per word tried: the words
    // have no sigma, the one letter `to_lowercase` treats apart from `char::to_lowercase`.
    let lowered = tail.chars().flat_map(char::to_lowercase);
    (whole && lowered.eq(word.chars())).then_some(start)
}

fn bound(text: &str, range: Range<usize>) -> (Bound, Range<usize>) {
    let before = text[..range.start].trim_end();
    let after_start = range.end + text[range.end..].len() - text[range.end..].trim_start().len();
    let after = &text[after_start..];
    let lists = [
        (AT_LEAST_BEFORE, AT_LEAST_AFTER, Bound::AtLeast),
        (AT_MOST_BEFORE, AT_MOST_AFTER, Bound::AtMost),
        (APPROXIMATE_BEFORE, APPROXIMATE_AFTER, Bound::Approximate),
    ];
    for (before_words, after_words, kind) in lists {
        let longest_before = before_words
            .iter()
            .filter_map(|w| ends_with_word(before, w))
            .min();
        if let Some(start) = longest_before {
            return (kind, start..range.end);
        }
        if let Some(word) = after_words.iter().find(|w| after.starts_with(**w)) {
            return (kind, range.start..after_start + word.len());
        }
    }
    (Bound::Exact, range)
}

/// The unit spelled at the start of `rest`, if any.
fn unit_at(
    rest: &str,
    allowed: impl Fn(&str) -> bool,
) -> Option<&'static (&'static str, f64, f64)> {
    UNITS
        .iter()
        .filter(|(word, _, _)| {
            allowed(word)
                && rest.starts_with(word)
                && (!word.is_ascii()
                    || rest[word.len()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_alphabetic()))
        })
        .max_by_key(|(word, _, _)| word.len())
}

fn part(
    range_start: usize,
    unit_start: usize,
    value: f64,
    decimals: i32,
    unit: &(&str, f64, f64),
) -> Part {
    let (word, size, extra) = *unit;
    let step = size * 10f64.powi(-decimals);
    Part {
        range: range_start..unit_start + word.len(),
        seconds: value * size + extra,
        unit: size,
        resolution: if extra > 0.0 { extra.min(step) } else { step },
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
        if let Some(found) = word_number(text, index, previous) {
            index = found.range.end;
            parts.push(found);
            continue;
        }
        let starts_number = digit(c).is_some()
            && previous.is_none_or(|p| digit(p).is_none() && p != '.' && p != ',');
        if !starts_number {
            index += c.len_utf8();
            continue;
        }
        let (value, decimals, number_end) = number(text, index);
        let rest = &text[number_end..];
        // `40-minute outage` and `40 minutes` alike.
        let gap = rest.len()
            - rest
                .trim_start_matches([' ', '\u{a0}', '\u{3000}', '-'])
                .len();
        let unit = unit_at(&text[number_end + gap..], |_| true);
        let clock = matches!(previous, Some('時' | '点' | ':'));
        match unit {
            Some(unit) if !clock => {
                let found = part(index, number_end + gap, value, decimals, unit);
                index = found.range.end;
                parts.push(found);
            }
            _ => index = number_end,
        }
    }
    parts
}

/// `an hour`, `zwei Stunden`, `两个小时`, `十五分钟` at `index`.
fn word_number(text: &str, index: usize, previous: Option<char>) -> Option<Part> {
    let rest = &text[index..];
    let first = rest.chars().next()?;
    if first.is_ascii_alphabetic() || matches!(first, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü') {
        if previous.is_some_and(char::is_alphanumeric) {
            return None;
        }
        // Every word starts a few of the words: their first letter rules out the others
        // before their whole length is compared.
        let initial = rest.as_bytes()[0].to_ascii_lowercase();
        for (word, value) in WORD_NUMBERS {
            if word.as_bytes()[0] != initial {
                continue;
            }
            let Some(head) = rest.get(..word.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(word) {
                continue;
            }
            let after = &rest[word.len()..];
            let gap = after.len() - after.trim_start_matches([' ', '-']).len();
            if gap == 0 {
                continue;
            }
            let unit_start = index + word.len() + gap;
            let unit = unit_at(&text[unit_start..], |w| WORD_UNITS.contains(&w))?;
            let mut found = part(index, unit_start, *value, 0, unit);
            found.resolution = if value.fract() == 0.0 {
                unit.1
            } else {
                unit.1 / 2.0
            };
            return Some(found);
        }
        return None;
    }
    // The scan asks at every character: the rest of ASCII (spaces, digits, punctuation) is
    // ruled out before the numerals are searched.
    if first.is_ascii() {
        return None;
    }
    const DIGITS: &str = "〇一二三四五六七八九";
    let numeral = |c: char| DIGITS.contains(c) || c == '两' || c == '十';
    if !(numeral(first) || first == '半')
        || previous.is_some_and(|p| numeral(p) || "同统第唯每".contains(p))
    {
        return None;
    }
    let run: String = rest
        .chars()
        .take_while(|&c| numeral(c) || c == '半')
        .collect();
    let value_of = |c: char| match c {
        '两' => Some(2.0),
        _ => DIGITS.chars().position(|d| d == c).map(|p| p as f64),
    };
    let value = match run.as_str() {
        "半" => 0.5,
        _ if run.contains('半') || run.chars().count() > 3 => return None,
        _ => match run.split_once('十') {
            Some((tens, ones)) => {
                let tens = if tens.is_empty() {
                    Some(1.0)
                } else {
                    tens.chars().next().and_then(value_of)
                }?;
                let ones = if ones.is_empty() {
                    Some(0.0)
                } else {
                    ones.chars().next().and_then(value_of)
                }?;
                tens * 10.0 + ones
            }
            None if run.chars().count() == 1 => value_of(first)?,
            None => return None,
        },
    };
    let unit_start = index + run.len();
    let unit = unit_at(&text[unit_start..], |w| CJK_NUMERAL_UNITS.contains(&w))?;
    let mut found = part(index, unit_start, value, 0, unit);
    found.resolution = if value < 1.0 { unit.1 / 2.0 } else { unit.1 };
    Some(found)
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
mod tests;
