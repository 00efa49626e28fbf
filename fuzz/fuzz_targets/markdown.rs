//! Markdown field rendering: every way a record's long text field is turned into output.
#![no_main]

use hindsight::render::markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = markdown::to_html(&text);
    let _ = markdown::to_inline_html(&text);
    let _ = markdown::to_plain(&text);
    let _ = markdown::to_inert_markdown(&text);
});
