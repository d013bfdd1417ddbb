/**
 * The first picture comes before the engine: M = I is drawn while tfjs is still loading in the worker, and
 * the minified build still starts the wasm backend's threads (see vite.config.ts: plain mangling of the
 * worker breaks them, and then this test fails waiting for the backend). How fast is measured by scripts/first-picture.mjs, not asserted here.
 */
import { expect, test } from '@playwright/test';
import { openApp, readMetrics, waitForRunState } from './helpers';

test('M = I is drawn before the worker reports its first iteration', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: { heatmapBeforeRecord?: boolean } = {};
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const heatmap = document.querySelector('[data-testid="heatmap"]');
      if (seen.heatmapBeforeRecord === undefined && heatmap && heatmap.getAttribute('data-d') !== '0')
        seen.heatmapBeforeRecord = document.querySelector('[data-testid="metrics-row-0"]') === null;
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await openApp(page, { n: 300, ntest: 100, iters: 1 });
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toHaveAttribute('data-d', '10');
  await expect(page.getByTestId('heatmap-caption')).toContainText('M starts as the identity');
  await waitForRunState(page, 'finished');
  const seen = await page.evaluate(() => (window as unknown as { __seen: { heatmapBeforeRecord?: boolean } }).__seen);
  expect(seen.heatmapBeforeRecord, 'the heatmap appeared before the first record').toBe(true);
});

test('the minified build runs the wasm backend with threads', async ({ page }) => {
  await openApp(page, { backend: 'wasm', n: 300, ntest: 100, iters: 2 });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
  await expect(page.getByTestId('backend')).toContainText('(threads)');
  await waitForRunState(page, 'finished');
  const rows = await readMetrics(page);
  expect(rows).toHaveLength(3);
  expect(rows.at(-1)!.testMse).toBeLessThan(rows[0]!.testMse);
});
