//! `maintenance-overlap`: two published maintenance windows on one component at the same time.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::show;
use crate::check::index::{Index, RecordEntry};
use crate::check::{Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::time::When;
use crate::model::{Record, Spanned};

declare_rule! {
    /// Two published maintenance windows overlap on the same component.
    ///
    /// Readers of the status page and of its calendar see two announcements for one
    /// component at once, each with its own times: it is unclear when the component is
    /// really down. Usually one window was copied from the other and not moved, or the two
    /// belong in one announcement. Cancelled windows, windows known only to the day and
    /// windows that merely touch (one ends when the next begins) are not reported.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # incidents/2024-03-05-database-upgrade.yaml
    /// affected: {api: under_maintenance}
    /// scheduled_for: 2024-03-05 22:00
    /// scheduled_until: 2024-03-05 23:30
    /// # incidents/2024-03-05-cache-upgrade.yaml
    /// affected: {api: under_maintenance}
    /// scheduled_for: 2024-03-05 23:00
    /// scheduled_until: 2024-03-06 00:30
    /// ```
    ///
    /// ## Fix
    ///
    /// Move one window so that it starts when the other has ended, or merge the two into
    /// one maintenance that names all the work.
    pub MAINTENANCE_OVERLAP = MaintenanceOverlap, Warning, Scope::Index(check)
}

/// A published, not cancelled maintenance with a window known to the minute: what the
/// project index keeps of a record for this rule.
#[derive(Debug, Clone)]
pub(crate) struct Window {
    pub(crate) scheduled_for: Spanned<When>,
    pub(crate) scheduled_until: When,
    /// The zone the record's times are shown in.
    pub(crate) zone: Tz,
    /// The components under `affected`, in the record's order.
    pub(crate) components: Vec<String>,
}

impl Window {
    fn from(&self) -> DateTime<Utc> {
        self.scheduled_for.value.utc
    }

    fn until(&self) -> DateTime<Utc> {
        self.scheduled_until.utc
    }
}

/// The window of `record`, if it has one this rule compares; `site_zone` is the site's.
pub(crate) fn window(record: &Record, site_zone: Tz) -> Option<Window> {
    if !record.is_maintenance() || !record.is_published() || record.is_cancelled() {
        return None;
    }
    let from = record.scheduled_for.as_ref()?;
    let until = &record.scheduled_until.as_ref()?.value;
    // A window out of order is `maintenance-window`'s; a day-only one has no exact ends.
    if from.value.is_day_only() || until.is_day_only() || until.utc <= from.value.utc {
        return None;
    }
    Some(Window {
        scheduled_for: from.clone(),
        scheduled_until: *until,
        zone: record.zone(site_zone),
        components: record
            .affected
            .0
            .iter()
            .map(|(component, _)| component.value.clone())
            .collect(),
    })
}

fn check(index: &Index<'_>) -> Vec<(PathBuf, Finding)> {
    let mut windows: Vec<(&RecordEntry, &Window)> = index
        .records
        .iter()
        .filter_map(|entry| Some((entry, entry.window.as_ref()?)))
        .collect();
    windows.sort_by(|(a_entry, a), (b_entry, b)| {
        (a.from(), &a_entry.id).cmp(&(b.from(), &b_entry.id))
    });
    let mut findings = Vec::new();
    for (later_index, (later_entry, later)) in windows.iter().enumerate() {
        // The first earlier window that overlaps on a shared component: one finding each.
        let overlap = windows[..later_index]
            .iter()
            .find_map(|(earlier_entry, earlier)| {
                if earlier.until() <= later.from() {
                    return None;
                }
                later.components.iter().find_map(|component| {
                    earlier.components.contains(component).then_some((
                        earlier_entry,
                        earlier,
                        component.as_str(),
                    ))
                })
            });
        let Some((earlier_entry, earlier, component)) = overlap else {
            continue;
        };
        let from = &later.scheduled_for;
        findings.push((
            later_entry.path.clone(),
            Finding::new(
                MAINTENANCE_OVERLAP.id,
                from.span,
                format!(
                    "this window starts at {}, before the maintenance `{}` on component `{component}` ends at {}",
                    show(&from.value, later.zone),
                    earlier_entry.id,
                    show(&earlier.scheduled_until, later.zone)
                ),
            )
            .help(format!(
                "start this window when `{}` has ended, or merge the two into one maintenance",
                earlier_entry.id
            )),
        ));
    }
    findings
}
