/**
 * The network beside the RFM, as a person sees it: the nfa-tabular preset (CI-sized: fewer points,
 * iterations and epochs) trains the RFM and then a relu network on x1 x2 in d = 20; the panel shows the
 * network's W^T W correlating with its own sqrt(AGOP), set against epoch 0 (the network at initialisation
 * with its own AGOP, the honest "before") and, off the diagonal, far above it; the W_0 control is named for
 * what it is; the caption states this run's figures. And the four feature heatmaps and the error charts.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';
import { expectNoSeriousViolations } from './axe';

replayed(test);

test('nfa-tabular: the network learns the features its AGOP predicts, against epoch 0 and off the diagonal', async ({
  page,
}) => {
  // The full preset (n = 1000, 30 epochs) reaches 0.98 against 0.77 at epoch 0, 0.75 against 0.14 off the diagonal.
  await openApp(page, { preset: 'nfa-tabular', n: 400, ntest: 200, iters: 2, nnepochs: 8 });
  await expect(page.getByTestId('param-model')).toHaveValue('rfm+nn');
  await waitForStatus(page, 'finished');

  const ansatz = page.getByRole('region', { name: 'neural feature ansatz' });
  const summary = ansatz.getByTestId('nfa-summary');
  await expect(summary).toHaveAttribute('data-epoch', '8');
  const corr = Number(await summary.getAttribute('data-nfa-corr'));
  const epoch0 = Number(await summary.getAttribute('data-nfa-corr-epoch0'));
  const offdiag = Number(await summary.getAttribute('data-nfa-corr-offdiag'));
  const offdiag0 = Number(await summary.getAttribute('data-nfa-corr-offdiag-epoch0'));
  const w0 = Number(await summary.getAttribute('data-nfa-corr-w0'));
  expect(corr).toBeGreaterThan(0.85);
  // Epoch 0 with its own AGOP scores well above the W0-against-final-AGOP control: they are different figures.
  expect(epoch0).toBeGreaterThan(w0 + 0.1);
  expect(offdiag - offdiag0).toBeGreaterThan(0.3);
  await expect(summary).toContainText(`corr ${corr.toFixed(2)} (epoch 0: ${epoch0.toFixed(2)})`);
  const finding = ansatz.getByTestId('nfa-finding');
  await expect(finding).toContainText(`${corr.toFixed(2)} at epoch 8 against ${epoch0.toFixed(2)} at epoch 0`);
  await expect(finding).toContainText(`W₀ᵀW₀ against the final √AGOP: ${w0.toFixed(2)}`);
  await expect(ansatz).not.toContainText('about 0.9');
  await expect(ansatz.getByRole('img', { name: 'correlation against network epoch' })).toBeVisible();
  // Six lines, listed in two groups with their values (they crowded one legend row under a one-line headline).
  const claims = ansatz.getByRole('group', { name: /^The ansatz/ }).getByRole('listitem');
  const controls = ansatz.getByRole('group', { name: /^Controls to beat/ }).getByRole('listitem');
  await expect(claims).toHaveCount(4);
  await expect(controls).toHaveCount(2);
  await expect(ansatz.getByTestId('nfa-legend-offdiag')).toHaveText(
    `${offdiag.toFixed(2)} (epoch 0: ${offdiag0.toFixed(2)})`,
  );
  await expect(ansatz.getByTestId('nfa-legend-w0')).toContainText(w0.toFixed(2));
  // No two legend entries overlap, and none overlaps the plot.
  const boxes = await ansatz
    .getByTestId('nfa-legend')
    .locator('li')
    .evaluateAll((items) =>
      items
        .map((li) => li.getBoundingClientRect())
        .map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })),
    );
  const plot = (await ansatz.getByTestId('nfa-chart').locator('svg').first().boundingBox())!;
  boxes.forEach((a, i) => {
    expect(a.bottom).toBeLessThanOrEqual(plot.y + 1);
    for (const b of boxes.slice(i + 1))
      expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
  });
  await expect(ansatz.getByTestId('how-to-read-nfa')).toContainText('the controls it must beat');

  const features = page.getByRole('region', { name: 'network features' });
  for (const name of ['network WᵀW', 'network (W−W₀)ᵀ(W−W₀)', 'network √AGOP', 'RFM M'])
    await expect(features.getByRole('figure', { name }).getByTestId('heatmap')).toHaveAttribute('data-d', '20');
  await expect(features.getByRole('slider', { name: 'epoch shown' })).toBeEnabled();

  const errors = page.getByRole('region', { name: 'network and RFM error' });
  await expect(errors.getByRole('img', { name: 'test MSE against RFM iteration' })).toBeVisible();
  await expect(errors.getByRole('img', { name: 'test MSE against network epoch' })).toBeVisible();
  await page.screenshot({ path: 'test-results/nfa-tabular.png', fullPage: true });
  await expectNoSeriousViolations(page, 'nfa-tabular');
});
