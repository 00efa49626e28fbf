//! `missing-config`: the project has no site/config.yaml.

use crate::check::index::Index;
use crate::check::{Scope, declare_rule};
use crate::diagnostic::{Finding, Span};

declare_rule! {
    /// The project has no `site/config.yaml`, so its records cannot be fully checked or built.
    ///
    /// The site configuration names the components that records may list under `affected`,
    /// the time zone that times without an offset are read in, the site's languages and
    /// its public address (`base_url`). Without it, components and languages go unchecked,
    /// times fall back to UTC, and `hindsight build` cannot build a site. hindsight looks for
    /// the file in the nearest folder upward that has one (as cargo finds Cargo.toml), so
    /// this also appears when hindsight runs outside the project; `--root` names the project
    /// explicitly.
    ///
    /// ## Example
    ///
    /// ```text
    /// incidents/2024-01-10-outage.yaml
    /// (no site/config.yaml)
    /// ```
    ///
    /// ## Fix
    ///
    /// Create `site/config.yaml` with at least the public address and the components:
    ///
    /// ```yaml
    /// base_url: https://status.example.com/
    /// components:
    ///   - id: api
    ///     name: API
    /// ```
    pub MISSING_CONFIG = MissingConfig, Error, Scope::Index(check)
}

fn check(index: &Index<'_>) -> Vec<(std::path::PathBuf, Finding)> {
    if index.config.source.is_some() {
        return Vec::new();
    }
    let finding = Finding::new(
        MISSING_CONFIG.id,
        Span::file_start(),
        "the project has no site/config.yaml: components, languages, the site's time zone and its address are unchecked, and no site can be built",
    )
    .help("create site/config.yaml (see `hindsight explain missing-config`); outside the project, pass --root to name it");
    vec![(index.config.path.clone(), finding)]
}
