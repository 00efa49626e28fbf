//! Shared harness for the fuzz targets: builds a one-project corpus around the fuzzed text
//! and runs it through what `hindsight lint` does (load, check, report).

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::{DateTime, TimeZone, Utc};
use hindsight::load::{
    self, ConfigFile, Corpus, Limits, OverlayFile, RecordContext, RecordFile, SourceText,
};

/// The seed project the fuzzed file joins, so cross-file rules (components, overlays) run.
pub const CONFIG: &str = include_str!("../../site/config.yaml");
pub const RECORD_ID: &str = "2023-12-17-logto-image-deleted";
pub const RECORD: &str = include_str!("../../incidents/2023-12-17-logto-image-deleted.yaml");
pub const OVERLAY: &str = include_str!("../../incidents/2023-12-17-logto-image-deleted.de.yaml");

/// A fixed "now", so a crash reproduces whatever day it is replayed on.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// Fuzz input as text: invalid UTF-8 is replaced, as a lossy reader would.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

pub fn config_file(text: &str) -> ConfigFile {
    let (config, findings) = load::config::parse(text, &Limits::default());
    ConfigFile {
        path: "site/config.yaml".into(),
        source: Some(source("site/config.yaml", text)),
        config,
        findings,
    }
}

pub fn record_file(config: &ConfigFile, id: &str, text: &str) -> RecordFile {
    let context = RecordContext {
        default_zone: config.config.timezone,
        limits: Limits::default(),
    };
    let (record, findings) = load::record::parse(id, text, &context);
    RecordFile {
        source: source(&format!("incidents/{id}.yaml"), text),
        id: id.to_string(),
        record,
        findings,
    }
}

pub fn overlay_file(record_id: &str, lang: &str, text: &str) -> OverlayFile {
    let (overlay, findings) = load::overlay::parse(record_id, text, &Limits::default());
    OverlayFile {
        source: source(&format!("incidents/{record_id}.{lang}.yaml"), text),
        record_id: record_id.to_string(),
        lang_tag: lang.to_string(),
        overlay,
        findings,
    }
}

/// The seed project's config and overlay, parsed once: the targets that do not fuzz them
/// clone these rather than spend each run re-reading them.
pub static SEED_CONFIG: LazyLock<ConfigFile> = LazyLock::new(|| config_file(CONFIG));
pub static SEED_OVERLAY: LazyLock<OverlayFile> =
    LazyLock::new(|| overlay_file(RECORD_ID, "de", OVERLAY));

/// Checks the corpus and presents the result as `lint` would; the JSON report must stay
/// well-formed whatever the input held. (The SARIF and GitHub formats take the same
/// diagnostics; they are left out because they halve the runs per second.)
pub fn lint(corpus: &Corpus) {
    let report = hindsight::check::check(corpus, now());
    let sources = hindsight::report::sources(corpus);
    let _ = hindsight::report::human(&report, &sources, false);
    let json = hindsight::report::json(&report);
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("lint JSON is not well-formed ({error}): {json}");
    }
}

fn source(path: &str, text: &str) -> SourceText {
    SourceText {
        path: PathBuf::from(path),
        text: text.to_string(),
    }
}
