/**
 * Kept runs: two runs with different bandwidths are kept, overlaid and compared by their parameters; the
 * browser's back button returns to the earlier run; runs and an uploaded CSV survive a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

const runsRegion = (page: Page) => page.getByRole('region', { name: 'Runs' });
const runItems = (page: Page) => runsRegion(page).getByRole('list').first().getByRole('listitem');

/** The text of the file a click downloads. */
async function downloaded(page: Page, click: () => Promise<unknown>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test('two runs with different bandwidths are kept and overlaid, the diff names the bandwidth, back returns', async ({
  page,
}) => {
  await openApp(page, { n: 300, ntest: 100, iters: 2 });
  await waitForStatus(page, 'finished');
  await expect(runItems(page)).toHaveCount(1);

  await page.getByTestId('param-L').fill('3');
  await page.getByTestId('param-L').press('Enter');
  await expect(runItems(page)).toHaveCount(2, { timeout: 120_000 });
  await waitForStatus(page, 'finished');

  for (const box of await runsRegion(page)
    .getByRole('checkbox', { name: /^compare / })
    .all())
    await box.check();
  const comparison = runsRegion(page).getByRole('region', { name: 'comparison' });
  await expect(comparison.getByTestId('compare-error-chart')).toHaveAttribute('data-series-count', '2');
  await expect(comparison.getByTestId('compare-error-chart-legend').locator('li')).toHaveCount(2);
  const diff = comparison.getByRole('table', { name: 'parameters that differ' });
  await expect(diff.getByRole('row')).toHaveCount(2);
  await expect(diff.getByRole('rowheader')).toHaveText('bandwidth L (L)');
  // Ticked newest first (the list shows the newest run on top).
  await expect(diff.getByRole('cell')).toHaveText(['3', '10']);
  // Both final M, on one colour scale.
  const matrices = comparison.getByTestId('heatmap');
  await expect(matrices).toHaveCount(2);
  const bounds = await matrices.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-bound')));
  expect(bounds[0]).toBe(bounds[1]);

  // Back: the first run's view again (its bandwidth, its records), without training.
  await page.goBack();
  await expect(page.getByTestId('param-L')).toHaveValue('10');
  await expect(
    runsRegion(page)
      .getByRole('button', { name: /^open / })
      .last(),
  ).toHaveAttribute('aria-pressed', 'true');
  expect(new URL(page.url()).searchParams.get('L')).toBeNull();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'finished');
  // Forward: the second run.
  await page.goForward();
  await expect(page.getByTestId('param-L')).toHaveValue('3');
});

test('kept runs and an uploaded CSV are still there after a reload', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 1 });
  await waitForStatus(page, 'finished');
  await page.getByTestId('preset-csv').click();
  const lines = Array.from({ length: 120 }, (_, i) => {
    const x1 = Math.sin(i);
    const x2 = Math.cos(1.7 * i);
    return `${x1.toFixed(5)},${x2.toFixed(5)},${(x1 + 2 * x2).toFixed(5)}`;
  });
  await page.getByTestId('csv-file').setInputFiles({
    name: 'kept.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['x1,x2,y', ...lines].join('\n'), 'utf8'),
  });
  await expect(runItems(page)).toHaveCount(2, { timeout: 120_000 });
  const usage = Number(await runsRegion(page).getByTestId('runs-usage').getAttribute('data-bytes'));
  expect(usage).toBeGreaterThan(0);

  await page.reload();
  await expect(runItems(page)).toHaveCount(2);
  await expect(page.getByTestId('csv-current')).toContainText('kept.csv (3 columns)');
  // The same file is loaded: the kept CSV run opens instead of training and keeping it again (it did).
  await waitForStatus(page, 'finished');
  // Newest first: the CSV run heads the list.
  await expect(
    runItems(page)
      .first()
      .getByRole('button', { name: /^open / }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(1500);
  await expect(runItems(page)).toHaveCount(2);
  await expect(runsRegion(page).getByTestId('runs-usage')).toHaveAttribute('data-bytes', String(usage));
});

test('a reload shows the kept run of its experiment instead of training and keeping an identical one', async ({
  page,
}) => {
  await openApp(page, { n: 300, ntest: 100, iters: 1 });
  await waitForStatus(page, 'finished');
  await expect(runItems(page)).toHaveCount(1);
  for (let load = 0; load < 3; load++) {
    await page.reload();
    await waitForStatus(page, 'finished');
    // The kept run is open (its records shown), and the list did not grow (it held 4 runs after 3 reloads).
    await expect(runsRegion(page).getByRole('button', { name: /^open / })).toHaveAttribute('aria-pressed', 'true');
    await expect(runItems(page)).toHaveCount(1);
  }
  await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(2);
});

test('a sweep is kept as a run, exports its points, and a point can be pinned beside it', async ({ page }) => {
  await openApp(page, { sweep: 'L', from: 2, to: 10, steps: 2, n: 200, ntest: 100, iters: 1 });
  await waitForStatus(page, 'finished');
  // The sweep itself is kept (it was not), with its two points.
  await expect(runItems(page)).toHaveCount(1);
  await expect(runItems(page).first()).toContainText('finished, 2 points');
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.split('\n')[0]).toMatch(/^value,baseline_test_mse,final_test_mse/);
  expect(csv.trim().split('\n')).toHaveLength(3);
  await page.getByRole('button', { name: /^pin as run: the point L = / }).click();
  await expect(runItems(page)).toHaveCount(2);
  const pinned = runItems(page).filter({ hasText: 'sweep point' });
  await expect(pinned.getByRole('button', { name: /^pin / })).toHaveAttribute('aria-pressed', 'true');
});

test('a lin-RFM run is kept, exports JSON and CSV, and a reload opens it instead of training it again', async ({
  page,
}) => {
  await openApp(page, { preset: 'matrix-completion', rows: 30, cols: 30, rank: 2, observed: 0.5, iters: 4 });
  await waitForStatus(page, 'finished');
  await expect(runItems(page)).toHaveCount(1);
  await expect(runItems(page).first()).toContainText('finished, 4 iterations');
  const json = JSON.parse(
    await downloaded(page, () => page.getByRole('button', { name: 'Download JSON' }).click()),
  ) as {
    iterations: { iter: number; recovery_error: number }[];
  };
  expect(json.iterations.map((i) => i.iter)).toEqual([0, 1, 2, 3, 4]);
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.trim().split('\n')).toHaveLength(6);
  await page.reload();
  await waitForStatus(page, 'finished');
  await expect(runsRegion(page).getByRole('button', { name: /^open / })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('run-status')).toContainText('finished · iteration 4/4');
  await page.waitForTimeout(1500); // a retrain would start after the 300 ms debounce and be kept as a second run
  await expect(runItems(page)).toHaveCount(1);
});

test('a Deep RFM run is kept, exports JSON and CSV, and a reload opens it instead of training it again', async ({
  page,
}) => {
  // CI size (e2e/deeprfm.spec.ts), two layers: 10 digits per class, width 128.
  await openApp(page, { preset: 'neural-collapse', n: 100, rwidth: 128, depth: 2, backend: 'wasm' });
  await waitForStatus(page, 'finished');
  await expect(runItems(page)).toHaveCount(1);
  await expect(runItems(page).first()).toContainText('finished, 4 layers');
  const json = JSON.parse(
    await downloaded(page, () => page.getByRole('button', { name: 'Download JSON' }).click()),
  ) as { kind: string; layers: { layer: number; nc1_X: number }[]; control: { layers: unknown[] } };
  expect(json.kind).toBe('deep-rfm');
  expect(json.layers.map((l) => l.layer)).toEqual([1, 2]);
  expect(json.control.layers).toHaveLength(2);
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.trim().split('\n')).toHaveLength(5); // header + 2 layers x 2 stacks
  await expect(page.getByRole('button', { name: 'Download Python' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Download Python' })).toHaveAttribute(
    'title',
    /Deep RFM has no Python/,
  );
  await page.reload();
  await waitForStatus(page, 'finished');
  await expect(runsRegion(page).getByRole('button', { name: /^open / })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('run-status')).toContainText('layer 4/4');
  await expect(page.getByTestId('deep-top-eigenvalues')).toContainText('layer 2:');
  await runsRegion(page).screenshot({ path: '/tmp/runs-deep-reopened.png' }); // for a person to look at
  // The reopened run exports the same layers.
  const again = JSON.parse(
    await downloaded(page, () => page.getByRole('button', { name: 'Download JSON' }).click()),
  ) as typeof json;
  expect(again.layers.map((l) => l.nc1_X.toPrecision(6))).toEqual(json.layers.map((l) => l.nc1_X.toPrecision(6)));
  await page.waitForTimeout(1500); // a retrain would start after the 300 ms debounce and be kept as a second run
  await expect(runItems(page)).toHaveCount(1);
});

test('a ConvRFM run is kept and a reload opens it, filters and all, instead of training it again', async ({ page }) => {
  await openApp(page, { preset: 'convrfm', n: 60, ntest: 40, iters: 1, deep: 0 });
  await waitForStatus(page, 'finished');
  await expect(runItems(page)).toHaveCount(1);
  await expect(runItems(page).first()).toContainText('finished, 1 iteration');
  const caption = await page.getByTestId('conv-filters-caption').textContent();
  await page.reload();
  await waitForStatus(page, 'finished');
  await expect(runsRegion(page).getByRole('button', { name: /^open / })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('conv-filters-caption')).toHaveText(caption!);
  await expect(page.getByRole('region', { name: 'filters' }).getByTestId('conv-eigenvalue').first()).toBeVisible();
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.trim().split('\n').length).toBeGreaterThan(2); // iterations 0 and 1, and the comparisons
  await page.waitForTimeout(1500); // a retrain would start after the 300 ms debounce and be kept as a second run
  await expect(runItems(page)).toHaveCount(1);
});
