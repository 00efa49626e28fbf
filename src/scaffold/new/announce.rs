//! `new --announce`: the first public update of an incident published at once, and the
//! checks that keep such a record honest (its time, and that it lints).

use anyhow::{anyhow, bail};
use chrono::{DateTime, Utc};

use crate::model::SiteConfig;

/// The announcement's time as the record writes it, in the site's zone: `at` (read like a
/// timeline entry's, a time of day taking the date the impact began), or now, but never
/// before the impact began.
pub(super) fn announced_at(
    at: Option<&str>,
    started: chrono::NaiveDateTime,
    config: &SiteConfig,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    let zone = config.timezone;
    let local = match at {
        None => now.with_timezone(&zone).naive_local().max(started),
        Some(text) => {
            let when = crate::model::time::parse(text)
                .and_then(|written| {
                    crate::model::time::resolve(written, zone, Some(started.date()))
                })
                .map_err(|message| {
                    anyhow!(
                        "--at `{text}`: {message}; {}",
                        crate::model::time::ACCEPTED_FORMS
                    )
                })?;
            if when.is_day_only() {
                bail!(
                    "--at `{text}` is a date; give the time of the announcement too, such as 14:05"
                );
            }
            let local = when.utc.with_timezone(&zone).naive_local();
            if local < started {
                bail!(
                    "--at `{text}` is before the impact began ({}); an incident is announced once it has begun",
                    started.format("%Y-%m-%d %H:%M")
                );
            }
            local
        }
    };
    Ok(local.format("%Y-%m-%d %H:%M").to_string())
}

/// `text` as YAML comments: what a published record keeps for later, without it counting yet.
pub(super) fn commented(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| match line.trim_end_matches(['\n', '\r']) {
            "" => line.to_string(),
            _ => format!("# {line}"),
        })
        .collect()
}

/// A record published at once must lint without errors: a project's own template may still
/// leave placeholders where the built-in ones write comments.
pub(super) fn lints_as_published(
    config: Option<&str>,
    id: &str,
    text: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let path = format!("incidents/{id}.yaml");
    let corpus = crate::load::from_texts(config, &[(&path, text)]);
    let report = crate::check::check(&corpus, now);
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.file == std::path::Path::new(&path)
                && d.severity == crate::diagnostic::Severity::Error
        })
        .map(|d| {
            format!(
                "line {}: {} [{}]",
                d.span().start.line,
                d.message(),
                d.rule()
            )
        })
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    bail!(
        "the template would publish a record that does not lint, so nothing was written:\n  {}\nwrap the sections to write later in {{% filter unwritten %}} … {{% endfilter %}}, as the built-in templates do",
        errors.join("\n  ")
    )
}
