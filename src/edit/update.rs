//! `update` and `resolve` as one plan: the record's new text, checked by reading it back.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::overlay::{OverlayEdit, append_pair};
use super::when::{earlier, new_time, written_text};
use super::{Refusal, append_to_list, policy, set_in_map, set_value, verify};
use crate::check::Report;
use crate::diagnostic::Severity;
use crate::load::record::RECORD_FIELDS;
use crate::load::{RecordFile, suggest_name};
use crate::model::{ComponentStatus, Lang, Milestone, OverlayList, Record, UpdateStatus};
use crate::project::Project;
use crate::status::rank;

/// What `hindsight update` or `hindsight resolve` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub id: String,
    pub status: Option<UpdateStatus>,
    /// A time in any form a record accepts; "now" when absent.
    pub at: Option<String>,
    pub affected: Vec<(String, ComponentStatus)>,
    /// The update's text, in the record's language; `resolve` has a default.
    pub text: Option<String>,
    /// Resolve: set `resolved:` and post the resolving update.
    pub resolve: bool,
    /// Post a note to a resolved incident anyway (`update` only; it stays resolved).
    pub force: bool,
    /// The update in other languages: each goes to the record's overlay for that language,
    /// as a new timeline pair whose source is `text`.
    pub translations: Vec<(Lang, String)>,
}

/// The edited record, ready to be written.
#[derive(Debug)]
pub struct Edit {
    pub path: PathBuf,
    pub text: String,
    /// The update's time as written into the record.
    pub at: String,
    /// None for a note to planned maintenance, whose status follows its window.
    pub status: Option<UpdateStatus>,
    /// The overlays that also get the update, translated (`--translation`).
    pub overlays: Vec<OverlayEdit>,
    /// The record's other overlays, which this update leaves untranslated.
    pub untranslated: Vec<Lang>,
    /// Whether the record is a draft, which the status page does not show.
    pub draft: bool,
    /// Components asked to go to a milder state than the one recorded, which stays.
    pub kept: Vec<KeptState>,
}

/// A component whose recorded (worst) state stays, though an update named a milder one.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptState {
    pub component: String,
    pub recorded: ComponentStatus,
    pub asked: ComponentStatus,
}

#[derive(Debug)]
pub enum Planned {
    Ready(Edit),
    /// The record does not lint: these are its errors.
    HasErrors(Report),
    Refused(Refusal),
}

fn refused(message: impl Into<String>) -> Result<Planned, Refusal> {
    Err(Refusal(message.into()))
}

/// Plans the edit of one record; nothing is written.
pub fn plan(project: &Project, request: &Request, now: DateTime<Utc>) -> Planned {
    match plan_inner(project, request, now) {
        Ok(planned) => planned,
        Err(refusal) => Planned::Refused(refusal),
    }
}

fn plan_inner(
    project: &Project,
    request: &Request,
    now: DateTime<Utc>,
) -> Result<Planned, Refusal> {
    let corpus = &project.corpus;
    let file = record_named(project, &request.id)?;
    let mut report = project.check(now);
    report
        .diagnostics
        .retain(|d| d.file == file.source.path && d.severity == Severity::Error);
    let Some(record) = file
        .record
        .as_ref()
        .filter(|_| report.diagnostics.is_empty())
    else {
        return Ok(Planned::HasErrors(report));
    };
    let zone = record.zone(corpus.config.config.timezone);
    policy::allowed(record, request, zone)?;
    let components: Vec<&str> = corpus
        .config
        .config
        .components
        .iter()
        .map(|c| c.id.value.as_str())
        .collect();
    for (id, _) in &request.affected {
        if !components.contains(&id.as_str()) {
            return refused(format!(
                "`{id}` is not a component of site/config.yaml; the components are: {}",
                components.join(", ")
            ));
        }
    }
    let at = new_time(record, request.at.as_deref(), zone, now)?;
    let (at_text, at_when) = at;
    if let Some(last) = record.timeline.last()
        && earlier(&at_when, &last.at.value)
    {
        return refused(format!(
            "{at_text} is earlier than the last timeline entry ({}); updates are added in order",
            written_text(&last.at.value, zone)
        ));
    }
    let status = if record.is_maintenance() {
        // A maintenance's status follows its window (and `resolved:`); its entries carry none.
        None
    } else if request.resolve || record.resolved.is_some() {
        // A note to a resolved incident says what the incident is (the policy refuses others).
        Some(UpdateStatus::Resolved)
    } else {
        Some(
            request
                .status
                .or_else(|| {
                    record
                        .timeline
                        .iter()
                        .rev()
                        .find_map(|e| e.status.as_ref().map(|s| s.value))
                })
                .unwrap_or(UpdateStatus::Investigating),
        )
    };
    let text = match &request.text {
        Some(text) if !text.trim().is_empty() => text.trim().replace("\r\n", "\n"),
        Some(_) => return refused("the update's text is empty; say what changed"),
        // The site's words for a resolving update without text, in the record's language.
        None if request.resolve => crate::localize::Messages::load(Some(&project.root))
            .map_err(|error| Refusal(format!("{error:#}")))?
            .text(
                record.lang.value,
                if record.is_maintenance() {
                    "update-body-completed"
                } else {
                    "update-body-resolved"
                },
            ),
        None => return refused("give the update's text"),
    };
    if request.resolve
        && let Some(marked) = record.timeline.iter().find(|e| {
            e.marks
                .as_ref()
                .is_some_and(|m| m.value == Milestone::Resolved)
        })
        && earlier(&marked.at.value, &at_when)
    {
        return refused(format!(
            "the timeline entry at line {} marks `resolved` at {}; remove its `marks: resolved` before resolving again",
            marked.at.span.start.line,
            written_text(&marked.at.value, zone)
        ));
    }
    let marks = request.resolve
        && !record.timeline.iter().any(|e| {
            e.marks
                .as_ref()
                .is_some_and(|m| m.value == Milestone::Resolved)
        });

    let (raised, kept) = worst_states(record, &request.affected);
    let mut new = file.source.text.clone();
    for (id, state) in &raised {
        new = set_in_map(
            &new,
            "affected",
            id,
            state.as_str(),
            &["title", "lang", "status", "severity"],
        )?;
    }
    let milestones = ["started", "detected", "acknowledged", "mitigated"];
    if request.resolve {
        new = set_value(&new, "resolved", &at_text, &milestones)?;
    }
    let mut fields = vec![("at", at_text.clone())];
    if marks {
        fields.push(("marks", "resolved".to_string()));
    }
    if let Some(status) = status {
        fields.push(("status", status.as_str().to_string()));
    }
    fields.push(("text", text.clone()));
    let before_timeline: Vec<&str> = RECORD_FIELDS
        .iter()
        .copied()
        .take_while(|f| *f != OverlayList::Timeline.name())
        .collect();
    new = append_to_list(
        &new,
        OverlayList::Timeline.name(),
        &fields,
        &before_timeline,
    )?;

    let limit = crate::load::Limits::default().max_bytes;
    if new.len() > limit {
        return refused(format!(
            "with this update the record would hold {} bytes, more than the {} MiB a record may; shorten the text",
            new.len(),
            limit / (1024 * 1024)
        ));
    }
    verify::read_back(
        file,
        record,
        &new,
        corpus.config.config.timezone,
        request.resolve,
        &raised,
        &at_when,
        status,
        &text,
        marks,
    )?;
    let mut overlays = Vec::new();
    for (lang, translation) in &request.translations {
        if *lang == record.lang.value {
            return refused(format!(
                "`{}` is written in {lang}: TEXT is the {lang} text, so --translation {lang}=… has nothing to add",
                file.id
            ));
        }
        if request
            .translations
            .iter()
            .filter(|(l, _)| l == lang)
            .count()
            > 1
        {
            return refused(format!(
                "--translation {lang}=… is given twice; give it once"
            ));
        }
        let translation = translation.trim().replace("\r\n", "\n");
        if translation.is_empty() {
            return refused(format!("the {lang} translation is empty"));
        }
        overlays.push(append_pair(corpus, &file.id, *lang, &text, &translation)?);
    }
    let untranslated = Lang::ALL
        .iter()
        .copied()
        .filter(|lang| *lang != record.lang.value)
        .filter(|lang| corpus.overlay_file(&file.id, *lang).is_some())
        .filter(|lang| !request.translations.iter().any(|(l, _)| l == lang))
        .collect();
    policy::lints_after(corpus, file, &new, &overlays, now)?;
    let mut paths = vec![file.source.path.as_path()];
    paths.extend(overlays.iter().map(|o| o.path.as_path()));
    policy::writes_inside(&project.root, &paths)?;
    Ok(Planned::Ready(Edit {
        path: file.source.path.clone(),
        text: new,
        at: at_text,
        status,
        overlays,
        untranslated,
        draft: record.is_draft(),
        kept,
    }))
}

/// The record `asked` names: its id, its path (as tab completion of a file gives it), or else
/// a refusal that suggests the id meant, the id without its date first.
/// The project may hold only that record's group: the other ids come from the file names.
fn record_named<'c>(project: &'c Project, asked: &str) -> Result<&'c RecordFile, Refusal> {
    let id = crate::project::record_id_asked(asked);
    if let Some(file) = project.corpus.records.iter().find(|r| r.id == id) {
        return Ok(file);
    }
    let ids = project.record_ids().map_err(|error| {
        Refusal(format!(
            "there is no incident `{asked}`, and the others could not be listed: {error:#}"
        ))
    })?;
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let undated: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|known| known.ends_with(&format!("-{id}")))
        .collect();
    let suggested = match undated[..] {
        [only] => Some(only),
        _ => suggest_name(id, &ids),
    };
    let hint = match suggested {
        Some(id) => format!("; did you mean `{id}`?"),
        None if ids.is_empty() => "; there are no records in incidents/ yet".to_string(),
        None => format!("; the records are: {}", ids.join(", ")),
    };
    Err(Refusal(format!("there is no incident `{asked}`{hint}")))
}

/// `affected:` holds the worst state each component reached (DESIGN.md §2; the uptime bars
/// weigh the whole incident by it), so an update only raises a state. Returns the states to
/// write, and the components whose worse recorded state stays.
fn worst_states(
    record: &Record,
    asked: &[(String, ComponentStatus)],
) -> (Vec<(String, ComponentStatus)>, Vec<KeptState>) {
    let mut raised = Vec::new();
    let mut kept = Vec::new();
    for (id, state) in asked {
        let recorded = record
            .affected
            .0
            .iter()
            .find(|(k, _)| &k.value == id)
            .map(|(_, v)| v.value);
        match recorded {
            Some(recorded) if recorded == *state => {}
            Some(recorded) if rank(recorded) > rank(*state) => kept.push(KeptState {
                component: id.clone(),
                recorded,
                asked: *state,
            }),
            _ => raised.push((id.clone(), *state)),
        }
    }
    (raised, kept)
}
