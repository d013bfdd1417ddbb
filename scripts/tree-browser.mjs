#!/usr/bin/env node
/**
 * The AGOP tree in the browser, timed (docs/trees.md): uploads a CSV to the built app in headless Chromium
 * with a leaf size, waits for the tree run to finish, and prints the panel's caption (leaves, tree test
 * MSE, one iteration over all leaves), the wall time from upload to finish, and the peak resident memory
 * of the browser's processes (sampled with ps each second). A measurement, not a test: it asserts nothing.
 *
 *   node scripts/make-tree-data.mjs --n 100000 --test 10000 --out /tmp/tree
 *   npx vite build --outDir dist-trees
 *   node scripts/tree-browser.mjs --dist dist-trees --port 4185 --csv /tmp/tree-train.csv --leaf 4000 --iters 1
 */
import { execFileSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromiumArgs.mjs';
import { findBrowser } from './findBrowser.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const dist = option('dist', 'dist');
const port = Number(option('port', '4173'));
const csv = option('csv', '/tmp/tree-train.csv');
const leaf = option('leaf', '4000');
const iters = option('iters', '1');
const timeoutMs = Number(option('timeout', '3600')) * 1000;

/**
 * Resident memory of the browser's processes, MB: every descendant of this script's process (Playwright
 * launches Chromium from it) outside the preview server's tree, sampled with ps.
 */
function browserRssMb(serverPid) {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const descendants = (rootPid) => {
    const tree = new Set([rootPid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of table)
        if (tree.has(ppid) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
    }
    return tree;
  };
  const server = descendants(serverPid);
  const mine = descendants(process.pid);
  return (
    table
      .filter(([pid]) => mine.has(pid) && !server.has(pid) && pid !== process.pid)
      .reduce((sum, [, , rss]) => sum + rss, 0) / 1024
  );
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist],
  { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('http') && resolve()));
const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS });
let peakMb = 0;
const sampler = setInterval(() => {
  peakMb = Math.max(peakMb, browserRssMb(server.pid));
}, 1000);
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeoutMs);
  await page.goto(`http://127.0.0.1:${port}/?preset=csv&leaf=${leaf}&iters=${iters}`);
  const started = Date.now();
  // By path: a 17 MB buffer through the protocol took over 30 s on the busy machine.
  await page.getByTestId('csv-file').setInputFiles(csv);
  await page.locator('[data-testid="tree-chart"][data-leaves]').waitFor({ timeout: timeoutMs });
  console.log(`splits grown after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await page.getByTestId('run-status').and(page.locator('[data-status="finished"]')).waitFor({ timeout: timeoutMs });
  console.log(`finished after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(await page.getByTestId('tree-caption').textContent());
  console.log(
    `backend: ${await page
      .getByTestId('backend-name')
      .textContent()
      .catch(() => '?')}`,
  );
  console.log(`peak resident memory of the browser's processes: ${peakMb.toFixed(0)} MB`);
} finally {
  clearInterval(sampler);
  await browser.close();
  process.kill(-server.pid);
}
