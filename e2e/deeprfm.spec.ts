/**
 * Deep RFM and neural collapse (docs/deeprfm.md) in the built app, at CI size (10 digits per class, width
 * 128, 6 layers; the preset itself is 50 per class and width 512): the preset opens by URL, the worker fills
 * the views layer by layer, NC1 of X falls over 100x with the AGOP and not without it, and the caption says
 * so. The Gram panel is written to /tmp/deep-gram.png for a person to look at.
 */
import { expect, test } from '@playwright/test';
import { openApp, valuesTable, waitForRunState } from './helpers';
import { replayed } from './replay';
import { expectNoSeriousViolations } from './axe';

replayed(test);

const CI_SIZE = { preset: 'neural-collapse', n: 100, rwidth: 128, depth: 6, backend: 'wasm' };

test('neural collapse: NC1 falls over 100x with the AGOP and rises without it, layer by layer', async ({ page }) => {
  await openApp(page, CI_SIZE);
  await waitForRunState(page, 'finished', 170_000);
  const rows = await valuesTable(page, 'nc1-values', 'NC1 by layer values');
  expect(rows).toHaveLength(6);
  const first = rows[0]!;
  const last = rows[5]!;
  const column = (row: Record<string, string>, prefix: string) =>
    Number(Object.entries(row).find(([key]) => key.startsWith(prefix))![1]);
  const [start, end] = [column(first, 'X_l (with'), column(last, 'X_l (with')];
  console.log(`NC1 of X: ${start} -> ${end}; control ${column(last, 'control')}`);
  expect(start / end).toBeGreaterThan(100);
  expect(column(last, 'control')).toBeGreaterThan(start);
  const caption = page.getByRole('status', { name: 'collapse finding' });
  await expect(caption).toContainText(/^NC1 fell from \S+ to \S+ in 6 layers; without the AGOP it rose to \S+\./);
  await expect(caption).toContainText('The AGOP collapses the classes');
  await expect(page.getByTestId('run-status')).toContainText('layer 12/12');
  // The spectrum of M_1 and the simplex panel read the same run.
  await expect(page.getByTestId('deep-top-eigenvalues')).toContainText('layer 6:');
  const gap = Number(await page.getByRole('status', { name: 'distance to the simplex' }).getAttribute('data-value'));
  expect(gap).toBeLessThan(0.2);
  // The Gram matrices at layer 1 and at layer 6: the scrubber moves both, the picture is kept for a person.
  const gram = page.getByRole('region', { name: 'Gram matrix of the features by class' });
  await expect(gram.getByRole('img', { name: /^with the AGOP: X_6, 100 x 100/ })).toBeVisible();
  await expect(gram.getByRole('img', { name: /^control \(M = I\): X_6/ })).toBeVisible();
  await gram.screenshot({ path: '/tmp/deep-gram.png' });
  await gram.getByRole('slider', { name: 'Deep RFM layer shown' }).first().fill('0');
  await expect(gram.getByRole('img', { name: /^with the AGOP: X_1, 100 x 100/ })).toBeVisible();
  await gram.screenshot({ path: '/tmp/deep-gram-layer1.png' });
  await expectNoSeriousViolations(page, 'neural-collapse');
});

test('an embed shows the collapse in two panels', async ({ page }) => {
  const query = new URLSearchParams(Object.entries({ ...CI_SIZE, depth: 3 }).map(([k, v]) => [k, String(v)]));
  await page.goto(`/?embed&${query.toString()}&panels=collapse,gram`);
  await waitForRunState(page, 'finished', 170_000);
  const slots = page.locator('[data-panel]');
  await expect(slots).toHaveCount(2);
  expect(await slots.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.panel))).toEqual([
    'collapse',
    'gram',
  ]);
  await expect(page.getByRole('status', { name: 'collapse finding' })).toContainText(
    /^NC1 fell from \S+ to \S+ in 3 layers/,
  );
  await page.screenshot({ path: '/tmp/deep-embed.png', fullPage: true });
});
