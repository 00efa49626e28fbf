//! Incident counts grouped as `--by` asks, and the fixed monthly series (the last 12 months:
//! incidents, mean time to resolve, uptime per component) the metrics page draws.

use serde::{Serialize, Serializer};

use super::figures::Figure;
use super::period::{Bounds, Unit, Window};
use super::uptime::{PeriodUptime, per_period};
use super::{By, Counted};
use crate::model::{ComponentStatus, Impact};
use crate::status::status_on;

/// The `--by` table: one row per group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counts {
    pub by: By,
    pub rows: Vec<CountRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountRow {
    /// `2026-11`, `2026-Q4`, a component id or a severity.
    pub key: String,
    /// A component's name (in the site's first language); none for other groupings.
    pub name: Option<String>,
    pub incidents: usize,
}

/// Groups `incidents`: by the month or quarter of `started` (the periods that have any, in
/// order), by component (every configured component, counting the incidents that gave it a
/// status other than operational), or by severity (every severity).
pub(crate) fn counts(incidents: &[Counted<'_>], by: By, components: &[(String, String)]) -> Counts {
    let rows = match by {
        By::Month | By::Quarter => {
            let unit = if by == By::Month {
                Unit::Month
            } else {
                Unit::Quarter
            };
            let mut keys: Vec<String> = incidents.iter().map(|i| unit.key(i.date)).collect();
            keys.sort();
            let mut rows: Vec<CountRow> = Vec::new();
            for key in keys {
                match rows.last_mut() {
                    Some(row) if row.key == key => row.incidents += 1,
                    _ => rows.push(CountRow {
                        key,
                        name: None,
                        incidents: 1,
                    }),
                }
            }
            rows
        }
        By::Component => components
            .iter()
            .map(|(id, name)| CountRow {
                key: id.clone(),
                name: Some(name.clone()),
                incidents: incidents
                    .iter()
                    .filter(|i| status_on(i.record, id) != ComponentStatus::Operational)
                    .count(),
            })
            .collect(),
        By::Severity => Impact::ALL
            .iter()
            .map(|&impact| CountRow {
                key: impact.as_str().to_string(),
                name: None,
                incidents: incidents.iter().filter(|i| i.severity == impact).count(),
            })
            .collect(),
    };
    Counts { by, rows }
}

/// One month of the fixed series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Month {
    /// `2026-11`.
    pub month: String,
    /// Incidents that started in the month.
    pub incidents: usize,
    /// Of those, the time to resolve (resolved incidents known to the minute).
    pub time_to_resolve: Figure,
    /// Per configured component, in configuration order.
    pub uptime: Vec<ComponentMonth>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentMonth {
    pub component: String,
    #[serde(flatten)]
    pub uptime: PeriodUptime,
}

/// How many months the series covers, the last one included.
pub(crate) const SERIES_MONTHS: u32 = 12;

/// The 12 months up to the one holding the last day of the bounds (today, or `--until`).
pub(crate) fn monthly(
    incidents: &[Counted<'_>],
    bounds: Bounds,
    spans: &[(String, Vec<crate::status::uptime::Span>)],
) -> Vec<Month> {
    let last = bounds.date(bounds.until - chrono::Duration::seconds(1));
    let first = Unit::Month
        .first_day(last)
        .checked_sub_months(chrono::Months::new(SERIES_MONTHS - 1))
        .unwrap_or(last);
    let windows: Vec<Window> = bounds.windows(Unit::Month, first, last, true);
    let per_component: Vec<Vec<PeriodUptime>> = spans
        .iter()
        .map(|(_, spans)| per_period(spans, &windows, |d| Unit::Month.key(d)))
        .collect();
    windows
        .iter()
        .enumerate()
        .map(|(index, &(day, _, _))| {
            let key = Unit::Month.key(day);
            let in_month: Vec<&Counted<'_>> = incidents
                .iter()
                .filter(|i| Unit::Month.key(i.date) == key)
                .collect();
            let resolve = in_month.iter().filter_map(|i| i.to_resolve).collect();
            Month {
                month: key,
                incidents: in_month.len(),
                time_to_resolve: Figure::of(resolve, in_month.len()),
                uptime: spans
                    .iter()
                    .zip(&per_component)
                    .map(|((id, _), periods)| ComponentMonth {
                        component: id.clone(),
                        uptime: periods[index].clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

impl Serialize for By {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
