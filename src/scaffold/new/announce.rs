//! `new --announce`: the first public update of an incident published at once, and the
//! checks that keep such a record honest (its time, and that it lints).

use anyhow::{anyhow, bail};
use chrono::{DateTime, Utc};

use crate::model::{RuleId, SiteConfig};

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
    let now_local = now.with_timezone(&zone).naive_local();
    if started > now_local {
        bail!(
            "the impact cannot have begun in the future: --date and --time say {}, and it is {} now ({}); a published incident holds what has happened",
            started.format("%Y-%m-%d %H:%M"),
            now_local.format("%Y-%m-%d %H:%M"),
            zone.name()
        );
    }
    let local = match at {
        None => now_local,
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
                    "--at `{text}` is before the impact began ({}); an incident is announced once it has begun (--date and --time say when that was)",
                    started.format("%Y-%m-%d %H:%M")
                );
            }
            if local > now_local {
                bail!(
                    "--at `{text}` is in the future: it is {} now ({}); post the announcement when it happens",
                    now_local.format("%Y-%m-%d %H:%M"),
                    zone.name()
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
    config: &str,
    id: &str,
    text: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let path = format!("incidents/{id}.yaml");
    let (errors, lines) = crate::check::errors_in_texts(Some(config), &[(&path, text)], now);
    if errors.is_empty() {
        return Ok(());
    }
    let unfilled = errors
        .iter()
        .any(|d| matches!(d.rule(), RuleId::PlaceholderText | RuleId::MissingSection));
    let hint = if unfilled {
        "\nthe template leaves sections to write: wrap them in {% filter unwritten %} … {% endfilter %}, as the built-in templates do"
    } else {
        ""
    };
    bail!(
        "the announced record would not lint, so nothing was written:\n  {}{hint}",
        lines.join("\n  ")
    )
}
