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
    /// The `notify:` channels are checked the same way, so that `hindsight notify` does not
    /// fail in CI: variable names in upper case (never a token or URL in their place, and such
    /// a value is not quoted back), an e-mail channel's server, sender, recipients,
    /// unsubscribe target and port, only the fields the channel's kind uses, not both `url`
    /// and `url_env`, and `https://` for a webhook `url` except to the machine itself.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// base_url: "https://status.example.com/\nDisallow: /"   # a line break in the address
    /// languages: [en, de, en]                                # `en` twice
    /// notify:
    ///   - kind: slack
    ///     url_env: xoxb1234abcd                              # a token, not a variable's name
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the address the site is served from (`base_url: https://status.example.com/`),
    /// list each language once, and give components short ids such as `api` or `web`.
    /// Put a channel's secret in a CI secret and name its variable (`url_env: SLACK_WEBHOOK_URL`).
    pub INVALID_CONFIG = InvalidConfig, Error, Scope::Load
}
