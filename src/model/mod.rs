//! The typed model shared by every stage: records, overlays, site configuration and their keywords.

pub mod chars;
mod config;
pub mod duration;
pub mod markdown;
pub mod overlay;
mod record;
mod text_field;
pub mod time;

pub use config::Component;
pub(crate) use config::{LocalizedText, SiteConfig};
pub(crate) use overlay::Overlay;
pub(crate) use overlay::{OverlayList, Pair, PairState, TextKey, align};
pub(crate) use record::Record;
pub(crate) use record::{Action, Affected, TimelineEntry};
pub(crate) use text_field::TextField;

use crate::diagnostic::Span;

/// A value and the source range it was written at.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// Declares a closed set of YAML keywords: the enum and its spelling.
macro_rules! keywords {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The position in [`Self::ALL`], for tables indexed by keyword.
            pub fn index(self) -> usize {
                self as usize
            }

            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::model::Keyword for $name {
            const NAMES: &'static [&'static str] = &[$($text),+];
            fn parse(text: &str) -> Option<Self> {
                $name::parse(text)
            }
        }
    };
}

/// A closed set of words a field accepts; the loader uses it to validate and suggest.
pub trait Keyword: Sized + Copy {
    const NAMES: &'static [&'static str];
    fn parse(text: &str) -> Option<Self>;
}

keywords! {
    /// A language hindsight writes postmortems and status pages in.
    Lang { En = "en", De = "de", Ja = "ja", Zh = "zh" }
}

impl Lang {
    /// The BCP 47 tag for `lang`, `hreflang` and `xml:lang`: Chinese names its script, which a
    /// bare `zh` leaves fonts, screen readers and search engines to guess. Folders, file names
    /// and URLs keep [`Lang::as_str`].
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            other => other.as_str(),
        }
    }
}

keywords! {
    /// Where a record is in its review: only `published` records are public.
    RecordStatus { Draft = "draft", Review = "review", Published = "published" }
}

keywords! {
    /// How bad the incident was (Statuspage's `impact`).
    Impact { None = "none", Minor = "minor", Major = "major", Critical = "critical" }
}

keywords! {
    /// The worst state a component was in (Statuspage's component status).
    ComponentStatus {
        Operational = "operational",
        DegradedPerformance = "degraded_performance",
        PartialOutage = "partial_outage",
        MajorOutage = "major_outage",
        UnderMaintenance = "under_maintenance",
    }
}

keywords! {
    /// What a record is about: an incident that happened, or maintenance planned ahead.
    RecordKind { Incident = "incident", Maintenance = "maintenance" }
}

keywords! {
    /// A public status update a timeline entry stands for (Statuspage's incident status).
    UpdateStatus {
        Investigating = "investigating",
        Identified = "identified",
        Monitoring = "monitoring",
        Resolved = "resolved",
    }
}

keywords! {
    /// A milestone of the incident's life, in the order they should happen.
    Milestone {
        Started = "started",
        Detected = "detected",
        Acknowledged = "acknowledged",
        Mitigated = "mitigated",
        Resolved = "resolved",
    }
}

keywords! {
    /// Progress of a follow-up action.
    ActionStatus { Todo = "todo", InProgress = "in_progress", Done = "done", WontDo = "wont_do" }
}

keywords! {
    /// What a follow-up action is for.
    ActionKind { Mitigate = "mitigate", Prevent = "prevent", Process = "process", Other = "other" }
}

keywords! {
    /// How seriously a lint rule's findings are taken (set per rule in site/config.yaml).
    RuleLevel { Error = "error", Warning = "warning", Info = "info", Off = "off" }
}

keywords! {
    /// The id of a lint rule: what findings, reports and the `lint:` table of site/config.yaml
    /// name it by. In the order `hindsight rules` lists the rules (`check::rules::REGISTRY`).
    RuleId {
        YamlSyntax = "yaml-syntax",
        MissingConfig = "missing-config",
        InvalidConfig = "invalid-config",
        InputLimit = "input-limit",
        IrregularFile = "irregular-file",
        InvalidCharacter = "invalid-character",
        UnknownField = "unknown-field",
        MissingField = "missing-field",
        InvalidValue = "invalid-value",
        InvalidTime = "invalid-time",
        DuplicateId = "duplicate-id",
        ReservedSiteFile = "reserved-site-file",
        UnknownComponent = "unknown-component",
        TimelineOrder = "timeline-order",
        TimeRollover = "time-rollover",
        MilestoneOrder = "milestone-order",
        MilestoneMismatch = "milestone-mismatch",
        DurationMismatch = "duration-mismatch",
        DurationClaim = "duration-claim",
        FutureTime = "future-time",
        IdDateMismatch = "id-date-mismatch",
        MaintenanceWindow = "maintenance-window",
        MaintenanceOverlap = "maintenance-overlap",
        MaintenanceOverrun = "maintenance-overrun",
        MissingSection = "missing-section",
        UnwrittenPostmortem = "unwritten-postmortem",
        PlaceholderText = "placeholder-text",
        OverdueAction = "overdue-action",
        TranslationStale = "translation-stale",
        TranslationUntranslated = "translation-untranslated",
        TranslationOrphan = "translation-orphan",
        TranslationLanguage = "translation-language",
    }
}

mod notify;
pub use notify::{ChannelKind, NotifyChannel};
