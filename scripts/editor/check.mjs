// Drives yaml-language-server over stdio LSP, as an editor does, on a copy of the example
// project whose files carry the modelines `hindsight init` writes, pointing at the schemas
// `hindsight schema` wrote into .hindsight/. Asserts:
//   - no diagnostics on any example record, overlay or site/config.yaml;
//   - completion offers field names at a top-level key, and the enum values after `status: `;
//   - hover on a field shows its description;
//   - a bad duration, time and component id are reported in words, never as a regex;
//   - an empty `lessons:` (lint accepts it) is no error, a published record without
//     `severity` (lint refuses it) is.
// Usage: node check.mjs <yaml-language-server main.js> <project copy>
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [server, project, made] = process.argv.slice(2);
const failures = [];
const fail = (message) => failures.push(message);

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
const waiters = [];

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    setTimeout(() => reject(new Error(`${method}: no answer in 30 s`)), 30000).unref();
  });
}
const notify = (method, params) => send({ method, params });

const settings = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    yamlVersion: '1.2',
  },
};

function handle(message) {
  if (message.id !== undefined && message.method) {
    // A request from the server: its settings, or a registration to acknowledge.
    const result =
      message.method === 'workspace/configuration'
        ? message.params.items.map((item) => (item.section ? settings[item.section] ?? null : settings))
        : null;
    send({ id: message.id, result });
  } else if (message.id !== undefined) {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(JSON.stringify(message.error)));
    else waiting?.resolve(message.result);
  } else if (message.method === 'textDocument/publishDiagnostics') {
    diagnostics.set(message.params.uri, message.params.diagnostics);
    for (const waiter of [...waiters]) waiter();
  }
}

child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString();
    buffer = buffer.subarray(end + 4 + length);
    handle(JSON.parse(body));
  }
});

/// The diagnostics of `uri` once the server has published them for `version`'s text.
function diagnosticsOf(uri) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in 30 s`)), 30000);
    const check = () => {
      if (diagnostics.has(uri)) {
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve(diagnostics.get(uri));
      }
    };
    waiters.push(check);
    check();
  });
}

function open(path, text) {
  const uri = pathToFileURL(path).href;
  diagnostics.delete(uri);
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return uri;
}

const describe = (list) => list.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; ');
const regexLike = (message) => /\^|\$"|\\[sd]|\[0-9\]|does not match the pattern/.test(message);

async function main() {
  await request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(project).href,
    capabilities: {
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
      workspace: { configuration: true },
    },
  });
  notify('initialized', {});
  notify('workspace/didChangeConfiguration', { settings });

  // 0. Each schema is found and applied: a wrong value next to each kind of file is reported
  // (so that "no diagnostics" below cannot come from a schema that was not loaded).
  const witnesses = [
    ['incidents/2024-01-01-witness.yaml', 'record', 'title: Witness\nlang: en\nstatus: nope\n'],
    ['incidents/2024-01-01-witness.de.yaml', 'overlay', 'lang: xx\n'],
    ['site/witness.yaml', 'config', 'base_url: nope\n'],
  ];
  for (const [path, kind, body] of witnesses) {
    const text = `# yaml-language-server: $schema=../.hindsight/${kind}.schema.json\n${body}`;
    const found = await diagnosticsOf(open(join(project, path), text));
    if (found.length === 0) fail(`the ${kind} schema reports nothing on a wrong value: is it loaded?`);
    if (found.some((d) => /unable to load|could not|problems loading/i.test(d.message))) {
      fail(`the ${kind} schema did not load: ${describe(found)}`);
    }
  }

  // 1. The example project's files: no diagnostics at all.
  const files = readdirSync(join(project, 'incidents'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(project, 'incidents', name));
  files.push(join(project, 'site', 'config.yaml'));
  for (const file of files) {
    const found = await diagnosticsOf(open(file, readFileSync(file, 'utf8')));
    if (found.length > 0) fail(`${file}: ${describe(found)}`);
  }
  console.log(`${files.length} example files opened`);

  // 1b. The files `init`, `new` and `translate` wrote: each with a modeline whose schema
  // loads (a missing one is a diagnostic on the first line), and no diagnostics.
  const madeFiles = readdirSync(join(made, 'incidents'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(made, 'incidents', name));
  madeFiles.push(join(made, 'site', 'config.yaml'));
  if (madeFiles.length < 3) fail(`init, new and translate wrote ${madeFiles.length} files, not 3`);
  for (const file of madeFiles) {
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith('# yaml-language-server: $schema=')) fail(`${file} has no modeline`);
    const found = await diagnosticsOf(open(file, text));
    if (found.length > 0) fail(`${file}: ${describe(found)}`);
  }
  console.log(`${madeFiles.length} files written by init, new and translate opened`);

  const modeline = '# yaml-language-server: $schema=../.hindsight/record.schema.json\n';
  const probe = (name) => join(project, 'incidents', name);

  // 2. Completion of field names at a top-level key, and of enum values.
  const keys = modeline + 'title: Probe\nlang: en\nstatus: draft\n\n';
  const keysUri = open(probe('2024-01-01-keys.yaml'), keys);
  await diagnosticsOf(keysUri);
  const keyItems = await request('textDocument/completion', { textDocument: { uri: keysUri }, position: { line: 4, character: 0 } });
  const keyLabels = (keyItems.items ?? keyItems).map((item) => item.label);
  for (const expected of ['severity', 'timeline', 'affected', 'duration']) {
    if (!keyLabels.includes(expected)) fail(`completion at a key offers no \`${expected}\`: ${keyLabels.join(', ')}`);
  }
  const values = modeline + 'title: Probe\nlang: en\nstatus: \n';
  const valuesUri = open(probe('2024-01-01-values.yaml'), values);
  await diagnosticsOf(valuesUri);
  const valueItems = await request('textDocument/completion', { textDocument: { uri: valuesUri }, position: { line: 3, character: 8 } });
  const valueLabels = (valueItems.items ?? valueItems).map((item) => item.label);
  for (const expected of ['draft', 'review', 'published']) {
    if (!valueLabels.includes(expected)) fail(`completion after \`status: \` offers no \`${expected}\`: ${valueLabels.join(', ')}`);
  }
  console.log(`completion: ${keyLabels.length} field names, status values ${valueLabels.join(', ')}`);

  // 3. Hover on a field shows its description.
  const example = files.find((file) => /logto-image-deleted\.yaml$/.test(file));
  const lines = readFileSync(example, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.startsWith('severity:'));
  const hover = await request('textDocument/hover', { textDocument: { uri: pathToFileURL(example).href }, position: { line, character: 2 } });
  const hoverText = JSON.stringify(hover?.contents ?? '');
  if (!hoverText.includes('How bad the incident was')) fail(`hover on \`severity\` shows no description: ${hoverText}`);
  console.log(`hover on severity: ${hoverText.slice(0, 100)}…`);

  // 4. Bad values in words; lint's leniency and strictness.
  const cases = [
    ['bad-duration', 'duration: 18 minutes\n', /a number and a unit/],
    ['bad-time', 'started: yesterday\n', /a time with a date/],
    ['bad-status', 'status: done\n', /draft|review|published/],
    ['empty-lessons', 'lessons:\ntimeline:\naffected:\n', null],
    ['no-severity', 'status: published\nstarted: 2024-01-01T10:00:00Z\n', /`severity` is required unless `status: draft`/],
    ['zone-typo', 'timezone: Europe/Berln\n', /an IANA time zone name/],
    ['duration-number', 'duration: 55\n', /a number and a unit/],
    ['time-list', 'detected: [09:20]\n', /a time/],
    ['empty-lesson', 'lessons:\n  -\n', /text/],
    ['space-before-zone', 'started: 2026-11-24 09:12:00 +0100\n', null],
    ['window-on-incident', 'scheduled_for: 2024-03-05 22:00\n', /maintenance field/],
  ];
  for (const [name, body, expected] of cases) {
    const text = body.startsWith('status:') ? modeline + 'title: Probe\nlang: en\n' + body : modeline + 'title: Probe\nlang: en\nstatus: draft\n' + body;
    const found = await diagnosticsOf(open(probe(`2024-01-01-${name}.yaml`), text));
    if (expected === null) {
      if (found.length > 0) fail(`${name}: lint accepts it, the editor says ${describe(found)}`);
    } else if (!found.some((d) => expected.test(d.message))) {
      fail(`${name}: expected a message like ${expected}, got ${describe(found) || 'none'}`);
    }
    for (const d of found) if (regexLike(d.message)) fail(`${name}: the message shows a regex: ${d.message}`);
    for (const d of found) if (d.message.length > 300) fail(`${name}: a message of ${d.message.length} characters: ${d.message.slice(0, 200)}…`);
    console.log(`${name}: ${describe(found) || 'no diagnostics'}`);
  }
  const config = '# yaml-language-server: $schema=../.hindsight/config.schema.json\nbase_url: https://status.example.com/\ncomponents:\n  - id: Logto Core\n';
  const found = await diagnosticsOf(open(join(project, 'site', 'probe.yaml'), config));
  if (!found.some((d) => /lowercase ASCII letters/.test(d.message))) fail(`bad component id: ${describe(found) || 'none'}`);
  console.log(`bad-component-id: ${describe(found)}`);
  // A field a channel may not have is named on its own key, not "Matches a schema that is
  // not allowed."; a time zone typo in the config is said in words.
  const configCases = [
    ['slack-secret', 'notify:\n  - kind: slack\n    url_env: SLACK_URL\n    secret_env: SECRET\n', /Property secret_env is not allowed/],
    ['config-zone', 'timezone: utc\n', /an IANA time zone name/],
  ];
  for (const [name, body, expected] of configCases) {
    const text = '# yaml-language-server: $schema=../.hindsight/config.schema.json\nbase_url: https://status.example.com/\n' + body;
    const got = await diagnosticsOf(open(join(project, 'site', `${name}.yaml`), text));
    if (!got.some((d) => expected.test(d.message))) fail(`${name}: expected a message like ${expected}, got ${describe(got) || 'none'}`);
    for (const d of got) if (d.message.length > 300) fail(`${name}: a message of ${d.message.length} characters`);
    console.log(`${name}: ${describe(got)}`);
  }

  await request('shutdown', null);
  notify('exit', null);
}

main()
  .catch((error) => fail(String(error?.stack ?? error)))
  .finally(() => {
    child.kill();
    if (failures.length > 0) {
      console.error(`editor check failed:\n- ${failures.join('\n- ')}`);
      process.exit(1);
    }
    console.log('editor check passed');
  });
