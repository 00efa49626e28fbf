//! An incident's status derived ahead, from its whole record: a build that reads a record at
//! a time derives it then, and keeps of the record only what the rest of the status reads.

use chrono::{DateTime, Utc};

use super::{Incident, IncidentStatus, Update};
use crate::model::Record;

/// What [`super::incident`] derives of a record, without the record.
#[derive(Debug, Clone)]
pub(crate) struct Derived {
    pub(crate) status: IncidentStatus,
    pub(crate) started: DateTime<Utc>,
    pub(crate) resolved: Option<DateTime<Utc>>,
    pub(crate) monitoring: Option<DateTime<Utc>>,
    pub(crate) updates: Vec<Update>,
    pub(crate) revised: DateTime<Utc>,
}

impl Derived {
    pub(crate) fn of(incident: &Incident) -> Derived {
        Derived {
            status: incident.status,
            started: incident.started,
            resolved: incident.resolved,
            monitoring: incident.monitoring,
            updates: incident.updates.clone(),
            revised: incident.revised,
        }
    }

    /// The incident of `record`, the record it was derived from (or its slim copy).
    pub(crate) fn with(self, record: &Record) -> Incident<'_> {
        Incident {
            record,
            status: self.status,
            started: self.started,
            resolved: self.resolved,
            monitoring: self.monitoring,
            updates: self.updates,
            revised: self.revised,
        }
    }
}
