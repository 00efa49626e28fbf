//! Time-zone names as readers of each language know them: the one place that decides what a
//! zone is called next to a time.
//!
//! tzdb's abbreviations are English (`CET`, `BST`), some are ambiguous (`CST` is China, Cuba
//! and US Central), and some are only numbers (`+04`). German readers know the Central
//! European zones as `MEZ`/`MESZ` (CLDR de) and no other letter code, Chinese readers know
//! China's zone as `北京时间`, and Japanese and Chinese readers know few letter codes besides
//! `UTC` (and `JST` in Japanese): every other zone is named by its offset, `UTC+1`,
//! `UTC+5:30`.

use chrono::{DateTime, Offset, Utc};
use chrono_tz::Tz;

use crate::model::Lang;

/// A zone's name at one instant, and whether it is a name in words (`北京时间`), which a
/// language may place elsewhere than a code or an offset (`UTC`, `MEZ`, `UTC+8`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ZoneName {
    pub(crate) text: String,
    pub(crate) words: bool,
}

/// tzdb's names of China's zone (the canonical one and its links).
const CHINA: &[&str] = &[
    "Asia/Shanghai",
    "Asia/Chongqing",
    "Asia/Chungking",
    "Asia/Harbin",
    "PRC",
];

/// tzdb's European abbreviations and CLDR de's short names for them.
const GERMAN: &[(&str, &str)] = &[
    ("CET", "MEZ"),
    ("CEST", "MESZ"),
    ("WET", "WEZ"),
    ("WEST", "WESZ"),
    ("EET", "OEZ"),
    ("EEST", "OESZ"),
];

/// What readers of `lang` call `zone` at the instant `at`.
pub(crate) fn zone_name(lang: Lang, at: DateTime<Utc>, zone: Tz) -> ZoneName {
    let local = at.with_timezone(&zone);
    let offset = local.offset().fix().local_minus_utc();
    let abbreviation = local.format("%Z").to_string();
    let code = |text: &str| ZoneName {
        text: text.to_string(),
        words: false,
    };
    if abbreviation == "UTC" {
        return code("UTC");
    }
    if CHINA.contains(&zone.name()) && lang == Lang::Zh {
        return ZoneName {
            text: "北京时间".to_string(),
            words: true,
        };
    }
    // `+04` is no name at all; `CST` at UTC+8 (China, Taiwan, Macau) is the one readers
    // anywhere would take for US Central.
    let nameless = abbreviation.starts_with(['+', '-'])
        || (abbreviation == "CST" && offset == 8 * 3600)
        || CHINA.contains(&zone.name());
    if nameless {
        return code(&utc_offset(offset));
    }
    match lang {
        Lang::En => code(&abbreviation),
        // German readers know the European zones by their German names, and no other
        // letter code (`BST`, `EST`, `JST` mean nothing to most): those are offsets.
        Lang::De => match GERMAN.iter().find(|(tzdb, _)| *tzdb == abbreviation) {
            Some((_, german)) => code(german),
            None => code(&utc_offset(offset)),
        },
        Lang::Ja if abbreviation == "JST" => code("JST"),
        Lang::Ja | Lang::Zh => code(&utc_offset(offset)),
    }
}

/// `UTC+1`, `UTC-5`, `UTC+5:30`; `UTC` for no offset.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match (minutes / 60, minutes % 60) {
        (0, 0) => "UTC".to_string(),
        (hours, 0) => format!("UTC{sign}{hours}"),
        (hours, minutes) => format!("UTC{sign}{hours}:{minutes:02}"),
    }
}

#[cfg(test)]
mod tests;
