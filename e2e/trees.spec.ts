/**
 * AGOP trees in the app (docs/trees.md): a CSV with more training rows than the leaf size trains as a tree,
 * one RFM per leaf, and the tree panel draws the splits and every leaf's M; a file of 1,000,000 rows is
 * refused with the figures instead of crashing the tab.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

/** y = 3 (x1 + x2)^2 + x3 over four features, deterministic. */
function regressionCsv(rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) => {
    const x = [Math.sin(1.3 * i), Math.cos(0.7 * i), Math.sin(0.37 * i + 1), Math.cos(2.1 * i)];
    const y = 3 * (x[0]! + x[1]!) ** 2 + x[2]!;
    return [...x, y].map((v) => v.toFixed(4)).join(',');
  });
  return ['x1,x2,x3,x4,y', ...lines].join('\n');
}

test('a CSV over the leaf size trains as a tree: four leaves, each with its M and test error', async ({ page }) => {
  // 1,000 rows, 800 of them training rows at the default test share: leaves of at most 200 make 4.
  await openApp(page, { preset: 'csv', iters: 1, leaf: 200 });
  await page.getByTestId('csv-file').setInputFiles({
    name: 'rows.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(regressionCsv(1000), 'utf8'),
  });
  await expect(page.getByTestId('csv-current')).toContainText('Training on rows.csv');
  await waitForStatus(page, 'finished', 300_000);
  const chart = page.getByTestId('tree-chart');
  await expect(chart).toHaveAttribute('data-leaves', '4');
  await expect(chart).toHaveAttribute('data-trained', '4');
  await expect(chart.locator('g[data-leaf]')).toHaveCount(4);
  await expect(chart.locator('g[data-node]')).toHaveCount(3);
  const leafRows = await chart
    .locator('g[data-leaf]')
    .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-rows'))));
  expect(leafRows).toEqual([200, 200, 200, 200]);
  await expect(page.getByTestId('tree-caption')).toContainText(
    /4 leaves of 200–200 training rows .* 4 of 4 trained\. Tree test MSE/,
  );
  await expect(page.getByRole('region', { name: 'AGOP tree' })).toBeVisible();
  await page.screenshot({ path: 'test-results/trees.png', fullPage: true });
});

test('a file of 1,000,000 rows is refused with the figures, and the page stays usable', async ({ page }) => {
  await openApp(page, { preset: 'csv', iters: 1 });
  const text = `a,y\n${'1,2\n'.repeat(1_000_000)}`;
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: 'million.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('csv-error')).toContainText(
    'million.csv has 1,000,000 data rows; at most 250,000 can train here as a tree of RFMs',
    { timeout: 60_000 },
  );
  await expect(page.getByRole('heading', { name: 'RFM Explorer' })).toBeVisible();
});
