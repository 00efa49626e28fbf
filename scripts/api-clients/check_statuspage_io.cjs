// Reads a hindsight site's Statuspage API with the `statuspage.io` npm client (ffflorian).
//
// Usage: node check_statuspage_io.cjs BASE_URL PHASE (see check_arez.py). The client is made
// for `https://<page-id>.statuspage.io`; its setApiUrl points it at any base URL, here the
// local server. In 3.3.8, api.scheduledMaintenances.getActive() and getAll() both request
// upcoming.json (its Endpoint.ACTIVE_JSON is 'upcoming.json'), so active.json and
// scheduled-maintenances.json are fetched with the client's own HTTP instance instead.
'use strict';

const assert = require('node:assert/strict');
const {Statuspage} = require('statuspage.io');

const [base, phase] = process.argv.slice(2);
const UPGRADE = '2026-10-25-database-upgrade';
const CDN = '2026-11-03-web-cdn-switch';
const CANCELLED = '2026-10-27-cache-resize';
const INCIDENT = '2026-10-25-web-errors';

function expect(what, got, want) {
  assert.deepStrictEqual(got, want, `statuspage.io: ${what}`);
  console.log(`statuspage.io: ${what}: ${JSON.stringify(got)}`);
}

const ids = list => list.map(item => [item.id, item.status]);

async function main() {
  const client = new Statuspage('hindsight');
  client.setApiUrl(base);
  const {api} = client;
  const incident = phase === 'incident';

  const summary = await api.getSummary();
  expect('summary status', summary.status, incident
    ? {indicator: 'minor', description: 'Minor Service Outage'}
    : {indicator: 'maintenance', description: 'Service Under Maintenance'});
  const components = incident
    ? [['api', 'under_maintenance'], ['web', 'degraded_performance']]
    : [['api', 'under_maintenance'], ['web', 'operational']];
  expect('summary components', ids(summary.components), components);
  expect('summary incidents', ids(summary.incidents), incident ? [[INCIDENT, 'investigating']] : []);
  expect('summary maintenances', ids(summary.scheduled_maintenances), [[CDN, 'scheduled'], [UPGRADE, 'in_progress']]);

  const status = await api.getStatus();
  expect('status.json', status.status, summary.status);
  expect('components.json', ids((await api.getComponents()).components), components);
  expect('incidents.json', ids((await api.incidents.getAll()).incidents), [[INCIDENT, incident ? 'investigating' : 'resolved']]);
  expect('incidents/unresolved.json', ids((await api.incidents.getUnresolved()).incidents), incident ? [[INCIDENT, 'investigating']] : []);

  const upcoming = await api.scheduledMaintenances.getUpcoming();
  expect('scheduled-maintenances/upcoming.json', ids(upcoming.scheduled_maintenances), [[CDN, 'scheduled']]);
  const active = (await client.apiClient.get('/api/v2/scheduled-maintenances/active.json')).data;
  expect('scheduled-maintenances/active.json', ids(active.scheduled_maintenances), [[UPGRADE, 'in_progress']]);
  const all = (await client.apiClient.get('/api/v2/scheduled-maintenances.json')).data;
  expect('scheduled-maintenances.json', ids(all.scheduled_maintenances), [[CDN, 'scheduled'], [CANCELLED, 'completed'], [UPGRADE, 'in_progress']]);
  const upgrade = active.scheduled_maintenances[0];
  expect('window', [upgrade.scheduled_for, upgrade.scheduled_until, upgrade.impact], ['2026-10-24T23:30:00.000Z', '2026-10-25T03:00:00.000Z', 'maintenance']);
  expect('window\'s latest update', upgrade.incident_updates[0].status, 'in_progress');
}

main().catch(error => {
  console.error(error.message || error);
  process.exit(1);
});
