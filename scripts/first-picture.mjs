#!/usr/bin/env node
/**
 * Time to first picture of a built app: the initial JavaScript (the entry script and the chunks index.html
 * preloads, gzipped) and, over fresh page loads in headless Chromium, the milliseconds from navigation to
 * the first heatmap (the M panel's data-d turns non-zero), to the worker's backend report, and to the
 * first iteration record. A measurement, not a test: it asserts nothing.
 *
 *   npx vite build --outDir dist-4113 && node scripts/first-picture.mjs --dist dist-4113 --port 4113 --loads 5
 */
/* global window, document, MutationObserver -- page.evaluate and addInitScript bodies run in the page */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromiumArgs.mjs';
import { findBrowser } from './findBrowser.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const dist = option('dist', 'dist');
const port = Number(option('port', '4173'));
const loads = Number(option('loads', '5'));
const query = option('query', '');

/** The entry script and the modules index.html preloads: what the browser fetches before any lazy chunk. */
function initialJs() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g),
  ].map((m) => m[1].replace(/^\.\//, ''));
  return files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

const files = initialJs();
const total = files.reduce((a, f) => a + f.gzip, 0);
for (const f of files)
  console.log(`${f.file}: ${(f.raw / 1024).toFixed(1)} kB, ${(f.gzip / 1024).toFixed(1)} kB gzipped`);
console.log(`initial JS: ${(total / 1024).toFixed(1)} kB gzipped`);

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  },
);
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('http') && resolve()));

const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS });
const rows = [];
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const marks = {};
      window.__firstPicture = marks;
      new MutationObserver(() => {
        const heatmap = document.querySelector('[data-testid="heatmap"]');
        if (!marks.heatmap && heatmap && heatmap.getAttribute('data-d') !== '0') marks.heatmap = performance.now();
        const backend = document.querySelector('[data-testid="backend"]');
        if (!marks.backend && backend?.getAttribute('data-backend')) marks.backend = performance.now();
        if (!marks.record && document.querySelector('[data-testid="metrics-row-0"]')) marks.record = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(`http://127.0.0.1:${port}/${query ? `?${query}` : ''}`);
    await page.waitForFunction(() => window.__firstPicture.heatmap && window.__firstPicture.record, null, {
      timeout: 120_000,
    });
    const marks = await page.evaluate(() => ({
      ...window.__firstPicture,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    }));
    rows.push(marks);
    console.log(
      `load ${i + 1}: DOMContentLoaded ${marks.domContentLoaded?.toFixed(0)} ms, first paint ${marks.fcp?.toFixed(0)} ms, heatmap ${marks.heatmap.toFixed(0)} ms, backend ${marks.backend?.toFixed(0) ?? '-'} ms, first record ${marks.record.toFixed(0)} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
const pick = (k) => median(rows.map((r) => r[k]).filter((v) => v !== undefined)).toFixed(0);
console.log(
  `median of ${loads}: DOMContentLoaded ${pick('domContentLoaded')} ms, first paint ${pick('fcp')} ms, heatmap ${pick('heatmap')} ms, backend ${pick('backend')} ms, first record ${pick('record')} ms`,
);
