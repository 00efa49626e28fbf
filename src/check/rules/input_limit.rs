//! `input-limit`: the file exceeds a size, nesting or alias-expansion budget (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// The file is larger, deeper or expands to more nodes than a record can reasonably be.
    ///
    /// hindsight runs in CI on files anyone can propose in a pull request, so it refuses input
    /// that would make it slow or exhaust memory, and says so instead of hanging. The budgets
    /// per file are: 2 MiB of text, 64 levels of nesting, and 100,000 YAML nodes after aliases
    /// (`*name`) are expanded. A "billion laughs" document, where a few lines of anchors and
    /// aliases expand to billions of nodes, is stopped as soon as it passes the node budget.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// a: &a [x, x, x, x, x, x, x, x, x, x]
    /// b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    /// c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
    /// # ... each level multiplies the size by ten
    /// ```
    ///
    /// ## Fix
    ///
    /// An incident record needs none of this: remove the aliases, flatten the structure, or
    /// split a very long record. If the file is not an incident record, move it out of
    /// `incidents/`.
    pub INPUT_LIMIT = "input-limit", Error, Scope::Load
}
