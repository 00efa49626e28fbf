//! `duplicate-id`: two record files with the same id.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::check::index::Index;
use crate::check::{Scope, declare_rule};
use crate::diagnostic::{Finding, Span};

declare_rule! {
    /// Two record files have the same id (file name without `.yaml`).
    ///
    /// The id is the incident's identity: it names its page, its feed entry and its API
    /// object, and overlays find their record by it. Two files with the same stem (in
    /// different folders under incidents/, or as `.yaml` and `.yml`) would overwrite each
    /// other's pages and make translations ambiguous.
    ///
    /// ## Example
    ///
    /// ```text
    /// incidents/2023-12-17-image-deleted.yaml
    /// incidents/2023/2023-12-17-image-deleted.yaml
    /// ```
    ///
    /// ## Fix
    ///
    /// Rename one of the files to an id of its own. If both describe the same incident,
    /// merge them.
    pub DUPLICATE_ID = DuplicateId, Error, Scope::Index(check)
}

fn check(index: &Index<'_>) -> Vec<(PathBuf, Finding)> {
    let mut first: HashMap<&str, &PathBuf> = HashMap::new();
    let mut findings = Vec::new();
    for file in index.records {
        match first.get(file.id.as_str()) {
            None => {
                first.insert(&file.id, &file.path);
            }
            Some(earlier) => findings.push((
                file.path.clone(),
                Finding::new(
                    DUPLICATE_ID.id,
                    Span::file_start(),
                    format!(
                        "the id `{}` is already used by {}",
                        file.id,
                        crate::diagnostic::display_path(earlier)
                    ),
                )
                .help("rename one of the files; every incident needs an id of its own"),
            )),
        }
    }
    findings
}
