//! The zone names of every zone the example records, the test fixtures and `init`'s
//! configurations use, in every language, in summer and in winter.

use super::*;
use std::collections::BTreeSet;
use std::path::Path;

const WINTER: &str = "2026-01-15T12:00:00Z";
const SUMMER: &str = "2026-07-15T12:00:00Z";

/// zone, season, then its name in en, de, ja, zh.
const TABLE: &[(&str, &str, [&str; 4])] = &[
    ("UTC", WINTER, ["UTC", "UTC", "UTC", "UTC"]),
    ("UTC", SUMMER, ["UTC", "UTC", "UTC", "UTC"]),
    ("Europe/Berlin", WINTER, ["CET", "MEZ", "UTC+1", "UTC+1"]),
    ("Europe/Berlin", SUMMER, ["CEST", "MESZ", "UTC+2", "UTC+2"]),
    ("Europe/Paris", WINTER, ["CET", "MEZ", "UTC+1", "UTC+1"]),
    ("Europe/Paris", SUMMER, ["CEST", "MESZ", "UTC+2", "UTC+2"]),
    ("Europe/London", WINTER, ["GMT", "UTC", "UTC", "UTC"]),
    ("Europe/London", SUMMER, ["BST", "UTC+1", "UTC+1", "UTC+1"]),
    ("Europe/Lisbon", WINTER, ["WET", "WEZ", "UTC", "UTC"]),
    (
        "Europe/Helsinki",
        SUMMER,
        ["EEST", "OESZ", "UTC+3", "UTC+3"],
    ),
    ("Asia/Tokyo", WINTER, ["JST", "UTC+9", "JST", "UTC+9"]),
    ("Asia/Tokyo", SUMMER, ["JST", "UTC+9", "JST", "UTC+9"]),
    (
        "Asia/Shanghai",
        WINTER,
        ["UTC+8", "UTC+8", "UTC+8", "北京时间"],
    ),
    (
        "Asia/Shanghai",
        SUMMER,
        ["UTC+8", "UTC+8", "UTC+8", "北京时间"],
    ),
    ("PRC", SUMMER, ["UTC+8", "UTC+8", "UTC+8", "北京时间"]),
    // Not China's zone, though tzdb writes `CST` for it too.
    ("Asia/Taipei", SUMMER, ["UTC+8", "UTC+8", "UTC+8", "UTC+8"]),
    (
        "America/New_York",
        WINTER,
        ["EST", "UTC-5", "UTC-5", "UTC-5"],
    ),
    (
        "America/New_York",
        SUMMER,
        ["EDT", "UTC-4", "UTC-4", "UTC-4"],
    ),
    ("Asia/Dubai", SUMMER, ["UTC+4", "UTC+4", "UTC+4", "UTC+4"]),
    (
        "Asia/Kolkata",
        WINTER,
        ["IST", "UTC+5:30", "UTC+5:30", "UTC+5:30"],
    ),
    (
        "Asia/Kathmandu",
        WINTER,
        ["UTC+5:45", "UTC+5:45", "UTC+5:45", "UTC+5:45"],
    ),
    (
        "America/St_Johns",
        WINTER,
        ["NST", "UTC-3:30", "UTC-3:30", "UTC-3:30"],
    ),
];

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn every_zone_is_named_as_its_readers_know_it() {
    for (zone, season, names) in TABLE {
        let tz: Tz = zone.parse().unwrap();
        for (lang, expected) in Lang::ALL.iter().zip(names) {
            let name = zone_name(*lang, instant(season), tz);
            assert_eq!(name.text, *expected, "{zone} {season} {lang}");
            assert_eq!(name.words, *expected == "北京时间", "{zone} {lang}");
        }
    }
}

#[test]
fn no_language_sees_an_ambiguous_or_numeric_abbreviation() {
    for (zone, season, _) in TABLE {
        for &lang in Lang::ALL {
            let name = zone_name(lang, instant(season), zone.parse().unwrap()).text;
            assert_ne!(name, "CST", "{zone} {lang}");
            assert!(!name.starts_with(['+', '-']), "{zone} {lang}: {name}");
        }
    }
}

/// Every zone named by a record or a configuration in the repository: the examples, the
/// test fixtures and `init`'s configurations.
fn zones_in_the_repository() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["incidents", "site", "templates/init", "site"]
        .iter()
        .flat_map(|dir| walkdir::WalkDir::new(root.join(dir)))
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .flat_map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            text.lines()
                .filter_map(|line| line.trim().strip_prefix("timezone:"))
                .filter_map(|value| value.split('#').next())
                .map(|value| value.trim().trim_matches(['"', '\'']).to_string())
                .collect::<Vec<_>>()
        })
        .filter(|zone| zone.parse::<Tz>().is_ok())
        .collect()
}

#[test]
fn the_table_covers_every_zone_the_records_use() {
    let zones = zones_in_the_repository();
    assert!(zones.contains("Asia/Shanghai"), "{zones:?}");
    for zone in &zones {
        for season in [WINTER, SUMMER] {
            assert!(
                TABLE.iter().any(|(z, s, _)| z == zone && *s == season),
                "{zone} at {season} is not in the table"
            );
        }
    }
}
