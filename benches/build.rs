//! The whole status site of a generated project of 100 and 1,000 incidents: load, check and
//! build (status, localize, render every file) in memory, as `hindsight build` does as it writes.
//! Reading and writing files are measured by `scripts/bench-scale`.
//! `cargo bench --bench build`

mod common;
include!("../examples/gen_corpus/modules.rs");

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hindsight::build::{self, Quiet, SiteAssets};

use common::Project;

fn site(c: &mut Criterion) {
    let assets = SiteAssets::builtin().expect("built-in assets load");
    let now = common::now();
    let mut group = c.benchmark_group("build");
    // A 1,000-incident build takes seconds: ten samples (the least criterion takes) keep the
    // bench to a few minutes.
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for incidents in [100, 1_000] {
        let project = Project::generate(incidents);
        group.bench_with_input(
            BenchmarkId::new("load+check+build", incidents),
            &project,
            |b, project| {
                b.iter(|| {
                    let corpus = project.load();
                    let report = hindsight::check::check(&corpus, now);
                    let built = build::build(&corpus, &assets, now, &Quiet).expect("builds");
                    // A build is a plan: its files are rendered when they are asked for, as
                    // `hindsight build` asks for them to write them.
                    let bytes = std::sync::atomic::AtomicUsize::new(0);
                    built
                        .for_each_artifact(&|artifact| {
                            bytes.fetch_add(
                                black_box(artifact).bytes.len(),
                                std::sync::atomic::Ordering::Relaxed,
                            );
                            Ok(())
                        })
                        .expect("renders");
                    black_box((report, bytes.into_inner()))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, site);
criterion_main!(benches);
