/**
 * The scaling test, as a person runs it: one click sweeps d for the seed target, RFM ends below the plain
 * Laplace kernel at the largest d, and clicking a point of the chart shows that point's M.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';
import { expectNoSeriousViolations } from './axe';

replayed(test);

test('the scaling preset sweeps d and RFM beats the plain kernel at the largest d', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('preset-scaling').click();
  await expect(page.getByTestId('sweep-values')).toContainText('d = 5, 20, 35, 50, 65, 80');
  const started = Date.now();
  await waitForStatus(page, 'finished');
  const seconds = (Date.now() - started) / 1000;

  const summary = page.getByTestId('sweep-summary');
  await expect(summary).toHaveAttribute('data-value-last', '80');
  const rfm = Number(await summary.getAttribute('data-rfm-last'));
  const baseline = Number(await summary.getAttribute('data-baseline-last'));
  console.log(`scaling sweep: ${seconds.toFixed(1)} s; at d = 80 RFM test MSE ${rfm}, baseline ${baseline}`);
  expect(rfm).toBeGreaterThan(0);
  expect(rfm).toBeLessThan(baseline);

  // One line per model, each ending at the largest d.
  const chart = page.getByTestId('sweep-chart');
  await expect(chart).toHaveAttribute('data-series-count', '3');
  expect(Number(await chart.locator('path[data-series="rfm"]').getAttribute('data-last-y'))).toBe(rfm);
  expect(Number(await chart.locator('path[data-series="baseline"]').getAttribute('data-last-y'))).toBe(baseline);

  // Until a point is picked the latest is shown; clicking the first point of the chart shows its M.
  const panel = page.getByTestId('sweep-heatmap');
  await expect(panel).toHaveAttribute('data-d', '80');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.locator('circle').first().boundingBox();
  if (!box) throw new Error('the chart has no dots');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(panel).toHaveAttribute('data-value', '5');
  await expect(panel.getByTestId('heatmap')).toHaveAttribute('data-d', '5');
  await expect(page.getByTestId('sweep-heatmap-caption')).toContainText(/x1|x2|x3/);

  // The list below the chart picks a point too.
  await page.getByTestId('sweep-point-2').click();
  await expect(panel.getByTestId('heatmap')).toHaveAttribute('data-d', '35');
  await page.screenshot({ path: 'test-results/scaling.png', fullPage: true });
  await expectNoSeriousViolations(page, 'scaling');
});
