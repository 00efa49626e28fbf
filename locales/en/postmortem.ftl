# English messages of the postmortem (hindsight render and the site's incident pages).
# A project overrides any message by defining it in its own locales/en/postmortem.ftl.

postmortem = Postmortem
incident = Incident
maintenance = Maintenance

## Headings
heading-summary = Summary
heading-timeline = Timeline
heading-analysis = Analysis
heading-what-happened = What happened
heading-root-cause = Root cause
heading-trigger = Trigger
heading-detection = Detection
heading-impact = Impact
heading-expected-impact = Expected impact
heading-resolution = Resolution
heading-lessons = Lessons learned
heading-actions = Corrective and preventive actions
heading-key-figures = Key figures
heading-internal = Internal notes

## The summary block
label-incident-time = Incident period
label-window = Maintenance window
label-duration = Duration
label-severity = Impact
label-affected = Affected services
label-affected-maintenance = Services worked on
label-status = Status
label-authors = Authors
label-time = Time
label-event = Event
label-action = Action
label-action-status = Status
label-kind = Type
label-owner = Owner
label-due = Due
label-figure = Measure
label-value = Value

## Key figures, measured from the start of impact
figure-time-to-detect = Time to detect
figure-time-to-acknowledge = Time to acknowledge
figure-time-to-mitigate = Time to mitigate
figure-time-to-resolve = Time to resolve
figure-maintenance-duration = Duration of the work

## Severity (Statuspage impact)
severity-none = none
severity-minor = minor
severity-major = major
severity-critical = critical

## Component status
# `.inline`: the word inside a sentence (a tooltip, the list of affected services).
component-operational = Operational
    .inline = operational
component-degraded_performance = Degraded performance
    .inline = degraded performance
component-partial_outage = Partial outage
    .inline = partial outage
component-major_outage = Major outage
    .inline = major outage
component-under_maintenance = Under maintenance
    .inline = under maintenance

## Incident status (public updates)
update-investigating = Investigating
update-identified = Identified
update-monitoring = Monitoring
update-resolved = Resolved
update-postmortem = Postmortem published
incident-ongoing = Ongoing

## Follow-up actions
action-todo = To do
action-in_progress = In progress
action-done = Done
action-wont_do = Won't do
kind-mitigate = Mitigation
kind-prevent = Prevention
kind-process = Process
kind-other = Other

## Times and durations
datetime-zoned = { $datetime } { $zone }
time-range = { $start } – { $end }
time-day-only = { $date } (exact time unknown)
time-approximate = around { $time }
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
duration-short-days = { $count } d
duration-short-hours = { $count } h
duration-short-minutes = { $count } min
duration-short-seconds = { $count } s
duration-join = { " " }
duration-approximate = about { $duration }
duration-ongoing = ongoing for { $duration }
# A date and a time of day: `December 17, 2023, 03:56`.
datetime = { $date }, { $time }
# Two times on one day, the date said once: `December 17, 2023, 03:56–04:15`.
time-range-day = { $date }, { $start }–{ $end }
time-range-open = from { $start }
# A time in a zone named in words rather than by a code or an offset.
datetime-zone-named = { $datetime } { $zone }
# The timeline's time column heading, with the zone its times are in.
label-time-zoned = { $label } ({ $zone })
# The largest unit of a duration: days (`1 d 2 h`) or hours (`26 h`). Keep the word in English.
duration-largest-unit = days

## Notices
notice-draft = Draft: this postmortem has not been published.
notice-review = In review: this postmortem has not been published yet.
notice-ongoing = This incident is ongoing. This page will be updated as we learn more.
notice-pending = This incident is resolved. Its postmortem is being written and will be published here.
notice-stale = Part of this translation is out of date: the original ({ $language }) has changed since it was translated.
notice-fallback = Parts of this postmortem have not been translated yet and are shown in the original language ({ $language }).
notice-draft-maintenance = Draft: this maintenance announcement has not been published.
notice-review-maintenance = In review: this maintenance announcement has not been published yet.
notice-fallback-maintenance = Parts of this announcement have not been translated yet and are shown in the original language ({ $language }).
notice-internal = Internal: this section is never published.
notice-untranslated = This page has not been translated into English yet; it is shown in the original language ({ $language }).

## Language names, in this language
language-en = English
language-de = German
language-ja = Japanese
language-zh = Chinese

## Lists
list-join = { ", " }
affected-component = { $name }: { $status }

## Punctuation
label-separator = { ": " }
bracket-open = { " (" }
bracket-close = { ")" }
meta-separator = { " · " }
stale-marker = { " (translation may be outdated)" }
