//! What the benches share: projects made in memory by the corpus generator (its modules
//! are included at the bench's root by `examples/gen_corpus/modules.rs`, as the generator
//! names them from there) and the fixed "now".

// Each bench compiles this module and uses only some of it.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use hindsight::load::{self, Corpus};

use crate::corpus;

/// The seed `gen_corpus` uses by default, so a bench and `scripts/bench-scale` see the same
/// records.
const SEED: u64 = 1;

/// A generated project as texts: site/config.yaml and every file under incidents/.
pub(crate) struct Project {
    pub(crate) config: String,
    /// Paths under `incidents/` with their texts, records each followed by their overlays.
    pub(crate) files: Vec<(String, String)>,
}

impl Project {
    /// The project of `incidents` records that `gen_corpus --incidents N` writes.
    pub(crate) fn generate(incidents: usize) -> Project {
        let options = corpus::Options {
            incidents,
            seed: SEED,
            hugo: false,
        };
        let (mut config, mut files) = (String::new(), Vec::new());
        corpus::generate(&options, &mut |_, path, text| {
            if path == "site/config.yaml" {
                config = text.to_string();
            } else {
                files.push((path.to_string(), text.to_string()));
            }
            Ok(())
        })
        .expect("generating in memory cannot fail");
        Project { config, files }
    }

    /// The files of the first record that has overlays: the record, then its overlays (the
    /// generator writes them right after it, as `incidents/<id>.<lang>.yaml`).
    pub(crate) fn first_translated_record(&self) -> Vec<(String, String)> {
        let (index, (path, _)) = self
            .files
            .iter()
            .enumerate()
            .find(|(index, (path, _))| {
                let overlay_prefix = format!("{}.", path.trim_end_matches(".yaml"));
                self.files
                    .get(index + 1)
                    .is_some_and(|(next, _)| next.starts_with(&overlay_prefix))
            })
            .expect("a generated project has translated records");
        let overlay_prefix = format!("{}.", path.trim_end_matches(".yaml"));
        let overlays = self.files[index + 1..]
            .iter()
            .take_while(|(next, _)| next.starts_with(&overlay_prefix))
            .count();
        self.files[index..=index + overlays].to_vec()
    }

    /// The project parsed as `hindsight` parses its files.
    pub(crate) fn load(&self) -> Corpus {
        load_files(&self.config, &self.files)
    }
}

/// `files` under `config`, parsed as `hindsight` parses them.
pub(crate) fn load_files(config: &str, files: &[(String, String)]) -> Corpus {
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    load::from_texts(Some(config), &files)
}

/// The "now" of every bench: the `SOURCE_DATE_EPOCH` of the scripts, so pages are the same
/// from run to run.
pub(crate) fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_348_800, 0).expect("a valid timestamp")
}
