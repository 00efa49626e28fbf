//! The history by month: which incidents and past maintenance windows each month of the
//! site's zone holds, for the history page and the month pages.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::localize::postmortem::Context;
use crate::model::SiteConfig;
use crate::status::SiteStatus;

/// One month of the history that has something in it: its own page,
/// `<lang>/history/<key>.html`.
#[derive(Debug, Clone, Serialize)]
pub struct MonthView {
    /// `2024-05`: the month's page name, the same in every language.
    pub key: String,
    pub label: String,
    /// Incidents that started in the month, newest first (indices into the site's incidents).
    pub incidents: Vec<usize>,
    /// Past maintenance windows that began in the month, most recent first (indices into
    /// the site's maintenances).
    pub maintenances: Vec<usize>,
}

/// The months that have an incident or a past window, newest first. `past` are the past
/// windows, most recent first.
pub(super) fn months(
    status: &SiteStatus,
    past: &[usize],
    config: &SiteConfig,
    ctx: &Context,
) -> Vec<MonthView> {
    let first_of = |at: chrono::DateTime<chrono::Utc>| {
        let local = at.with_timezone(&config.timezone).date_naive();
        local.with_day(1).unwrap_or(local)
    };
    let mut months: BTreeMap<NaiveDate, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (index, incident) in status.incidents.iter().enumerate() {
        months
            .entry(first_of(incident.started))
            .or_default()
            .0
            .push(index);
    }
    for &index in past {
        let window = &status.maintenances[index];
        months
            .entry(first_of(window.scheduled_for))
            .or_default()
            .1
            .push(index);
    }
    months
        .into_iter()
        .rev()
        .map(|(first, (incidents, maintenances))| MonthView {
            key: first.format("%Y-%m").to_string(),
            label: ctx.dates().month(first),
            incidents,
            maintenances,
        })
        .collect()
}
