/**
 * Every preset runs from one click in the built app. The grokking, scaling, text and Iris presets have
 * their own specs with the papers' key numbers; these check the others' key numbers as a person sees them.
 */
import { expect, test } from '@playwright/test';
import { openApp, readMetrics, waitForStatus } from './helpers';
import { replayed } from './replay';
import { expectNoSeriousViolations } from './axe';

replayed(test);

test('the Boston preset predicts house prices well and ranks the known strong features among its top three', async ({
  page,
}) => {
  await openApp(page, { autoplay: 0 });
  await page.getByTestId('preset-boston').click();
  await waitForStatus(page, 'finished');
  // The model that predicts is the best iteration on the validation split (not the baseline row 0): it is
  // marked in the table and on the error chart. Measured: best iteration 3, test R^2 0.83.
  const best = page.locator('[data-testid^="metrics-row-"][data-best="true"]');
  await expect(best).toHaveCount(1);
  await expect(best).not.toHaveAttribute('data-testid', 'metrics-row-0');
  expect(Number(await best.getAttribute('data-test-r2'))).toBeGreaterThan(0.7);
  await expect(page.getByTestId('error-chart').locator('[data-annotation="best"]')).toHaveCount(1);
  await expect(page.getByTestId('improvement')).toContainText('best iteration');
  // Rooms (RM) and lower-status share (LSTAT) are the classic strongest predictors of MEDV. Since the target
  // is trained in its own units (docs/algorithm.md, Target units), M's largest entry at seed 1 is RAD,
  // with RM and LSTAT next: the test reads the top three bars as drawn.
  const bars = page.getByTestId('feature-importance').locator('g[data-feature]');
  await expect(bars).not.toHaveCount(0);
  const top3 = (await bars.evaluateAll((els) => els.map((el) => el.getAttribute('data-feature')))).slice(0, 3);
  expect(top3).toEqual(expect.arrayContaining(['RM', 'LSTAT']));
  await expectNoSeriousViolations(page, 'boston');
});

test('the digits preset classifies handwritten digits and draws M as images', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, { preset: 'digits', iters: 1 });
  await waitForStatus(page, 'finished', 220_000);
  const rows = await readMetrics(page);
  expect(rows.at(-1)!.testAcc).toBeGreaterThan(0.85);
  await expect(page.getByTestId('image-views')).toHaveAttribute('data-width', '14');
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
});

test('the low-rank preset puts coordinates 1, 2 and 6 on top of M and lowers the test error', async ({ page }) => {
  test.setTimeout(240_000);
  // n = 1000 instead of the notebook's 4000 keeps the run short; the structure shows the same way.
  await openApp(page, { preset: 'lowrank', n: 1000, ntest: 1000, iters: 3 });
  await waitForStatus(page, 'finished', 220_000);
  const rows = await readMetrics(page);
  expect(rows.at(-1)!.testMse).toBeLessThan(rows[0]!.testMse);
  const caption = await page.getByTestId('heatmap-caption').innerText();
  const top = /Largest diagonal entries: ([^.]+)\./.exec(caption)?.[1]?.split(', ') ?? [];
  expect(top.sort()).toEqual(['x1', 'x2', 'x6']);
  await expectNoSeriousViolations(page, 'lowrank');
});

test('the seed preset button brings back the default demo after another experiment', async ({ page }) => {
  await openApp(page, { preset: 'iris' });
  await waitForStatus(page, 'finished');
  await page.getByTestId('preset-seed').click();
  await expect(page.getByTestId('param-expr')).toHaveValue('5*x1^3 + 10*x2^2 + 2*x3');
  await expect.poll(() => new URL(page.url()).search).toBe('');
  // The URL changes at once; wait for the seed run itself (d = 10; iris has 4), not iris's finished state.
  await expect(page.getByTestId('heatmap')).toHaveAttribute('data-d', '10');
  await waitForStatus(page, 'finished');
  const rows = await readMetrics(page);
  expect(rows.at(-1)!.testMse).toBeLessThan(rows[0]!.testMse / 5);
});
