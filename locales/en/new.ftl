# Guidance comments of a new record (hindsight new): what a good section looks like.
# A project's own locales/en/new.ftl can override each message.

guide-intro = Replace each TODO; `hindsight lint` lists those left once status is published.
guide-announced = Published: the status page shows this incident now. Post updates with `hindsight update`; once it is resolved, write the postmortem in the commented-out sections (remove the leading # and replace each TODO).
guide-status = draft -> review -> published (only published records are public).
guide-severity = none | minor | major | critical
guide-affected = The components hit and their worst state (operational | degraded_performance | partial_outage | major_outage | under_maintenance):
guide-started = When the impact began, in the zone above.
guide-milestones = Fill these in as they happen (a time like 14:10 takes the date of `started`):
guide-summary = Two or three sentences a customer understands: what broke, for whom, for how long.
guide-impact = Who was affected and how much: users, requests, money, data. Numbers over adjectives.
guide-what-happened = The story in order, from the first sign to recovery.
guide-root-cause = Why it happened, not who: the condition that made the failure possible.
guide-trigger = The change or event that set it off.
guide-detection = How it was noticed, and how it could have been noticed sooner.
guide-resolution = What restored service, and what is still temporary.
guide-timeline = One entry per fact, with its time; `status:` makes an entry a public update.
guide-lessons = What went well, what went badly, where we were lucky.
guide-actions = Specific, owned and bounded: one change, one owner, a due date.
guide-exposure = Security: say who could reach what, from when to when, and how we know.
guide-exposure-heading = Exposure
guide-data = Security: which data, how many records or users, and whether it was read or changed.
guide-data-heading = Data affected
guide-disclosure = Security: who was told, when, and through which channel (users, authorities).
guide-disclosure-heading = Disclosure
guide-maintenance-intro = Planned maintenance: replace each TODO, then set status to published to announce it. The status page shows the window from `scheduled_for` to `scheduled_until`.
guide-kind = maintenance: planned work, announced ahead (a record without `kind` is an incident).
guide-maintenance-affected = The components the work touches and their state during the window (usually under_maintenance):
guide-scheduled = The planned window, in the zone above (a time like 23:00 takes the date of `scheduled_for`).
guide-auto-complete = The window completes by itself at its end; set false to close it by hand with `resolved`.
guide-cancelled = If the work is called off, keep the record and set:
guide-maintenance-happened = When the work really began and ended; fill these in as it happens:
guide-maintenance-summary = What will be done and why, in two or three sentences a customer understands.
guide-maintenance-impact = What users will notice during the window: what is unavailable or slower, and what they can do meanwhile.
