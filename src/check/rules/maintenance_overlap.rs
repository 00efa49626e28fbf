//! `maintenance-overlap`: two published maintenance windows on one component at the same time.

use std::path::PathBuf;

use super::show;
use crate::check::{Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::load::Corpus;
use crate::model::Record;

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
    pub MAINTENANCE_OVERLAP = MaintenanceOverlap, Warning, Scope::Corpus(check)
}

/// A published, not cancelled maintenance with a window known to the minute.
struct Window<'a> {
    path: &'a PathBuf,
    record: &'a Record,
    from: chrono::DateTime<chrono::Utc>,
    until: chrono::DateTime<chrono::Utc>,
}

fn window<'a>(path: &'a PathBuf, record: &'a Record) -> Option<Window<'a>> {
    if !record.is_maintenance() || !record.is_published() || record.is_cancelled() {
        return None;
    }
    let from = &record.scheduled_for.as_ref()?.value;
    let until = &record.scheduled_until.as_ref()?.value;
    // A window out of order is `maintenance-window`'s; a day-only one has no exact ends.
    if from.is_day_only() || until.is_day_only() || until.utc <= from.utc {
        return None;
    }
    Some(Window {
        path,
        record,
        from: from.utc,
        until: until.utc,
    })
}

fn check(corpus: &Corpus) -> Vec<(PathBuf, Finding)> {
    let mut windows: Vec<Window<'_>> = corpus
        .records
        .iter()
        .filter_map(|file| window(&file.source.path, file.record.as_ref()?))
        .collect();
    windows.sort_by(|a, b| (a.from, &a.record.id).cmp(&(b.from, &b.record.id)));
    let zone = corpus.config.config.timezone;
    let mut findings = Vec::new();
    for (later_index, later) in windows.iter().enumerate() {
        // The first earlier window that overlaps on a shared component: one finding each.
        let overlap = windows[..later_index].iter().find_map(|earlier| {
            if earlier.until <= later.from {
                return None;
            }
            later.record.affected.0.iter().find_map(|(component, _)| {
                earlier
                    .record
                    .affected
                    .0
                    .iter()
                    .any(|(other, _)| other.value == component.value)
                    .then_some((earlier, component.value.as_str()))
            })
        });
        let Some((earlier, component)) = overlap else {
            continue;
        };
        let from = later
            .record
            .scheduled_for
            .as_ref()
            .expect("a window has a start");
        let earlier_until = earlier.record.scheduled_until.as_ref().expect("and an end");
        let later_zone = later.record.zone(zone);
        findings.push((
            later.path.clone(),
            Finding::new(
                MAINTENANCE_OVERLAP.id,
                from.span,
                format!(
                    "this window starts at {}, before the maintenance `{}` on component `{component}` ends at {}",
                    show(&from.value, later_zone),
                    earlier.record.id,
                    show(&earlier_until.value, later_zone)
                ),
            )
            .help(format!(
                "start this window when `{}` has ended, or merge the two into one maintenance",
                earlier.record.id
            )),
        ));
    }
    findings
}
