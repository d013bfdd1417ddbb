/**
 * The next-character preset, as a person sees it: one click trains RFM on Moby Dick, RFM's test accuracy
 * beats the bigram model's on the same held-out windows, M reads as positions x characters, and a prompt
 * gets a greedy continuation from the final model.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

/** The run is the slowest preset on a 2-core machine without a GPU. */
const RUN_TIMEOUT = 360_000;

test('the text preset beats the bigram model and continues a prompt', async ({ page }) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  await openApp(page);
  await page.getByTestId('preset-text').click();

  // The comparison table appears once the text run has started (its dataset has a text layout).
  const comparison = page.getByTestId('text-comparison');
  await expect(comparison).toBeVisible({ timeout: RUN_TIMEOUT });
  await waitForStatus(page, 'finished', RUN_TIMEOUT);
  await expect(comparison).toHaveAttribute('data-final', 'true');

  const read = async (name: string) => Number(await comparison.getAttribute(`data-${name}-acc`));
  const rfm = await read('rfm');
  const bigram = await read('bigram');
  const trigram = await read('trigram');
  console.log(`test accuracy: RFM ${rfm}, bigram ${bigram}, trigram ${trigram}`);
  expect(bigram).toBeGreaterThan(0);
  expect(rfm).toBeGreaterThan(bigram);

  const heatmap = page.getByTestId('text-feature-heatmap');
  await expect(heatmap).toHaveAttribute('data-rows', '8');
  expect(Number(await heatmap.getAttribute('data-max'))).toBeGreaterThan(0);

  // The confusion matrix over every character: one rect a cell, each with its tooltip, and no count labels
  // (its cells are too small to hold them), so the page stays light.
  const matrix = page.getByTestId('confusion-matrix');
  const c = Number(await matrix.getAttribute('data-c'));
  expect(c).toBeGreaterThan(20);
  await expect(matrix.locator('rect[data-count]')).toHaveCount(c * c);
  await expect(matrix.locator('rect > title')).toHaveCount(c * c);
  await expect(matrix.locator('rect > title').first()).toHaveText(/^true .+, predicted .+: \d+/);
  await expect(matrix.getByTestId('confusion-counts').locator('text')).toHaveCount(0);
  expect(await matrix.locator('*').count()).toBeLessThan(2 * c * c + 4 * c + 20);

  const prompt = page.getByTestId('prompt-input');
  await expect(prompt).toBeEnabled();
  await prompt.fill('it was the whale');
  const continuation = page.getByTestId('continuation');
  await expect(continuation).toHaveAttribute('data-done', 'true', { timeout: 60_000 });
  await expect(continuation).toHaveText(/\S/);
  await expect(page.getByTestId('next-char-distribution').locator('li')).toHaveCount(10);
  console.log(`continuation: "${await continuation.textContent()}"`);
  await page.screenshot({ path: 'test-results/text-preset.png', fullPage: true });
});
