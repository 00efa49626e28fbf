//! The CLDR data the date and number formatters load: ICU4X's compiled data for en, de, ja and
//! zh only, baked into `icu_data/` by `scripts/icu-data.sh` (generated; do not edit).
//!
//! ICU4X's `compiled_data` features bake every CLDR locale (about 19 MB of Rust source for
//! dates alone), which was the largest single cost of a clean build; these 100 KB are what the
//! four languages need. A language added to `Lang` needs its data regenerated here too, or its
//! formatters fail to load (a unit test builds every language's formatters).

// The generated code re-exports its macros with `pub use`, which the crate root cannot reach.
#![allow(unreachable_pub)]

/// A data provider holding exactly the markers `format::DateFormats` loads.
#[derive(Debug)]
pub(crate) struct Cldr;

// The generated code names the ICU4X crates through an `icu` module, as the meta-crate does.
// It is included at item level (an `include!` in a block would be read as an expression), so
// its `#[macro_export]` macros are hidden exports of the library; nothing else uses them.
mod icu {
    pub(super) use icu_datetime as datetime;
    pub(super) use icu_decimal as decimal;
}
include!("icu_data/mod.rs");
impl_data_provider!(Cldr);
