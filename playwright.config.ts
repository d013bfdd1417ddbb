import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromiumArgs.mjs';
import { findHeadlessShell } from './scripts/findBrowser.mjs';

/**
 * End-to-end tests drive the built app (vite preview, with the COOP/COEP headers) in a real Chromium.
 * The browser is the one scripts/findBrowser.mjs found (CHROMIUM_PATH), or Playwright's own.
 * --enable-unsafe-webgpu gives WebGPU in headless Chromium on Linux (SwiftShader where there is no GPU).
 */
const executablePath = process.env.CHROMIUM_PATH || undefined;
/**
 * The tests run in Chromium's headless shell where there is one (the same Blink and V8, less CPU a page:
 * scripts/findBrowser.mjs), except e2e/embedSites.spec.ts, which tests the full Chromium's default of blocking
 * storage in third-party frames and asks for it with test.use.
 */
const browser = findHeadlessShell() ?? executablePath;
const port = Number(process.env.E2E_PORT ?? 4173);
/** The build to serve (default dist/); separate builds let several checkouts test side by side. */
const outDir = process.env.E2E_DIST ?? 'dist';

/**
 * Specs that replay recorded worker events (e2e/replay.ts) train nothing: their tests run in any order, two
 * at a time. Specs that train for real run one test at a time, so at most one training run (two wasm threads)
 * shares the machine with two replayed pages.
 */
const REPLAYED = new RegExp(
  `(^|/)(${readdirSync('e2e')
    .filter((file) => file.endsWith('.spec.ts') && /\breplayed\(test/.test(readFileSync(`e2e/${file}`, 'utf8')))
    .map((file) => file.replace(/\./g, '\\.'))
    .join('|')})$`,
);

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  // One trained test and two replayed ones at a time: the e2e tests start beside the unit tests
  // (scripts/test-all.mjs), and a fourth worker only raised the load (18 on two cores) for no gain in time.
  workers: 3,
  // Trained tests first: their project runs one test at a time, so when it came last its tests ran alone on
  // one core after the replayed ones had finished (e2e 602 s); first, replayed tests fill the other workers.
  projects: [
    { name: 'trains', testIgnore: REPLAYED, fullyParallel: false, workers: 1 },
    { name: 'replayed', testMatch: REPLAYED, fullyParallel: true },
  ],
  retries: 0,
  // Playwright empties its output folder when it starts: its own, so test-results/unit.json (written before
  // the e2e tests by scripts/test-all.mjs) is still there for the slowest-tests list at the end.
  outputDir: 'test-results/e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1360, height: 900 },
    launchOptions: { executablePath: browser, args: [...CHROMIUM_ARGS] },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
