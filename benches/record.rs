//! One record: load and check it (with its overlays), and render it in each language and
//! format, as `hindsight lint` and `hindsight render` do, without reading or writing files.
//! `cargo bench --bench record`

mod common;
include!("../examples/gen_corpus/modules.rs");

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::localize::{self, Localizer};
use hindsight::model::Lang;
use hindsight::render::{Format, Templates};

use common::Project;

fn load_and_check(c: &mut Criterion) {
    let project = Project::generate(20);
    let files = project.first_translated_record();
    let now = common::now();
    let name = format!("load+check/record and {} overlays", files.len() - 1);
    c.bench_function(&name, |b| {
        b.iter(|| {
            let corpus = common::load_files(&project.config, black_box(&files));
            hindsight::check::check(&corpus, now)
        })
    });
}

fn render(c: &mut Criterion) {
    let project = Project::generate(20);
    let corpus = common::load_files(&project.config, &project.first_translated_record());
    let record = corpus.records[0]
        .record
        .as_ref()
        .expect("generated records load");
    let (localizer, templates) = (
        Localizer::load(None).expect("built-in messages load"),
        Templates::load(None).expect("built-in templates load"),
    );
    let now = common::now();
    let mut group = c.benchmark_group("render");
    for &lang in Lang::ALL {
        let overlay = corpus
            .overlay_file(&record.id, lang)
            .and_then(|file| file.overlay.as_ref());
        for format in [Format::Markdown, Format::Html] {
            group.bench_function(format!("{lang}/{}", format.extension()), |b| {
                b.iter(|| {
                    let view = localize::postmortem(
                        black_box(record),
                        overlay,
                        lang,
                        &corpus.config.config,
                        &localizer,
                        now,
                        localize::Options::default(),
                    );
                    templates.postmortem(&view, format).expect("renders")
                })
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(std::time::Duration::from_secs(3));
    targets = load_and_check, render
}
criterion_main!(benches);
