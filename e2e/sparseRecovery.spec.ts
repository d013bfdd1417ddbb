/**
 * lin-RFM trained for real: sparse recovery's exact support (the engine's claim). The lin-RFM views and the
 * Run phase transition button are tested on recorded runs in linrfm.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { expectNoSeriousViolations } from './axe';

test('sparse recovery finds exactly the true support', async ({ page }) => {
  await openApp(page, { preset: 'sparse-recovery' });
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('support-found')).toHaveAttribute('data-exact', 'true');
  expect(Number(await page.getByTestId('recovery-error').getAttribute('data-value'))).toBeLessThan(0.01);
  await expectNoSeriousViolations(page, 'sparse-recovery');
});
