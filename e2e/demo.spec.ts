/**
 * The default demo's controls, on recorded runs (e2e/replay.ts): the scrubber shows M at any iteration, a
 * bad expression keeps the last good state, and pause, step and reset drive the run. That the demo trains
 * and beats the Laplace-kernel baseline is checked on a real run in firstPicture.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { openApp, readMetrics, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

test('the scrubber shows M at any iteration, starting from the identity', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 2 });
  await waitForStatus(page, 'finished');
  const scrubber = page.getByTestId('iteration-scrubber');
  await scrubber.fill('0');
  await expect(page.getByTestId('scrubber-label')).toContainText('iteration 0');
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toHaveAttribute('data-max', '1');
  await expect(heatmap).toHaveAttribute('data-min', '0');
  await page.getByTestId('hide-diagonal').check();
  await scrubber.fill('2');
  await expect(page.getByTestId('scrubber-label')).toContainText('iteration 2');
  expect(Number(await heatmap.getAttribute('data-max'))).not.toBe(1);
});

test('an invalid expression shows an error and keeps the last good state', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 1 });
  await waitForStatus(page, 'finished');
  const before = await readMetrics(page);

  const input = page.getByTestId('param-expr');
  await input.fill('5*x1^3 + 10*x2^^2 + import(x3)');
  await input.press('Enter');
  await expect(page.getByTestId('expr-error')).toBeVisible();
  await expect(page.getByTestId('expr-error')).toContainText('still training on');

  // Nothing restarted: the same finished run and numbers are on screen, and the URL kept the old target.
  await page.waitForTimeout(800);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'finished');
  expect(await readMetrics(page)).toEqual(before);
  expect(new URL(page.url()).searchParams.get('expr')).toBeNull();

  // A valid expression then trains again.
  await input.fill('sin(3*x1) + x2');
  await input.press('Enter');
  await expect(page.getByTestId('expr-error')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('expr')).toBe('sin(3*x1) + x2');
  // The new run's numbers replace the old ones ('finished' alone may still be the old run's state).
  await expect.poll(() => readMetrics(page)).not.toEqual(before);
  await waitForStatus(page, 'finished');
  expect(await readMetrics(page)).toHaveLength(before.length);
});

test('pause, step and reset control the run', async ({ page }) => {
  await openApp(page, { n: 400, ntest: 100, iters: 4, autoplay: 0 });
  await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('step').click();
  await waitForStatus(page, 'paused');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '1');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '2', { timeout: 60_000 });
  await waitForStatus(page, 'paused');
  await page.getByTestId('play').click();
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '5');
  await page.getByTestId('reset').click();
  await waitForStatus(page, 'idle');
  await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(0);
});
