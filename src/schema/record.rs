//! The schema of an incident record (`incidents/<id>.yaml`), field by field as
//! src/load/record.rs reads it.

use serde_json::{Value, json};

use super::parts::{
    DATE_MESSAGE, DATED_TIME_MESSAGE, DURATION_MESSAGE, TIME_MESSAGE, date_regex, dated_time_regex,
    doc, duration_regex, flag, keyword, list, object, pattern, text, time_regex, zone,
};
use crate::model::{
    ActionKind, ActionStatus, ComponentStatus, Impact, Lang, Milestone, RecordKind, RecordStatus,
    UpdateStatus,
};

/// The record's properties, and "required unless draft".
pub(super) fn schema() -> Value {
    let time = |description: &str, example: &str| {
        doc(
            pattern(&time_regex(), TIME_MESSAGE, true),
            description,
            json!([example]),
        )
    };
    let dated = |description: &str, example: &str| {
        doc(
            pattern(&dated_time_regex(), DATED_TIME_MESSAGE, true),
            description,
            json!([example]),
        )
    };
    let prose = |description: &str, example: &str| doc(text(true), description, json!([example]));
    let properties = vec![
        (
            "title",
            doc(
                text(false),
                "One line naming what broke. Required.",
                json!(["Docker image not found"]),
            ),
        ),
        (
            "lang",
            doc(
                keyword::<Lang>(false),
                "The language of this file's text: en, de, ja or zh. Required.",
                json!(["en"]),
            ),
        ),
        (
            "status",
            doc(
                keyword::<RecordStatus>(false),
                "Where the record is in its review: draft, review or published. Only `published` records appear in public output. Required.",
                json!(["published"]),
            ),
        ),
        (
            "kind",
            doc(
                keyword::<RecordKind>(true),
                "`incident` (the default) or `maintenance`: planned work announced ahead.",
                json!(["maintenance"]),
            ),
        ),
        (
            "severity",
            doc(
                keyword::<Impact>(true),
                "How bad the incident was (Statuspage's impact): none, minor, major or critical. Required unless `status: draft` (incidents only).",
                json!(["major"]),
            ),
        ),
        ("affected", affected()),
        (
            "timezone",
            doc(
                zone(true),
                "The IANA zone in which times without an offset are read and all times are shown; the site's zone when absent.",
                json!(["Europe/Berlin"]),
            ),
        ),
        (
            "scheduled_for",
            dated(
                "Maintenance: when the planned window begins.",
                "2026-12-05 22:00",
            ),
        ),
        (
            "scheduled_until",
            time(
                "Maintenance: when the planned window ends (a time of day is on the day it begins).",
                "2026-12-06 02:00",
            ),
        ),
        (
            "auto_complete",
            doc(
                flag(),
                "Maintenance: whether the window completes by itself at its end (default `true`).",
                json!([false]),
            ),
        ),
        (
            "cancelled",
            doc(
                flag(),
                "Maintenance: the window was called off (default `false`).",
                json!([true]),
            ),
        ),
        (
            "started",
            dated(
                "When impact began. Required unless `status: draft` (incidents only).",
                "2023-12-17T03:56:00Z",
            ),
        ),
        (
            "detected",
            time(
                "When the problem was noticed (time to detect = detected - started).",
                "2023-12-17T03:58:00Z",
            ),
        ),
        (
            "acknowledged",
            time(
                "When someone took it on (time to acknowledge = acknowledged - started).",
                "2023-12-17T04:03:00Z",
            ),
        ),
        (
            "mitigated",
            time(
                "When the impact was stopped or worked around (time to mitigate).",
                "04:10",
            ),
        ),
        (
            "resolved",
            time(
                "When impact ended; absent while the incident is ongoing.",
                "2023-12-17T04:15:00Z",
            ),
        ),
        (
            "duration",
            doc(
                pattern(&duration_regex(), DURATION_MESSAGE, true),
                "The duration the authors state, checked against resolved - started: a number and a unit, e.g. 45m, 2h, 1h30m; `~` in front marks it approximate.",
                json!(["18m", "1h30m", "~2h"]),
            ),
        ),
        (
            "summary",
            prose(
                "Markdown: what happened, in a few sentences.",
                "A retention workflow deleted the production image; deploys failed for 18 minutes.",
            ),
        ),
        (
            "impact",
            prose(
                "Markdown: who and what was affected, and how.",
                "All Logto Cloud tenants could not sign users in.",
            ),
        ),
        (
            "what_happened",
            prose(
                "Markdown: the story of the incident, longer than the summary.",
                "At 03:56 the nightly clean-up job ran for the first time against production.",
            ),
        ),
        (
            "root_cause",
            prose(
                "Markdown: why it happened, down to the cause that made it possible.",
                "The retention rule matched every tag, including the one in production.",
            ),
        ),
        (
            "trigger",
            prose(
                "Markdown: the event that set it off.",
                "A scheduled workflow run.",
            ),
        ),
        (
            "detection",
            prose(
                "Markdown: how the problem was noticed.",
                "Uptime monitoring paged the on-call engineer.",
            ),
        ),
        (
            "resolution",
            prose(
                "Markdown: how service was restored.",
                "The image was rebuilt from the release tag and pushed again.",
            ),
        ),
        ("timeline", timeline()),
        (
            "lessons",
            doc(
                list(text(false)),
                "What was learned, one item each (Markdown).",
                json!([["Never ship a deletion workflow without a dry run."]]),
            ),
        ),
        ("actions", actions()),
        (
            "authors",
            doc(
                list(text(false)),
                "Who wrote the postmortem.",
                json!([["platform team"]]),
            ),
        ),
        (
            "internal",
            prose(
                "Markdown notes for the team: never shown in any public output.",
                "Customer names are in the support ticket.",
            ),
        ),
    ];
    let mut schema = object(properties, &["title", "lang", "status"]);
    schema["title"] = "hindsight incident record".into();
    schema["description"] =
        "An incident (or maintenance) record of hindsight: incidents/<date>-<words>.yaml".into();
    super::conditions::apply(&mut schema);
    schema
}

fn affected() -> Value {
    doc(
        json!({
            "type": ["object", "null"],
            "additionalProperties": keyword::<ComponentStatus>(false),
        }),
        "Component id (from site/config.yaml) -> the worst state it reached: operational, degraded_performance, partial_outage, major_outage or under_maintenance.",
        json!([{ "logto-core": "major_outage" }]),
    )
}

fn timeline() -> Value {
    let entry = object(
        vec![
            (
                "at",
                doc(
                    pattern(&time_regex(), TIME_MESSAGE, false),
                    "When it happened: a time with offset, a local time, a date, or a time of day (on the date of the entry before). Required.",
                    json!(["2023-12-17T03:56:00Z", "04:10"]),
                ),
            ),
            (
                "approximate",
                doc(flag(), "The time is not known exactly.", json!([true])),
            ),
            (
                "text",
                doc(
                    text(false),
                    "What happened (Markdown). Required.",
                    json!(["Monitoring detects that both services are down."]),
                ),
            ),
            (
                "marks",
                doc(
                    keyword::<Milestone>(true),
                    "This entry is that milestone of the record: started, detected, acknowledged, mitigated or resolved.",
                    json!(["detected"]),
                ),
            ),
            (
                "status",
                doc(
                    keyword::<UpdateStatus>(true),
                    "This entry is a public status update: investigating, identified, monitoring or resolved.",
                    json!(["investigating"]),
                ),
            ),
        ],
        &["at", "text"],
    );
    doc(
        list(entry),
        "What happened when, in order; entries with `status` are the public status updates.",
        json!([[{ "at": "2023-12-17T03:56:00Z", "text": "Monitoring detects that both services are down.", "marks": "detected" }]]),
    )
}

fn actions() -> Value {
    let action = object(
        vec![
            (
                "text",
                doc(
                    text(false),
                    "What will be done (Markdown). Required.",
                    json!(["Stop the automated image retention workflow."]),
                ),
            ),
            (
                "status",
                doc(
                    keyword::<ActionStatus>(false),
                    "Progress: todo, in_progress, done or wont_do. Required.",
                    json!(["done"]),
                ),
            ),
            (
                "kind",
                doc(
                    keyword::<ActionKind>(true),
                    "What it is for: mitigate, prevent, process or other.",
                    json!(["prevent"]),
                ),
            ),
            (
                "owner",
                doc(text(true), "Who carries it out.", json!(["platform team"])),
            ),
            (
                "due",
                doc(
                    pattern(&date_regex(), DATE_MESSAGE, true),
                    "The date it is due; an open action past it is overdue.",
                    json!(["2024-01-15"]),
                ),
            ),
            (
                "link",
                doc(
                    pattern(
                        "^(https?://|mailto:)",
                        "a link shown publicly: `https://…`, `http://…` or `mailto:…`",
                        true,
                    ),
                    "Where it is tracked: an https://, http:// or mailto: link.",
                    json!(["https://github.com/example/repo/issues/1"]),
                ),
            ),
        ],
        &["text", "status"],
    );
    doc(
        list(action),
        "Follow-up actions.",
        json!([[{ "text": "Stop the automated image retention workflow.", "status": "done", "kind": "mitigate" }]]),
    )
}
