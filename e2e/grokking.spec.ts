/**
 * Grokking modular arithmetic, as a person sees it: one click on the preset trains RFM on (a + b) mod p,
 * train accuracy is 100% throughout, test accuracy stays near 0 for several iterations and then jumps to
 * >= 99%, while the a-b block of M becomes circulant and M aligns with its final state.
 */
import { expect, test } from '@playwright/test';
import { lastY, openApp, readMetrics, setNumber, waitForStatus } from './helpers';

test('the grokking preset: test accuracy near 0 for several iterations, then a jump to >= 99%', async ({ page }) => {
  await openApp(page, { autoplay: 0 });
  await page.getByTestId('preset-grokking').click();
  await expect(page.getByTestId('preset-caption')).toContainText('p = 61');
  await expect(page.getByTestId('param-p')).toHaveValue('61');
  await expect(page.getByTestId('param-op')).toHaveValue('+');
  await expect(page.getByTestId('param-frac')).toHaveValue('0.5');

  // The preset is the paper's setting: p = 61, half of the 3721 pairs for training, 30 iterations. On this
  // machine's wasm backend that run groks at iteration 17 (test accuracy 0 through iteration 10, 0.06, 0.38,
  // 0.72, 0.89, 0.96, 0.988, 0.996 ...) but takes 4 to 5 minutes, too long for the CI budget. p = 31 with
  // 60% of the pairs shows the same jump in about 30 s (0 through iteration 7, then 0.17, 0.50, 0.75, 0.90,
  // 0.95, 0.987, 0.995 at iteration 14); at 50% a modulus as small as 31 does not reach 99% in 30 iterations.
  await setNumber(page, 'p', 31);
  await setNumber(page, 'frac', 0.6);
  await setNumber(page, 'iters', 20); // each change restarts the run; the last one stands
  await waitForStatus(page, 'finished', 170_000);

  const rows = await readMetrics(page);
  expect(rows).toHaveLength(21);
  const accuracies = rows.map((r) => r.testAcc);
  for (const row of rows.slice(0, 3)) expect(row.testAcc, `test accuracy ${accuracies.join(', ')}`).toBeLessThan(0.2);
  expect(rows.at(-1)!.testAcc, `test accuracy ${accuracies.join(', ')}`).toBeGreaterThanOrEqual(0.99);

  // The headline names the iteration of the jump.
  const summary = page.getByTestId('grokking-summary');
  const jump = Number(await summary.getAttribute('data-jump-iteration'));
  expect(jump).toBeGreaterThanOrEqual(3);
  expect(jump).toBe(rows.findIndex((r) => r.testAcc !== null && r.testAcc >= 0.99));
  expect(Number(await summary.getAttribute('data-max-test-acc'))).toBeGreaterThanOrEqual(0.99);
  await expect(summary).toContainText(`from iteration ${jump}`);

  // Train accuracy is 100% (the kernel interpolates).
  const accuracyChart = page.getByTestId('accuracy-chart');
  expect(await lastY(accuracyChart, 'train')).toBe(1);
  expect(await lastY(accuracyChart, 'test')).toBeGreaterThanOrEqual(0.99);

  // M is shown without its diagonal; the a-b block is p x p, and for + needs no reordering.
  await expect(page.getByRole('region', { name: 'feature matrix' }).getByTestId('heatmap')).toHaveAttribute(
    'data-hide-diagonal',
    'true',
  );
  const block = page.getByRole('region', { name: 'a-b block of M' });
  await expect(block.getByTestId('heatmap')).toHaveAttribute('data-d', '31');
  await expect(block.getByTestId('discrete-log-order')).toBeDisabled();

  // The block ends close to circulant (the deviation is at most 1/p), and M_t ends aligned with M_T.
  const structure = page.getByTestId('grokking-chart');
  expect(await lastY(structure, 'deviation')).toBeLessThan(0.1 / 31);
  expect(await lastY(page.getByTestId('alignment-chart'), 'M')).toBeCloseTo(1, 6);
  await page.screenshot({ path: 'test-results/grokking.png', fullPage: true });
});

test('the full preset (p = 61, half of the pairs) groks as in the paper', async ({ page }) => {
  // About a minute on the wasm backend of a 2-core machine, so it runs only when asked: RFM_E2E_FULL=1.
  test.skip(!process.env.RFM_E2E_FULL, 'the paper-size run takes minutes; set RFM_E2E_FULL=1 to run it');
  test.setTimeout(600_000);
  await openApp(page, { autoplay: 0 });
  const started = Date.now();
  await page.getByTestId('preset-grokking').click();
  await waitForStatus(page, 'finished', 590_000);
  // Reported, not asserted (README, Performance): the preset's wall time from the click.
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  test.info().annotations.push({ type: 'preset wall time', description: `${seconds} s` });
  console.log(`grokking p = 61 preset: ${seconds} s from the click to finished`);
  const rows = await readMetrics(page);
  expect(rows).toHaveLength(31);
  const accuracies = rows.map((r) => r.testAcc);
  for (const row of rows.slice(0, 8)) expect(row.testAcc, `test accuracy ${accuracies.join(', ')}`).toBeLessThan(0.05);
  expect(rows.at(-1)!.testAcc, `test accuracy ${accuracies.join(', ')}`).toBeGreaterThanOrEqual(0.99);
  const jump = Number(await page.getByTestId('grokking-summary').getAttribute('data-jump-iteration'));
  expect(jump).toBeGreaterThanOrEqual(10);
  expect(jump).toBeLessThanOrEqual(25);
});
