//! The three ways `stats` prints its value: a readable report, JSON (the value's own
//! serialization) and one CSV table a spreadsheet can pivot.

mod csv;
mod human;
mod table;

pub use csv::csv;
pub use human::human;

/// The value as JSON: the `--format json` output and what the metrics page reads.
pub fn json(stats: &super::Stats) -> String {
    let mut text = serde_json::to_string_pretty(stats).unwrap_or_default();
    text.push('\n');
    text
}
