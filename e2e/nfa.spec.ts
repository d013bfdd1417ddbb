/**
 * The network beside the RFM, as a person sees it: the nfa-tabular preset (CI-sized: fewer points,
 * iterations and epochs) trains the RFM and then a relu network on x1 x2 in d = 20; the panel shows the
 * network's W^T W correlating with its own sqrt(AGOP) far above the initialisation baseline, and the
 * four feature heatmaps and the error charts side by side.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';

test('nfa-tabular: the network learns the features its AGOP predicts, far above the baseline', async ({ page }) => {
  // The full preset (n = 1000, 30 epochs) reaches ~0.96 against ~0.4; 8 epochs on 400 points already ~0.9.
  await openApp(page, { preset: 'nfa-tabular', n: 400, ntest: 200, iters: 2, nnepochs: 8 });
  await expect(page.getByTestId('param-model')).toHaveValue('rfm+nn');
  await waitForStatus(page, 'finished');

  const ansatz = page.getByRole('region', { name: 'neural feature ansatz' });
  const summary = ansatz.getByTestId('nfa-summary');
  await expect(summary).toHaveAttribute('data-epoch', '8');
  const corr = Number(await summary.getAttribute('data-nfa-corr'));
  const init = Number(await summary.getAttribute('data-nfa-corr-init'));
  expect(corr).toBeGreaterThan(0.85);
  expect(init).toBeLessThan(0.65);
  expect(corr - init).toBeGreaterThan(0.25);
  await expect(summary).toContainText(`corr ${corr.toFixed(2)}`);
  await expect(ansatz.getByRole('img', { name: 'correlation against network epoch' })).toBeVisible();

  const features = page.getByRole('region', { name: 'network features' });
  for (const name of ['network WᵀW', 'network (W−W₀)ᵀ(W−W₀)', 'network √AGOP', 'RFM M'])
    await expect(features.getByRole('figure', { name }).getByTestId('heatmap')).toHaveAttribute('data-d', '20');
  await expect(features.getByRole('slider', { name: 'epoch shown' })).toBeEnabled();

  const errors = page.getByRole('region', { name: 'network and RFM error' });
  await expect(errors.getByRole('img', { name: 'test MSE against RFM iteration' })).toBeVisible();
  await expect(errors.getByRole('img', { name: 'test MSE against network epoch' })).toBeVisible();
  await page.screenshot({ path: 'test-results/nfa-tabular.png', fullPage: true });
});
