//! The accent a status is shown in on badges and widgets: one table for the page's indicator
//! and one for a component's state, each matched exhaustively so a new status cannot fall
//! through to the wrong colour.

use crate::model::ComponentStatus;
use crate::status::Indicator;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Accent {
    Good,
    Minor,
    Major,
    Critical,
    Maintenance,
}

impl Accent {
    /// The accent of the page's indicator as the views spell it (`none` … `maintenance`).
    pub(super) fn of_indicator(indicator: &str) -> Accent {
        let Some(indicator) = Indicator::ALL.into_iter().find(|i| i.as_str() == indicator) else {
            return Accent::Critical;
        };
        match indicator {
            Indicator::None => Accent::Good,
            Indicator::Minor => Accent::Minor,
            Indicator::Major => Accent::Major,
            Indicator::Critical => Accent::Critical,
            Indicator::Maintenance => Accent::Maintenance,
        }
    }

    /// The accent of a component's state as the views spell it (`operational` …).
    pub(super) fn of_component(status: &str) -> Accent {
        match ComponentStatus::parse(status) {
            Some(ComponentStatus::Operational) => Accent::Good,
            Some(ComponentStatus::DegradedPerformance) => Accent::Minor,
            Some(ComponentStatus::PartialOutage) => Accent::Major,
            Some(ComponentStatus::MajorOutage) | None => Accent::Critical,
            Some(ComponentStatus::UnderMaintenance) => Accent::Maintenance,
        }
    }

    /// The widget's class name for it.
    pub(super) fn name(self) -> &'static str {
        match self {
            Accent::Good => "good",
            Accent::Minor => "minor",
            Accent::Major => "major",
            Accent::Critical => "critical",
            Accent::Maintenance => "maintenance",
        }
    }

    /// The badge's fill: the site stylesheet's light-scheme colours.
    pub(super) fn colour(self) -> &'static str {
        match self {
            Accent::Good => "#2da44e",
            Accent::Minor => "#bf8700",
            Accent::Major => "#d1600f",
            Accent::Critical => "#cf222e",
            Accent::Maintenance => "#0969da",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maintenance_is_blue_on_the_page_and_on_a_component() {
        assert_eq!(Accent::of_indicator("maintenance"), Accent::Maintenance);
        assert_eq!(
            Accent::of_component("under_maintenance"),
            Accent::Maintenance
        );
        assert_eq!(Accent::of_indicator("none").colour(), "#2da44e");
        assert_eq!(Accent::of_indicator("critical").name(), "critical");
    }

    #[test]
    fn every_indicator_has_its_own_accent() {
        let accents: Vec<Accent> = Indicator::ALL
            .into_iter()
            .map(|i| Accent::of_indicator(i.as_str()))
            .collect();
        for (i, a) in accents.iter().enumerate() {
            assert!(!accents[i + 1..].contains(a), "{accents:?}");
        }
    }
}
