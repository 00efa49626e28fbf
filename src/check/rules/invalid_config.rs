//! `invalid-config`: site/config.yaml lacks or misstates what the status site needs (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// site/config.yaml lacks or misstates something the status site cannot be built without.
    ///
    /// `hindsight build` needs the site's public address (`base_url`: an absolute http or
    /// https URL with a host and no whitespace, because it is written into canonical links,
    /// feeds, the sitemap and robots.txt), each language once, and component ids it can use
    /// in file names (lowercase ASCII letters, digits and `-`, at most 100 characters).
    /// Lint reports each of these so that a passing lint means a build that succeeds. Unlike
    /// other rules, this one cannot be turned down or off in `lint:`: the build would fail
    /// (or write a broken site) all the same.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// base_url: "https://status.example.com/\nDisallow: /"   # a line break in the address
    /// languages: [en, de, en]                                # `en` twice
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the address the site is served from (`base_url: https://status.example.com/`),
    /// list each language once, and give components short ids such as `api` or `web`.
    pub INVALID_CONFIG = InvalidConfig, Error, Scope::Load
}
