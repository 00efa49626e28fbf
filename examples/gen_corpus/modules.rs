// The corpus generator's modules, for the tests and benches that make projects with it:
// `include!`d at their crate root, where the modules name each other as main.rs has them.
// Each test or bench uses part of them.
#[allow(dead_code)]
#[path = "bank.rs"]
mod bank;
#[allow(dead_code)]
#[path = "corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "hugo.rs"]
mod hugo;
#[allow(dead_code)]
#[path = "phrases.rs"]
mod phrases;
#[allow(dead_code)]
#[path = "prose.rs"]
mod prose;
#[allow(dead_code)]
#[path = "record.rs"]
mod record;
#[allow(dead_code)]
#[path = "rng.rs"]
mod rng;
#[allow(dead_code)]
#[path = "yaml.rs"]
mod yaml;
