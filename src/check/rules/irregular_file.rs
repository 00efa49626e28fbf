//! `irregular-file`: a source under incidents/ that is not a regular file inside the project (reported by the loader).

use crate::check::{Scope, declare_rule};

declare_rule! {
    /// A file under `incidents/` is a link that leads out of the project, a link to nothing, or not a regular file.
    ///
    /// hindsight reads only files that belong to the project: a record that is really a link
    /// to a file elsewhere (another checkout, `/etc`, a mounted share) would publish text that
    /// nobody reviewed in this repository, and a pipe or a device would make it hang or read
    /// without end. Links that stay inside the project are followed as if they were the file;
    /// everything else is reported here, never skipped silently, so a record does not vanish
    /// from the site without a word.
    ///
    /// ## Example
    ///
    /// ```text
    /// incidents/2024-01-10-outage.yaml -> /home/alice/drafts/outage.yaml
    /// ```
    ///
    /// ## Fix
    ///
    /// Copy the file into `incidents/` instead of linking to it, or point the link at a file
    /// inside the project; remove links to nothing, pipes and devices.
    pub IRREGULAR_FILE = IrregularFile, Error, Scope::Load
}
