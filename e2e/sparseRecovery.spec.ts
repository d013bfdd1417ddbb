/**
 * lin-RFM's sparse recovery, trained for real: the engine's claim (the exact support, a small recovery
 * error) is what this tests, so it is not replayed like the lin-RFM views in linrfm.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';

test('sparse recovery finds exactly the true support', async ({ page }) => {
  await openApp(page, { preset: 'sparse-recovery' });
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('support-found')).toHaveAttribute('data-exact', 'true');
  expect(Number(await page.getByTestId('recovery-error').getAttribute('data-value'))).toBeLessThan(0.01);
});
