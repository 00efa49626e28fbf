//! The key of each incident page: a hash of everything its bytes depend on, so that a build
//! can take the page from the previous site when its key is the one recorded there.
//!
//! With the built-in templates, an incident's page shows its record and overlays (in the
//! page's language), the site's configuration and messages, and when it was revised; "now"
//! only while the incident is ongoing (the "as of" line, its running duration) or when one
//! of its instants is not past (the revision time is capped at now). It shows no other
//! incident: its `site.incidents` holds only its own. A project's own templates may show
//! anything on any page (the overall status, the months), so its pages get no key.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use crate::model::Lang;
use crate::status::Incident;

/// What incident pages' keys are made of: see the module.
#[derive(Debug, Clone)]
pub struct PageKeys {
    /// The part every page shares (format, binary, configuration, templates, messages, the
    /// site's files).
    site: String,
    /// Each record group's files' hash, by record id.
    groups: HashMap<String, String>,
    /// Whether the build shows drafts and reviews (`serve`).
    preview: bool,
}

impl PageKeys {
    /// Keys from the inputs of every page (`site`, None when pages cannot be keyed) and of
    /// each group (`groups`, by record id).
    pub fn new(site: Option<String>, groups: HashMap<String, String>) -> Option<PageKeys> {
        Some(PageKeys {
            site: site?,
            groups,
            preview: false,
        })
    }

    /// These keys for a build with `options`.
    pub(crate) fn with(mut self, options: super::Options) -> PageKeys {
        self.preview = options.preview;
        self
    }

    /// The key of `incident`'s page in `lang` at `now`; None when its group is unknown.
    pub(crate) fn incident(
        &self,
        lang: Lang,
        incident: &Incident<'_>,
        now: DateTime<Utc>,
    ) -> Option<String> {
        let group = self.groups.get(incident.id())?;
        let mut hasher = Sha256::new();
        hasher.update(format!(
            "incident page 1\n{}\n{}\n{lang}\n{}\n{group}\n{}\n",
            self.site,
            self.preview,
            incident.id(),
            incident.revised.to_rfc3339()
        ));
        // A resolved incident whose every instant is past no longer follows the clock.
        let settled = incident.resolved.is_some() && incident.revised < now;
        if !settled {
            hasher.update(format!("now {}\n", now.to_rfc3339()));
        }
        Some(crate::publish::hex(&hasher.finalize()))
    }
}
