//! Planned maintenance on the status site in one language: each window's localized status,
//! time and components, and the lists the pages show (upcoming, in progress, past).

use std::collections::HashMap;

use serde::Serialize;

use super::Localizer;
use super::postmortem::{Context, Postmortem, Text};
use super::site::{AffectedView, affected_views, rfc3339};
use crate::model::{Lang, SiteConfig};
use crate::status::{Maintenance, MaintenanceStatus, SiteStatus};

/// One published maintenance window as the pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct MaintenanceView {
    pub id: String,
    pub title: Text,
    /// What is done and why.
    pub summary: Option<Text>,
    /// What users will notice.
    pub impact: Option<Text>,
    /// Statuspage's status (`scheduled`, `in_progress`, `verifying`, `completed`), or
    /// `cancelled`.
    pub status: &'static str,
    pub status_text: String,
    pub cancelled: bool,
    /// The window in the record's zone, the zone named: `December 2, 2026, 02:00–04:00 UTC`.
    pub window: String,
    /// RFC 3339, for `<time datetime>`.
    pub starts: String,
    pub ends: String,
    pub components: Vec<AffectedView>,
    /// A draft or a record in review, shown only by the live preview (`serve`).
    pub not_public: bool,
}

/// Which windows each list shows, as indices into [`SiteStatus::maintenances`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct MaintenanceLists {
    /// In progress or verifying, soonest first.
    pub active: Vec<usize>,
    /// Not begun yet (cancelled ones marked), soonest first.
    pub upcoming: Vec<usize>,
    /// Completed or called off, most recent first.
    pub past: Vec<usize>,
}

/// The windows of `status` in `lang`; `texts` are their records localized into `lang`, in the
/// order of `status.maintenances`.
pub(super) fn maintenance_views(
    status: &SiteStatus,
    texts: &[Postmortem],
    lang: Lang,
    config: &SiteConfig,
    localizer: &Localizer,
) -> Vec<MaintenanceView> {
    status
        .maintenances
        .iter()
        .zip(texts)
        .map(|(maintenance, text)| view(maintenance, text, lang, config, localizer))
        .collect()
}

fn view(
    maintenance: &Maintenance,
    text: &Postmortem,
    lang: Lang,
    config: &SiteConfig,
    localizer: &Localizer,
) -> MaintenanceView {
    let record = maintenance.record;
    let ctx = Context::new(localizer, lang, record.zone(config.timezone));
    let (status, status_text) = if maintenance.cancelled {
        ("cancelled", ctx.text("maintenance-cancelled"))
    } else {
        (
            maintenance.status.as_str(),
            ctx.keyword("maintenance", maintenance.status),
        )
    };
    MaintenanceView {
        id: record.id.clone(),
        title: text.title.clone(),
        summary: text.summary.as_ref().map(|s| s.text.clone()),
        impact: text.impact.as_ref().map(|s| s.text.clone()),
        status,
        status_text,
        cancelled: maintenance.cancelled,
        window: text.period.clone(),
        starts: rfc3339(maintenance.scheduled_for),
        ends: rfc3339(maintenance.scheduled_until),
        components: affected_views(record, config, &ctx, lang),
        not_public: !record.is_published(),
    }
}

/// The lists of the home and history pages, split as the status stage splits them.
pub(super) fn lists(status: &SiteStatus) -> MaintenanceLists {
    // Record ids are unique: a window's id finds its index.
    let position: HashMap<&str, usize> = status
        .maintenances
        .iter()
        .enumerate()
        .map(|(index, m)| (m.id(), index))
        .collect();
    let indices = |windows: &mut dyn Iterator<Item = &Maintenance>| -> Vec<usize> {
        windows
            .filter_map(|m| position.get(m.id()).copied())
            .collect()
    };
    MaintenanceLists {
        active: indices(&mut status.active()),
        upcoming: indices(&mut status.upcoming()),
        past: indices(&mut status.recent()),
    }
}

/// The windows not yet over that name `component`, soonest first: what its page announces.
pub(super) fn on_component(status: &SiteStatus, component: &str) -> Vec<usize> {
    status
        .maintenances
        .iter()
        .enumerate()
        .filter(|(_, m)| m.status == MaintenanceStatus::Scheduled || m.is_active())
        .filter(|(_, m)| {
            m.record
                .affected
                .0
                .iter()
                .any(|(c, _)| c.value == component)
        })
        .map(|(index, _)| index)
        .collect()
}
