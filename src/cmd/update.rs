//! `hindsight update` and `hindsight resolve`: post a status update to a record, in place.

use std::path::Path;

use hindsight::diagnostic::display_path;
use hindsight::edit::update::{self, Planned, Request};
use hindsight::model::{ComponentStatus, Keyword as _, Lang, UpdateStatus};
use hindsight::project::{self, Project};
use hindsight::publish;

use super::terminal::{now, report_on_stderr, warn_without_config};
use super::{Outcome, output};

#[derive(Debug, clap::Args)]
pub(crate) struct UpdateArgs {
    /// The incident's id (the file name under incidents/ without `.yaml`).
    #[arg(add = super::completions::record_ids())]
    id: String,
    /// What the update says about the incident.
    #[arg(long, value_parser = parse_status)]
    status: Option<UpdateStatus>,
    /// When (default: now, in the record's timezone); any time form a record accepts.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// A component's new state, as COMPONENT=STATUS (repeatable).
    #[arg(long, value_name = "ID=STATUS", value_parser = parse_affected, add = super::completions::affected())]
    affected: Vec<(String, ComponentStatus)>,
    /// Post a note to an incident that is already resolved (it stays resolved).
    #[arg(long)]
    force: bool,
    /// The update in another language, as LANG=TEXT: added to the record's LANG overlay
    /// (made by `hindsight translate`) as a new pair (repeatable).
    #[arg(long, value_name = "LANG=TEXT", value_parser = parse_translation)]
    translation: Vec<(Lang, String)>,
    /// The update's text, in the record's language.
    text: String,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ResolveArgs {
    /// The incident's id (the file name under incidents/ without `.yaml`).
    #[arg(add = super::completions::record_ids())]
    id: String,
    /// When it was resolved (default: now, in the record's timezone).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// The resolving update in another language, as LANG=TEXT (repeatable; see `update`).
    #[arg(long, value_name = "LANG=TEXT", value_parser = parse_translation)]
    translation: Vec<(Lang, String)>,
    /// The resolving update's text, in the record's language (default: a short notice).
    text: Option<String>,
}

fn parse_status(text: &str) -> Result<UpdateStatus, String> {
    UpdateStatus::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not an update status; use one of {}",
            UpdateStatus::NAMES.join(", ")
        )
    })
}

fn parse_translation(text: &str) -> Result<(Lang, String), String> {
    let (lang, translation) = text.split_once('=').ok_or_else(|| {
        format!("`{text}`: write LANG=TEXT, e.g. de=\"Wir untersuchen das Problem.\"")
    })?;
    Ok((super::parse_lang(lang)?, translation.to_string()))
}

fn parse_affected(text: &str) -> Result<(String, ComponentStatus), String> {
    let (id, status) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}`: write COMPONENT=STATUS, e.g. api=major_outage"))?;
    let status = ComponentStatus::parse(status).ok_or_else(|| {
        format!(
            "`{status}` is not a component status; use one of {}",
            ComponentStatus::NAMES.join(", ")
        )
    })?;
    Ok((id.to_string(), status))
}

pub(crate) fn update(root: Option<&Path>, args: UpdateArgs) -> anyhow::Result<Outcome> {
    let request = Request {
        id: args.id,
        status: args.status,
        at: args.at,
        affected: args.affected,
        text: Some(args.text),
        resolve: false,
        force: args.force,
        translations: args.translation,
    };
    run(root, &request)
}

pub(crate) fn resolve(root: Option<&Path>, args: ResolveArgs) -> anyhow::Result<Outcome> {
    let request = Request {
        id: args.id,
        at: args.at,
        text: args.text,
        resolve: true,
        translations: args.translation,
        ..Request::default()
    };
    run(root, &request)
}

fn run(root: Option<&Path>, request: &Request) -> anyhow::Result<Outcome> {
    let now = now()?;
    let root = project::find_root(root, None);
    warn_without_config(&root);
    let project = Project::load_record_named(&root, &request.id)?;
    let edit = match update::plan(&project, request, now) {
        Planned::Ready(edit) => edit,
        Planned::HasErrors(report) => {
            report_on_stderr(&project, &report);
            eprintln!("error: the record has the errors above; fix them first (hindsight lint)");
            return Ok(Outcome::Findings);
        }
        Planned::Refused(refusal) => {
            eprintln!("error: {refusal}");
            return Ok(Outcome::Findings);
        }
    };
    let mut files = vec![(edit.path.as_path(), edit.text.as_bytes())];
    files.extend(
        edit.overlays
            .iter()
            .map(|overlay| (overlay.path.as_path(), overlay.text.as_bytes())),
    );
    publish::write_files(&files)?;
    for overlay in &edit.overlays {
        output::status(&format!("updated {}", display_path(&overlay.path)));
    }
    for lang in &edit.untranslated {
        output::status(&format!(
            "note: the {lang} overlay has no translation of this update yet; its pages show it in the record's language (add --translation {lang}=TEXT next time, or see hindsight translate status)"
        ));
    }
    if edit.draft {
        output::needed_warning(
            "the record is a draft, so the status page does not show it; set `status: published` to post it",
        );
    }
    for kept in &edit.kept {
        output::status(&format!(
            "note: `{}` stays {} under `affected:`, which holds the worst state the incident reached ({} is milder)",
            kept.component, kept.recorded, kept.asked
        ));
    }
    let verb = if request.resolve {
        "resolved"
    } else {
        "updated"
    };
    // Planned maintenance's entries carry no status: resolving completes it.
    let what = match edit.status {
        Some(status) => status.to_string(),
        None if request.resolve => "completed".to_string(),
        None => "a note".to_string(),
    };
    output::status(&format!(
        "{verb} {}: {what} at {}",
        display_path(&edit.path),
        edit.at
    ));
    Ok(Outcome::Clean)
}
