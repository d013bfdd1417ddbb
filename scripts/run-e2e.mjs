#!/usr/bin/env node
/** Builds nothing: runs Playwright on the built app (dist/) with a Chromium found by findBrowser. */
import { spawnSync } from 'node:child_process';
import { findBrowser } from './findBrowser.mjs';

let browser;
try {
  browser = await findBrowser();
} catch (error) {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(result.status ?? 1);
