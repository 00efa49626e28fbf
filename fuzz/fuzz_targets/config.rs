//! Config load + check: the fuzzed text is site/config.yaml of a project holding the seed
//! record, so the component and lint-setting checks run against it.
#![no_main]

use hindsight::load::Corpus;
use hindsight_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let config = config_file(&text);
    // The record is read in the fuzzed config's zone, as `load` does.
    let record = record_file(&config, RECORD_ID, RECORD);
    let corpus = Corpus {
        config,
        records: vec![record],
        overlays: Vec::new(),
        selected: None,
        site_files: Vec::new(),
    };
    lint(&corpus);
});
