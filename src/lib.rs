//! hindsight: incident postmortems as structured records — lint, render, translate, publish.
//!
//! The pipeline runs in one direction: [`discover`] -> [`load`] -> [`check`] -> [`status`] ->
//! [`localize`] -> [`render`] -> [`publish`]. Each stage takes the previous stage's output as a
//! value; [`build`] is the whole list of steps for the status site.
//!
//! # Public surface
//!
//! What the `hindsight` binary and the tests use, and nothing else (everything else is
//! `pub(crate)`; the `unreachable_pub` lint in Cargo.toml keeps it so):
//!
//! - [`project`]: the commands' entry points. [`project::find_root`], [`project::Project::load`]
//!   (config, records, overlays; found once, loaded once), [`project::Project::check`] (lint),
//!   [`project::render_one`], [`project::plan_translation`] (with its policy: a broken overlay
//!   is never rewritten) and [`project::now`] (`SOURCE_DATE_EPOCH` or the clock).
//! - [`build::build`]: the status site from values ([`load::Corpus`], [`build::SiteAssets`],
//!   "now") to artifacts, without touching the disk; [`publish::site`] writes them.
//! - [`publish`]: the only stage that writes: atomic files ([`publish::write_file`]), the
//!   site swap, the output guard ([`publish::guard`]) and interruption ([`publish::interrupt`]).
//! - [`load::load`] and [`load::from_texts`] (the same parse from files or from strings),
//!   [`check::check`] and the rule registry [`check::rules::REGISTRY`], the lint reports in
//!   [`report`], the JSON Schemas in [`schema`], and [`translate::status()`].
//! - For tests of one stage: [`localize::Localizer`], [`localize::postmortem()`] and its view
//!   types (the templates' contract, [`localize::postmortem`](mod@localize::postmortem)), [`render::Templates`] and the
//!   Markdown renderers in [`render::markdown`].
//! - [`scaffold`]: `init`'s new project and `new`'s record from a template, with their slugs.
//! - [`edit`]: `update` and `resolve` as a plan (the record's new text, read back) that the
//!   binary writes; [`completion`]: what the shell completes from the project.
//! - [`stats`]: `hindsight stats` as a value ([`stats::compute`]) and its three formats.
//! - `serve` (the default-on cargo feature `serve`): the live preview, built in memory with
//!   [`build::Options::preview`], served and rebuilt on change.

pub(crate) mod assets;
pub mod build;
pub mod check;
pub mod completion;
pub mod diagnostic;
pub mod discover;
pub mod edit;
pub(crate) mod links;
pub mod load;
pub mod localize;
pub mod model;
pub mod notify;
pub mod project;
pub mod publish;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub(crate) mod stat;
pub mod stats;
pub mod status;
pub mod translate;
mod yaml_quote;
