//! `invalid-character`: a character XML 1.0 forbids, in any text (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// A text contains a control character that XML cannot carry.
    ///
    /// XML 1.0 allows tab, line feed and carriage return, and no other character below
    /// U+0020, nor U+FFFE or U+FFFF. The Atom feeds and the SVG badges are XML: one such
    /// character in a title, a summary, a translation or a component name would make them
    /// unreadable for every feed reader and browser. These characters are invisible in
    /// most editors and usually arrive by copy and paste, or are written as YAML escapes
    /// (`"\x01"`, `"\v"`, `"\u000B"`). hindsight checks every key and value of records,
    /// overlays and site/config.yaml, and points at the character itself or at the escape
    /// that produces it; the message names its code point. The site never writes these
    /// characters, but it cannot know what was meant by them, so `build` refuses until
    /// they are gone.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// title: "Docker image\x0bnot found"     # U+000B, a vertical tab
    /// ```
    ///
    /// ## Fix
    ///
    /// Delete the character, or replace it with what it stands for: a space, a dash, a
    /// line break (`\n`). `hindsight lint --format json` gives the exact line and column.
    pub INVALID_CHARACTER = InvalidCharacter, Error, Scope::Load
}
