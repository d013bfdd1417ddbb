/**
 * Accessibility: axe-core finds no serious or critical violations on any preset (each after one short
 * run, so the suite stays CI-sized), after a finished run of the default demo, and in dark mode.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
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

test('axe finds no serious or critical violations on the lin-RFM phase transition with its values shown', async ({
  page,
}) => {
  await openApp(page, { preset: 'matrix-completion', linrfm: 'phase', rows: 12, cols: 12, iters: 2 });
  await waitForStatus(page, 'finished');
  await page.getByTestId('phase-values').getByText('Show values').click();
  expect(await seriousViolations(page)).toEqual([]);
});

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
