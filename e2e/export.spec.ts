/**
 * Everything leaves the page with its content: the run as JSON (test MSEs equal the table's), CSV and a
 * Python script (run with python3 + numpy where present: it matches the app to 1e-3), the command that
 * reproduces it, and the M panel as SVG (parses, holds the d x d cells, axis labels and title) and PNG (2x).
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { hasNumpy, openApp, readMetrics, waitForRunState } from './helpers';
import { replayed } from './replay';

replayed(test);

const SMALL = { n: 300, ntest: 100, iters: 2 };

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('the run downloads as JSON, CSV and Python, and its command reproduces it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, SMALL);
  await waitForRunState(page, 'finished');
  const table = await readMetrics(page);
  expect(table).toHaveLength(3);

  const json = await downloaded(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
  expect(json.name).toBe('rfm-seed.json');
  const result = JSON.parse(json.bytes.toString('utf8'));
  expect(result.preset).toBe('seed');
  expect(result.params.n).toBe(300);
  expect(result.data).toMatchObject({ n_train: 300, n_test: 100, d: 10, c: 1 });
  expect(result.iterations.map((r: { test_mse: number }) => r.test_mse)).toEqual(table.map((r) => r.testMse));
  expect(result.iterations[2].M).toHaveLength(10);

  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  const [header, ...rows] = csv.bytes.toString('utf8').trim().split('\n');
  const columns = header!.split(',');
  expect(columns).toContain('solve_ms');
  expect(rows.map((row) => Number(row.split(',')[columns.indexOf('test_mse')]))).toEqual(table.map((r) => r.testMse));

  await page.getByRole('button', { name: 'Copy command' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'npx rfm preset seed --set n=300 --set ntest=100 --set iters=2 --out result.json',
  );

  const python = await downloaded(page, () => page.getByRole('button', { name: 'Download Python' }).click());
  expect(python.name).toBe('rfm-seed.py');
  const script = python.bytes.toString('utf8');
  expect(script).toContain('torch');
  expect(script).toContain('xRFM');
  test.skip(!hasNumpy, 'python3 with numpy is not installed');
  const run = spawnSync('python3', ['-'], { input: script, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const rel = run.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.trim().split(/\s+/)[4]));
  expect(rel).toHaveLength(3);
  for (const r of rel) expect(r, run.stdout).toBeLessThan(1e-3);
});

test('a panel downloads as a vector SVG with its cells, labels and title, and as a 2x PNG', async ({ page }) => {
  await openApp(page, SMALL);
  await waitForRunState(page, 'finished');
  const svg = await downloaded(page, () => page.getByRole('button', { name: 'Download SVG of m' }).click());
  expect(svg.name).toBe('rfm-seed-m.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      cells: doc.querySelectorAll('g.cells rect').length,
      texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? ''),
      fonts: doc.querySelectorAll('text[style*="font-family"]').length,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.errors).toBe(0);
  expect(parsed.cells).toBe(100); // d = 10
  expect(parsed.texts).toEqual(expect.arrayContaining(['Feature matrix M', 'x1', 'x10', 'M at iteration 2']));
  expect(parsed.fonts).toBeGreaterThan(10);

  const errorSvg = await downloaded(page, () => page.getByRole('button', { name: 'Download SVG of error' }).click());
  expect(errorSvg.bytes.toString('utf8')).toMatch(/<path[^>]+d="M/); // the curves are paths
  expect(errorSvg.bytes.toString('utf8')).toContain('test MSE'); // the legend

  const png = await downloaded(page, () => page.getByRole('button', { name: 'Download PNG of m' }).click());
  expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = png.bytes.readUInt32BE(16);
  const panelWidth = await page.locator('[data-panel="m"] .panel').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBe(2 * Math.ceil(panelWidth));
});

test('a CSV run names its file in the command, the JSON and the shared link, and drops the seed target', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, { preset: 'csv', iters: 2, autoplay: 0 });
  const lines = Array.from({ length: 120 }, (_, i) => `${Math.sin(i).toFixed(4)},${Math.cos(i).toFixed(4)},${i % 3}`);
  await page.getByTestId('csv-file').setInputFiles({
    name: 'my data.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['a,b,y', ...lines].join('\n')),
  });
  await waitForRunState(page, 'finished');

  await page.getByRole('button', { name: 'Copy command' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "npx rfm preset csv --set iters=2 --set task=classification --csv 'my data.csv' --out result.json",
  );
  const json = JSON.parse(
    (await downloaded(page, () => page.getByRole('button', { name: 'Download JSON' }).click())).bytes.toString(),
  );
  expect(json.data.file).toBe('my data.csv');
  for (const key of ['expr', 'd', 'n', 'ntest', 'dist', 'noise']) expect(json.params, key).not.toHaveProperty(key);

  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'link', exact: true }).inputValue();
  // The link opened by someone else: a browser context of its own, without the sender's kept runs (in the
  // sender's context, a kept run of the same experiment may open instead, depending on when it was saved).
  const stranger = await browser.newContext();
  const opened = await stranger.newPage();
  await opened.goto(link);
  await expect(opened.getByTestId('csv-shared')).toContainText(
    'This link shares a run on my data.csv: its rows stayed on the sender’s machine',
  );
  await stranger.close();
});

/** The script's printed rows (lines that start with a number followed by a number). */
const printedRows = (output: string) =>
  output
    .split('\n')
    .filter((line) => /^\s*[-\d.e+]+\s+[-+.\de]+(\s|$)/.test(line))
    .map((line) => line.trim().split(/\s+/));

test('a sweep downloads as a Python script that reruns every point beside the app’s numbers', async ({ page }) => {
  await openApp(page, { sweep: 'L', from: 2, to: 10, steps: 2, n: 200, ntest: 100, iters: 1 });
  await waitForRunState(page, 'finished');
  const button = page.getByRole('button', { name: 'Download Python' });
  await expect(button).toBeEnabled();
  await expect(button).toHaveAttribute('title', /runs the RFM once per swept value/);
  const python = await downloaded(page, () => button.click());
  expect(python.name).toBe('rfm-seed.py');
  const script = python.bytes.toString('utf8');
  expect(script).toContain('SWEPT = "L"');
  expect(script.match(/x_fit=/g)).toHaveLength(1); // a sweep of L trains both points on one data set
  test.skip(!hasNumpy, 'python3 with numpy is not installed');
  const run = spawnSync('python3', ['-'], { input: script, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const rows = printedRows(run.stdout);
  expect(
    rows.map((r) => Number(r[0])),
    run.stdout,
  ).toEqual([2, 10]);
  // baseline, final and best test MSE beside the app's (float32 in the browser, float64 in numpy)
  for (const r of rows)
    for (const [mine, app] of [
      [r[1], r[2]],
      [r[3], r[4]],
      [r[6], r[7]],
    ])
      expect(Math.abs(Number(mine) - Number(app)) / Number(app), run.stdout).toBeLessThan(1e-3);
});

test('a lin-RFM run downloads as a Python script with its problem inline, also once reopened after a reload', async ({
  page,
}) => {
  await openApp(page, { preset: 'matrix-completion', rows: 30, cols: 30, rank: 2, observed: 0.5, iters: 4 });
  await waitForRunState(page, 'finished');
  const button = page.getByRole('button', { name: 'Download Python' });
  await expect(button).toHaveAttribute('title', /runs lin-RFM with the same s and iterations/);
  await button.hover();
  await page.getByRole('region', { name: 'export the run' }).screenshot({ path: '/tmp/export-linrfm.png' });
  const first = (await downloaded(page, () => button.click())).bytes.toString('utf8');
  expect(first).toContain('TRUTH = (');
  expect(first).toContain('ROWS, COLS, RANK = 30, 30, 2');
  // The kept run, reopened after a reload without training again, writes the same problem.
  await page.reload();
  await waitForRunState(page, 'finished');
  const reopened = (await downloaded(page, () => button.click())).bytes.toString('utf8');
  expect(reopened.split('TRUTH = ')[1]).toBe(first.split('TRUTH = ')[1]);
  test.skip(!hasNumpy, 'python3 with numpy is not installed');
  for (const script of [first, reopened]) {
    const run = spawnSync('python3', ['-'], { input: script, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const rows = printedRows(run.stdout);
    expect(
      rows.map((r) => Number(r[0])),
      run.stdout,
    ).toEqual([0, 1, 2, 3, 4]);
    // Both float64 (the runs store keeps a record's scalars as they are: store/runs/keptResults.ts).
    for (const r of rows) expect(Number(r[3]), run.stdout).toBeLessThan(1e-9);
    expect(run.stdout).toMatch(/nuclear-norm baseline: error/);
  }
});
