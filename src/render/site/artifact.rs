//! A file of the output, in memory: what rendering produces and only publishing writes.

/// A file of the site: its path under the output directory (`/`-separated, relative) and
/// its bytes; for a page with a key (`build::PageKeys`), the key, which publishing records
/// so that the next build can keep the page without rendering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    pub path: String,
    pub bytes: Vec<u8>,
    pub key: Option<String>,
}

impl Artifact {
    pub(crate) fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Artifact {
            path: path.into(),
            bytes: bytes.into(),
            key: None,
        }
    }
}
