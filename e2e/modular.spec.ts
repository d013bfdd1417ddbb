/**
 * The modular-arithmetic views, on recorded runs (e2e/replay.ts): ordering residues by discrete log reveals
 * the structure of multiplication, and a modulus that is not prime is pointed out. Grokking itself is
 * trained for real in grokking.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { lastY, openApp, setNumber, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

test('for multiplication, ordering residues by discrete log reveals the structure', async ({ page }) => {
  await openApp(page, { preset: 'grokking', p: 31, op: '*', frac: 0.6, iters: 6 });
  await waitForStatus(page, 'finished');

  const block = page.getByRole('region', { name: 'a-b block of M' });
  const toggle = block.getByTestId('discrete-log-order');
  await expect(toggle).toBeEnabled();
  await expect(block.getByTestId('ab-block-caption')).toContainText('looks like noise');
  await toggle.check();
  await expect(block.getByTestId('ab-block-caption')).toContainText('primitive root 3 mod 31');
  await expect(block.getByTestId('heatmap')).toHaveAttribute('data-d', '31');

  // The deviation in discrete-log order falls well below the one in natural order.
  const structure = page.getByTestId('grokking-chart');
  await expect(structure).toHaveAttribute('data-series-count', '2');
  expect(await lastY(structure, 'deviation')).toBeLessThan((await lastY(structure, 'natural')) / 2);
});

test('a modulus that is not prime is pointed out next to the control', async ({ page }) => {
  await openApp(page, { preset: 'grokking', p: 31, iters: 1, autoplay: 0 });
  await setNumber(page, 'p', 30);
  await expect(page.getByTestId('modular-p-hint')).toContainText('30 is not prime: try 29 or 31');
  await setNumber(page, 'p', 29);
  await expect(page.getByTestId('modular-p-hint')).toHaveCount(0);
  await expect(page.getByTestId('modular-pairs')).toContainText('841 pairs');
});
