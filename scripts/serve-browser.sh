#!/usr/bin/env bash
# `hindsight serve` in a real browser: serves a copy of the example project, opens a page in
# headless Chromium (driven over the DevTools protocol by node), and checks that the reload
# script runs under the page's Content-Security-Policy with no violation or console error,
# that a saved change reloads the page, and that a broken record shows the error overlay
# over the last good page. Prints the time from the save to the reloaded page.
#   scripts/serve-browser.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/hindsight}
[[ -x $bin ]] || cargo build --release --locked --quiet

. scripts/lib/browser.sh
ensure_browser serve-browser node:nodejs

work=$(mktemp -d)
server="" browser=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  [[ -n $browser ]] && kill "$browser" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/project"
cp -r incidents site "$work/project/"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795348800} "$bin" --root "$work/project" serve --port 0 \
  >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q http "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/serve.out")

devtools=$(free_port)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --remote-debugging-port="$devtools" about:blank \
  >/dev/null 2>"$work/chromium.log" &
browser=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$devtools/json/version" >/dev/null 2>&1 && break; sleep 0.1; done

record="$work/project/incidents/2023-12-17-logto-image-deleted.yaml"
cat >"$work/check.mjs" <<'JS'
const [devtools, url, record] = process.argv.slice(2);
import { readFileSync, writeFileSync } from "node:fs";
const target = await (await fetch(`http://127.0.0.1:${devtools}/json/new?about:blank`, { method: "PUT" })).json();
const socket = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((ok) => socket.addEventListener("open", ok));
let id = 0;
const pending = new Map();
const problems = [];
socket.addEventListener("message", (message) => {
  const data = JSON.parse(message.data);
  if (data.id && pending.has(data.id)) pending.get(data.id)(data.result);
  if (data.method === "Runtime.consoleAPICalled") problems.push(`console: ${JSON.stringify(data.params.args)}`);
  if (data.method === "Runtime.exceptionThrown") problems.push(`exception: ${JSON.stringify(data.params.exceptionDetails)}`);
  if (data.method === "Log.entryAdded") problems.push(`log: ${data.params.entry.level} ${data.params.entry.text}`);
});
const send = (method, params = {}) => new Promise((ok) => {
  pending.set(++id, ok);
  socket.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expression) => (await send("Runtime.evaluate", { expression, returnByValue: true })).result.value;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const until = async (expression, what) => {
  for (let i = 0; i < 600; i++) {
    const value = await evaluate(expression).catch(() => undefined);
    if (value) return value;
    await sleep(10);
  }
  throw new Error(`timed out: ${what}`);
};
await send("Runtime.enable");
await send("Log.enable");
await send("Page.navigate", { url: `${url}en/` });
await until("document.readyState === 'complete' && !!document.querySelector('script[data-build]')", "the page");
const build = await evaluate("document.querySelector('script[data-build]').dataset.build");
await sleep(300);
await evaluate("window.hindsightMarker = true");
const text = readFileSync(record, "utf8");
const saved = performance.now();
writeFileSync(record, text.replace(/^title: .*$/m, "title: Changed in the browser check"));
await until("!window.hindsightMarker && document.readyState === 'complete' && document.body.innerText.includes('Changed in the browser check')", "the reload");
const reloaded = performance.now() - saved;
writeFileSync(record, text + "title: [unclosed\n");
const overlay = await until("document.getElementById('hindsight-errors') && !document.getElementById('hindsight-errors').hidden && document.getElementById('hindsight-errors').innerText", "the overlay");
const kept = await evaluate("document.body.innerText.includes('Changed in the browser check')");
writeFileSync(record, text);
await until("document.readyState === 'complete' && !document.getElementById('hindsight-errors') && !document.body.innerText.includes('Changed in the browser check')", "the fix");
console.log(`page build ${build}; save -> reloaded page in the browser: ${reloaded.toFixed(0)} ms`);
console.log(`overlay shown (${overlay.split("\n")[0]} / ${overlay.includes("yaml-syntax") ? "yaml-syntax named" : "NO yaml-syntax"}), last good page kept: ${kept}`);
if (problems.length || !overlay.includes("yaml-syntax") || !kept) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("no CSP violation, console message or exception");
process.exit(0);
JS
node --experimental-websocket "$work/check.mjs" "$devtools" "$url" "$record" 2>&1 | grep -v ExperimentalWarning | grep -v 'node --trace-warnings'
