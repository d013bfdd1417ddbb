/**
 * The first screen against TensorFlow Playground's: the first panel above the fold at 1280 x 720, a
 * slow-motion replay a room can watch (view setting slowmo, with its control), and hide flags per control
 * (hide=kernel,reg) and for the downloads row.
 */
import { expect, test } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

test('at 1280 x 720 the first panel and the top of M are above the fold', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, { n: 300, ntest: 100, iters: 3 });
  await waitForStatus(page, 'finished');
  const panel = (await page.getByRole('region', { name: 'feature matrix', exact: true }).boundingBox())!;
  expect(panel.y).toBeLessThan(300);
  const cells = (await page.getByTestId('heatmap-cells').first().boundingBox())!;
  // At least half of M's cells on the first screen.
  expect(cells.y + cells.height / 2).toBeLessThan(720);
  await page.screenshot({ path: 'test-results/first-screen-1280x720.png' });
});

test('slow motion replays the recorded iterations one at a time, from its control or a link', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 3 });
  await waitForStatus(page, 'finished');
  const label = page.getByTestId('scrubber-label');
  await expect(label).toContainText('iteration 3');
  await page.getByTestId('slowmo').selectOption('0.5');
  await expect.poll(() => new URL(page.url()).searchParams.get('slowmo')).toBe('0.5');
  // Every label the scrubber shows, as it shows it: polling would miss one shown for 0.5 s on a busy machine.
  await label.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { scrubberLabels: string[] }).scrubberLabels = seen;
    new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByTestId('slowmo-replay').click();
  await expect(page.getByTestId('slowmo-replay')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('slowmo-replay')).toHaveAttribute('aria-pressed', 'false', { timeout: 20_000 });
  // Training is over; the view stepped through what it recorded, in order, then follows the latest again.
  const shown = await page.evaluate(() => (window as unknown as { scrubberLabels: string[] }).scrubberLabels);
  const iterations = shown.map((text) => Number(/iteration (\d+)/.exec(text)?.[1]));
  expect(iterations.filter((k, i) => k !== iterations[i - 1])).toEqual([0, 1, 2, 3]);
  // The URL is written debounced: it drops the scrubbed iteration once the replay follows the latest again.
  await expect.poll(() => new URL(page.url()).searchParams.get('it')).toBeNull();

  // From a link: the run is shown from its iteration 0 as it comes.
  await openApp(page, { n: 300, ntest: 100, iters: 3, slowmo: 2 });
  await expect(label).toContainText('iteration 0', { timeout: 60_000 });
  await waitForStatus(page, 'finished');
  await expect(label).toContainText('iteration 3', { timeout: 30_000 });
});

test('hide= hides single controls by name or alias, and the downloads row', async ({ page }) => {
  await openApp(page, { n: 300, ntest: 100, iters: 1, hide: 'kernel,reg,downloads' });
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('param-L')).toBeVisible();
  await expect(page.getByTestId('param-iters')).toBeVisible();
  await expect(page.getByTestId('param-kernel')).toHaveCount(0);
  await expect(page.getByTestId('param-lambda')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'export the run' })).toHaveCount(0);
  await expect(page.getByText(/invalid hide/)).toHaveCount(0);
});
