import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromiumArgs.mjs';

/**
 * End-to-end tests drive the built app (vite preview, with the COOP/COEP headers) in a real Chromium.
 * The browser is the one scripts/findBrowser.mjs found (CHROMIUM_PATH), or Playwright's own.
 * --enable-unsafe-webgpu gives WebGPU in headless Chromium on Linux (SwiftShader where there is no GPU).
 */
const executablePath = process.env.CHROMIUM_PATH || undefined;
const port = Number(process.env.E2E_PORT ?? 4173);
/** The build to serve (default dist/); separate builds let several checkouts test side by side. */
const outDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
