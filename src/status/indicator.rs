//! The page's rollup indicator, as Statuspage's `status.indicator` names it.

use serde::Serialize;

/// The page's rollup indicator as Statuspage's `status.indicator` names it: the incident
/// severity, or `maintenance` while a window is active and no incident is ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    None,
    Minor,
    Major,
    Critical,
    Maintenance,
}

impl std::fmt::Display for Indicator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Indicator {
    pub(crate) const ALL: [Indicator; 5] = [
        Indicator::None,
        Indicator::Minor,
        Indicator::Major,
        Indicator::Critical,
        Indicator::Maintenance,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Indicator::None => "none",
            Indicator::Minor => "minor",
            Indicator::Major => "major",
            Indicator::Critical => "critical",
            Indicator::Maintenance => "maintenance",
        }
    }
}
