import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
test('measure 500x500', async ({ page }) => {
  test.setTimeout(600_000);
  const q = JSON.parse(process.env.MEASURE ?? '{}') as Record<string, number>;
  await openApp(page, { preset: 'matrix-completion', ...q });
  await waitForStatus(page, 'finished', 590_000);
  const ms = await page.evaluate(() => {
    const s = performance.getEntriesByName('rfm-run-started')[0]!.startTime;
    const f = performance.getEntriesByName('rfm-run-finished').at(-1)!.startTime;
    return f - s;
  });
  const err = await page.getByTestId('recovery-error').getAttribute('data-value');
  const caption = await page.getByRole('region', { name: 'recovery error' }).innerText();
  console.log('MEASURE', JSON.stringify(q), 'ms', Math.round(ms), 'error', err, caption.replace(/\n/g, ' ').slice(-200));
  await page.setViewportSize({ width: 1400, height: 1800 });
  await page.screenshot({ path: '/tmp/l12/shot.png', fullPage: true });
  expect(err).not.toBeNull();
});
