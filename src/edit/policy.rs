//! What an update may do to a record: when a resolved incident takes one, which status it may
//! say, and that the edited record lints as cleanly as before (no command leaves a file that
//! stops the next update or the build).

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::Refusal;
use super::overlay::OverlayEdit;
use super::update::Request;
use super::when::written_text;
use crate::load::{Corpus, RecordFile};
use crate::model::{Record, UpdateStatus};

/// Refuses what would leave the record saying something false: `update --status resolved`
/// (which does not set `resolved:`), an incident status on planned maintenance, resolving
/// twice, and posting to a resolved incident without `--force` or with a status that would
/// seem to reopen it.
pub(super) fn allowed(record: &Record, request: &Request, zone: Tz) -> Result<(), Refusal> {
    let id = &record.id;
    if !request.resolve && request.status == Some(UpdateStatus::Resolved) {
        return Err(Refusal(format!(
            "resolve an incident with `hindsight resolve {id}`: it also sets `resolved:`, which the status page and the API go by"
        )));
    }
    if record.is_maintenance() && !request.resolve && request.status.is_some() {
        return Err(Refusal(format!(
            "`{id}` is planned maintenance: its status follows its window (scheduled, in progress, completed), not an incident status; post the note without --status, set `started:` if the work began at another time, and run `hindsight resolve {id}` when it is done"
        )));
    }
    let Some(resolved) = &record.resolved else {
        return Ok(());
    };
    let at = written_text(&resolved.value, zone);
    if request.resolve {
        return Err(Refusal(format!(
            "`{id}` was resolved at {at} already; to change that time, edit `resolved:` and the timeline entry that marks it"
        )));
    }
    if !request.force {
        return Err(Refusal(format!(
            "`{id}` was resolved at {at}; pass --force to post a note to it anyway (it stays resolved)"
        )));
    }
    match request.status {
        Some(status) if status != UpdateStatus::Resolved => Err(Refusal(format!(
            "`{id}` was resolved at {at}, so an update saying `{status}` would not reopen it; to reopen it, delete its `resolved:` line and the `marks: resolved` of its entry, then post the update"
        ))),
        _ => Ok(()),
    }
}

/// Every file the update writes must lie in the project's own `incidents/` folder.
pub(super) fn writes_inside(root: &Path, paths: &[&Path]) -> Result<(), Refusal> {
    let check = || -> anyhow::Result<()> {
        let protected = crate::publish::Protected::new(root)?;
        for path in paths {
            protected.check_incident_file(&crate::publish::guard::resolve(path)?, path)?;
        }
        Ok(())
    };
    check().map_err(|error| Refusal(format!("{error:#}")))
}

/// The edited record (and overlays) must lint without errors, as the record did before.
pub(super) fn lints_after(
    corpus: &Corpus,
    file: &RecordFile,
    text: &str,
    overlays: &[OverlayEdit],
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let record_path = format!("incidents/{}.yaml", file.id);
    let overlay_paths: Vec<String> = overlays
        .iter()
        .map(|o| {
            let name = o.path.file_name().unwrap_or_default().to_string_lossy();
            format!("incidents/{name}")
        })
        .collect();
    let mut files = vec![(record_path.as_str(), text)];
    files.extend(
        overlay_paths
            .iter()
            .zip(overlays)
            .map(|(path, o)| (path.as_str(), o.text.as_str())),
    );
    let config = corpus.config.source.as_ref().map(|s| s.text.as_str());
    let (_, errors) = crate::check::errors_in_texts(config, &files, now);
    if errors.is_empty() {
        return Ok(());
    }
    Err(Refusal(format!(
        "the update would leave errors that stop the next update and the build, so nothing was written:\n  {}",
        errors.join("\n  ")
    )))
}
