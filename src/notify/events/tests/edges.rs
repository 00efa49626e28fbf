//! Events at the edges: a change's id over time and without a date, the API's limits on
//! what is news, and one-line titles.

use super::*;

#[test]
fn a_component_change_has_one_id_however_late_it_is_seen_and_a_later_one_another() {
    let upgrade = |day: &str| {
        (
            format!("2026-11-{day}-upgrade"),
            window(
                "Upgrade",
                &format!("2026-11-{day}T11:00:00Z"),
                &format!("2026-11-{day}T13:00:00Z"),
                "",
            ),
        )
    };
    let first = upgrade("22");
    let second = upgrade("29");
    let records = [
        (first.0.as_str(), first.1.clone()),
        (second.0.as_str(), second.1.clone()),
    ];
    let ids = |before: &str, now: &str| -> Vec<String> {
        let before = page_of(&records, at(before));
        let now = page_of(&records, at(now));
        events(&before.state, &now)
            .into_iter()
            .filter(|e| e.kind == EventKind::ComponentChanged)
            .map(|e| e.id)
            .collect()
    };
    let one = ids("2026-11-22T10:00:00Z", "2026-11-22T12:00:00Z");
    let two = ids("2026-11-29T10:00:00Z", "2026-11-29T12:00:00Z");
    assert_eq!(one.len(), 1);
    assert_eq!(two.len(), 1);
    assert_ne!(
        one, two,
        "the second window's change would be taken as sent"
    );
    // A re-run later in the same window names the same change: it is not sent twice.
    let again = ids("2026-11-22T10:00:00Z", "2026-11-22T12:30:00Z");
    assert_eq!(one, again);
}

/// An incident taken back to review leaves its component operational with no record to date
/// the change: every run comparing with the same state names it alike, so a re-run while a
/// retry is pending does not tell it again.
#[test]
fn an_undated_component_change_is_named_after_the_state_compared_with() {
    let opened = [("2026-11-22-db", DB_NEW.to_string())];
    let before = page_of(&opened, at("2026-11-22T12:00:00Z"));
    let withdrawn = [(
        "2026-11-22-db",
        DB_NEW.replace("status: published", "status: review"),
    )];
    let ids = |now: &str| -> Vec<String> {
        events(&before.state, &page_of(&withdrawn, at(now)))
            .into_iter()
            .filter(|e| e.kind == EventKind::ComponentChanged)
            .map(|e| e.id)
            .collect()
    };
    let first = ids("2026-11-22T12:15:00Z");
    assert_eq!(
        first,
        [format!(
            "component.changed:db:major_outage-operational:{}",
            at("2026-11-22T12:00:00Z").timestamp()
        )]
    );
    assert_eq!(ids("2026-11-22T12:30:00Z"), first);
}

#[test]
fn incidents_older_than_the_published_api_lists_are_not_news() {
    // 52 resolved incidents: the API's incidents.json lists the newest 50.
    let texts: Vec<(String, String)> = (0..52)
        .map(|i| {
            let start = at("2026-09-01T00:00:00Z") + chrono::TimeDelta::hours(i * 10);
            let end = start + chrono::TimeDelta::hours(1);
            (
                format!("incidents/i{i:02}.yaml"),
                format!(
                    "title: Incident {i}\nlang: en\nstatus: published\nseverity: minor\ntimezone: UTC\nstarted: {}\nresolved: {}\nsummary: Slow.\n",
                    crate::localize::site::rfc3339(start),
                    crate::localize::site::rfc3339(end)
                ),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let corpus = load::from_texts(Some(CONFIG), &files);
    let now = at("2026-11-22T12:00:00Z");
    let assets = SiteAssets::builtin().unwrap();
    let previous = published_state(&corpus, now);
    assert_eq!(previous.incidents.len(), 50);
    let page = current::page(&corpus, &assets, "https://status.example.com/", now);
    assert_eq!(events(&previous, &page), []);
}

#[test]
fn titles_and_statuses_are_one_line_for_every_channel() {
    // A component name that would be a Markdown heading of its own in a multi-line title.
    let config = CONFIG.replace("name: API", "name: \"API\\r\\n# hdr\"");
    let upgrade = window(
        "Upgrade",
        "2026-11-22T11:00:00Z",
        "2026-11-22T13:00:00Z",
        "",
    );
    let page = |now: &str| {
        let corpus = load::from_texts(
            Some(&config),
            &[("incidents/2026-11-22-upgrade.yaml", upgrade.as_str())],
        );
        let now = at(now);
        let report = crate::check::check(&corpus, now);
        assert_eq!(
            report.count(crate::diagnostic::Severity::Error),
            0,
            "{report:?}"
        );
        let assets = SiteAssets::builtin().unwrap();
        current::page(&corpus, &assets, "https://status.example.com/", now)
    };
    let all = events(
        &page("2026-11-22T10:00:00Z").state,
        &page("2026-11-22T12:00:00Z"),
    );
    let changed = all
        .iter()
        .find(|e| e.kind == EventKind::ComponentChanged && e.subject == "api")
        .expect("the API's change");
    for text in changed.texts.values() {
        assert_eq!(text.title, "API # hdr");
    }
    for text in all.iter().flat_map(|e| e.texts.values()) {
        for line in [&text.title, &text.status] {
            assert!(!line.contains(['\n', '\r']), "{line:?}");
        }
    }
}
