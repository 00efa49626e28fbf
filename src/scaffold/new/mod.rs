//! `new`: a record rendered from a template in `templates/new/` (built-in, or the project's
//! file of the same name), with the values checked before anything is written.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};
use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, TimeZone as _, Utc};
use serde::Serialize;

use crate::assets::{self, Content, NEW_TEMPLATES};
use crate::localize::Messages;
use crate::model::SiteConfig;
use crate::model::{ComponentStatus, Impact, Keyword as _, Lang};
use crate::schema::SchemaKind;
use crate::yaml_quote::double_quoted;

use super::{guide, slug};
use announce::{announced_at, commented, lints_as_published};

mod announce;

/// What the user asked `new` for; every value is checked by [`new_record`].
#[derive(Debug, Clone, Default)]
pub struct NewRecord {
    pub title: String,
    pub date: Option<String>,
    pub time: Option<String>,
    pub severity: Option<String>,
    /// Default: the site's default language.
    pub lang: Option<Lang>,
    /// Default: `default`.
    pub template: Option<String>,
    /// `ID=STATUS` pairs.
    pub affected: Vec<String>,
    pub slug: Option<String>,
    /// Publish at once with this text as the first status update (`investigating`); the
    /// postmortem's sections are written as comments, to fill in once it is over.
    pub announce: Option<String>,
    /// When the announcement is posted (default: now); any time form a record accepts.
    pub at: Option<String>,
}

/// What `new` did.
#[derive(Debug)]
pub enum Written {
    Created(PathBuf),
    /// A file of that name exists; it was left as it was.
    Exists(PathBuf),
}

/// Writes `incidents/<date>-<slug>.yaml` under `root` from the request, never over an
/// existing file. Bad values are errors naming the value and the choices; nothing is written.
pub fn new_record(root: &Path, request: &NewRecord, now: DateTime<Utc>) -> anyhow::Result<Written> {
    let Some(config_text) = read_config(root)? else {
        bail!(
            "{} has no site/config.yaml, so it is no hindsight project: start one with `hindsight init`, or name one with --root",
            if root.as_os_str().is_empty() {
                Path::new(".")
            } else {
                root
            }
            .display()
        );
    };
    let config = crate::load::from_texts(Some(&config_text), &[])
        .config
        .config;
    let templates = assets::layered(Some(root), "templates/new", NEW_TEMPLATES, Content::Text)?;
    let messages = Messages::load(Some(root))?;
    let (id, mut text) = render(request, &config, &templates, &messages, now)?;
    // Editors say "Unable to load schema" on a modeline pointing at a missing file.
    if !SchemaKind::Record.in_project(root) {
        text = crate::schema::without_modeline(&text).to_string();
    }
    if request.announce.is_some() {
        lints_as_published(&config_text, &id, &text, now)?;
    }
    let path = crate::discover::incidents_dir(root).join(format!("{id}.yaml"));
    crate::publish::Protected::new(root)?
        .check_incident_file(&crate::publish::guard::resolve(&path)?, &path)?;
    if crate::publish::create_file(&path, text.as_bytes())? {
        Ok(Written::Created(path))
    } else {
        Ok(Written::Exists(path))
    }
}

/// The text of site/config.yaml, if the project has one.
fn read_config(root: &Path) -> anyhow::Result<Option<String>> {
    let path = crate::discover::config_path(root);
    if !path.is_file() {
        return Ok(None);
    }
    std::fs::read_to_string(&path)
        .map(Some)
        .with_context(|| format!("cannot read {}", path.display()))
}

#[derive(Serialize)]
struct Announcement {
    at: String,
    text: String,
}

#[derive(Serialize)]
struct Affected {
    id: String,
    status: &'static str,
}

/// The record's id and text.
pub(crate) fn render(
    request: &NewRecord,
    config: &SiteConfig,
    templates: &[assets::Layer],
    messages: &Messages,
    now: DateTime<Utc>,
) -> anyhow::Result<(String, String)> {
    let title = request.title.trim();
    if title.is_empty() {
        bail!(
            "the title is empty; say in a few words what happened, such as \"Checkout fails for card payments\""
        );
    }
    let lang = request.lang.unwrap_or_else(|| config.default_lang());
    let severity = match request.severity.as_deref() {
        None => None,
        Some(text) => Some(Impact::parse(text).ok_or_else(|| {
            anyhow!(
                "unknown severity `{text}`; use one of {}",
                Impact::NAMES.join(", ")
            )
        })?),
    };
    let name = request.template.as_deref().unwrap_or("default");
    let template = templates
        .iter()
        .find(|layer| layer.name == format!("{name}.yaml"))
        .ok_or_else(|| {
            let names: Vec<&str> = templates
                .iter()
                .filter_map(|layer| layer.name.strip_suffix(".yaml"))
                .collect();
            anyhow!("unknown template `{name}`; use one of {}", names.join(", "))
        })?;
    let affected = request
        .affected
        .iter()
        .map(|pair| affected(pair, config))
        .collect::<anyhow::Result<Vec<_>>>()?;
    if let Some(twice) = affected
        .iter()
        .find(|a| affected.iter().filter(|b| b.id == a.id).count() > 1)
    {
        bail!(
            "--affected names `{}` twice; give each component once, with the worst state it reached",
            twice.id
        );
    }
    // Unless given, the severity follows the worst state named: a service down is a major
    // incident, not the minor one the page would otherwise announce beside it.
    let severity = severity.unwrap_or_else(|| {
        let worst = affected
            .iter()
            .filter_map(|a| ComponentStatus::parse(a.status))
            .max_by_key(|s| crate::status::rank(*s));
        match worst {
            Some(ComponentStatus::MajorOutage) => Impact::Major,
            _ => Impact::Minor,
        }
    });
    let local = now.with_timezone(&config.timezone);
    let date = match request.date.as_deref() {
        None => local.date_naive(),
        Some(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| anyhow!("--date `{text}` is not a date; write it as 2024-03-31"))?,
    };
    let time = match request.time.as_deref() {
        None => local.time(),
        Some(text) => NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text.trim(), "%H:%M:%S"))
            .map_err(|_| anyhow!("--time `{text}` is not a time of day; write it as 14:05"))?,
    };
    let slug = match &request.slug {
        Some(given) => {
            slug::check(given)?;
            given.clone()
        }
        None => slug::from_title(title)?,
    };
    let local_start = date.and_time(time);
    let shown = local_start.format("%Y-%m-%d %H:%M");
    let zone = config.timezone;
    match zone.from_local_datetime(&local_start) {
        LocalResult::Single(_) => {}
        LocalResult::Ambiguous(..) => bail!(
            "--date and --time give {shown}, which happens twice in {zone} (the clocks go back); give a time outside that hour, then write `{}:` with its offset, such as {}+01:00",
            // The field the time goes into: a window's start, or an incident's.
            if name == "maintenance" {
                "scheduled_for"
            } else {
                "started"
            },
            local_start.format("%Y-%m-%dT%H:%M")
        ),
        LocalResult::None => bail!(
            "--date and --time give {shown}, which does not exist in {zone} (the clocks skip it); give the time the clocks showed"
        ),
    }
    let id = format!("{}-{slug}", date.format("%Y-%m-%d"));
    let announcement = match request.announce.as_deref().map(str::trim) {
        None => None,
        Some("") => {
            bail!("the --announce text is empty; say what readers of the status page should know")
        }
        Some(text) => Some(Announcement {
            at: announced_at(request.at.as_deref(), date.and_time(time), config, now)?,
            text: text.replace("\r\n", "\n"),
        }),
    };
    if name == "maintenance" && announcement.is_some() {
        bail!(
            "--announce posts an incident's first update; a maintenance is announced by publishing it: write it, then set `status: published`"
        );
    }
    if request.at.is_some() && announcement.is_none() {
        bail!(
            "--at is the time of the --announce update; give --announce TEXT too, or --date and --time for when the impact began"
        );
    }
    let mut context = tera::Context::new();
    context.insert("announce", &announcement);
    context.insert("title", title);
    context.insert("lang", lang.as_str());
    context.insert("severity", severity.as_str());
    context.insert("affected", &affected);
    context.insert(
        "example_component",
        config
            .components
            .first()
            .map_or("website", |c| c.id.value.as_str()),
    );
    context.insert("timezone", config.timezone.name());
    context.insert(
        "started",
        &format!("{} {}", date.format("%Y-%m-%d"), time.format("%H:%M")),
    );
    context.insert("has_components", &!config.components.is_empty());
    context.insert("scheduled_until", &an_hour_later(local_start, zone));
    context.insert("schema", &SchemaKind::Record.relative_path(1));
    context.insert("g", &guide::guide(messages, lang));
    let mut tera = tera::Tera::new();
    tera.register_filter("yaml", |text: &str, _: tera::Kwargs, _: &tera::State| {
        double_quoted(text)
    });
    let announcing = announcement.is_some();
    tera.register_filter(
        "unwritten",
        move |text: &str, _: tera::Kwargs, _: &tera::State| {
            if announcing {
                commented(text)
            } else {
                text.to_string()
            }
        },
    );
    let shown = template.project.as_ref().map_or_else(
        || format!("templates/new/{}", template.name),
        |p| p.path.display().to_string(),
    );
    tera.add_raw_template(&template.name, template.effective())
        .map_err(|e| anyhow!("{shown}: {e}"))?;
    let text = tera
        .render(&template.name, &context)
        .map_err(|e| anyhow!("{shown}: {e}"))?;
    Ok((id, text))
}

/// The end of a new maintenance window: an hour after its start, as the clocks in `zone`
/// will show it; with its offset when the clocks show that time twice (they go back).
fn an_hour_later(start: chrono::NaiveDateTime, zone: chrono_tz::Tz) -> String {
    let Some(start) = zone.from_local_datetime(&start).earliest() else {
        return start.format("%Y-%m-%d %H:%M").to_string();
    };
    let end = (start + chrono::TimeDelta::hours(1)).with_timezone(&zone);
    match zone.from_local_datetime(&end.naive_local()) {
        LocalResult::Single(_) => end.format("%Y-%m-%d %H:%M").to_string(),
        _ => end.format("%Y-%m-%dT%H:%M%:z").to_string(),
    }
}

fn affected(pair: &str, config: &SiteConfig) -> anyhow::Result<Affected> {
    let (id, status) = pair.split_once('=').ok_or_else(|| {
        anyhow!("--affected `{pair}` is not ID=STATUS, such as website=major_outage")
    })?;
    let ids: Vec<&str> = config
        .components
        .iter()
        .map(|c| c.id.value.as_str())
        .collect();
    if config.component(id).is_none() {
        if ids.is_empty() {
            bail!(
                "unknown component `{id}`: site/config.yaml lists no components; add it there first"
            );
        }
        bail!("unknown component `{id}`; use one of {}", ids.join(", "));
    }
    let status = ComponentStatus::parse(status).ok_or_else(|| {
        anyhow!(
            "unknown component status `{status}`; use one of {}",
            ComponentStatus::NAMES.join(", ")
        )
    })?;
    Ok(Affected {
        id: id.to_string(),
        status: status.as_str(),
    })
}

#[cfg(test)]
mod tests;
