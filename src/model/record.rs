//! An incident record (DESIGN.md §2): the facts of one incident, in one language.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::duration::DurationClaim;
use super::time::When;
use super::{
    ActionKind, ActionStatus, ComponentStatus, Impact, Lang, Milestone, RecordKind, RecordStatus,
    Spanned, UpdateStatus,
};

/// One incident: `incidents/<id>.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The file stem; not written in the file.
    pub id: String,
    /// One line naming what broke.
    pub title: Spanned<String>,
    /// The language of this file's text.
    pub lang: Spanned<Lang>,
    /// Only `published` records appear in public output.
    pub status: Spanned<RecordStatus>,
    /// `incident` (the default) or `maintenance`: planned work announced ahead.
    pub kind: Option<Spanned<RecordKind>>,
    /// How bad the incident was (Statuspage impact); required unless draft (incidents only).
    pub severity: Option<Spanned<Impact>>,
    /// Component id (from site/config.yaml) -> the worst status it reached.
    pub affected: Affected,
    /// IANA zone in which times without offset are read and all times are shown.
    pub timezone: Option<Spanned<Tz>>,
    /// Maintenance: when the planned window begins.
    pub scheduled_for: Option<Spanned<When>>,
    /// Maintenance: when the planned window ends.
    pub scheduled_until: Option<Spanned<When>>,
    /// Maintenance: whether the window completes by itself at its end (default `true`).
    pub auto_complete: Option<Spanned<bool>>,
    /// Maintenance: the window was called off (default `false`).
    pub cancelled: Option<Spanned<bool>>,
    /// When impact began; required unless draft (incidents only: a maintenance's work began
    /// at `started` if it says so, else at `scheduled_for`).
    pub started: Option<Spanned<When>>,
    pub detected: Option<Spanned<When>>,
    pub acknowledged: Option<Spanned<When>>,
    pub mitigated: Option<Spanned<When>>,
    /// When impact ended; absent while the incident is ongoing.
    pub resolved: Option<Spanned<When>>,
    /// The duration the authors state; checked against resolved - started.
    pub duration: Option<Spanned<DurationClaim>>,
    /// Markdown: what happened, in a few sentences.
    pub summary: Option<Spanned<String>>,
    /// Markdown: who and what was affected, and how.
    pub impact: Option<Spanned<String>>,
    pub what_happened: Option<Spanned<String>>,
    pub root_cause: Option<Spanned<String>>,
    pub trigger: Option<Spanned<String>>,
    pub detection: Option<Spanned<String>>,
    pub resolution: Option<Spanned<String>>,
    pub timeline: Vec<TimelineEntry>,
    pub lessons: Vec<Spanned<String>>,
    pub actions: Vec<Action>,
    pub authors: Vec<Spanned<String>>,
    /// Never shown in any public output.
    pub internal: Option<Spanned<String>>,
}

impl Record {
    pub(crate) fn is_published(&self) -> bool {
        self.status.value == RecordStatus::Published
    }

    /// The record's kind: `incident` unless it says otherwise.
    pub(crate) fn kind(&self) -> RecordKind {
        self.kind
            .as_ref()
            .map_or(RecordKind::Incident, |kind| kind.value)
    }

    pub(crate) fn is_maintenance(&self) -> bool {
        self.kind() == RecordKind::Maintenance
    }

    /// Whether a maintenance window completes by itself at its end (the default).
    pub(crate) fn auto_completes(&self) -> bool {
        self.auto_complete.as_ref().is_none_or(|flag| flag.value)
    }

    /// Whether the maintenance window was called off.
    pub(crate) fn is_cancelled(&self) -> bool {
        self.cancelled.as_ref().is_some_and(|flag| flag.value)
    }

    pub(crate) fn is_draft(&self) -> bool {
        self.status.value == RecordStatus::Draft
    }

    /// The zone the record's times are shown in: its own, else the site's.
    pub fn zone(&self, site_zone: Tz) -> Tz {
        self.timezone.as_ref().map_or(site_zone, |zone| zone.value)
    }

    pub fn milestone(&self, milestone: Milestone) -> Option<&Spanned<When>> {
        match milestone {
            Milestone::Started => self.started.as_ref(),
            Milestone::Detected => self.detected.as_ref(),
            Milestone::Acknowledged => self.acknowledged.as_ref(),
            Milestone::Mitigated => self.mitigated.as_ref(),
            Milestone::Resolved => self.resolved.as_ref(),
        }
    }

    /// Whether the record has `field`, with more than white space in it.
    pub(crate) fn has(&self, field: super::TextField) -> bool {
        field
            .of_record(self)
            .is_some_and(|text| !text.value.trim().is_empty())
    }

    /// Whether the timeline holds a public status update: what a status page shows first.
    pub(crate) fn has_status_update(&self) -> bool {
        self.timeline.iter().any(|entry| entry.status.is_some())
    }

    /// The postmortem sections this record lacks: those a resolved incident owes its readers.
    /// Empty while the incident is ongoing.
    pub(crate) fn missing_postmortem(&self) -> Vec<&'static str> {
        // Planned work owes no postmortem; one that went wrong gets an incident record.
        if self.resolved.is_none() || self.is_maintenance() {
            return Vec::new();
        }
        let mut missing: Vec<&'static str> = POSTMORTEM_SECTIONS
            .iter()
            .filter(|field| !self.has(**field))
            .map(|field| field.key())
            .collect();
        if self.actions.is_empty() {
            missing.push(super::OverlayList::Actions.name());
        }
        missing
    }

    /// Whether any of the postmortem beyond the summary is written: impact, root cause,
    /// resolution or actions. Until then the record is an incident told by its status updates.
    pub(crate) fn postmortem_begun(&self) -> bool {
        !self.actions.is_empty()
            || POSTMORTEM_SECTIONS[1..]
                .iter()
                .any(|field| self.has(*field))
    }

    /// A resolved incident whose postmortem is not begun, so its page shows the status
    /// updates and says the postmortem will follow.
    pub(crate) fn postmortem_unwritten(&self) -> bool {
        self.resolved.is_some() && !self.is_maintenance() && !self.postmortem_begun()
    }

    /// resolved - started, when both are known to the minute or better.
    pub(crate) fn computed_duration_seconds(&self) -> Option<i64> {
        let started = self.started.as_ref()?;
        let resolved = self.resolved.as_ref()?;
        if started.value.is_day_only() || resolved.value.is_day_only() {
            return None;
        }
        Some((resolved.value.utc - started.value.utc).num_seconds())
    }
}

/// The text sections of a resolved incident's postmortem, besides its actions. The summary
/// comes first: a postmortem is not begun until one of the others is written.
pub(crate) const POSTMORTEM_SECTIONS: [super::TextField; 4] = [
    super::TextField::Summary,
    super::TextField::Impact,
    super::TextField::RootCause,
    super::TextField::Resolution,
];

/// `affected:` component id -> worst status, in the order written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Affected(pub Vec<(Spanned<String>, Spanned<ComponentStatus>)>);

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// When it happened: a time, a local time, a date, or a time of day.
    pub at: Spanned<When>,
    /// The time is not known exactly.
    pub approximate: bool,
    pub text: Spanned<String>,
    /// This entry is that milestone of the record.
    pub marks: Option<Spanned<Milestone>>,
    /// This entry is a public status update.
    pub status: Option<Spanned<UpdateStatus>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub text: Spanned<String>,
    pub status: Spanned<ActionStatus>,
    pub kind: Option<Spanned<ActionKind>>,
    pub owner: Option<Spanned<String>>,
    pub due: Option<Spanned<NaiveDate>>,
    pub link: Option<Spanned<String>>,
}

impl Action {
    pub(crate) fn is_open(&self) -> bool {
        matches!(
            self.status.value,
            ActionStatus::Todo | ActionStatus::InProgress
        )
    }

    /// Open and due before `today` (the site's today): what `overdue-action` reports and
    /// `stats` lists, one definition for both.
    pub(crate) fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.as_ref().is_some_and(|due| due.value < today)
    }
}
