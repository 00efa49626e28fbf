//! `missing-field`: a required field is absent or empty (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// A required field is absent, or present with no value.
    ///
    /// Every record needs `title`, `lang` and `status`. Unless it is a draft, it also needs
    /// `severity` and `started`: without them the status site cannot place or weigh the
    /// incident. Timeline entries need `at` and `text`, actions need `text` and `status`,
    /// overlay pairs need `source`, and an overlay needs `lang`. An empty file is reported
    /// here as well.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// title: Docker image not found
    /// lang: en
    /// status: published
    /// severity: critical
    /// # `started` is missing
    /// ```
    ///
    /// ## Fix
    ///
    /// Add the field. If the incident is still being written up, mark it `status: draft`:
    /// drafts may leave `severity` and `started` out, and never appear in public output.
    pub MISSING_FIELD = MissingField, Error, Scope::Load
}
