// Runs axe-core in headless Chromium over pages of served sites, in light and dark mode and at
// the given widths; prints every serious or critical violation (rule, page, target, message)
// and a count per page, and exits 1 when there is any. Driven by scripts/check-a11y.sh.
//   node check.cjs CHROMIUM BASE-URL PAGES-FILE
// PAGES-FILE: one page a line, "path width,width…" (e.g. "en/index.html 1280,390").
'use strict';
const fs = require('fs');
const puppeteer = require('puppeteer-core');
const axeSource = require('axe-core').source;

const [chromium, base, pagesFile] = process.argv.slice(2);
const pages = fs
  .readFileSync(pagesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => {
    const [path, widths] = line.trim().split(/\s+/);
    return { path, widths: widths.split(',').map(Number) };
  });
const schemes = ['light', 'dark'];
const failing = new Set(['serious', 'critical']);

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // The flags of scripts/lib/browser.sh's callers: no network beyond the local server.
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--hide-scrollbars',
    ],
  });
  const counts = new Map();
  const problems = [];
  let next = 0;
  let runs = 0;
  // Two tabs at once: the machine has few cores, and axe itself is single-threaded. A page is
  // loaded once and checked in each scheme and width: the media features and the viewport
  // change in place, as they do when a reader switches.
  async function worker() {
    const tab = await browser.newPage();
    await tab.setBypassCSP(true); // the site's CSP forbids scripts, axe's included
    await tab.setCacheEnabled(false); // a page seen before must load, not answer 304
    while (next < pages.length) {
      const page = pages[next++];
      const response = await tab.goto(`${base}/${page.path}`, { waitUntil: 'load' });
      if (!response || !response.ok()) {
        problems.push(`${page.path}: not served (${response && response.status()})`);
        continue;
      }
      await tab.evaluate(axeSource);
      let count = 0;
      for (const scheme of schemes) {
        for (const width of page.widths) {
          await tab.setViewport({ width, height: 900 });
          await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          const result = await tab.evaluate(() =>
            // eslint-disable-next-line no-undef
            axe.run(document, { resultTypes: ['violations'] }),
          );
          runs++;
          const where = `${page.path} [${scheme}, ${width}px]`;
          for (const violation of result.violations) {
            if (!failing.has(violation.impact)) continue;
            for (const node of violation.nodes) {
              count++;
              const message = (node.failureSummary || violation.help).replace(/\s+/g, ' ');
              problems.push(
                `${violation.id} (${violation.impact}) on ${where}: ${node.target.join(' ')}: ${message}`,
              );
            }
          }
        }
      }
      counts.set(page.path, count);
    }
    await tab.close();
  }
  await Promise.all([worker(), worker()]);
  await browser.close();
  for (const problem of problems) console.error(`check-a11y: ${problem}`);
  console.log('check-a11y: serious or critical violations per page (all modes and widths):');
  for (const [path, count] of counts) console.log(`  ${String(count).padStart(4)}  ${path}`);
  console.log(`check-a11y: ${runs} runs of axe-core ${require('axe-core').version}`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`check-a11y: ${error.stack || error}`);
  process.exit(2);
});
