#!/usr/bin/env node
/**
 * The embed, measured and pictured: opens the embed view (served by `npm run preview`, or APP_URL) in a
 * 700 px wide headless Chromium, prints the time from navigation to the first heatmap and to the finished
 * run, writes docs/embed.png, and prints the gzipped sizes of what an embed downloads from DIST (default
 * dist/). Usage: node scripts/embed-shot.mjs [query] [out.png]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromiumArgs.mjs';
import { findBrowser } from './findBrowser.mjs';

const query = process.argv[2] ?? 'embed&panels=m,error';
const out = process.argv[3] ?? 'docs/embed.png';
const base = process.env.APP_URL ?? 'http://127.0.0.1:4173/';
const dist = process.env.DIST ?? 'dist';

const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 700, height: 600 } });
await page.goto(`${base}?${query}`);
await page.waitForSelector('[data-testid=heatmap][data-d]', { timeout: 120_000 });
const firstHeatmap = await page.evaluate(() => performance.now());
await page.waitForSelector('[data-run-state=finished]', { timeout: 300_000 });
const finished = await page.evaluate(() => performance.now());
const height = await page.locator('.app').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
await page.setViewportSize({ width: 700, height });
await page.screenshot({ path: out });
await browser.close();
console.log(`first heatmap ${Math.round(firstHeatmap)} ms, finished ${Math.round(finished)} ms after navigation`);
console.log(`embed height ${height} px; screenshot ${out}`);

const files = [...(await readdir(join(dist, 'assets'))).map((f) => join('assets', f)), 'embed.js', 'rfm-explorer.js'];
for (const file of files.filter((f) => /(main|trainingWorker|simd|embed|rfm-explorer).*\.(js|css|wasm)$/.test(f))) {
  const bytes = await readFile(join(dist, file));
  console.log(`${file}\t${(bytes.length / 1024).toFixed(1)} kB\tgzip ${(gzipSync(bytes).length / 1024).toFixed(1)} kB`);
}
