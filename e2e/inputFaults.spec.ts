/**
 * Bad input as a new user meets it, on recorded runs (e2e/replay.ts): each gets a message in words, the app
 * stays usable and the last good state (file, target, results) is kept. Each test failed before its fix.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, readMetrics, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

const csvFile = (name: string, text: string | Buffer) => ({
  name,
  mimeType: 'text/csv',
  buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

/** y = x1 + 2 x2 on `rows` rows. */
function goodCsv(rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) => {
    const x1 = Math.sin(i);
    const x2 = Math.cos(1.7 * i);
    return `${x1.toFixed(5)},${x2.toFixed(5)},${(x1 + 2 * x2).toFixed(5)}`;
  });
  return ['x1,x2,y', ...lines].join('\n');
}

/** The csv preset trained on good.csv, predicting x2 (a chosen target, not the default). */
async function trainOnGoodCsv(page: Page): Promise<void> {
  await openApp(page, { preset: 'csv', iters: 2, target: 'x2' });
  await page.getByTestId('csv-file').setInputFiles(csvFile('good.csv', goodCsv(120)));
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('param-target')).toHaveValue('x2');
}

test('a CSV that fails after its header never replaces the last good file, its results or the target', async ({
  page,
}) => {
  await trainOnGoodCsv(page);
  const before = await readMetrics(page);
  const bad: [string, string | Buffer, RegExp][] = [
    ['cell.csv', 'x1,x2,y\n1,2,3\n4,abc,6\n', /cell\.csv, row 3, column "x2": "abc" is not a number/],
    ['ragged.csv', 'x1,x2,y\n1,2,3\n4,5\n', /ragged\.csv, row 3: 2 values, but the header has 3 columns/],
    ['nan.csv', 'x1,x2,y\n1,2,3\n4,NaN,6\n', /nan\.csv, row 3, column "x2": the value is missing \(NaN\)/],
    ['inf.csv', 'x1,x2,y\n1,2,3\n4,Infinity,6\n', /inf\.csv, row 3, column "x2": "Infinity" is not a number/],
    ['empty.csv', 'x1,x2,y\n1,2,3\n4,,6\n', /empty\.csv, row 3, column "x2": the value is missing/],
    ['huge.csv', 'x1,x2,y\n1,2,3\n4,1e309,6\n', /huge\.csv, row 3, column "x2": 1e309 is too large/],
    ['quote.csv', 'x1,x2,y\n1,2,3\n4,"5,6\n', /quote\.csv, row 3: .*quote/i],
    [
      'binary.csv',
      Buffer.concat([Buffer.from('x1,x2,y\n'), Buffer.from([0, 159, 146, 150, 1, 2, 255, 10])]),
      /binary\.csv, row 2/,
    ],
  ];
  for (const [name, text, message] of bad) {
    await page.getByTestId('csv-file').setInputFiles(csvFile(name, text));
    await expect(page.getByTestId('csv-error')).toContainText(message);
    await expect(page.getByTestId('csv-error')).toContainText('Still using good.csv.');
  }
  await expect(page.getByTestId('csv-current')).toContainText('Training on good.csv');
  await expect(page.getByTestId('param-target')).toHaveValue('x2');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'finished');
  expect(await readMetrics(page)).toEqual(before);
});

test('text class labels train as classes, and a file over the row limit can be sampled', async ({ page }) => {
  // leaf=0: one kernel for the whole file, whose row limit (13,000 on wasm) a 20,001-row file is over (with
  // the default leaf size it would train as a tree of RFMs: trees.spec).
  await openApp(page, { preset: 'csv', iters: 1, task: 'classification', leaf: 0 });
  const labels = ['cat', 'dog', 'bird'];
  const rows = Array.from(
    { length: 90 },
    (_, i) => `${Math.sin(i).toFixed(4)},${(i % 3) + 0.1 * Math.cos(i)},${labels[i % 3]}`,
  );
  await page.getByTestId('csv-file').setInputFiles(csvFile('pets.csv', ['a,b,animal', ...rows].join('\n')));
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-c', '3');
  await expect(page.getByTestId('confusion-matrix').locator('rect[data-true="cat"]')).not.toHaveCount(0);

  await page.getByTestId('param-task').selectOption('regression');
  await waitForStatus(page, 'failed'); // text labels cannot be a regression target: the run says so
  await page.getByTestId('csv-file').setInputFiles(csvFile('long.csv', goodCsv(20_001)));
  await expect(page.getByTestId('csv-error')).toContainText('long.csv has 20,001 data rows');
  await page.getByRole('button', { name: 'Use a random 5,000 of its 20,001 rows' }).click();
  await expect(page.getByTestId('csv-current')).toContainText('long.csv (a random 5,000 of its 20,001 rows)');
  await expect(page.getByTestId('csv-error')).toHaveCount(0);
  await page.getByTestId('reset').click();
});

test('a wide CSV is refused with the numbers instead of sitting in the AGOP', async ({ page }) => {
  await trainOnGoodCsv(page);
  const header = [...Array.from({ length: 2000 }, (_, j) => `f${j}`), 'y'].join(',');
  const rows = Array.from({ length: 30 }, (_, i) =>
    Array.from({ length: 2001 }, (_, j) => ((i * 7 + j) % 11) / 10).join(','),
  );
  // The wide file has no x2: its target is named first (a missing target is refused before the size is read).
  await page.getByTestId('param-target').selectOption('y');
  await page.getByTestId('csv-file').setInputFiles(csvFile('wide.csv', [header, ...rows].join('\n')));
  await expect(page.getByTestId('csv-error')).toContainText('d = 2,000 input features is more than can train here');
  await expect(page.getByTestId('csv-current')).toContainText('Training on good.csv');
});

test('an expression that parses but fails on the inputs is refused in words and the run is kept', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 1 });
  await waitForStatus(page, 'finished');
  const before = await readMetrics(page);
  const input = page.getByTestId('param-expr');
  for (const [expression, message] of [
    ['1/0', 'The target 1/0 is Infinity at training point 1'],
    ['sqrt(-1)', 'The target sqrt(-1) is NaN at training point 1'],
    ['exp(1000)', 'The target exp(1000) is Infinity'],
  ]) {
    await input.fill(expression!);
    await input.press('Enter');
    await expect(page.getByTestId('expr-error')).toContainText(message!);
  }
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'finished');
  expect(await readMetrics(page)).toEqual(before);
});
