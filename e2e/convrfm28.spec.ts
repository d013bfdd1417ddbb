/**
 * ConvRFM on full-size 28 x 28 digits in the built app (docs/convrfm.md, "Speed and size"): 3 x 3 patches make
 * P = 676 positions, 4.7 times the 14 x 14 preset's, and the run must still train in the worker. (A size whose
 * iteration would take minutes is refused before it starts: convrfm.spec.ts, on a recorded run.)
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForRunState } from './helpers';

test('the convrfm preset trains on 28 x 28 digits (P = 676) and shows 26 x 26 feature maps', async ({ page }) => {
  test.setTimeout(600_000);
  await openApp(page, { preset: 'convrfm', px: 28, iters: 1, deep: 0 });
  await waitForRunState(page, 'finished', 540_000);
  await expect(page.getByTestId('run-status')).toContainText('iteration 1/1');
  const maps = page.getByRole('region', { name: 'feature maps' });
  await expect(maps.getByRole('img', { name: /^filter \d \(.+\), 26 x 26$/ })).toHaveCount(4);
  const text = (await page.getByTestId('conv-accuracy-conv').textContent()) ?? '';
  const accuracy = Number(/(\d+\.\d)%/.exec(text)?.[1]) / 100;
  const ms = Number(await page.getByTestId('conv-iteration-time').getAttribute('data-ms'));
  console.log(`convrfm 28 x 28 e2e: ConvRFM test accuracy ${accuracy}, ${ms} ms per iteration`);
  expect(accuracy).toBeGreaterThan(0.8);
  expect(ms).toBeGreaterThan(0);
});
