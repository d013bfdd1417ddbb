/**
 * Catapults (docs/catapults.md) in the built app, at CI size (n = 256, width 128, 60 SGD steps a run; the
 * preset itself is n = 512, width 256, 200 steps): the preset opens by its link, the worker posts every step so
 * the curves grow while it runs, and a person reads the loss per step in its values table, the spikes listed
 * under the chart (marked on it) for the runs past the edge, none for the small-step control, and a caption
 * that says so. The loss panel is written to /tmp/catapults-loss.png for a person to look at.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, valuesTable, waitForRunState } from './helpers';
import { replayed } from './replay';
import { expectNoSeriousViolations } from './axe';

// Five runs post every SGD step (317 events): at the recording's pace, capped at 20 ms, the replay took longer than training.
replayed(test, { maxGapMs: 2 });

const CI_SIZE = { preset: 'catapults', n: 256, ntest: 256, nnwidth: 128, sgdsteps: 60, backend: 'wasm' };
/** Batches 256 (512 clipped to n), 128, 32, 8 at 1.5 x the edge, then 32 at 0.5 x: 61 measured steps each. */
const RUNS = ['batch 256, 1.5 × edge', 'batch 128, 1.5 × edge', 'batch 32, 1.5 × edge', 'batch 8, 1.5 × edge'];
const CONTROL = 'batch 32, 0.5 × edge (control)';

test('catapults: the loss spikes past the edge, marked and listed, not at the small step, and the caption says so', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openApp(page, CI_SIZE);
  // The curves grow while the sweep runs: the first run's loss line is drawn before the last step is in.
  const firstLine = page.getByTestId('catapult-loss-chart').locator('path[data-series="run0"]');
  await expect(firstLine).toHaveAttribute('data-last-y', /\d/, { timeout: 120_000 });
  const statusWhileDrawn = await page.getByTestId('run-status').innerText();
  console.log(`catapults e2e: first curve drawn at "${statusWhileDrawn}"`);
  await waitForRunState(page, 'finished', 280_000);
  await expect(page.getByTestId('run-status')).toContainText('step 305/305');

  const rows = await valuesTable(page, 'catapult-loss-values', 'training loss per step values');
  expect(rows).toHaveLength(61);
  expect(Object.keys(rows[0]!)).toEqual(['step', ...RUNS, CONTROL]);
  expect(rows.map((r) => Number(r.step))).toEqual(Array.from({ length: 61 }, (_, t) => t));

  // The spikes as listed under the chart, and as marked on it (one triangle per spike at its peak).
  const list = page.getByRole('list', { name: 'loss spikes by run' });
  const spikesOf = async (run: string) =>
    Number(await list.locator(`li[data-run="${run}"]`).getAttribute('data-spikes'));
  const counts = await Promise.all([...RUNS, CONTROL].map(spikesOf));
  console.log(`catapults e2e: spikes by run ${[...RUNS, CONTROL].map((r, k) => `${r}: ${counts[k]}`).join('; ')}`);
  for (const [k, count] of counts.entries())
    await expect(page.getByTestId('catapult-loss-chart').locator(`path[data-mark="run${k}"]`)).toHaveCount(count);
  // Measured at this size (wasm, seed 1; experiments/catapultExperiment.test.ts): batch 32 at 1.5 x the edge
  // spikes (peak ~100x the loss before), at 0.5 x it does not.
  expect(counts[2]).toBeGreaterThanOrEqual(1);
  await expect(list.locator(`li[data-run="${RUNS[2]}"]`)).toContainText(/spike at steps \d+–\d+, peak/);
  expect(counts[4]).toBe(0);
  await expect(list.locator(`li[data-run="${CONTROL}"]`)).toContainText('no spike');

  // The caption: the verdict from these runs, whichever way the batch-size trend goes.
  const caption = page.getByRole('status', { name: 'catapults finding' });
  await expect(caption).toContainText('At 0.5 x the edge (batch 32) the loss does not spike');
  await expect(caption).toContainText(/Past the edge \d of 4 batch sizes spike/);
  await expect(caption).toContainText(
    /(As the paper says|Only partly as the paper says|Against the paper), smaller batches (give|do not give) (as many spikes or )?more/,
  );
  const text = (await caption.innerText()).trim();
  console.log(`catapults e2e caption: ${text}`);

  // The other panels read the same runs: the edge lines on the NTK panel, the sweep's points.
  await expect(page.getByTestId('catapult-ntk-chart').locator('path[data-series="edge1.5"]')).toHaveCount(1);
  await expect(page.getByTestId('catapult-spikes-chart').locator('path[data-series="control"]')).toHaveCount(1);

  // The loss panel's SVG export carries the curves and the spike marks.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SVG of loss' }).click();
  const svg = readFileSync((await (await download).path())!, 'utf8');
  expect(svg.match(/class="rfm-viz-mark"/g)?.length).toBe(counts.reduce((a, b) => a + b, 0));
  await expect(page.getByRole('button', { name: 'Download PNG of loss' })).toBeVisible();

  const panel = page.locator('[data-panel="loss"]');
  await panel.screenshot({ path: '/tmp/catapults-loss.png' });
  await page.locator('[data-panel="batches"]').screenshot({ path: '/tmp/catapults-batches.png' });
  await page.locator('[data-panel="ntk"]').screenshot({ path: '/tmp/catapults-ntk.png' });
  await expectNoSeriousViolations(page, 'catapults');
});

test('an embed shows the catapults in the loss and batch-size panels', async ({ page }) => {
  const query = new URLSearchParams(
    Object.entries({ ...CI_SIZE, n: 128, nnwidth: 32, sgdsteps: 20 }).map(([k, v]) => [k, String(v)]),
  );
  await page.goto(`/?embed&${query.toString()}`);
  await waitForRunState(page, 'finished', 170_000);
  const slots = page.locator('[data-panel]');
  expect(await slots.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.panel))).toEqual([
    'loss',
    'batches',
  ]);
  await expect(page.getByRole('status', { name: 'catapults finding' })).toContainText(
    /^Plain SGD on the two-layer network/,
  );
  await page.screenshot({ path: '/tmp/catapults-embed.png', fullPage: true });
});
