//! The status site in one language: the derived status, the postmortems and the site's
//! messages turned into the views the site templates show.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

mod impact;
mod months;

pub use months::MonthView;

use super::Localizer;
use super::maintenance::{self, MaintenanceLists, MaintenanceView};
use super::postmortem::{Context, Postmortem, Text};
use crate::model::{ComponentStatus, Lang, Record, SiteConfig};
use crate::status::{ComponentState, Day, Incident, SiteStatus};

/// Everything the pages of one language show.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub lang: &'static str,
    pub title: String,
    pub banner: Banner,
    /// "Status as of <build time>": the one instant every page and relative time is told at.
    pub as_of: String,
    /// The widgets' shorter "As of <build time>" (their status stands above it).
    pub widget_as_of: String,
    pub groups: Vec<GroupView>,
    /// In configuration order; groups and incidents refer to them by index.
    pub components: Vec<ComponentView>,
    /// Newest first; the other lists refer to them by index. Not converted for the templates
    /// with the rest: each page gets only the incidents it shows (see `render::site`).
    /// Boxed: a build makes them in its first pass, boxed, and hands them over as they are
    /// (moving 100,000 views into a new list held a second copy while the first was freed).
    #[serde(skip_serializing)]
    pub incidents: Vec<Box<IncidentView>>,
    pub ongoing: Vec<usize>,
    /// The latest incidents that are over, for the home page.
    pub recent: Vec<usize>,
    pub months: Vec<MonthView>,
    /// Published maintenance windows, soonest first; the lists refer to them by index.
    pub maintenances: Vec<MaintenanceView>,
    pub maintenance: MaintenanceLists,
    /// The metrics page: the 12-month series of `hindsight stats`.
    pub metrics: super::metrics::MetricsView,
    /// Every message without variables in this language (`t.site_history`).
    pub t: Arc<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Banner {
    /// Statuspage's indicator: `none`, `minor`, `major`, `critical`, `maintenance`.
    pub indicator: &'static str,
    pub text: String,
    /// The short form a badge has room for (`一部障害`, not a sentence).
    pub badge: String,
}

/// Components under one heading; the heading is empty for components without a group.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub name: String,
    pub components: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComponentView {
    pub id: String,
    pub name: String,
    pub description: String,
    pub status: &'static str,
    pub status_text: String,
    /// `99.97% uptime`, in the language's number format.
    pub uptime: String,
    /// The uptime bar's accessible name: the period and the figure, each said once
    /// (`Uptime over the last 90 days: 99.97%`).
    pub uptime_label: String,
    pub days: Vec<DayView>,
    /// Its most recent incidents (at most [`COMPONENT_INCIDENTS`]); the history has the rest.
    pub incidents: Vec<usize>,
    /// How many incidents name it in all.
    pub incident_count: usize,
    /// Windows not over yet that name it, soonest first (indices into `maintenances`).
    pub maintenances: Vec<usize>,
}

/// One day of an uptime bar.
#[derive(Debug, Clone, Serialize)]
pub struct DayView {
    /// `up`, `degraded`, `down-low` (< 5% of the day), `down-mid` (< 30%), `down-high`.
    pub class: &'static str,
    /// The date and the downtime, for the bar's tooltip.
    pub tip: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct IncidentView {
    pub id: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub impact: &'static str,
    /// `Impact: major`, `影響度：重大`; empty for `none` (see [`impact::label`]).
    pub impact_label: String,
    pub status: &'static str,
    pub status_text: String,
    pub ongoing: bool,
    pub period: String,
    pub lasted: String,
    pub components: Vec<AffectedView>,
    /// For ongoing incidents, and resolved ones whose postmortem is not written yet: the newest
    /// public update.
    pub latest: Option<UpdateView>,
    /// RFC 3339, for `<time datetime>` and feeds.
    pub started: String,
    pub updated: String,
    /// A draft or a record in review, shown only by the live preview (`serve`).
    pub not_public: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AffectedView {
    pub id: String,
    pub name: String,
    pub status: &'static str,
    pub status_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UpdateView {
    pub status_text: String,
    pub time: String,
    pub text: Text,
}

/// How many past incidents the home page lists.
const RECENT: usize = 5;

/// How many of its incidents a component's page lists, the most recent: enough to see what
/// has been going on with it, with a link to the history for the rest.
pub const COMPONENT_INCIDENTS: usize = 10;

/// The site in `lang`. `incident` gives each incident's view in `lang` by its index in
/// `status.incidents` (its [`incident_view`], made from its postmortem then, or earlier by a
/// build that reads a record at a time); `maintenances` are the maintenance records in
/// `lang`, in the order of `status.maintenances`.
pub fn site(
    status: &SiteStatus,
    incident: &(dyn Fn(usize) -> Box<IncidentView> + Sync),
    maintenances: &[Postmortem],
    stats: &crate::stats::Stats,
    lang: Lang,
    config: &SiteConfig,
    localizer: &Localizer,
) -> SiteView {
    let ctx = Context::new(localizer, lang, config.timezone);
    let default = config.default_lang();
    let incidents: Vec<Box<IncidentView>> = (0..status.incidents.len())
        .into_par_iter()
        .map(incident)
        .collect();
    let components: Vec<ComponentView> = status
        .components
        .iter()
        .map(|state| {
            let mut view = component_view(state, &ctx, lang, default);
            view.maintenances = maintenance::on_component(status, state.id());
            view
        })
        .collect();
    let component_names: Vec<String> = components.iter().map(|c| c.name.clone()).collect();
    let lists = maintenance::lists(status);
    SiteView {
        lang: lang.as_str(),
        title: config.title.get(lang, default).to_string(),
        banner: Banner {
            indicator: status.page_indicator.as_str(),
            text: ctx.keyword("banner", status.page_indicator),
            badge: ctx.keyword("badge", status.page_indicator),
        },
        as_of: ctx.format("site-as-of", &[("datetime", ctx.instant(status.now))]),
        widget_as_of: ctx.format(
            "site-widget-as-of",
            &[("datetime", ctx.instant(status.now))],
        ),
        groups: groups(config, lang, default),
        components,
        ongoing: (0..incidents.len())
            .filter(|&i| status.incidents[i].is_ongoing())
            .collect(),
        recent: (0..incidents.len())
            .filter(|&i| !status.incidents[i].is_ongoing())
            .take(RECENT)
            .collect(),
        months: months::months(status, &lists.past, config, &ctx),
        maintenances: maintenance::maintenance_views(status, maintenances, lang, config, localizer),
        maintenance: lists,
        metrics: super::metrics::metrics(stats, &ctx, &component_names),
        incidents,
        t: localizer.messages.plain(lang).clone(),
    }
}

fn groups(config: &SiteConfig, lang: Lang, default: Lang) -> Vec<GroupView> {
    let mut groups: Vec<GroupView> = Vec::new();
    for (index, component) in config.components.iter().enumerate() {
        let name = component
            .group
            .as_ref()
            .map_or("", |g| g.get(lang, default))
            .to_string();
        match groups
            .iter_mut()
            .find(|g| g.name == name && !name.is_empty())
        {
            Some(group) => group.components.push(index),
            None => match groups.last_mut() {
                Some(last) if last.name.is_empty() && name.is_empty() => {
                    last.components.push(index)
                }
                _ => groups.push(GroupView {
                    name,
                    components: vec![index],
                }),
            },
        }
    }
    groups
}

fn component_view(
    state: &ComponentState,
    ctx: &Context,
    lang: Lang,
    default: Lang,
) -> ComponentView {
    let component = state.component;
    ComponentView {
        id: component.id.value.clone(),
        name: component.name.get(lang, default).to_string(),
        description: component
            .description
            .as_ref()
            .map(|d| d.get(lang, default).to_string())
            .unwrap_or_default(),
        status: state.status.as_str(),
        status_text: ctx.keyword("component", state.status),
        uptime: ctx.format(
            "uptime-percent",
            &[("percent", ctx.dates().percent(state.uptime.percent))],
        ),
        uptime_label: ctx.format(
            "uptime-label",
            &[("percent", ctx.dates().percent(state.uptime.percent))],
        ),
        days: state
            .uptime
            .days
            .iter()
            .map(|day| day_view(day, ctx))
            .collect(),
        incidents: state
            .incidents
            .iter()
            .copied()
            .take(COMPONENT_INCIDENTS)
            .collect(),
        incident_count: state.incidents.len(),
        maintenances: Vec::new(),
    }
}

fn day_view(day: &Day, ctx: &Context) -> DayView {
    let date = ctx.dates().date(day.date);
    let share = day.downtime_share();
    let class = match share {
        s if s <= 0.0 => match day.worst {
            ComponentStatus::Operational => "up",
            _ => "degraded",
        },
        s if s < 0.05 => "down-low",
        s if s < 0.3 => "down-mid",
        _ => "down-high",
    };
    let tip = match class {
        "up" => ctx.format("uptime-day-clear", &[("date", date)]),
        "degraded" => ctx.format(
            "uptime-day-degraded",
            &[
                ("date", date),
                ("status", ctx.inline_keyword("component", day.worst)),
            ],
        ),
        _ => ctx.format(
            "uptime-day-down",
            &[
                ("date", date),
                // Round up: a few seconds of downtime are not "0 minutes".
                (
                    "duration",
                    ctx.duration(((day.downtime / 60.0).ceil() as i64) * 60),
                ),
            ],
        ),
    };
    DayView { class, tip }
}

/// What the site's lists show of `incident`, in `lang`, from its `postmortem` in `lang`.
pub fn incident_view(
    incident: &Incident,
    postmortem: &Postmortem,
    config: &SiteConfig,
    localizer: &Localizer,
    lang: Lang,
) -> IncidentView {
    let record = incident.record;
    // Times of an incident are shown in its own zone, as its postmortem shows them.
    let ctx = &Context::new(localizer, lang, record.zone(config.timezone));
    // Until its postmortem is written, an incident is told by its newest update.
    let told_by_updates =
        incident.is_ongoing() || incident.status == crate::status::IncidentStatus::Resolved;
    let latest = incident
        .updates
        .first()
        .filter(|_| told_by_updates)
        .map(|update| {
            let text = match update.source {
                crate::status::UpdateSource::Timeline(index) => {
                    postmortem.timeline[index].text.clone()
                }
                crate::status::UpdateSource::Milestone(_) => Text {
                    markdown: ctx.text(&format!("update-body-{}", update.status.as_str())),
                    lang: None,
                    stale: false,
                },
            };
            UpdateView {
                status_text: ctx.text(&format!("update-{}", update.status.as_str())),
                time: ctx.instant(update.at),
                text,
            }
        });
    IncidentView {
        not_public: !record.is_published(),
        id: record.id.clone(),
        title: postmortem.title.clone(),
        summary: postmortem.summary.as_ref().map(|s| s.text.clone()),
        impact: incident.impact().as_str(),
        impact_label: impact::label(ctx, incident.impact()),
        status: incident.status.as_str(),
        status_text: ctx.text(&format!("update-{}", incident.status.as_str())),
        ongoing: incident.is_ongoing(),
        period: postmortem.period.clone(),
        lasted: postmortem.lasted.clone(),
        components: affected_views(record, config, ctx, lang),
        latest,
        started: rfc3339(incident.started),
        updated: rfc3339(incident.revised),
    }
}

/// The components `record` names, with the state it gives each.
pub(super) fn affected_views(
    record: &Record,
    config: &SiteConfig,
    ctx: &Context,
    lang: Lang,
) -> Vec<AffectedView> {
    let default = config.default_lang();
    record
        .affected
        .0
        .iter()
        .map(|(id, status)| AffectedView {
            id: id.value.clone(),
            name: config
                .component(&id.value)
                .map_or(id.value.as_str(), |c| c.name.get(lang, default))
                .to_string(),
            status: status.value.as_str(),
            status_text: ctx.keyword("component", status.value),
        })
        .collect()
}

/// `2023-12-17T03:56:00Z`.
pub fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
