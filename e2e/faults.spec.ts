/**
 * Faults of the worker and of downloads as a new user meets them, on real workers: a run that will not
 * stop, a worker that dies or never starts, a script or data chunk that cannot load. Each gets a message in
 * words and the app stays usable. Bad input (files, expressions) is in inputFaults.spec.ts. Each test
 * failed before its fix.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';

test('a run that will not stop is ended by replacing its worker, and the app says what it waits for', async ({
  page,
}) => {
  // leaf=0: one 8,000 x 8,000 kernel solve (the default leaf size would train a tree of small leaves).
  await openApp(page, { n: 8000, ntest: 100, iters: 1, leaf: 0 });
  await expect(page.getByTestId('run-status')).toContainText('· solve', { timeout: 120_000 });
  await page.getByTestId('preset-iris').click();
  await expect(page.getByTestId('run-notice')).toContainText(
    'did not stop within 3 s (it was in the kernel solve of iteration 0)',
  );
  await waitForStatus(page, 'finished', 30_000);
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
});

test('a worker that dies silently is noticed: the app says so, keeps the iterations and runs again', async ({
  page,
}) => {
  await openApp(page, { n: 300, ntest: 100, iters: 3, autoplay: 0 });
  await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('step').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '1');
  const worker = page.workers().find((w) => w.url().includes('trainingWorker'));
  expect(worker).toBeDefined();
  await worker!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => {});
  await expect(page.getByTestId('error-banner')).toContainText('the training worker stopped without a word');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '1');
  await page.getByTestId('play').click();
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '4');
  // The fresh worker trained on the backend chosen for the page (auto: wasm here), not one tfjs picked alone.
  await expect(page.getByTestId('metrics-row-3')).toContainText('wasm');
});

test('a worker that ends before it says it is ready fails the run in words instead of running for ever', async ({
  page,
}) => {
  // The script loads (no error event) and then ends itself, as a worker killed while loading tfjs.
  await page.route('**/assets/trainingWorker-*.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      headers: { 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' },
      body: 'self.close();',
    }),
  );
  // The page's clock is Playwright's, so the 30 s the app waits for a worker pass in a moment of the test's.
  await page.clock.install();
  await openApp(page, { n: 200, ntest: 50, iters: 1 });
  const banner = page.getByTestId('error-banner');
  const waitedOut = async () => {
    await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-status', 'failed');
    await page.clock.runFor(20_000);
    await expect(banner.filter({ hasText: 'did not start' })).toHaveCount(0);
    await page.clock.runFor(11_000);
    await expect(banner).toContainText('the training worker did not start within 30 s');
  };
  await waitedOut();
  // Play tries a fresh worker; when that one ends too, the run fails in words instead of running for ever.
  await page.getByTestId('play').click();
  await waitedOut();
  await waitForStatus(page, 'failed');
});

test('a worker script that cannot load says so in words', async ({ page }) => {
  await page.route('**/assets/trainingWorker-*.js', (route) => route.abort());
  await openApp(page);
  await expect(page.getByTestId('error-banner')).toContainText('the training worker could not be loaded');
  await expect(page.getByTestId('error-banner')).not.toContainText('undefined');
});

test('offline, a lazily loaded data set says what could not be downloaded and Retry recovers', async ({ page }) => {
  // The text preset's link with 400 windows (its 3,000 took seconds to reach the first iteration after Retry).
  await openApp(page, { preset: 'text', n: 400, ntest: 200, iters: 1, autoplay: 0 });
  await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
  await page.route('**/assets/data-*.js', (route) => route.abort('internetdisconnected'));
  await page.getByTestId('play').click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText('a part of the app could not be downloaded');
  await expect(banner).not.toContainText('Failed to fetch dynamically imported module');
  await page.unroute('**/assets/data-*.js');
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-records', '0', { timeout: 120_000 });
  await expect(banner).toHaveCount(0);
  await page.getByTestId('reset').click();
});
