/**
 * The Content-Security-Policy the app needs (README, "Content-Security-Policy"): served with COOP/COEP
 * and `script-src 'self' blob: 'wasm-unsafe-eval'` it trains on threaded wasm; served with a policy that
 * forbids what wasm needs, it falls back to another backend and still trains instead of never starting.
 */
import { expect, test } from '@playwright/test';
import { startStaticServer } from './staticServer.mjs';

const root = process.env.E2E_DIST ?? 'dist';
const port = Number(process.env.E2E_PORT ?? 4173) + 100;
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const policy = (scripts: string) =>
  `default-src 'self'; script-src ${scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob: data:`;

/** [what, script-src (worker-src falls back to it), the backend that must run] */
const CASES: [string, string, RegExp][] = [
  ['the documented policy runs threaded wasm', "'self' blob: 'wasm-unsafe-eval'", /^wasm$/],
  [
    'a policy without blob: workers still trains (on another backend or wasm without threads)',
    "'self' 'wasm-unsafe-eval'",
    /^(wasm|webgl|cpu)$/,
  ],
  ['a policy without wasm falls back to another backend and still trains', "'self'", /^(webgl|cpu)$/],
];

for (const [title, scripts, backend] of CASES) {
  test(`under a strict CSP with COOP/COEP, ${title}`, async ({ page }) => {
    const server = await startStaticServer({
      root,
      port,
      headers: { ...ISOLATION, 'Content-Security-Policy': policy(scripts) },
    });
    try {
      await page.goto(`${server.url}/?n=200&ntest=100&iters=1`);
      await expect(page.getByTestId('backend-name')).toHaveText(backend, { timeout: 60_000 });
      await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 });
      await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '2');
      if (title.startsWith('the documented')) await expect(page.getByTestId('backend')).toContainText('(threads)');
    } finally {
      await server.close();
    }
  });
}
