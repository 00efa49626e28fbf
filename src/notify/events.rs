//! What changed between two public states, as events: pure, no I/O. Each event has a stable
//! id (`<type>:<subject>[:<update id or change>]`), so the delivery log can tell a change
//! already sent from a new one, and carries its words in every language of the site.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::current::{Page, Words};
use super::format::{clean, clean_line};
use super::message::{Event, EventKind, EventText};
use super::state::{IncidentState, MaintenanceState, PublicState};
use crate::model::Lang;

/// The events that take the public page from `previous` to `page` (the current page), in
/// order: incidents (newest id order within a kind is by id), then windows, then
/// components, each subject's events in the order they happened.
pub(crate) fn events(previous: &PublicState, page: &Page) -> Vec<Event> {
    let mut events = Vec::new();
    // Ties as the API breaks them: incidents by id, windows by id reversed.
    let incidents = newest(
        page.incidents.iter().map(|(id, f)| (id, f.started)),
        previous.incident_limit,
        false,
    );
    let maintenances = newest(
        page.maintenances
            .iter()
            .map(|(id, f)| (id, f.scheduled_for)),
        previous.maintenance_limit,
        true,
    );
    for (id, current) in &page.state.incidents {
        if !incidents.contains(id.as_str()) {
            continue;
        }
        incident_events(id, previous.incidents.get(id), current, page, &mut events);
    }
    for (id, current) in &page.state.maintenances {
        if !maintenances.contains(id.as_str()) {
            continue;
        }
        maintenance_events(
            id,
            previous.maintenances.get(id),
            current,
            page,
            &mut events,
        );
    }
    for (id, state) in &page.state.components {
        // A component new to the configuration has no change to tell.
        let Some(before) = previous.components.get(id) else {
            continue;
        };
        if before == state {
            continue;
        }
        let Some(facts) = page.components.get(id) else {
            continue;
        };
        let at = facts.changed.unwrap_or(page.now);
        // The change and its instant (the same component may fail again later); when no
        // record dates it (an incident taken back to review), the instant of the state
        // compared with, which every run that compares with it shares.
        let named_at = facts.changed.or(previous.at).unwrap_or(page.now);
        events.push(Event {
            id: format!(
                "{}:{id}:{before}-{state}:{}",
                EventKind::ComponentChanged,
                named_at.timestamp()
            ),
            kind: EventKind::ComponentChanged,
            subject: id.clone(),
            components: vec![id.clone()],
            at,
            texts: texts(&facts.words, &page.languages, |_, w| w.clone()),
        });
    }
    events
}

/// The ids of the `limit` newest subjects (all without a limit), as the API lists them: by
/// time, newest first.
fn newest<'a>(
    subjects: impl Iterator<Item = (&'a String, DateTime<Utc>)>,
    limit: Option<usize>,
    ids_reversed: bool,
) -> std::collections::HashSet<&'a str> {
    let mut subjects: Vec<(&String, DateTime<Utc>)> = subjects.collect();
    subjects.sort_by(|a, b| {
        let ids = if ids_reversed {
            b.0.cmp(a.0)
        } else {
            a.0.cmp(b.0)
        };
        b.1.cmp(&a.1).then(ids)
    });
    subjects
        .into_iter()
        .take(limit.unwrap_or(usize::MAX))
        .map(|(id, _)| id.as_str())
        .collect()
}

fn is_over(status: &str) -> bool {
    matches!(status, "resolved" | "postmortem")
}

fn incident_events(
    id: &str,
    before: Option<&IncidentState>,
    current: &IncidentState,
    page: &Page,
    events: &mut Vec<Event>,
) {
    let Some(facts) = page.incidents.get(id) else {
        return;
    };
    let event = |kind: EventKind, at: DateTime<Utc>, words: &dyn Fn(Lang, &Words) -> Words| Event {
        id: format!("{kind}:{id}"),
        kind,
        subject: id.to_string(),
        components: facts.components.clone(),
        at,
        texts: texts(&facts.words, &page.languages, words),
    };
    let resolved_at = facts.resolved.unwrap_or(page.now);
    match before {
        // Published after it was over (a retrospective): told as resolved, not as opened.
        None if is_over(&current.status) => {}
        None => events.push(event(EventKind::IncidentOpened, facts.started, &|_, w| {
            w.clone()
        })),
        Some(before) => {
            for update in current
                .updates
                .iter()
                .filter(|u| !before.updates.contains(u))
            {
                let Some(u) = facts.updates.get(update) else {
                    continue;
                };
                // The resolving update is told by the `incident.resolved` event.
                if u.status == "resolved" && !is_over(&before.status) {
                    continue;
                }
                events.push(Event {
                    id: format!("{}:{id}:{update}", EventKind::UpdatePosted),
                    kind: EventKind::UpdatePosted,
                    subject: id.to_string(),
                    components: facts.components.clone(),
                    at: u.at,
                    texts: texts(&facts.words, &page.languages, |lang, w| {
                        let (status, body) = u.words.get(&lang).cloned().unwrap_or_default();
                        Words {
                            status,
                            body,
                            ..w.clone()
                        }
                    }),
                });
            }
        }
    }
    let was_over = before.is_some_and(|b| is_over(&b.status));
    if is_over(&current.status) && !was_over {
        events.push(event(EventKind::IncidentResolved, resolved_at, &|_, w| {
            w.clone()
        }));
    }
    let had_postmortem = before.is_some_and(|b| b.status == "postmortem");
    if current.status == "postmortem" && !had_postmortem {
        events.push(event(
            EventKind::PostmortemPublished,
            facts.revised,
            &|_, w| Words {
                body: w.summary.clone(),
                ..w.clone()
            },
        ));
    }
}

fn maintenance_events(
    id: &str,
    before: Option<&MaintenanceState>,
    current: &MaintenanceState,
    page: &Page,
    events: &mut Vec<Event>,
) {
    let Some(facts) = page.maintenances.get(id) else {
        return;
    };
    let mut push = |kind: EventKind, at: DateTime<Utc>| {
        events.push(Event {
            id: format!("{kind}:{id}"),
            kind,
            subject: id.to_string(),
            components: facts.components.clone(),
            at,
            texts: texts(&facts.words, &page.languages, |_, w| w.clone()),
        });
    };
    let active = |status: &str| matches!(status, "in_progress" | "verifying");
    let now = page.now;
    match before {
        // Called off before anyone was told, or over before anyone was told: nothing to say.
        None if current.cancelled || current.status == "completed" => {}
        None if active(&current.status) => push(EventKind::MaintenanceStarted, facts.scheduled_for),
        None => push(
            EventKind::MaintenanceScheduled,
            facts.added.unwrap_or(now).min(now),
        ),
        Some(before) if before.cancelled => {}
        Some(_) if current.cancelled => push(
            EventKind::MaintenanceCancelled,
            facts.revised.unwrap_or(now).min(now),
        ),
        Some(before) => {
            if before.status == "scheduled" && active(&current.status) {
                push(EventKind::MaintenanceStarted, facts.scheduled_for);
            }
            if before.status != "completed" && current.status == "completed" {
                push(
                    EventKind::MaintenanceCompleted,
                    facts.scheduled_until.min(now),
                );
            }
        }
    }
}

/// `words` per language, mapped, in the site's language order (a language without words,
/// which a built site never has, is left out).
fn texts(
    words: &BTreeMap<Lang, Words>,
    languages: &[Lang],
    map: impl Fn(Lang, &Words) -> Words,
) -> BTreeMap<Lang, EventText> {
    languages
        .iter()
        .filter_map(|lang| {
            let w = map(*lang, words.get(lang)?);
            Some((
                *lang,
                // Every channel, the generic webhook too, shows these on one line.
                EventText {
                    title: clean_line(&w.title),
                    status: clean_line(&w.status),
                    body: clean(&w.body),
                    url: w.url,
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests;
