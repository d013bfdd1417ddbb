/**
 * lin-RFM (docs/linrfm.md) in the built app: a small matrix-completion run recovers its matrix (the
 * recovery error shown falls far below the min-norm baseline, and the caption says how it compares with
 * converged nuclear-norm minimisation), the phase grid, and the Run phase transition button, on recorded runs
 * (e2e/replay.ts). Sparse recovery's exact support is checked on a real run in sparseRecovery.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';
import { expectNoSeriousViolations } from './axe';

replayed(test);

test('matrix completion recovers a low-rank matrix and shows the three matrices', async ({ page }) => {
  await openApp(page, { preset: 'matrix-completion', rows: 60, cols: 60, rank: 2, observed: 0.4, iters: 50 });
  await waitForStatus(page, 'finished');
  const error = page.getByRole('status', { name: 'recovery error' });
  // Iteration 0 (zero fill) is sqrt(0.6) = 0.77 here; 50 updates bring it to ~0.02.
  expect(Number(await error.getAttribute('data-value'))).toBeLessThan(0.05);
  // Against converged nuclear-norm minimisation, which recovers rank 2 from 40% (the one-sweep soft-impute did not).
  const finding = page.getByTestId('nuclear-finding');
  await expect(finding).toContainText('Converged nuclear-norm minimisation reaches');
  await expect(finding).toContainText('the nuclear-norm minimum does better than lin-RFM (s = 0.5) here');
  await expect(page.getByRole('img', { name: /^true Y, rank 2/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^observed entries/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^recovered W, iteration 50/ })).toBeVisible();
  // The status line and the announcer count the lin-RFM iterations (they read 0/50 and "Finished 0").
  await expect(page.getByTestId('run-status')).toContainText('finished · iteration 50/50');
  await expect(page.getByTestId('run-announcer')).toContainText('Finished 51 iterations');
  // Each of the four panels explains itself, as the seed preset's panels do.
  for (const panel of ['matrices', 'singular', 'recovery', 'mspectrum'])
    await expect(page.getByTestId(`how-to-read-${panel}`)).toContainText('How to read this');
  // The article under the tool has a section on the same four panels, with the same texts.
  const article = page.getByRole('region', { name: 'Matrix completion with lin-RFM' });
  for (const term of ['The three matrices', 'Singular values of W', 'Recovery error', 'Spectrum of M'])
    await expect(article.getByRole('term').filter({ hasText: term })).toHaveCount(1);
  await expect(article).toContainText(
    await page
      .getByTestId('how-to-read-recovery')
      .innerText()
      .then((t) => t.replace(/^How to read this:\s*/, '').slice(0, 60)),
  );
  // The scrubber goes back to iteration 0, the zero-fill baseline.
  await page.getByRole('slider', { name: 'lin-RFM iteration shown' }).fill('0');
  await expect(page.getByRole('img', { name: /^recovered W, iteration 0/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'matrix-completion');
});

test('the phase transition fills its grid in the worker and lists every cell under Show values', async ({ page }) => {
  // CI-sized: 20 x 20 matrices and 10 iterations per cell (the button runs 60 x 60, up to 300 iterations, stopping on convergence).
  test.setTimeout(600_000); // each cell now also runs the nuclear-norm baseline (up to 3,000 sweeps, as many as the single completion's)
  await openApp(page, { preset: 'matrix-completion', linrfm: 'phase', rows: 20, cols: 20, iters: 10 });
  await waitForStatus(page, 'finished', 540_000);
  const grid = page.getByTestId('phase-grid');
  await expect(grid).toHaveAttribute('data-cells', '48');
  // The grid counts cells, the job's unit (it read "finished · iteration 47/47", "Finished 48 iterations").
  await expect(page.getByTestId('run-status')).toContainText('finished · cell 48/48');
  await expect(page.getByTestId('run-announcer')).toContainText('Finished 48 cells');
  await expect(page.getByRole('img', { name: /^Phase transition: \d+ of 48 completions recovered/ })).toBeVisible();
  // The converged nuclear-norm baseline ran on every cell too, and the caption counts it beside lin-RFM.
  const nuclear = Number(await grid.getAttribute('data-nuclear-successes'));
  await expect(page.getByTestId('phase-nuclear')).toHaveText(`${nuclear} of 48`);
  // The caption names each rank's boundary for both methods (read against the grid's own cells).
  await expect(page.getByTestId('phase-finding')).toContainText(
    /^Smallest share recovered: rank 1: lin-RFM (from \d+%|not recovered), nuclear norm (from \d+%|not recovered);/,
  );
  await expect(page.getByTestId('phase-finding')).toContainText('rank 8:');
  await page.getByTestId('phase-values').getByText('Show values').click();
  await expect(page.getByRole('region', { name: 'phase transition values' }).getByRole('row')).toHaveCount(49);
});

test('the Run phase transition button switches matrix completion to the phase grid and starts it', async ({ page }) => {
  await openApp(page, { preset: 'matrix-completion', rows: 30, cols: 30, iters: 2 });
  await waitForStatus(page, 'finished');
  await page.getByRole('button', { name: 'Run phase transition' }).click();
  await expect(page.getByRole('combobox', { name: /lin-RFM problem/ })).toHaveValue('phase');
  // The first cells arrive from the worker; the full 60 x 60 grid is not waited for here.
  await expect(page.getByTestId('phase-grid')).not.toHaveAttribute('data-cells', '0', { timeout: 60_000 });
  await expect(page.getByTestId('phase-grid')).toHaveAttribute('data-cells', /^[1-9]/);
});
