# English messages of the status site (hindsight build).
# A project overrides any message by defining it in its own locales/en/site.ftl.

## Navigation and page titles
site-current-status = Current status
site-history = Incident history
site-metrics = Metrics
site-components = Components
site-component = Component
site-skip = Skip to content
site-language = Language
site-feed = Subscribe (Atom feed)
site-api = JSON API
site-back = Back to the current status
site-as-of = Status as of { $datetime }
site-powered = Powered by hindsight
site-widget-as-of = As of { $datetime }

## The overall status (Statuspage's indicator)
banner-none = All systems operational
banner-minor = Minor service disruption
banner-major = Partial system outage
banner-critical = Major system outage
banner-maintenance = Maintenance in progress

## Incidents on the site
site-ongoing = Ongoing incidents
site-no-incidents = No incidents have been reported.
site-latest-update = Latest update
site-not-public = Draft — not public
site-component-incidents = Incidents affecting this component
site-recent = Past incidents
site-history-months = Months
site-history-newer = Newer month
site-history-older = Older month
site-month-incidents = Incidents
site-component-history = Earlier incidents are in the incident history

## Planned maintenance
site-maintenance-active = Ongoing maintenance
site-maintenance-upcoming = Upcoming maintenance
site-maintenance-past = Past maintenance
site-maintenance-calendar = Maintenance calendar (iCalendar)
maintenance-scheduled = Scheduled
maintenance-in_progress = In progress
maintenance-verifying = Verifying
maintenance-completed = Completed
maintenance-cancelled = Cancelled

## Uptime bars
uptime-heading = Uptime over the last 90 days
uptime-percent = { $percent }% uptime
uptime-start = 90 days ago
uptime-end = Today
uptime-day-clear = { $date }: no downtime
uptime-day-degraded = { $date }: { $status }, no downtime
uptime-day-down = { $date }: { $duration } of downtime
uptime-legend = Each bar is one day; its color shows how much of the day the component was down. Partial outages count as 30% downtime.
uptime-label = Uptime over the last 90 days: { $percent }%

## Status updates derived from milestones (the JSON API and feeds)
update-body-investigating = We are investigating this incident.
update-body-monitoring = A fix has been applied and we are monitoring the results.
update-body-resolved = This incident has been resolved.
# Maintenance updates in the JSON API (the scheduled one is the record's summary when it has one)
update-body-scheduled = This maintenance is scheduled.
update-body-in_progress = The scheduled maintenance is in progress. We will post updates as needed.
update-body-verifying = The work is done and we are verifying that everything works as expected.
update-body-completed = The scheduled maintenance has been completed.
update-body-cancelled = This scheduled maintenance has been cancelled.

## Badges
badge-status = status
badge-none = operational
badge-minor = minor disruption
badge-major = partial outage
badge-critical = major outage
badge-maintenance = under maintenance

## The page that is not there
site-not-found = Page not found
site-not-found-text = There is no page at this address.

## Metrics page
metrics-intro = Published incidents of the last 12 months, by the month in which they began.
metrics-incidents = Incidents per month
metrics-resolve = Mean time to resolve
metrics-uptime = Uptime by month
metrics-actions = Follow-up actions
metrics-actions-open = { $count } open
metrics-actions-overdue = { $count } overdue
metrics-month = Month
metrics-component = Component
metrics-bar = { $month }: { $value }
metrics-uptime-note = Uptime in percent, weighted as the uptime bars are; the current month counts up to now.
metrics-max = max. { $value }
metrics-no-data = No data in these months.
metrics-count = Incidents
