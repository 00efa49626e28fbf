//! Record load + check: the fuzzed text is a record of the seed project, next to its overlay.
#![no_main]

use hindsight::load::Corpus;
use hindsight_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let config = SEED_CONFIG.clone();
    let record = record_file(&config, RECORD_ID, &text);
    let corpus = Corpus {
        records: vec![record],
        overlays: vec![SEED_OVERLAY.clone()],
        config,
        selected: None,
        site_files: Vec::new(),
    };
    lint(&corpus);
});
