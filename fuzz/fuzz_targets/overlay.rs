//! Overlay load + check: the fuzzed text translates the seed record.
#![no_main]

use std::sync::LazyLock;

use hindsight::load::{Corpus, RecordFile};
use hindsight_fuzz::*;
use libfuzzer_sys::fuzz_target;

static RECORD_FILE: LazyLock<RecordFile> =
    LazyLock::new(|| record_file(&SEED_CONFIG, RECORD_ID, RECORD));

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let corpus = Corpus {
        config: SEED_CONFIG.clone(),
        records: vec![RECORD_FILE.clone()],
        overlays: vec![overlay_file(RECORD_ID, "de", &text)],
        selected: None,
        site_files: Vec::new(),
    };
    lint(&corpus);
});
