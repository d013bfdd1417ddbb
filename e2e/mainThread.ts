/**
 * All numeric work stays in the worker. Numeric work on the main thread would need the numeric engine there:
 * tfjs (every kernel, solve and AGOP runs on it) registers its engine on the global object (`_tfengine`) the
 * moment it is imported, and its wasm binaries are fetched by whoever starts the backend. So the page is
 * checked for what it loaded, not for how long its tasks took (a wall-time budget fails on a busy machine and
 * passes a slow leak): after a whole run the window has no tfjs engine and fetched no wasm, while the worker
 * trained (records arrived).
 */
import { expect, type Page } from '@playwright/test';

export async function expectNoEngineInPage(page: Page): Promise<void> {
  const seen = await page.evaluate(() => ({
    engine: '_tfengine' in globalThis,
    wasm: performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.wasm')),
    started: performance.getEntriesByName('rfm-run-started').length,
    finished: performance.getEntriesByName('rfm-run-finished').length,
  }));
  expect(seen.started, 'a run started').toBeGreaterThan(0);
  expect(seen.finished, 'and finished').toBeGreaterThan(0);
  await expect(page.getByTestId('metrics-table').locator('tbody tr')).not.toHaveCount(0);
  expect(seen.engine, 'tfjs engine on the main thread').toBe(false);
  expect(seen.wasm, 'wasm fetched by the main thread').toEqual([]);
}
