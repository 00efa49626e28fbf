//! `yaml-syntax`: the file is not well-formed YAML (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// The file is not well-formed YAML, is not UTF-8 text, or holds more than one document.
    ///
    /// hindsight reads each file under `incidents/` as exactly one YAML document of UTF-8
    /// text. When the YAML cannot be parsed, nothing else in the file can be checked, so this
    /// is the first finding to fix. The position points at the character where the parser
    /// gave up, which is usually at or just after the real mistake. A key given twice in one
    /// mapping is reported here too: YAML forbids it, and silently keeping one would lose text.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// title: Database failover: replicas lagged   # `: ` inside plain text
    /// ```
    ///
    /// ## Fix
    ///
    /// Quote text that contains `: ` or ` #` (`title: "Database failover: replicas lagged"`),
    /// or move long text into a block after `|`. Check the indentation of the lines around the
    /// position. Save the file as UTF-8, and split a file with several `---` documents into one
    /// file per incident.
    pub YAML_SYNTAX = YamlSyntax, Error, Scope::Load
}
