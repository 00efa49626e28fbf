//! `invalid-value`: a value of the wrong kind or outside its allowed set (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// A value has the wrong shape, is not one of the allowed words, or is malformed.
    ///
    /// Keyword fields accept a closed set of words (`status`, `severity`, component statuses
    /// under `affected`, `marks`, action `status` and `kind`); hindsight suggests the closest
    /// one. Other values must have the right shape: a list where a list is expected, a mapping
    /// for each timeline entry, a duration like `18m` or `~1.5h`, an `http(s)` or `mailto`
    /// link, and a file name that is a valid incident id (lowercase ASCII letters, digits and
    /// `-`, starting with a date, as in `2023-12-17-docker-image-not-found`).
    ///
    /// ## Example
    ///
    /// ```yaml
    /// severity: high              # expected one of: none, minor, major, critical
    /// affected:
    ///   api: down                 # expected a component status such as major_outage
    /// duration: 18 minutes        # write `18m`
    /// ```
    ///
    /// ## Fix
    ///
    /// Use one of the values the message lists, or the notation it shows.
    pub INVALID_VALUE = InvalidValue, Error, Scope::Load
}
