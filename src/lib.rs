//! hindsight: incident postmortems as structured records — lint, render, translate, publish.
//!
//! The pipeline runs in one direction: [`discover`] -> [`load`] -> [`check`] -> [`status`] ->
//! [`localize`] -> [`render`] -> [`publish`]. Each stage takes the previous stage's output as a
//! value; [`build`] is the whole list of steps for the status site.

pub(crate) mod assets;
pub mod build;
pub mod check;
pub mod diagnostic;
pub mod discover;
pub mod load;
pub mod localize;
pub mod model;
pub mod project;
pub mod publish;
pub mod render;
pub mod report;
pub mod schema;
pub mod status;
pub mod translate;
