//! One record in one language: every text picked from the overlay or the original, every
//! label, date, time and duration localized, ready for a template.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use fluent_bundle::FluentValue;
use serde::Serialize;

use super::format::{self, DateFormats};
use super::{Localizer, Messages};
use crate::model::time::When;
use crate::model::{
    ActionStatus, Lang, Milestone, Overlay, Record, RecordStatus, SiteConfig, Spanned, TextKey,
    align,
};

/// What to show beyond the public postmortem.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Include the `internal` section.
    pub internal: bool,
}

/// A text as the reader gets it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Text {
    /// Markdown, as written in the record or the overlay.
    pub markdown: String,
    /// The text's language when it is not the page's (an untranslated fallback).
    pub lang: Option<&'static str>,
    /// Translated from an earlier version of the original.
    pub stale: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    /// `draft`, `review`, `ongoing`, `stale`, `fallback`.
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow {
    pub time: String,
    /// RFC 3339, for `<time datetime>`.
    pub datetime: String,
    pub text: Text,
    /// The public status this entry announced, localized.
    pub status: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    pub text: Text,
    /// The keyword (`done`), for styling.
    pub status: &'static str,
    pub status_text: String,
    pub symbol: &'static str,
    /// Empty when not given, like `owner` and `due`.
    pub kind: String,
    pub owner: String,
    pub due: String,
    pub link: Option<String>,
}

/// A named Markdown section of the postmortem.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable anchor, the field's name with `-`.
    pub id: &'static str,
    pub heading: String,
    pub text: Text,
}

/// The postmortem of one record in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Postmortem {
    pub id: String,
    pub lang: &'static str,
    pub source_lang: &'static str,
    pub title: Text,
    pub notices: Vec<Notice>,
    /// The summary block: incident time, duration, impact level, affected services, status.
    pub facts: Vec<Fact>,
    /// When it happened (`December 17, 2023 at 03:56 – 04:15 UTC`), empty without a start.
    pub period: String,
    /// How long it lasted, in words; empty when unknown.
    pub lasted: String,
    pub summary: Option<Section>,
    /// Timeline column header for the time, with the zone.
    pub time_heading: String,
    pub timeline: Vec<TimelineRow>,
    /// What happened, root cause, trigger, detection: shown under one "analysis" heading.
    pub analysis: Vec<Section>,
    pub impact: Option<Section>,
    pub resolution: Option<Section>,
    pub lessons: Vec<Text>,
    pub actions: Vec<ActionRow>,
    pub figures: Vec<Fact>,
    pub authors: Vec<String>,
    pub internal: Option<Section>,
    /// Every message without variables in the page's language (`t.heading_summary`).
    pub t: Arc<BTreeMap<String, String>>,
}

/// Localizes `record` into `lang`, using `overlay` when it is the translation into `lang`.
pub fn postmortem(
    record: &Record,
    overlay: Option<&Overlay>,
    lang: Lang,
    site: &SiteConfig,
    localizer: &Localizer,
    now: DateTime<Utc>,
    options: Options,
) -> Postmortem {
    let messages = &localizer.messages;
    let dates = localizer.dates(lang);
    let source_lang = record.lang.value;
    let overlay = overlay.filter(|o| o.lang.value == lang && lang != source_lang);
    let texts = Texts::new(record, overlay, lang);
    let zone = record.zone(site.timezone);
    let ctx = Context {
        lang,
        messages,
        dates,
        zone,
    };
    let section = |id: &'static str, heading: &str, text: Option<&Spanned<String>>| {
        text.map(|text| Section {
            id,
            heading: messages.text(lang, heading),
            text: texts.pick(text),
        })
    };
    let analysis = [
        (
            "what-happened",
            "heading-what-happened",
            record.what_happened.as_ref(),
        ),
        (
            "root-cause",
            "heading-root-cause",
            record.root_cause.as_ref(),
        ),
        ("trigger", "heading-trigger", record.trigger.as_ref()),
        ("detection", "heading-detection", record.detection.as_ref()),
    ]
    .into_iter()
    .filter_map(|(id, heading, text)| section(id, heading, text))
    .collect();
    let mut view = Postmortem {
        id: record.id.clone(),
        lang: lang.as_str(),
        source_lang: source_lang.as_str(),
        title: texts.pick(&record.title),
        notices: Vec::new(),
        facts: facts(record, site, &ctx, now),
        period: record
            .started
            .as_ref()
            .map(|started| incident_time(record, &started.value, &ctx))
            .unwrap_or_default(),
        lasted: duration(record, &ctx, now).unwrap_or_default(),
        summary: section("summary", "heading-summary", record.summary.as_ref()),
        time_heading: time_heading(record, &ctx),
        timeline: timeline(record, &texts, &ctx),
        analysis,
        impact: section("impact", "heading-impact", record.impact.as_ref()),
        resolution: section(
            "resolution",
            "heading-resolution",
            record.resolution.as_ref(),
        ),
        lessons: record.lessons.iter().map(|l| texts.pick(l)).collect(),
        actions: actions(record, &texts, &ctx),
        figures: figures(record, &ctx),
        authors: record.authors.iter().map(|a| a.value.clone()).collect(),
        internal: None,
        t: messages.plain(lang).clone(),
    };
    if options.internal {
        view.internal = section("internal", "heading-internal", record.internal.as_ref());
    }
    view.notices = notices(record, &view, &ctx);
    view
}

pub(crate) struct Context<'a> {
    lang: Lang,
    messages: &'a Messages,
    dates: &'a DateFormats,
    zone: Tz,
}

impl<'a> Context<'a> {
    pub(crate) fn new(localizer: &'a Localizer, lang: Lang, zone: Tz) -> Self {
        Context {
            lang,
            messages: &localizer.messages,
            dates: localizer.dates(lang),
            zone,
        }
    }

    pub(crate) fn text(&self, id: &str) -> String {
        self.messages.text(self.lang, id)
    }

    pub(crate) fn format(&self, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, FluentValue)> = args
            .iter()
            .map(|(name, value)| (*name, FluentValue::from(value.as_str())))
            .collect();
        self.messages.format(self.lang, id, &args)
    }

    pub(crate) fn keyword(&self, prefix: &str, keyword: impl std::fmt::Display) -> String {
        self.text(&format!("{prefix}-{keyword}"))
    }

    pub(crate) fn duration(&self, seconds: i64) -> String {
        format::duration(self.messages, self.lang, seconds)
    }

    pub(crate) fn dates(&self) -> &DateFormats {
        self.dates
    }

    fn local(&self, when: &When) -> NaiveDateTime {
        when.utc.with_timezone(&self.zone).naive_local()
    }

    fn zone_label(&self, when: &When) -> String {
        format::zone_label(when.utc, self.zone)
    }

    /// An instant with its date and zone: `November 22, 2026 at 12:00 UTC`.
    pub(crate) fn instant(&self, at: DateTime<Utc>) -> String {
        self.format(
            "datetime-zoned",
            &[
                (
                    "datetime",
                    self.dates
                        .date_time(at.with_timezone(&self.zone).naive_local()),
                ),
                ("zone", format::zone_label(at, self.zone)),
            ],
        )
    }

    /// A point in time with its date and zone, or as a day when only the day is known.
    fn moment(&self, when: &When) -> String {
        if when.is_day_only() {
            return self.format(
                "time-day-only",
                &[("date", self.dates.date(when.local_date))],
            );
        }
        self.format(
            "datetime-zoned",
            &[
                ("datetime", self.dates.date_time(self.local(when))),
                ("zone", self.zone_label(when)),
            ],
        )
    }
}

/// Which text the reader gets for each of the record's texts.
struct Texts<'a> {
    page: Lang,
    source: Lang,
    /// Record text (by address) -> its translation and whether it is stale.
    translated: HashMap<TextKey, (&'a str, bool)>,
}

impl<'a> Texts<'a> {
    fn new(record: &'a Record, overlay: Option<&'a Overlay>, page: Lang) -> Self {
        let translated = overlay
            .map(|overlay| align(record, overlay).by_record_text())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(key, (pair, stale))| {
                let text = pair.text.as_ref().filter(|_| !pair.is_untranslated())?;
                Some((key, (text.value.as_str(), stale)))
            })
            .collect();
        Texts {
            page,
            source: record.lang.value,
            translated,
        }
    }

    fn pick(&self, current: &Spanned<String>) -> Text {
        if self.page == self.source {
            return Text {
                markdown: current.value.clone(),
                lang: None,
                stale: false,
            };
        }
        match self.translated.get(&(current as TextKey)) {
            Some((text, stale)) => Text {
                markdown: text.to_string(),
                lang: None,
                stale: *stale,
            },
            None => Text {
                markdown: current.value.clone(),
                lang: Some(self.source.as_str()),
                stale: false,
            },
        }
    }
}

fn facts(record: &Record, site: &SiteConfig, ctx: &Context, now: DateTime<Utc>) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut fact = |label: &str, value: String| {
        facts.push(Fact {
            label: ctx.text(label),
            value,
        })
    };
    if let Some(started) = &record.started {
        fact(
            "label-incident-time",
            incident_time(record, &started.value, ctx),
        );
    }
    if let Some(duration) = duration(record, ctx, now) {
        fact("label-duration", duration);
    }
    if let Some(severity) = &record.severity {
        fact("label-severity", ctx.keyword("severity", severity.value));
    }
    if !record.affected.0.is_empty() {
        let items: Vec<String> = record
            .affected
            .0
            .iter()
            .map(|(id, status)| {
                let name = site
                    .component(&id.value)
                    .map_or(id.value.as_str(), |c| {
                        c.name.get(ctx.lang, site.languages[0])
                    })
                    .to_string();
                ctx.format(
                    "affected-component",
                    &[
                        ("name", name),
                        ("status", ctx.keyword("component", status.value)),
                    ],
                )
            })
            .collect();
        fact("label-affected", items.join(&ctx.text("list-join")));
    }
    fact("label-status", status_word(record, ctx));
    facts
}

/// `December 17, 2023 at 03:56 – 04:15 UTC`; the end's date only when it differs.
fn incident_time(record: &Record, started: &When, ctx: &Context) -> String {
    let Some(resolved) = record.resolved.as_ref().map(|r| &r.value) else {
        return ctx.moment(started);
    };
    if started.is_day_only() || resolved.is_day_only() {
        if started.local_date == resolved.local_date {
            return ctx.moment(started);
        }
        return ctx.format(
            "time-range",
            &[
                ("start", ctx.moment(started)),
                ("end", ctx.moment(resolved)),
            ],
        );
    }
    let (start, end) = (ctx.local(started), ctx.local(resolved));
    let end_text = if start.date() == end.date() {
        ctx.dates.time(end)
    } else {
        ctx.dates.date_time(end)
    };
    let range = ctx.format(
        "time-range",
        &[("start", ctx.dates.date_time(start)), ("end", end_text)],
    );
    let (start_zone, end_zone) = (ctx.zone_label(started), ctx.zone_label(resolved));
    if start_zone == end_zone {
        ctx.format(
            "datetime-zoned",
            &[("datetime", range), ("zone", start_zone)],
        )
    } else {
        ctx.format(
            "time-range",
            &[
                ("start", ctx.moment(started)),
                ("end", ctx.moment(resolved)),
            ],
        )
    }
}

/// The computed duration where the times allow it, else the authors' statement.
fn duration(record: &Record, ctx: &Context, now: DateTime<Utc>) -> Option<String> {
    if let Some(seconds) = record.computed_duration_seconds() {
        return Some(ctx.duration(seconds));
    }
    let started = &record.started.as_ref()?.value;
    if record.resolved.is_none() && !started.is_day_only() {
        let running = (now - started.utc).num_seconds();
        return Some(ctx.format("duration-ongoing", &[("duration", ctx.duration(running))]));
    }
    let claim = record.duration.as_ref()?.value;
    let stated = ctx.duration(claim.seconds.round() as i64);
    Some(if claim.approximate {
        ctx.format("duration-approximate", &[("duration", stated)])
    } else {
        stated
    })
}

fn status_word(record: &Record, ctx: &Context) -> String {
    if record.resolved.is_some() {
        return ctx.text("update-resolved");
    }
    match record.timeline.iter().rev().find_map(|e| e.status.as_ref()) {
        Some(status) => ctx.keyword("update", status.value),
        None => ctx.text("incident-ongoing"),
    }
}

fn time_heading(record: &Record, ctx: &Context) -> String {
    let exact = record
        .timeline
        .iter()
        .find(|entry| !entry.at.value.is_day_only());
    match exact {
        Some(entry) => format!(
            "{} ({})",
            ctx.text("label-time"),
            ctx.zone_label(&entry.at.value)
        ),
        None => ctx.text("label-time"),
    }
}

fn timeline(record: &Record, texts: &Texts, ctx: &Context) -> Vec<TimelineRow> {
    let heading_zone = record
        .timeline
        .iter()
        .find(|entry| !entry.at.value.is_day_only())
        .map(|entry| ctx.zone_label(&entry.at.value));
    let mut last_date = None;
    record
        .timeline
        .iter()
        .map(|entry| {
            let when = &entry.at.value;
            let time = if when.is_day_only() {
                last_date = Some(when.local_date);
                ctx.format(
                    "time-day-only",
                    &[("date", ctx.dates.date(when.local_date))],
                )
            } else {
                let local = ctx.local(when);
                let mut shown = if last_date == Some(local.date()) {
                    ctx.dates.time(local)
                } else {
                    ctx.dates.date_time(local)
                };
                last_date = Some(local.date());
                let zone = ctx.zone_label(when);
                if heading_zone.as_ref() != Some(&zone) {
                    shown = ctx.format("datetime-zoned", &[("datetime", shown), ("zone", zone)]);
                }
                if entry.approximate {
                    shown = ctx.format("time-approximate", &[("time", shown)]);
                }
                shown
            };
            TimelineRow {
                time,
                datetime: if when.is_day_only() {
                    when.local_date.to_string()
                } else {
                    when.utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                },
                text: texts.pick(&entry.text),
                status: entry
                    .status
                    .as_ref()
                    .map(|s| ctx.keyword("update", s.value)),
            }
        })
        .collect()
}

fn actions(record: &Record, texts: &Texts, ctx: &Context) -> Vec<ActionRow> {
    record
        .actions
        .iter()
        .map(|action| ActionRow {
            text: texts.pick(&action.text),
            status: action.status.value.as_str(),
            status_text: ctx.keyword("action", action.status.value),
            symbol: match action.status.value {
                ActionStatus::Done => "✓",
                ActionStatus::InProgress => "◐",
                ActionStatus::Todo => "○",
                ActionStatus::WontDo => "✕",
            },
            kind: action
                .kind
                .as_ref()
                .map(|k| ctx.keyword("kind", k.value))
                .unwrap_or_default(),
            owner: action
                .owner
                .as_ref()
                .map(|o| o.value.clone())
                .unwrap_or_default(),
            due: action
                .due
                .as_ref()
                .map(|d| ctx.dates.date(d.value))
                .unwrap_or_default(),
            link: action.link.as_ref().map(|l| l.value.clone()),
        })
        .collect()
}

/// Time to detect, acknowledge, mitigate and resolve, each measured from `started`.
fn figures(record: &Record, ctx: &Context) -> Vec<Fact> {
    let Some(started) = record.started.as_ref().map(|s| &s.value) else {
        return Vec::new();
    };
    if started.is_day_only() {
        return Vec::new();
    }
    [
        (Milestone::Detected, "figure-time-to-detect"),
        (Milestone::Acknowledged, "figure-time-to-acknowledge"),
        (Milestone::Mitigated, "figure-time-to-mitigate"),
        (Milestone::Resolved, "figure-time-to-resolve"),
    ]
    .into_iter()
    .filter_map(|(milestone, label)| {
        let at = &record.milestone(milestone)?.value;
        (!at.is_day_only()).then(|| Fact {
            label: ctx.text(label),
            value: ctx.duration((at.utc - started.utc).num_seconds()),
        })
    })
    .collect()
}

fn notices(record: &Record, view: &Postmortem, ctx: &Context) -> Vec<Notice> {
    let mut notices = Vec::new();
    match record.status.value {
        RecordStatus::Draft => notices.push(Notice {
            kind: "draft",
            text: ctx.text("notice-draft"),
        }),
        RecordStatus::Review => notices.push(Notice {
            kind: "review",
            text: ctx.text("notice-review"),
        }),
        RecordStatus::Published => {}
    }
    if record.started.is_some() && record.resolved.is_none() {
        notices.push(Notice {
            kind: "ongoing",
            text: ctx.text("notice-ongoing"),
        });
    }
    let texts = view.texts();
    let language = || {
        vec![(
            "language",
            ctx.text(&format!("language-{}", record.lang.value)),
        )]
    };
    if texts.iter().any(|t| t.stale) {
        notices.push(Notice {
            kind: "stale",
            text: ctx.format("notice-stale", &language()),
        });
    }
    if texts.iter().any(|t| t.lang.is_some()) {
        notices.push(Notice {
            kind: "fallback",
            text: ctx.format("notice-fallback", &language()),
        });
    }
    notices
}

impl Postmortem {
    /// Every text the page shows.
    pub fn texts(&self) -> Vec<&Text> {
        let sections = self
            .summary
            .iter()
            .chain(&self.analysis)
            .chain(&self.impact)
            .chain(&self.resolution)
            .chain(&self.internal)
            .map(|s| &s.text);
        std::iter::once(&self.title)
            .chain(sections)
            .chain(self.timeline.iter().map(|r| &r.text))
            .chain(&self.lessons)
            .chain(self.actions.iter().map(|a| &a.text))
            .collect()
    }
}
