/**
 * Share links carry the view, not only the parameters: a link restores the iteration shown, hide-diagonal and
 * the panels, and opens the run this browser kept; invalid view values in a link are dropped with a notice
 * and left out of the links the page then shares. (Moved from embed.spec.ts: what the page makes of a link
 * is UI, so these tests replay their runs.)
 */
import { expect, test } from '@playwright/test';
import { waitForRunState } from './helpers';
import { replayed } from './replay';

replayed(test);

const SMALL = 'n=300&ntest=100&iters=2';

test('a share link restores the view exactly: parameters, iteration shown, hide-diagonal and panels', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await page.goto(`/?${SMALL}&panels=m,error,table`);
  await waitForRunState(page, 'finished');
  await page.getByTestId('iteration-scrubber').fill('1');
  await page.getByTestId('hide-diagonal').check();
  await page.getByRole('button', { name: 'Share' }).click();
  const linkField = page.getByRole('textbox', { name: 'link', exact: true });
  const link = await linkField.inputValue();
  expect(link).toContain('panels=m,error,table');
  expect(link).toMatch(/[?&]it=1(&|$)/);
  expect(link).toContain('hidediag=on');
  await page.getByRole('button', { name: 'copy link', exact: true }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.getByRole('textbox', { name: 'classroom link' })).toHaveValue(
    /classroom=1&hide=presets,data,model,backend/,
  );
  await expect(page.getByRole('textbox', { name: 'iframe snippet' })).toHaveValue(
    /<iframe data-rfm-explorer src="[^"]*embed=1/,
  );
  await expect(page.getByRole('textbox', { name: 'custom element snippet' })).toHaveValue(
    /<rfm-explorer [^>]*panels="m,error,table"/,
  );
  const heatmap = await page.getByTestId('heatmap').evaluate((el) => [el.dataset.min, el.dataset.max]);

  const copy = await context.newPage();
  await copy.goto(link);
  await waitForRunState(copy, 'finished');
  await expect(copy.getByTestId('scrubber-label')).toContainText('iteration 1');
  await expect(copy.getByTestId('hide-diagonal')).toBeChecked();
  expect(
    await copy.locator('[data-panel]').evaluateAll((els) => els.map((el) => el.getAttribute('data-panel'))),
  ).toEqual(['m', 'error', 'table']);
  await expect(copy.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(3);
  // The link opens the run this browser kept (stored as float32), not a retrained one: the same M to float32.
  const copied = await copy.getByTestId('heatmap').evaluate((el) => [el.dataset.min, el.dataset.max]);
  for (const [i, value] of copied.entries()) expect(Number(value)).toBeCloseTo(Number(heatmap[i]), 6);
});

test('invalid view values in a link are dropped with a notice, and left out of the share links', async ({ page }) => {
  await page.goto(`/?${SMALL}&panels=m,bogus&it=abc&controls=some`);
  await expect(page.getByTestId('error-banner')).toContainText('bogus');
  await waitForRunState(page, 'finished');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('share-notice')).toContainText('bogus');
  const link = await page.getByRole('textbox', { name: 'link', exact: true }).inputValue();
  expect(link).not.toMatch(/bogus|it=|controls=/);
});
