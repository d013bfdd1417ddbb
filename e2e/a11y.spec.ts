/**
 * Accessibility: axe-core finds no serious or critical violations on any preset (loaded, not trained to
 * the end, so the suite stays CI-sized), after one finished run of the default demo, and in dark mode.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PRESET_NAMES } from '../src/params/schema';
import { openApp, waitForStatus } from './helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const preset of PRESET_NAMES) {
  test(`axe finds no serious or critical violations on the ${preset} preset`, async ({ page }) => {
    await openApp(page, { preset, autoplay: 0 });
    await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
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
