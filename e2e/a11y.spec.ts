/**
 * Accessibility: axe-core finds no serious or critical violations on any preset (each after one short
 * run, so the suite stays CI-sized), after a finished run of the default demo, and in dark mode.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PRESET_NAMES, type PresetName } from '../src/params/schema';
import { openApp, waitForStatus } from './helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Each preset with small overrides so that one short run shows its own panels (the grokking, text and
 * tabular views appear only once data is loaded). The csv preset waits for a file: it is checked idle.
 */
const SMALL: Record<PresetName, Record<string, string | number>> = {
  seed: { n: 300, ntest: 100, iters: 1 },
  scaling: { from: 5, to: 10, steps: 2, n: 200, ntest: 100, iters: 1 },
  grokking: { p: 13, iters: 1 },
  text: { n: 400, ntest: 200, iters: 1 },
  lowrank: { n: 400, ntest: 200, iters: 1 },
  boston: { iters: 1 },
  iris: { iters: 1 },
  digits: { n: 300, ntest: 100, iters: 1 },
  csv: {},
  'nfa-grokking': { p: 11, iters: 1, nnepochs: 2 },
  'nfa-tabular': { n: 200, ntest: 100, iters: 1, nnepochs: 2 },
  'matrix-completion': { rows: 40, cols: 40, rank: 2, observed: 0.4, iters: 2 },
  'sparse-recovery': { n: 30, d: 60, k: 3, iters: 2 },
};

for (const preset of PRESET_NAMES) {
  test(`axe finds no serious or critical violations on the ${preset} preset`, async ({ page }) => {
    await openApp(page, { preset, ...SMALL[preset] });
    if (preset === 'csv') await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
    else await waitForStatus(page, 'finished');
    const violations = await seriousViolations(page);
    console.log(`axe ${preset}: ${violations.length} serious/critical`);
    expect(violations).toEqual([]);
  });
}

test('axe finds no serious or critical violations after a finished run, in light and dark', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 2 });
  await waitForStatus(page, 'finished');
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe finds no serious or critical violations in the embed view, with every control shown', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 600 });
  await page.goto('/?embed&controls=all&n=300&ntest=100&iters=2');
  await expect(page.locator('[data-run-state="finished"]')).toBeVisible({ timeout: 150_000 });
  const violations = await seriousViolations(page);
  console.log(`axe embed: ${violations.length} serious/critical`);
  expect(violations).toEqual([]);
});

/** The numbers of a values table's body cells (row headers left out). */
async function tableNumbers(details: Locator): Promise<number[]> {
  const cells = await details.locator('table tbody td').allInnerTexts();
  return cells.map(Number);
}

test('the a-b block values are the block the heatmap draws, a 16 x 16 block at a time, by keyboard', async ({
  page,
}) => {
  await openApp(page, { preset: 'grokking', p: 23, iters: 1 });
  await waitForStatus(page, 'finished');
  const panel = page.getByRole('region', { name: 'a-b block of M' });
  const details = panel.getByTestId('ab-values');
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(details.getByTestId('values-rows')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(details.getByTestId('values-rows')).toBeFocused();
  const table = details.getByRole('region', { name: /M\[a, b\] at iteration 1 .*\(23 × 23\) values/ });
  await expect(table.locator('tbody tr')).toHaveCount(16);
  await expect(table.locator('tbody tr').first().locator('td')).toHaveCount(16);
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('a = 0');
  // All four blocks together hold the 23 x 23 entries, and their largest is the heatmap's largest.
  const values: number[] = [];
  for (const rows of ['0', '16'])
    for (const columns of ['0', '16']) {
      await details.getByTestId('values-rows').selectOption(rows);
      await details.getByTestId('values-columns').selectOption(columns);
      values.push(...(await tableNumbers(details)));
    }
  expect(values).toHaveLength(23 * 23);
  expect(values.every(Number.isFinite)).toBe(true);
  const drawnMax = Number(await panel.getByTestId('heatmap').getAttribute('data-max'));
  expect(Math.max(...values)).toBeCloseTo(drawnMax, 3);
  expect(Math.abs(Math.max(...values) - drawnMax) / Math.abs(drawnMax)).toBeLessThan(5e-3);
  // The circulant panel's table has a row per iteration (0 and 1).
  const circulant = page.getByTestId('circulant-values');
  await circulant.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(circulant.locator('tbody tr')).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the text panel values are the position x character weights it draws', async ({ page }) => {
  await openApp(page, { preset: 'text', n: 400, ntest: 200, iters: 1 });
  await waitForStatus(page, 'finished');
  const heatmap = page.getByTestId('text-feature-heatmap');
  const rows = Number(await heatmap.getAttribute('data-rows'));
  const columns = Number(await heatmap.getAttribute('data-columns'));
  const details = page.getByTestId('text-values');
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  const weights = details.getByRole('region', { name: /diag\(M\) at iteration 1: position × character/ });
  await expect(weights.locator('tbody tr')).toHaveCount(rows);
  const values: number[] = [];
  const blocks = columns > 16 ? await details.getByTestId('values-columns').locator('option').count() : 1;
  expect(blocks).toBe(Math.ceil(columns / 16));
  for (let b = 0; b < blocks; b++) {
    if (blocks > 1) await details.getByTestId('values-columns').selectOption(String(16 * b));
    values.push(...(await weights.locator('tbody td').allInnerTexts()).map(Number));
  }
  expect(values).toHaveLength(rows * columns);
  const drawnMax = Number(await heatmap.getAttribute('data-max'));
  expect(Math.abs(Math.max(...values) - drawnMax) / drawnMax).toBeLessThan(5e-3);
  // Position shares: one row per iteration, each summing to 1.
  const shares = details.getByRole('region', { name: /share of trace\(M\) by position/ });
  await expect(shares.locator('tbody tr')).toHaveCount(2);
  const last = (await shares.locator('tbody tr').last().locator('td').allInnerTexts()).map(Number);
  expect(last).toHaveLength(rows);
  expect(last.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the digits image values are the pixels of the diagonal image it draws', async ({ page }) => {
  await openApp(page, { preset: 'digits', n: 300, ntest: 100, iters: 1 });
  await waitForStatus(page, 'finished');
  const grid = page.getByTestId('image-views');
  const width = Number(await grid.getAttribute('data-width'));
  const height = Number(await grid.getAttribute('data-height'));
  const details = page.getByTestId('image-values');
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(details.getByTestId('values-matrix')).toHaveValue('diag');
  const table = details.getByRole('region', { name: /^diag\(M\), iteration 1/ });
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(height, 16));
  await expect(table.locator('tbody tr').first().locator('td')).toHaveCount(Math.min(width, 16));
  const values = await tableNumbers(details);
  const drawnMaxAbs = Number(await page.getByTestId('image-view-diag').locator('canvas').getAttribute('data-max-abs'));
  if (width <= 16 && height <= 16)
    expect(Math.abs(Math.max(...values.map(Math.abs)) - drawnMaxAbs) / drawnMaxAbs).toBeLessThan(5e-3);
  // M itself (d = width x height): its diagonal, then the whole matrix 16 x 16 entries at a time.
  const m = page.getByTestId('matrix-values');
  await m.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(m.getByRole('region', { name: 'M at iteration 1, diagonal values' }).locator('tbody tr')).toHaveCount(
    width * height,
  );
  const blocks = m.getByRole('region', { name: `M at iteration 1 (${width * height} × ${width * height}) values` });
  await expect(blocks.locator('tbody tr')).toHaveCount(16);
  // The first eigenvector is one choice away.
  await details.getByTestId('values-matrix').selectOption('eig1');
  await expect(details.getByRole('region', { name: /^eigenvector 1/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
