// The corpus generator's modules (examples/gen_corpus), as tests/gen_corpus.rs includes them:
// at the crate root, where they name each other. `include!`d by each bench's root.

// The modules serve the generator's binary and tests too; a bench uses part of them.
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/bank.rs"]
mod bank;
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/hugo.rs"]
mod hugo;
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/phrases.rs"]
mod phrases;
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/prose.rs"]
mod prose;
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/record.rs"]
mod record;
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/rng.rs"]
mod rng;
#[allow(dead_code)]
#[path = "../../examples/gen_corpus/yaml.rs"]
mod yaml;
