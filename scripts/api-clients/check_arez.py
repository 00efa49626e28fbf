"""Reads a hindsight site's Statuspage API with aRez's Statuspage client (arez.statuspage).

Usage: check_arez.py BASE_URL PHASE, PHASE being `incident` (an incident and a maintenance
window ongoing) or `maintenance` (the incident resolved, the window still on). aRez fetches
only summary.json itself (StatusPage.get_status); the other files are fetched with its
StatusPage.request and parsed by its own classes (Incident, Maintenance, Component), which is
what a program built on it does with them. Exits non-zero on the first mismatch.
"""

import asyncio
import sys

from arez.statuspage import Component, Incident, Maintenance, StatusPage

UPGRADE = "2026-10-25-database-upgrade"
CDN = "2026-11-03-web-cdn-switch"
CANCELLED = "2026-10-27-cache-resize"
INCIDENT = "2026-10-25-web-errors"


def expect(what, got, want):
    if got != want:
        sys.exit(f"aRez: {what}: got {got!r}, want {want!r}")
    print(f"aRez: {what}: {got!r}")


async def main(base, phase):
    async with StatusPage(base, loop=asyncio.get_running_loop()) as page:
        status = await page.get_status()
        components = {c.id: c.status for c in status.components}
        mapping = {c.id: c for c in status.components}
        if phase == "incident":
            expect("summary status", status.status, "Minor Service Outage")
            expect("summary impact", status.impact, "Minor")
            expect("components", components, {"api": "Under Maintenance", "web": "Degraded Performance"})
            expect("summary incidents", [(i.id, i.status) for i in status.incidents], [(INCIDENT, "Investigating")])
            expect("latest incident update", status.incidents[0].last_update.status, "Investigating")
        else:
            expect("summary status", status.status, "Service Under Maintenance")
            expect("summary impact", status.impact, "Maintenance")
            expect("components", components, {"api": "Under Maintenance", "web": "Operational"})
            expect("summary incidents", status.incidents, [])
        expect(
            "summary maintenances",
            [(m.id, m.status, m.impact) for m in status.maintenances],
            [(CDN, "Scheduled", "Maintenance"), (UPGRADE, "In Progress", "Maintenance")],
        )
        upgrade = next(m for m in status.maintenances if m.id == UPGRADE)
        expect("window start (UTC)", upgrade.scheduled_for.isoformat(), "2026-10-24T23:30:00")
        expect("window end (UTC)", upgrade.scheduled_until.isoformat(), "2026-10-25T03:00:00")
        expect("window's latest update", upgrade.last_update.status, "In Progress")
        expect("window's components", [c.id for c in upgrade.components], ["api"])

        raw = await page.request("status.json")
        expect("status.json", raw["status"], {
            "indicator": "minor" if phase == "incident" else "maintenance",
            "description": status.status,
        })
        raw = await page.request("components.json")
        expect("components.json", {c["id"]: Component(None, c).status for c in raw["components"]}, components)
        raw = await page.request("incidents.json")
        want = "Investigating" if phase == "incident" else "Resolved"
        expect("incidents.json", [(i.id, i.status) for i in (Incident(d, mapping) for d in raw["incidents"])], [(INCIDENT, want)])
        raw = await page.request("incidents/unresolved.json")
        unresolved = [(INCIDENT, "Investigating")] if phase == "incident" else []
        expect("incidents/unresolved.json", [(i.id, i.status) for i in (Incident(d, mapping) for d in raw["incidents"])], unresolved)
        for path, want in [
            ("scheduled-maintenances.json", [(CDN, "Scheduled"), (CANCELLED, "Completed"), (UPGRADE, "In Progress")]),
            ("scheduled-maintenances/upcoming.json", [(CDN, "Scheduled")]),
            ("scheduled-maintenances/active.json", [(UPGRADE, "In Progress")]),
        ]:
            raw = await page.request(path)
            parsed = [Maintenance(d, mapping) for d in raw["scheduled_maintenances"]]
            expect(path, [(m.id, m.status) for m in parsed], want)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
