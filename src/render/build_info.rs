//! `build.json` at the site's root: when the site was built and the next instant at which
//! it changes by itself, for the scheduler that rebuilds it (and for anyone asking how fresh
//! the page is).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::site::Artifact;
use crate::localize::site::rfc3339 as timestamp;

/// The file's path under the output directory.
pub const PATH: &str = "build.json";

/// The file's fields, in the order they are written.
#[derive(Debug, Serialize)]
struct BuildInfo {
    generator: String,
    built_at: String,
    next_change: Option<String>,
}

/// `build.json` for a site built at `built_at` that next changes by itself at
/// `next_change` (None: only an edit changes it).
pub(crate) fn artifact(
    built_at: DateTime<Utc>,
    next_change: Option<DateTime<Utc>>,
) -> anyhow::Result<Artifact> {
    let info = BuildInfo {
        generator: format!("hindsight {}", env!("CARGO_PKG_VERSION")),
        built_at: timestamp(built_at),
        next_change: next_change.map(timestamp),
    };
    let mut json = serde_json::to_string_pretty(&info)?;
    json.push('\n');
    Ok(Artifact::new(PATH, json))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn build_json_has_its_keys_in_order_and_null_for_no_change() {
        let file = artifact(at("2026-11-22T12:00:00Z"), Some(at("2026-12-02T02:00:00Z"))).unwrap();
        let text = String::from_utf8(file.bytes).unwrap();
        let expected = format!(
            "{{\n  \"generator\": \"hindsight {}\",\n  \"built_at\": \"2026-11-22T12:00:00Z\",\n  \"next_change\": \"2026-12-02T02:00:00Z\"\n}}\n",
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(text, expected);
        let none = artifact(at("2026-11-22T12:00:00Z"), None).unwrap();
        assert!(
            String::from_utf8(none.bytes)
                .unwrap()
                .contains("\"next_change\": null\n")
        );
    }
}
