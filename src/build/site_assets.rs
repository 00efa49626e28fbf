//! Everything a build reads besides the records, read once before it: templates, messages,
//! the site's static files and git revisions.

use std::path::Path;

use anyhow::Context as _;

use crate::assets::{self, Content, SITE_FILES};
use crate::load::{self, Revisions};
use crate::localize::Localizer;
use crate::render::Templates;
use crate::render::site::Artifact;

/// Everything a build reads besides the records: templates, messages, the site's static
/// files and git revisions. [`SiteAssets::load`] reads them once; a build then does no I/O.
pub struct SiteAssets {
    pub localizer: Localizer,
    pub templates: Templates,
    /// The built-in stylesheet and favicon, with the project's `site/` files over them.
    pub static_files: Vec<Artifact>,
    pub revisions: Revisions,
}

impl SiteAssets {
    /// The assets of the project at `root`: its own files over the built-in ones.
    pub fn load(root: &Path) -> anyhow::Result<SiteAssets> {
        Ok(SiteAssets {
            localizer: Localizer::load(Some(root))?,
            templates: Templates::load(Some(root))?,
            static_files: static_files(Some(root))?,
            revisions: load::revisions(root),
        })
    }

    /// Only what is built into hindsight, and no git history.
    pub fn builtin() -> anyhow::Result<SiteAssets> {
        Ok(SiteAssets {
            localizer: Localizer::load(None)?,
            templates: Templates::load(None)?,
            static_files: static_files(None)?,
            revisions: Revisions::new(),
        })
    }
}

/// The built-in stylesheet and favicon, with the project's `site/` files over them (every
/// file there but the configuration is published as it is).
fn static_files(root: Option<&Path>) -> anyhow::Result<Vec<Artifact>> {
    let layers = assets::layered(root, "site", SITE_FILES, Content::Binary)
        .context("cannot read the site's static files")?;
    Ok(layers
        .into_iter()
        .filter(|layer| layer.name != crate::discover::CONFIG_NAME)
        .filter_map(|layer| {
            let bytes = layer.effective_bytes()?.to_vec();
            Some(Artifact::new(layer.name, bytes))
        })
        .collect())
}
