//! `gen_corpus`: writes a large, realistic, lint-clean hindsight project for benchmarks, and
//! optionally the same postmortems as a multilingual Hugo site (README, "Performance").
//!
//! `cargo run --release --example gen_corpus -- --incidents N --out DIR [--seed S] [--hugo DIR]`

mod bank;
mod corpus;
mod hugo;
mod phrases;
mod prose;
mod record;
mod rng;
mod yaml;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen_corpus --incidents N --out DIR [--seed S] [--hugo DIR]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut incidents, mut out, mut seed, mut hugo) = (None, None, 1, None);
    while let Some(flag) = args.next() {
        let value = args.next();
        let parsed = match (flag.as_str(), value) {
            ("--incidents", Some(v)) => v.parse().map(|n| incidents = Some(n)).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|s| seed = s).is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            ("--hugo", Some(v)) => {
                hugo = Some(PathBuf::from(v));
                true
            }
            _ => false,
        };
        if !parsed {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    let (Some(incidents), Some(out)) = (incidents, out) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    for dir in std::iter::once(&out).chain(hugo.as_ref()) {
        if let Err(error) = corpus::check_empty(dir) {
            eprintln!("gen_corpus: {error}");
            return ExitCode::from(2);
        }
    }
    let options = corpus::Options {
        incidents,
        seed,
        hugo: hugo.is_some(),
    };
    let started = Instant::now();
    match corpus::write_to(&options, &out, hugo.as_deref()) {
        Ok((files, bytes)) => {
            eprintln!(
                "gen_corpus: {incidents} incidents, {files} files, {:.1} MB in {:.2} s",
                bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("gen_corpus: {error}");
            ExitCode::from(2)
        }
    }
}
