//! `id-date-mismatch`: a record whose id starts with a date days away from its incident.

use chrono::NaiveDate;

use crate::check::{RecordCheck, Scope, declare_rule};
use crate::diagnostic::Finding;
use crate::model::time::When;
use crate::model::{Milestone, Spanned};

declare_rule! {
    /// A record's id starts with a date more than two days after the incident happened.
    ///
    /// The id is the file name (`incidents/2023-12-17-image-deleted.yaml`), and by convention
    /// it starts with the day the incident began, which `hindsight new` writes into both. A
    /// file created today for an incident of years ago (`new` without `--date`, then `started`
    /// corrected) keeps today's date in its name, and with it in the address of its page,
    /// its feed entry and its API object, where readers take it for the incident's date.
    ///
    /// The rule compares the id's date with the dates of the record's own times: its
    /// milestones (`started` to `resolved`) and, for a maintenance, its window. Each is taken
    /// as written, in the record's zone, and only an id dated more than two days after the
    /// last of them is reported, so an id named in another zone, or on the day the incident
    /// was resolved, is not. An id dated before the incident is never reported: a maintenance
    /// may be named for the day it was announced, and an id may name what the incident was
    /// about, such as a release (`2025-10-01-release-broke-login` for an incident that began
    /// on 2025-10-14). A record without `started` (nor a window) or whose id does not start
    /// with a `YYYY-MM-DD` date is not checked. Drafts are checked: before a record is
    /// published, renaming it changes no public address.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// # incidents/2026-11-24-image-deleted.yaml
    /// started: 2023-12-17T03:56:00Z
    /// ```
    ///
    /// ## Fix
    ///
    /// If the file is named for the wrong day, rename it and its translations with `git mv`
    /// (`git mv incidents/2026-11-24-image-deleted.yaml
    /// incidents/2023-12-17-image-deleted.yaml`, and each `….<lang>.yaml` beside it); a
    /// published incident then moves to a new address. If `started` is wrong, correct it.
    pub ID_DATE_MISMATCH = IdDateMismatch, Warning, Scope::Record(check)
}

/// How far after the incident's last day the id's date may lie: a day for the zone in which
/// it was named, and one more for an incident named the day after it was resolved.
const MARGIN_DAYS: i64 = 2;

fn check(subject: &RecordCheck<'_>) -> Vec<Finding> {
    let record = subject.record;
    let Some(named) = id_date(&record.id) else {
        return Vec::new();
    };
    let window = [&record.scheduled_for, &record.scheduled_until];
    let times: Vec<&Spanned<When>> = Milestone::ALL
        .iter()
        .filter_map(|m| record.milestone(*m))
        .chain(window.into_iter().flatten())
        .collect();
    // The time to point at: `started`, else a maintenance's planned start.
    let Some(anchor) = record.started.as_ref().or(record.scheduled_for.as_ref()) else {
        return Vec::new();
    };
    let Some(last) = times.iter().map(|t| t.value.local_date).max() else {
        return Vec::new();
    };
    // Only an id dated after the incident is sure to be a mistake (the issue's case: a file
    // named for today describing 2023). One dated before it may name an announcement or the
    // release the incident was about (`2025-10-01-release-broke-login`).
    if (named - last).num_days() <= MARGIN_DAYS {
        return Vec::new();
    }
    let field = if record.started.is_some() {
        "started"
    } else {
        "scheduled_for"
    };
    let date = anchor.value.local_date;
    let gap = (named - date).num_days();
    let renamed = format!("{}{}", date.format("%Y-%m-%d"), &record.id[10..]);
    vec![
        Finding::new(
            ID_DATE_MISMATCH.id,
            anchor.span,
            format!(
                "the id `{}` starts with {named}, but `{field}` is on {date}, {gap} days earlier",
                record.id,
            ),
        )
        .help(format!(
            "if the file is named for the wrong day, rename it and its translations with `git mv` (to `{renamed}.yaml`); if `{field}` is wrong, correct it"
        )),
    ]
}

/// The date an id starts with: `2023-12-17` in `2023-12-17-image-deleted`, or in an id that
/// is only a date.
fn id_date(id: &str) -> Option<NaiveDate> {
    let head = id.get(..10)?.as_bytes();
    let shaped = head.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shaped || !matches!(id.as_bytes().get(10), None | Some(b'-')) {
        return None;
    }
    NaiveDate::parse_from_str(&id[..10], "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Site;
    use crate::model::{RuleId, SiteConfig};

    fn findings(id: &str, yaml: &str) -> Vec<Finding> {
        let context = crate::load::record::RecordContext::default();
        let record = crate::load::record::parse(id, yaml, &context).0.unwrap();
        let config = SiteConfig::default();
        let subject = RecordCheck {
            record: &record,
            text: yaml,
            site: Site {
                config: &config,
                has_config: false,
                now: chrono::Utc::now(),
            },
        };
        check(&subject)
    }

    const HEAD: &str = "title: Images deleted\nlang: en\nstatus: draft\n";

    #[test]
    fn an_id_named_for_today_about_an_old_incident_is_reported_at_started() {
        let yaml = format!("{HEAD}timezone: UTC\nstarted: 2023-12-17T03:56:00Z\n");
        let found = findings("2026-11-24-images-deleted", &yaml);
        assert_eq!(found.len(), 1);
        let finding = &found[0];
        assert_eq!(finding.rule, RuleId::IdDateMismatch);
        assert_eq!(finding.span.start.line, 5, "the `started` value");
        assert_eq!(
            finding.message,
            "the id `2026-11-24-images-deleted` starts with 2026-11-24, but `started` is on 2023-12-17, 1073 days earlier"
        );
        assert!(
            finding
                .help
                .as_deref()
                .unwrap()
                .contains("`2023-12-17-images-deleted.yaml`"),
            "{:?}",
            finding.help
        );
    }

    /// A CalVer-like id names the release the incident was about, not the incident's day.
    #[test]
    fn an_id_dated_before_the_incident_is_quiet() {
        let yaml = format!("{HEAD}started: 2025-10-14 09:00\n");
        assert!(findings("2025-10-01-release-broke-login", &yaml).is_empty());
        assert!(findings("2020-01-01-x", &yaml).is_empty());
    }

    #[test]
    fn ids_up_to_two_days_after_the_incident_or_its_resolution_are_quiet() {
        // Named in UTC for an incident that began late in the evening in Los Angeles.
        let evening = format!("{HEAD}timezone: America/Los_Angeles\nstarted: 2024-01-10 23:30\n");
        assert!(findings("2024-01-11-x", &evening).is_empty());
        assert!(findings("2024-01-12-x", &evening).is_empty());
        assert_eq!(findings("2024-01-13-x", &evening).len(), 1);
        assert!(findings("2024-01-08-x", &evening).is_empty());
        // A long incident named for the day it was resolved.
        let long = format!("{HEAD}started: 2024-01-10 10:00\nresolved: 2024-01-20 10:00\n");
        assert!(findings("2024-01-20-x", &long).is_empty());
        assert_eq!(findings("2024-01-25-x", &long).len(), 1);
    }

    #[test]
    fn a_maintenance_is_measured_from_its_window() {
        let yaml = "title: Upgrade\nlang: en\nstatus: published\nkind: maintenance\nscheduled_for: 2027-01-12 02:00\nscheduled_until: 2027-01-12 04:00\n";
        assert!(findings("2027-01-12-upgrade", yaml).is_empty());
        // Named for the day it was announced, weeks ahead.
        assert!(findings("2026-11-24-upgrade", yaml).is_empty());
        let found = findings("2027-02-01-upgrade", yaml);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("`scheduled_for` is on 2027-01-12, 20 days earlier"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].span.start.line, 5);
    }

    #[test]
    fn unsure_cases_are_quiet() {
        let started = format!("{HEAD}started: 2023-12-17 03:56\n");
        // No date in the id, or one that is not a date.
        for id in [
            "images-deleted",
            "2026-13-40-x",
            "20261124-x",
            "2026-11-24x",
        ] {
            assert!(findings(id, &started).is_empty(), "{id}");
        }
        // No `started` and no window: nothing to compare with.
        let undated = format!("{HEAD}resolved: 2023-12-17 05:00\n");
        assert!(findings("2026-11-24-x", &undated).is_empty());
    }

    #[test]
    fn the_id_date_is_its_leading_date() {
        assert_eq!(id_date("2023-12-17"), NaiveDate::from_ymd_opt(2023, 12, 17));
        assert_eq!(
            id_date("2023-12-17-logto"),
            NaiveDate::from_ymd_opt(2023, 12, 17)
        );
        assert_eq!(id_date("2023-2-7-x"), None);
        assert_eq!(id_date("+2023-12-1"), None);
        assert_eq!(id_date("2023"), None);
    }
}
