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

    /// The badge's fill: the light scheme's colour, under white text.
    pub(super) fn colour(self) -> &'static str {
        self.colours().0
    }

    /// The one table of status colours, `(light, dark)`: templates/site/style.css declares them
    /// as `--ok` … `--maintenance` (a test keeps the two equal). In the light scheme a colour
    /// is text on white and the background of white text (banners, badges); in the dark scheme
    /// text on the page's near-black and the background of that near-black, so each needs
    /// 4.5:1 against one colour per scheme.
    fn colours(self) -> (&'static str, &'static str) {
        match self {
            Accent::Good => ("#1a7f37", "#3fb950"),
            Accent::Minor => ("#9a6700", "#d29922"),
            Accent::Major => ("#bc4c00", "#f0883e"),
            Accent::Critical => ("#cf222e", "#f85149"),
            Accent::Maintenance => ("#0969da", "#4493f8"),
        }
    }

    /// The stylesheet's custom property for it.
    #[cfg(test)]
    fn property(self) -> &'static str {
        match self {
            Accent::Good => "--ok",
            Accent::Minor => "--degraded",
            Accent::Major => "--partial",
            Accent::Critical => "--major",
            Accent::Maintenance => "--maintenance",
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
        assert_eq!(Accent::of_indicator("none").colour(), "#1a7f37");
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

    const ALL: [Accent; 5] = [
        Accent::Good,
        Accent::Minor,
        Accent::Major,
        Accent::Critical,
        Accent::Maintenance,
    ];

    /// WCAG 2.2 contrast ratio of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let channel = |i: usize| {
                let c =
                    f64::from(u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap()) / 255.0;
                if c <= 0.04045 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn contrast_matches_the_published_figures() {
        // The measurements of the old colours, and the extremes.
        let ratio = |a, b| format!("{:.2}", contrast(a, b));
        assert_eq!(ratio("#bf8700", "#ffffff"), "3.14");
        assert_eq!(ratio("#3fb950", "#ffffff"), "2.54");
        assert_eq!(ratio("#000000", "#ffffff"), "21.00");
    }

    /// Banners, status words and badges: 4.5:1 for normal text (WCAG 2.2 SC 1.4.3), against
    /// the page and its panels, in both schemes. The badge's text is white on the light colour
    /// and its label white on #555.
    #[test]
    fn every_status_colour_meets_aa_for_text_in_both_schemes() {
        let light_grounds = ["#ffffff", "#f6f8fa"];
        let dark_grounds = ["#0d1117", "#151b23"];
        for accent in ALL {
            let (light, dark) = accent.colours();
            for ground in light_grounds {
                let ratio = contrast(light, ground);
                assert!(ratio >= 4.5, "{accent:?} {light} on {ground}: {ratio:.2}");
            }
            for ground in dark_grounds {
                let ratio = contrast(dark, ground);
                assert!(ratio >= 4.5, "{accent:?} {dark} on {ground}: {ratio:.2}");
            }
        }
        assert!(contrast("#555555", "#ffffff") >= 4.5);
    }

    /// The stylesheet's `--ok` … `--maintenance` in its light `:root` and its dark one are this
    /// table's, so the site's banners and the badges cannot drift apart.
    #[test]
    fn the_site_stylesheet_declares_this_table() {
        let css = include_str!("../../../templates/site/style.css");
        let dark_at = css
            .find("prefers-color-scheme: dark")
            .expect("a dark scheme");
        let declared = |part: &str, property: &str| -> String {
            let at = part
                .find(&format!("{property}:"))
                .unwrap_or_else(|| panic!("{property} is declared"));
            part[at + property.len() + 1..]
                .trim_start()
                .chars()
                .take(7)
                .collect()
        };
        for accent in ALL {
            let (light, dark) = accent.colours();
            assert_eq!(declared(&css[..dark_at], accent.property()), light);
            assert_eq!(declared(&css[dark_at..], accent.property()), dark);
        }
    }
}
