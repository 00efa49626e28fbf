//! Overlay load + check: the fuzzed text translates the seed record.
#![no_main]

use std::sync::LazyLock;

use hindsight::load::{ConfigFile, Corpus, RecordFile};
use hindsight_fuzz::*;
use libfuzzer_sys::fuzz_target;

static PROJECT: LazyLock<(ConfigFile, RecordFile)> = LazyLock::new(|| {
    let config = config_file(CONFIG);
    let record = record_file(&config, RECORD_ID, RECORD);
    (config, record)
});

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let (config, record) = &*PROJECT;
    let corpus = Corpus {
        config: config.clone(),
        records: vec![record.clone()],
        overlays: vec![overlay_file(RECORD_ID, "de", &text)],
        selected: None,
    };
    lint(&corpus);
});
