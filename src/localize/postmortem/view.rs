//! The view of one postmortem in one language: the contract between hindsight and the
//! postmortem templates. A template author reads this file to know what each template variable
//! holds.
//!
//! Templates that read it: `postmortem.md` (`hindsight render --format md`),
//! `postmortem-article.html` (the article, shared by `postmortem.html` for `hindsight render
//! --format html` and by `site/incident.html` for the status site's incident pages) and
//! `postmortem.html` itself (the page around the article).
//!
//! Forms of the strings, which decide the filter a template must use:
//! - **Markdown**: the author's text as written in the record or the overlay (`Text::markdown`);
//!   untrusted, rendered with the `markdown`/`markdown_inline` filters in HTML and the
//!   `inert`/`inline`/`cell` filters in Markdown, never output raw.
//! - **Localized text**: a string hindsight built from the locale messages, possibly with record
//!   values in it (a component's name, an owner); plain text, auto-escaped in HTML, passed
//!   through the `text` filter in Markdown where it may hold record values.
//! - **Keyword**: a fixed ASCII word (`done`, `stale`, `fallback`), safe for a class name.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

/// A text as the reader gets it: the translation when there is one, else the original.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Text {
    /// Markdown, as written in the record or the overlay. Untrusted: only through a Markdown
    /// filter (`markdown`, `markdown_inline`, `inert`, `inline`, `cell`, `plain`).
    pub markdown: String,
    /// The text's language tag (`en`, `zh-Hans`) when it is not the page's (an untranslated
    /// fallback); the HTML templates put it in a `lang` attribute.
    pub lang: Option<&'static str>,
    /// Translated from an earlier version of the original; the HTML templates add the `stale`
    /// class.
    pub stale: bool,
}

/// A labelled value: a line of the summary block (`facts`) or of the key figures (`figures`).
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// Localized text, from the messages only (`Duration`).
    pub label: String,
    /// Localized text (`19 minutes`); in `facts` it can hold record values (component names),
    /// so `postmortem.md` passes it through `text`.
    pub value: String,
}

/// A note at the top of the postmortem (both templates, under the title).
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    /// Keyword: `draft`, `review`, `ongoing`, `stale`, `fallback`; the HTML class
    /// `notice-<kind>`.
    pub kind: &'static str,
    /// Localized text, from the messages only.
    pub text: String,
}

/// A row of the timeline table (both templates).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow {
    /// Localized text: the entry's time in the record's zone (`03:56`), with its date when the
    /// date changes, its zone when it differs from the column heading's, `~` when approximate;
    /// only the date for a day-precision entry.
    pub time: String,
    /// RFC 3339 (`2023-12-17T03:56:00Z`), or the date alone (`2023-12-17`) for a
    /// day-precision entry, for `<time datetime>` in `postmortem-article.html`.
    pub datetime: String,
    /// What happened then.
    pub text: Text,
    /// Localized text: the public status this entry announced (`Resolved`).
    pub status: Option<String>,
}

/// A row of the follow-up actions table (both templates).
#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    /// What is to be done.
    pub text: Text,
    /// Keyword (`todo`, `in_progress`, `done`, `wont_do`): the HTML row class
    /// `status-<status>`.
    pub status: &'static str,
    /// Localized text: the status in words (`Done`).
    pub status_text: String,
    /// A fixed symbol for the status (`✓`, `◐`, `○`, `✕`).
    pub symbol: &'static str,
    /// Localized text: the kind of action (`Prevention`); empty when not given, like `owner` and
    /// `due`.
    pub kind: String,
    /// Plain text from the record, untranslated: who owns the action.
    pub owner: String,
    /// Localized text: the due date (`December 31, 2023`).
    pub due: String,
    /// A URL from the record, untrusted: only through the `url` filter.
    pub link: Option<String>,
}

/// A named Markdown section of the postmortem.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable anchor, the field's name with `-` (`root-cause`): the HTML `id` and link target.
    pub id: &'static str,
    /// Localized text, from the messages only (`Root cause`).
    pub heading: String,
    /// The section's body.
    pub text: Text,
}

/// The postmortem of one record in one language: the context of the postmortem templates.
#[derive(Debug, Clone, Serialize)]
pub struct Postmortem {
    /// The record's id (its file name without `.yaml`); the site's page name, not read by the
    /// built-in templates.
    pub id: String,
    /// Language tag of the page (`de`, `zh-Hans`): the `lang` attribute of `postmortem.html`
    /// and of timeline statuses in `postmortem-article.html`.
    pub lang: &'static str,
    /// Language code the record is written in; not read by the built-in templates.
    pub source_lang: &'static str,
    /// Localized text: what the page is, shown above the title and in `<title>`: `Postmortem`
    /// once any of the analysis is written, `Incident` while only status updates tell it.
    pub kind: String,
    /// The title (the `<h1>` and `<title>`, the Markdown `#` heading).
    pub title: Text,
    /// Notes under the title, in a fixed order: draft/review, ongoing, stale, fallback.
    pub notices: Vec<Notice>,
    /// The summary block: incident time, duration, impact level, affected services, status.
    pub facts: Vec<Fact>,
    /// Localized text: when it happened (`December 17, 2023, 03:56–04:15 UTC`), empty
    /// without a start. Read by the site's incident cards and feed, not by the postmortem
    /// templates (they show it as the first fact).
    pub period: String,
    /// Localized text: how long it lasted, in words; empty when unknown. Read like `period`.
    pub lasted: String,
    /// The summary section (`summary.id` is `summary`).
    pub summary: Option<Section>,
    /// Localized text: timeline column header for the time, with the zone (`Time (UTC)`).
    pub time_heading: String,
    /// The timeline, in the record's order.
    pub timeline: Vec<TimelineRow>,
    /// What happened, root cause, trigger, detection (those present, in that order): shown
    /// under one "analysis" heading.
    pub analysis: Vec<Section>,
    /// The impact section.
    pub impact: Option<Section>,
    /// The resolution section.
    pub resolution: Option<Section>,
    /// Lessons learned, one list item each.
    pub lessons: Vec<Text>,
    /// Follow-up actions, in the record's order.
    pub actions: Vec<ActionRow>,
    /// Key figures: time to detect, acknowledge, mitigate and resolve from the start (those
    /// with exact times); values are localized durations.
    pub figures: Vec<Fact>,
    /// Plain text from the record, untranslated: the authors' names.
    pub authors: Vec<String>,
    /// The `internal` section; only with `render --internal`, never on the site.
    pub internal: Option<Section>,
    /// Localized text: every message without variables in the page's language, by id with `_`
    /// for `-` (`t.heading_summary`).
    pub t: Arc<BTreeMap<String, String>>,
}

impl Postmortem {
    /// Every text the page shows.
    pub(crate) fn texts(&self) -> Vec<&Text> {
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
