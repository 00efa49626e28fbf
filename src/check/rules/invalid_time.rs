//! `invalid-time`: a time, date or zone that cannot be read (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// A time, date or time zone cannot be read, or names a moment that does not exist.
    ///
    /// Times are accepted as RFC 3339 with an offset (`2023-12-17T03:56:00Z`), as a local
    /// date-time in the record's `timezone` (`2017-10-27 14:10`), as a date when only the day
    /// is known (`2023-12-17`), or as a time of day (`14:10`) that takes its date from the
    /// entry before it. A local time that the zone skips (clocks going forward) does not exist,
    /// and one that happens twice (clocks going back) is ambiguous: both are reported rather
    /// than guessed. `timezone` must be an IANA zone name.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// timezone: Europe/London
    /// started: 2017-10-29 01:30   # happens twice: clocks went back at 02:00 BST
    /// resolved: tomorrow          # not a time
    /// ```
    ///
    /// ## Fix
    ///
    /// Write the time in one of the accepted forms; for an ambiguous local time, give the
    /// offset (`2017-10-29T01:30:00+01:00`).
    pub INVALID_TIME = InvalidTime, Error, Scope::Load
}
