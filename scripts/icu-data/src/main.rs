//! Re-exports ICU4X's compiled CLDR data (the `icu_*_data` crates, iterated) as baked data
//! for en, de, ja and zh and the markers hindsight's formatters load, into the directory
//! given as the only argument.

use icu_datetime::provider::names::{
    DatetimeNamesDayperiodV1, DatetimeNamesMonthGregorianV1, DatetimeNamesWeekdayV1,
    DatetimeNamesYearGregorianV1,
};
use icu_datetime::provider::semantic_skeletons::{
    DatetimePatternsDateGregorianV1, DatetimePatternsGlueV1, DatetimePatternsTimeV1,
};
use icu_decimal::provider::{DecimalDigitsV1, DecimalSymbolsV1};
use icu_provider::prelude::*;
use icu_provider_export::baked_exporter::{BakedExporter, Options};
use icu_provider_export::prelude::*;
use std::collections::BTreeSet;

/// ICU4X's compiled data, with iteration so that the export driver can list it.
struct Source;

extern crate alloc;

const _: () = {
    use icu_datetime_data::*;
    use icu_decimal_data::*;
    mod icu {
        pub use icu_datetime as datetime;
        pub use icu_decimal as decimal;
    }
    icu_datetime_data::make_provider!(Source);
    impl_datetime_names_year_gregorian_v1!(Source, ITER);
    impl_datetime_names_month_gregorian_v1!(Source, ITER);
    impl_datetime_names_weekday_v1!(Source, ITER);
    impl_datetime_names_dayperiod_v1!(Source, ITER);
    impl_datetime_patterns_date_gregorian_v1!(Source, ITER);
    impl_datetime_patterns_time_v1!(Source, ITER);
    impl_datetime_patterns_glue_v1!(Source, ITER);
    impl_decimal_symbols_v1!(Source, ITER);
    impl_decimal_digits_v1!(Source, ITER);
};

/// The languages exported, and `und` for locale-independent data.
const LANGS: [&str; 5] = ["en", "de", "ja", "zh", "und"];

/// `Source` with every marker attribute listed for every language. ICU4X's compiled data is
/// deduplicated (`ja` has no entry where it equals `und`) and resolves the rest by fallback at
/// run time; hindsight's data has no fallback, so each language gets each entry, loaded from
/// `Source` with its fallback: the values the compiled data gave.
struct Full;

impl<M: DataMarker> DataProvider<M> for Full
where
    Source: DataProvider<M>,
{
    fn load(&self, req: DataRequest) -> Result<DataResponse<M>, DataError> {
        Source.load(req)
    }
}

impl<M: DataMarker> IterableDataProvider<M> for Full
where
    Source: IterableDataProvider<M>,
{
    fn iter_ids(&self) -> Result<BTreeSet<DataIdentifierCow<'static>>, DataError> {
        let attributes: BTreeSet<_> = Source
            .iter_ids()?
            .into_iter()
            .map(|id| id.marker_attributes)
            .collect();
        Ok(attributes
            .iter()
            .flat_map(|attributes| {
                LANGS.map(|lang| {
                    DataIdentifierCow::from_owned(
                        attributes.clone().into_owned(),
                        lang.parse().expect("language"),
                    )
                })
            })
            .collect())
    }
}

icu_provider::export::make_exportable_provider!(
    Full,
    [
        DatetimeNamesYearGregorianV1,
        DatetimeNamesMonthGregorianV1,
        DatetimeNamesWeekdayV1,
        DatetimeNamesDayperiodV1,
        DatetimePatternsDateGregorianV1,
        DatetimePatternsTimeV1,
        DatetimePatternsGlueV1,
        DecimalSymbolsV1,
        DecimalDigitsV1,
    ]
);

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: hindsight-icu-data OUT_DIR");
    let mut options = Options::default();
    options.pretty = true;
    options.overwrite = true;
    // Exactly the four languages, each complete: lookups need no fallback at run time.
    options.use_internal_fallback = false;
    let exporter = BakedExporter::new(out.into(), options).expect("output directory");
    let families =
        LANGS.map(|lang| DataLocaleFamily::without_descendants(lang.parse().expect("language")));
    ExportDriver::new(
        families,
        DeduplicationStrategy::None.into(),
        LocaleFallbacker::new().static_to_owned(),
    )
    .with_markers([
        DatetimeNamesYearGregorianV1::INFO,
        DatetimeNamesMonthGregorianV1::INFO,
        DatetimeNamesWeekdayV1::INFO,
        DatetimeNamesDayperiodV1::INFO,
        DatetimePatternsDateGregorianV1::INFO,
        DatetimePatternsTimeV1::INFO,
        DatetimePatternsGlueV1::INFO,
        DecimalSymbolsV1::INFO,
        DecimalDigitsV1::INFO,
    ])
    .export(&Full, exporter)
    .expect("export");
}
