/**
 * A long run says how long it has left (from the phases it has timed), and a pause asked for mid-phase
 * reads "pausing…" until the worker stops at its next checkpoint.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForRunState } from './helpers';
import { replayed } from './replay';

replayed(test, { maxGapMs: 100 });

test('a run shows the time left once an iteration is timed, and pausing until it pauses', async ({ page }) => {
  // Large enough that an iteration takes a while here, small enough for CI.
  await openApp(page, { n: 2500, ntest: 200, iters: 30 });
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-records', '2', { timeout: 120_000 });
  await expect(page.getByTestId('remaining-time')).toHaveText(/left$/);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /%, .* left$/);
  await page.getByRole('button', { name: 'pause' }).click();
  // Either still finishing a phase (pausing…) or already stopped; never "running" after the click.
  await expect(page.getByTestId('run-status-label')).toHaveText(/^(pausing…|paused)$/);
  await waitForRunState(page, 'paused', 60_000);
  await expect(page.getByTestId('run-status-label')).toHaveText('paused');
  await expect(page.getByTestId('remaining-time')).toHaveCount(0);
});
