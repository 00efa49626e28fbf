//! The key of each incident and maintenance page: a hash of everything its bytes depend on, so that a build
//! can take the page from the previous site when its key is the one recorded there.
//!
//! With the built-in templates, an incident's page shows its record and overlays (in the
//! page's language), the site's configuration and messages, and when it was revised; "now"
//! only while the incident is ongoing (the "as of" line, its running duration) or when one
//! of its instants is not past (the revision time is capped at now). It shows no other
//! incident: its `site.incidents` holds only its own. A maintenance's page likewise shows its
//! own record (its window, status and texts) and "now" until it is completed with every
//! instant it names past. A project's own templates may show anything on any page (the
//! overall status, the months), so its pages get no key.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use crate::model::Lang;
use crate::status::{Incident, Maintenance};

/// What incident and maintenance pages' keys are made of: see the module.
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
        // A resolved incident whose every instant is past no longer follows the clock.
        let settled = incident.resolved.is_some() && incident.revised < now;
        let revision = incident.revised.to_rfc3339();
        self.page("incident", lang, incident.id(), &revision, (settled, now))
    }

    /// The key of `maintenance`'s page in `lang` at `now`; None when its group is unknown.
    pub(crate) fn maintenance(
        &self,
        lang: Lang,
        maintenance: &Maintenance<'_>,
        now: DateTime<Utc>,
    ) -> Option<String> {
        let instant = |at: Option<DateTime<Utc>>| at.map(|at| at.to_rfc3339()).unwrap_or_default();
        let revision = format!(
            "{}\n{}",
            instant(maintenance.revised),
            instant(maintenance.added)
        );
        let settled = maintenance.settled(now);
        self.page(
            "maintenance",
            lang,
            maintenance.id(),
            &revision,
            (settled, now),
        )
    }

    /// The key of the `kind` page of record `id` in `lang`, revised as `revision` says; with
    /// "now" in it unless the page is `settled` (no longer follows the clock).
    fn page(
        &self,
        kind: &str,
        lang: Lang,
        id: &str,
        revision: &str,
        (settled, now): (bool, DateTime<Utc>),
    ) -> Option<String> {
        let group = self.groups.get(id)?;
        let mut hasher = Sha256::new();
        hasher.update(format!(
            "{kind} page 1\n{}\n{}\n{lang}\n{id}\n{group}\n{revision}\n",
            self.site, self.preview,
        ));
        if !settled {
            hasher.update(format!("now {}\n", now.to_rfc3339()));
        }
        Some(crate::publish::hex(&hasher.finalize()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{RecordContext, record};

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap()
    }

    fn keys() -> PageKeys {
        let groups = HashMap::from([("2024-01-10-x".to_string(), "files".to_string())]);
        PageKeys::new(Some("site".to_string()), groups).unwrap()
    }

    /// The key of the record `yaml`'s page in English at `now`, its last revision `revised`.
    fn key(yaml: &str, revised: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<String> {
        let (record, _) = record::parse("2024-01-10-x", yaml, &RecordContext::default());
        let record = record.unwrap();
        let incident = crate::status::incident(&record, revised, now).unwrap();
        keys().incident(Lang::En, &incident, now)
    }

    const RESOLVED: &str = "title: X\nlang: en\nstatus: published\nseverity: minor\nstarted: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T11:00:00Z\n";
    const ONGOING: &str =
        "title: X\nlang: en\nstatus: published\nseverity: minor\nstarted: 2024-01-10T10:00:00Z\n";

    #[test]
    fn a_page_follows_the_clock_only_while_its_incident_does() {
        let (now, later) = (at(1_717_200_000), at(1_717_203_600));
        assert!(key(RESOLVED, None, now).is_some());
        assert_eq!(key(RESOLVED, None, now), key(RESOLVED, None, later));
        assert_ne!(key(ONGOING, None, now), key(ONGOING, None, later));
        // A revision after now is shown as now: the page follows the clock until it is past.
        let revised = Some(at(1_717_201_000));
        assert_ne!(
            key(RESOLVED, revised, now),
            key(RESOLVED, revised, at(1_717_200_500))
        );
        assert_eq!(
            key(RESOLVED, revised, later),
            key(RESOLVED, revised, at(1_717_207_200))
        );
        assert_ne!(key(RESOLVED, revised, later), key(RESOLVED, None, later));
        // A group the keys do not know has no key; neither has any page of a project whose
        // pages cannot be keyed.
        let (record, _) = record::parse("2024-01-11-y", RESOLVED, &RecordContext::default());
        let record = record.unwrap();
        let other = crate::status::incident(&record, None, now).unwrap();
        assert_eq!(keys().incident(Lang::En, &other, now), None);
        assert!(PageKeys::new(None, HashMap::new()).is_none());
    }
}
