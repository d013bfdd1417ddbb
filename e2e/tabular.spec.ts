/**
 * Real tabular data in the built app: the Iris preset trains to >= 90% test accuracy with its confusion
 * matrix on screen, and the CSV preset turns away malformed files with errors that name the row and the
 * column, then trains on a good file (e2e/faults.spec.ts checks that a bad file never replaces a good one).
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, readMetrics, waitForStatus } from './helpers';
import { replayed } from './replay';
import { expectNoSeriousViolations } from './axe';

replayed(test);

async function openIdle(page: Page): Promise<void> {
  await openApp(page, { autoplay: 0 });
  await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
}

function csvFile(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

test('the Iris preset trains to test accuracy of at least 0.9 and shows its confusion matrix', async ({ page }) => {
  await openIdle(page);
  await page.getByTestId('preset-iris').click();
  await waitForStatus(page, 'finished');

  const rows = await readMetrics(page);
  expect(rows).toHaveLength(4);
  const last = page.getByTestId(`metrics-row-${rows.length - 1}`);
  expect(Number(await last.getAttribute('data-test-acc'))).toBeGreaterThanOrEqual(0.9);

  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toBeVisible();
  await expect(matrix).toHaveAttribute('data-c', '3');
  await expect(matrix).toHaveAttribute('data-total', '45');
  expect(Number(await matrix.getAttribute('data-correct'))).toBeGreaterThanOrEqual(41);
  const setosa = matrix.locator('rect[data-true="setosa"][data-predicted="setosa"]');
  await expect(setosa).toHaveCount(1);
  // Three classes: every cell is large enough to write its count, the zeros included.
  const setosaCount = await setosa.getAttribute('data-count');
  await expect(setosa.locator('title')).toHaveText(new RegExp(`^true setosa, predicted setosa: ${setosaCount} `));
  const counts = matrix.getByTestId('confusion-counts').locator('text');
  await expect(counts).toHaveCount(9);
  expect((await counts.allTextContents()).map(Number).reduce((a, b) => a + b, 0)).toBe(45);
  await expect(page.getByTestId('accuracy-chart-tabular')).toBeVisible();
  const features = page.getByTestId('feature-importance');
  await expect(features).toHaveAttribute('data-count', '4');
  await expect(features).toHaveAttribute('data-top', /^(sepal|petal)_(length|width)$/);
  await page.screenshot({ path: 'test-results/tabular-iris.png', fullPage: true });
  await expectNoSeriousViolations(page, 'iris');
});

test('a malformed CSV shows an error naming the row and column, and a good CSV then trains', async ({ page }) => {
  await openIdle(page);
  await page.getByTestId('preset-csv').click();
  const input = page.getByTestId('csv-file');

  // A header that is no table is turned away on the spot and never replaces a file.
  await input.setInputFiles(csvFile('semicolons.csv', 'x1;x2;y\n1;2;3\n'));
  await expect(page.getByTestId('csv-error')).toContainText('separated by commas');
  await expect(page.getByTestId('csv-current')).toContainText('No file yet');

  // A bad cell is found by the full check off the main thread, before the file replaces anything.
  await input.setInputFiles(csvFile('bad.csv', 'x1,x2,y\n1,2,3\n4,abc,6\n7,8,9\n'));
  await expect(page.getByTestId('csv-error')).toContainText('bad.csv, row 3, column "x2": "abc" is not a number');
  await expect(page.getByTestId('csv-current')).toContainText('No file yet');
  const banner = page.getByTestId('error-banner');

  // A good file trains: y = x1 + 2 x2.
  const lines = Array.from({ length: 200 }, (_, i) => {
    const x1 = Math.sin(i);
    const x2 = Math.cos(1.7 * i);
    return `${x1.toFixed(5)},${x2.toFixed(5)},${(x1 + 2 * x2).toFixed(5)}`;
  });
  await input.setInputFiles(csvFile('good.csv', ['x1,x2,y', ...lines].join('\n')));
  await waitForStatus(page, 'finished');
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('csv-current')).toContainText('good.csv (3 columns)');
  await expect(page.getByTestId('param-target')).toContainText('y (default)');
  const rows = await readMetrics(page);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.at(-1)!.testMse).toBeLessThan(0.05);
  await expect(page.getByTestId('feature-importance')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('confusion-matrix')).toHaveCount(0);
});
