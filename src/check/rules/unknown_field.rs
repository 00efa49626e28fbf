//! `unknown-field`: a field name the format does not define (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// A field name is not part of the record, overlay or site configuration format.
    ///
    /// A misspelt field is silently useless: `root_casue:` would never be rendered, and the
    /// record would look complete to its authors while the postmortem lacks its root cause.
    /// hindsight therefore rejects every name it does not know and suggests the closest known
    /// one. Rule names under `lint:` in site/config.yaml are checked the same way.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// title: Docker image not found
    /// root_casue: |          # did you mean `root_cause`?
    ///   The retention workflow deleted untagged images.
    /// ```
    ///
    /// ## Fix
    ///
    /// Rename the field to the suggested name, or remove it. `hindsight schema` prints the
    /// full format; pointing your editor at it completes field names as you type.
    pub UNKNOWN_FIELD = UnknownField, Error, Scope::Load
}
