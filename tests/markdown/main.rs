//! Markdown in records, end to end: bounded work on bombs within the input limits, and
//! Markdown output that a renderer keeping raw HTML cannot turn into live markup.

#[path = "../common/mod.rs"]
mod common;

mod bombs;
mod inert;
