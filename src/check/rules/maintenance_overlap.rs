//! `maintenance-overlap`: two published maintenance windows on one component at the same time.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};
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
    let windows = by_start(index);
    let mut findings = Vec::new();
    // A sweep in order of start: the windows not yet ended, by component, each set in
    // order of start; a window leaves them all when the next one starts at or after its
    // end (so does every window after that). The first earlier window that overlaps on a
    // shared component is the first of the later window's components' sets.
    let mut running: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let mut ends: BinaryHeap<Reverse<(DateTime<Utc>, usize)>> = BinaryHeap::new();
    for (later_index, &(later_entry, later)) in windows.iter().enumerate() {
        while let Some(&Reverse((until, ended))) = ends.peek() {
            if until > later.from() {
                break;
            }
            ends.pop();
            for component in &windows[ended].1.components {
                if let Some(set) = running.get_mut(component.as_str()) {
                    set.remove(&ended);
                }
            }
        }
        let first = later
            .components
            .iter()
            .filter_map(|component| running.get(component.as_str())?.first())
            .min()
            .copied();
        for component in &later.components {
            running.entry(component).or_default().insert(later_index);
        }
        ends.push(Reverse((later.until(), later_index)));
        let Some(first) = first else {
            continue;
        };
        let (earlier_entry, earlier) = windows[first];
        let Some(component) = later
            .components
            .iter()
            .find(|component| earlier.components.contains(component))
        else {
            continue;
        };
        findings.push(finding(
            later_entry,
            later,
            earlier_entry,
            earlier,
            component,
        ));
    }
    findings
}

/// The windows of the index in order of start, then id.
fn by_start<'i>(index: &Index<'i>) -> Vec<(&'i RecordEntry, &'i Window)> {
    let mut windows: Vec<(&RecordEntry, &Window)> = index
        .records
        .iter()
        .filter_map(|entry| Some((entry, entry.window.as_ref()?)))
        .collect();
    windows.sort_by(|(a_entry, a), (b_entry, b)| {
        (a.from(), &a_entry.id).cmp(&(b.from(), &b_entry.id))
    });
    windows
}

/// The finding on the `later` window, which starts before the `earlier` one ends on
/// `component`.
fn finding(
    later_entry: &RecordEntry,
    later: &Window,
    earlier_entry: &RecordEntry,
    earlier: &Window,
    component: &str,
) -> (PathBuf, Finding) {
    let from = &later.scheduled_for;
    (
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
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::ConfigFile;

    /// The rule as it was: each window against every earlier one (quadratic).
    fn pairwise(index: &Index<'_>) -> Vec<(PathBuf, Finding)> {
        let windows = by_start(index);
        let mut findings = Vec::new();
        for (later_index, (later_entry, later)) in windows.iter().enumerate() {
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
            if let Some((earlier_entry, earlier, component)) = overlap {
                findings.push(finding(
                    later_entry,
                    later,
                    earlier_entry,
                    earlier,
                    component,
                ));
            }
        }
        findings
    }

    /// A published window of `minutes` from `start` minutes after 2026-01-01 UTC on
    /// `components`.
    fn record(start: u32, minutes: u32, components: &[&str]) -> String {
        let at = |minutes: u32| {
            let at = DateTime::from_timestamp(1_767_225_600 + i64::from(minutes) * 60, 0);
            at.unwrap().format("%Y-%m-%dT%H:%M:00Z").to_string()
        };
        let affected: String = components
            .iter()
            .map(|component| format!("  {component}: under_maintenance\n"))
            .collect();
        format!(
            "title: Work\nlang: en\nstatus: published\nkind: maintenance\naffected:\n{affected}scheduled_for: {}\nscheduled_until: {}\nsummary: Work.\n",
            at(start),
            at(start + minutes)
        )
    }

    fn entries(records: &[(String, String)]) -> Vec<RecordEntry> {
        let texts: Vec<(&str, &str)> = records
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str()))
            .collect();
        let corpus = crate::load::from_texts(None, &texts);
        let entries: Vec<RecordEntry> = corpus
            .records
            .iter()
            .map(|file| RecordEntry::of(file, Tz::UTC))
            .collect();
        assert!(entries.iter().all(|entry| entry.window.is_some()));
        entries
    }

    type Findings = Vec<(PathBuf, Finding)>;

    /// The findings of the sweep, and of the pairwise rule.
    fn run(records: &[(String, String)]) -> (Findings, Findings) {
        let entries = entries(records);
        let config = ConfigFile::default();
        let index = Index {
            config: &config,
            site_files: &[],
            records: &entries,
        };
        (check(&index), pairwise(&index))
    }

    #[test]
    fn the_sweep_finds_what_every_pair_finds_in_the_same_order() {
        // 3,000 windows from a fixed pseudo-random sequence: starts over a month, some
        // sharing a start, lengths from 1 minute to 3 days, one to four of 12 components.
        let mut state: u64 = 17;
        let mut next = |below: u32| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            u32::try_from((state >> 33) % u64::from(below)).unwrap()
        };
        let components = [
            "api", "web", "db", "cache", "queue", "search", "mail", "cdn", "dns", "auth",
            "billing", "logs",
        ];
        let records: Vec<(String, String)> = (0..3_000)
            .map(|n| {
                let start = next(43_200) / 30 * 30;
                let minutes = match next(4) {
                    0 => 1 + next(60),
                    1 | 2 => 30 + next(600),
                    _ => 1 + next(4_320),
                };
                let count = 1 + next(4) as usize;
                let mut on = Vec::new();
                for _ in 0..count {
                    let component = components[next(12) as usize];
                    if !on.contains(&component) {
                        on.push(component);
                    }
                }
                (
                    format!("incidents/2026-01-01-w{n:04}.yaml"),
                    record(start, minutes, &on),
                )
            })
            .collect();
        let (swept, pairs) = run(&records);
        assert!(pairs.len() > 1_000, "{}", pairs.len());
        assert_eq!(swept, pairs);
    }

    #[test]
    fn windows_that_touch_do_not_overlap_and_the_first_earlier_one_is_named() {
        let records = [
            ("incidents/2026-01-01-a.yaml", record(0, 60, &["api"])),
            ("incidents/2026-01-01-b.yaml", record(60, 60, &["api"])),
            (
                "incidents/2026-01-01-c.yaml",
                record(30, 120, &["web", "api"]),
            ),
            (
                "incidents/2026-01-01-d.yaml",
                record(90, 10, &["db", "web", "api"]),
            ),
        ]
        .map(|(path, text)| (path.to_string(), text));
        let (swept, pairs) = run(&records);
        assert_eq!(swept, pairs);
        let named: Vec<String> = swept
            .iter()
            .map(|(path, finding)| format!("{} {}", path.display(), finding.message))
            .collect();
        assert_eq!(named.len(), 3, "{named:#?}");
        assert!(
            named[0].starts_with("incidents/2026-01-01-c.yaml"),
            "{named:#?}"
        );
        assert!(
            named[0].contains("`2026-01-01-a` on component `api`"),
            "{named:#?}"
        );
        assert!(
            named[1].starts_with("incidents/2026-01-01-b.yaml"),
            "{named:#?}"
        );
        assert!(
            named[1].contains("`2026-01-01-c` on component `api`"),
            "{named:#?}"
        );
        assert!(
            named[2].starts_with("incidents/2026-01-01-d.yaml"),
            "{named:#?}"
        );
        assert!(
            named[2].contains("`2026-01-01-c` on component `web`"),
            "{named:#?}"
        );
    }
}
