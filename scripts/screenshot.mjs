#!/usr/bin/env node
/**
 * Opens the built app (served by `npm run preview`) in headless Chromium, waits for the run to finish and
 * writes a screenshot. Usage: node scripts/screenshot.mjs [query] [out.png]. Also prints the console and
 * the per-iteration rows, which is handy for measuring a backend's timings by hand.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromiumArgs.mjs';
import { findBrowser } from './findBrowser.mjs';

const query = process.argv[2] ?? '';
const out = process.argv[3] ?? 'test-results/screenshot.png';
const base = process.env.APP_URL ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(`${base}?${query}`);
const started = Date.now();
await page.waitForFunction(
  () =>
    ['finished', 'failed'].includes(
      globalThis.document.querySelector('[data-testid=run-status]')?.getAttribute('data-status') ?? '',
    ),
  null,
  { timeout: Number(process.env.TIMEOUT_MS ?? 300_000) },
);
console.log(`run ended after ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(await page.getByTestId('backend').innerText());
console.log(await page.getByTestId('metrics-table').innerText());
await page.screenshot({ path: out, fullPage: true });
await browser.close();
