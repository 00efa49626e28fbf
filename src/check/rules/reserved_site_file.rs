//! `reserved-site-file`: a file in `site/` where the build writes its own output.

use std::path::PathBuf;

use crate::check::index::Index;
use crate::check::{Scope, declare_rule};
use crate::diagnostic::{Finding, Span};
use crate::render::site::paths::{self, Reserved};

declare_rule! {
    /// A file in `site/` lies where hindsight writes the site's own files: `build` would
    /// refuse it.
    ///
    /// Every file in `site/` but the configuration is published as it is, at the same place
    /// under the output. hindsight owns the root's `index.html`, `404.html`, `sitemap.xml`,
    /// `robots.txt`, `postmortem.css` and `build.json`, the `api/` folder and a folder per
    /// site language (`en/`, `de/`, …): a file of yours there would replace a generated page
    /// or be replaced by one, now or when the site grows a page, so the build refuses it and
    /// lint reports it first. `style.css` and `favicon.svg` are yours to replace.
    ///
    /// ## Example
    ///
    /// ```text
    /// site/build.json
    /// site/en/logo.png
    /// ```
    ///
    /// ## Fix
    ///
    /// Move the file to a folder of its own, such as `site/assets/logo.png`, and link it
    /// from there.
    pub RESERVED_SITE_FILE = ReservedSiteFile, Error, Scope::Index(check)
}

fn check(index: &Index<'_>) -> Vec<(PathBuf, Finding)> {
    let languages = &index.config.config.languages;
    index
        .site_files
        .iter()
        .filter_map(|(name, path)| Some((name, path, paths::reserved(name, languages)?)))
        .map(|(name, path, reserved)| {
            let message = match reserved {
                Reserved::RootFile => {
                    format!("`site/{name}` would replace the `{name}` the build writes")
                }
                Reserved::Api => format!(
                    "`site/{name}` would be published into `{}/`, the JSON API's folder, which the build owns",
                    paths::API_DIR
                ),
                Reserved::Language(lang) => format!(
                    "`site/{name}` would be published into `{lang}/`, the folder of the site's `{lang}` pages, which the build owns"
                ),
            };
            (
                path.clone(),
                Finding::new(
                    RESERVED_SITE_FILE.id,
                    Span::file_start(),
                    message,
                )
                .help(format!(
                    "move it out of the language folders, `api/` and the generated root files, such as to `site/assets/{}`",
                    name.rsplit('/').next().unwrap_or(name)
                )),
            )
        })
        .collect()
}
