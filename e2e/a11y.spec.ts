/**
 * Accessibility: axe-core finds no serious or critical violations on any preset (each after one short
 * run, so the suite stays CI-sized; or at the end of the preset's own test, e2e/axe.ts
 * SCANNED_IN_THEIR_OWN_TESTS), on three of them at a phone's width, after a finished run of the
 * default demo, and in dark mode. The seed preset is scanned in light and dark in one test; the presets whose
 * value tables are checked here (grokking, text, digits) in those tests, before and after their tables open.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PRESET_NAMES, type PresetName } from '../src/params/schema';
import { expectNoSeriousViolations, SCANNED_IN_THEIR_OWN_TESTS } from './axe';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

/** Scanned here: every other preset, and iris again at phone width. */
type ScannedHere = Exclude<PresetName, keyof typeof SCANNED_IN_THEIR_OWN_TESTS> | 'iris';

/**
 * Each preset scanned here with small overrides so that one short run shows its own panels (the grokking, text and
 * tabular views appear only once data is loaded). The csv preset waits for a file: it is checked idle.
 */
const SMALL: Record<ScannedHere, Record<string, string | number>> = {
  seed: { n: 300, ntest: 100, iters: 1 },
  grokking: { p: 23, iters: 1 },
  text: { n: 400, ntest: 200, iters: 1 },
  iris: { iters: 1 },
  digits: { n: 300, ntest: 100, iters: 1 },
  csv: {},
  'nfa-grokking': { p: 11, iters: 1, nnepochs: 2 },
  'matrix-completion-schatten': { rows: 40, cols: 40, rank: 2, observed: 0.4, iters: 2 },
};

/**
 * Opens a preset with its short run, waits for it to finish (the csv preset, which waits for a file: for its
 * backend) and scans the page. `where` names the setting in the log.
 */
async function scannedPreset(page: Page, preset: ScannedHere, where = ''): Promise<void> {
  await openApp(page, { preset, ...SMALL[preset] });
  if (preset === 'csv') await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
  else await waitForStatus(page, 'finished');
  await expectNoSeriousViolations(page, `${preset}${where}`);
}

/** Scanned with their value tables below (the seed preset in light and dark). */
const SCANNED_BELOW = new Set<PresetName>(['seed', 'grokking', 'text', 'digits']);

const scannedHere = (name: PresetName): name is ScannedHere => !(name in SCANNED_IN_THEIR_OWN_TESTS);
for (const preset of PRESET_NAMES.filter(scannedHere).filter((name) => !SCANNED_BELOW.has(name))) {
  test(`axe finds no serious or critical violations on the ${preset} preset`, async ({ page }) => {
    await scannedPreset(page, preset);
  });
}

test.describe('on a 390 x 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  for (const preset of ['seed', 'iris', 'grokking'] as const) {
    test(`axe finds no serious or critical violations on the ${preset} preset at phone width`, async ({ page }) => {
      await scannedPreset(page, preset, ' at 390 px');
    });
  }
});

test('axe finds no serious or critical violations on the lin-RFM phase transition with its values shown', async ({
  page,
}) => {
  await openApp(page, { preset: 'matrix-completion', linrfm: 'phase', rows: 12, cols: 12, iters: 2 });
  await waitForStatus(page, 'finished');
  await page.getByTestId('phase-values').getByText('Show values').click();
  await expectNoSeriousViolations(page, 'lin-RFM phase grid, values shown');
});

test('axe finds no serious or critical violations on the seed preset after a finished run, in light and dark', async ({
  page,
}) => {
  await scannedPreset(page, 'seed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, 'seed, dark');
});

test('axe finds no serious or critical violations in the embed view, with every control shown', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 600 });
  await page.goto('/?embed&controls=all&n=300&ntest=100&iters=2');
  await expect(page.locator('[data-run-state="finished"]')).toBeVisible({ timeout: 150_000 });
  await expectNoSeriousViolations(page, 'embed');
});

/** The numbers of a values table's body cells (row headers left out). */
async function tableNumbers(details: Locator): Promise<number[]> {
  const cells = await details.locator('table tbody td').allInnerTexts();
  return cells.map(Number);
}

/** Opens a chart's "Show values" from the keyboard: focus its summary, press Enter. */
async function openValues(page: Page, testId: string, within: Page | Locator = page): Promise<Locator> {
  const details = within.getByTestId(testId);
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  return details;
}

const numberAttribute = async (element: Locator, name: string) => Number(await element.getAttribute(name));

/** A table's figure agrees with the chart's own to the 3 significant digits the table prints. */
function expectAgrees(tabled: number, drawn: number): void {
  expect(Math.abs(tabled - drawn) / Math.abs(drawn)).toBeLessThan(5e-3);
}

test('axe finds no serious or critical violations on the grokking preset, and the a-b block values are the block the heatmap draws, 16 x 16 at a time, by keyboard', async ({
  page,
}) => {
  await scannedPreset(page, 'grokking');
  const panel = page.getByRole('region', { name: 'a-b block of M' });
  const details = await openValues(page, 'ab-values', panel);
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
  const drawnMax = await numberAttribute(panel.getByTestId('heatmap'), 'data-max');
  expectAgrees(Math.max(...values), drawnMax);
  // The circulant panel's table has a row per iteration (0 and 1).
  const circulant = await openValues(page, 'circulant-values');
  await expect(circulant.locator('tbody tr')).toHaveCount(2);
  await expectNoSeriousViolations(page, 'grokking, values shown');
});

test('axe finds no serious or critical violations on the text preset, and its panel values are the position x character weights it draws', async ({
  page,
}) => {
  await scannedPreset(page, 'text');
  const heatmap = page.getByTestId('text-feature-heatmap');
  const rows = await numberAttribute(heatmap, 'data-rows');
  const columns = await numberAttribute(heatmap, 'data-columns');
  const details = await openValues(page, 'text-values');
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
  const drawnMax = await numberAttribute(heatmap, 'data-max');
  expectAgrees(Math.max(...values), drawnMax);
  // Position shares: one row per iteration, each summing to 1.
  const shares = details.getByRole('region', { name: /share of trace\(M\) by position/ });
  await expect(shares.locator('tbody tr')).toHaveCount(2);
  const last = (await shares.locator('tbody tr').last().locator('td').allInnerTexts()).map(Number);
  expect(last).toHaveLength(rows);
  expect(last.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  await expectNoSeriousViolations(page, 'text, values shown');
});

test('axe finds no serious or critical violations on the digits preset, and its image values are the pixels of the diagonal image it draws', async ({
  page,
}) => {
  await scannedPreset(page, 'digits');
  const grid = page.getByTestId('image-views');
  const width = await numberAttribute(grid, 'data-width');
  const height = await numberAttribute(grid, 'data-height');
  const details = await openValues(page, 'image-values');
  await expect(details.getByTestId('values-matrix')).toHaveValue('diag');
  const table = details.getByRole('region', { name: /^diag\(M\), iteration 1/ });
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(height, 16));
  await expect(table.locator('tbody tr').first().locator('td')).toHaveCount(Math.min(width, 16));
  const values = await tableNumbers(details);
  const drawnMaxAbs = await numberAttribute(page.getByTestId('image-view-diag').locator('canvas'), 'data-max-abs');
  if (width <= 16 && height <= 16) expectAgrees(Math.max(...values.map(Math.abs)), drawnMaxAbs);
  // M itself (d = width x height): its diagonal, then the whole matrix 16 x 16 entries at a time.
  const m = await openValues(page, 'matrix-values');
  await expect(m.getByRole('region', { name: 'M at iteration 1, diagonal values' }).locator('tbody tr')).toHaveCount(
    width * height,
  );
  const blocks = m.getByRole('region', { name: `M at iteration 1 (${width * height} × ${width * height}) values` });
  await expect(blocks.locator('tbody tr')).toHaveCount(16);
  // The first eigenvector is one choice away.
  await details.getByTestId('values-matrix').selectOption('eig1');
  await expect(details.getByRole('region', { name: /^eigenvector 1/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'digits, values shown');
});
