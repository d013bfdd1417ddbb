/**
 * M's heatmap stays readable at any size: the seed demo's default colour scale shows x1, x2 and x3 apart
 * from the other coordinates (read from the rendered pixels), and a d = 200 M can be zoomed and cut to
 * its top coordinates.
 */
import { expect, test, type Locator } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

/** The rendered colour at the centre of cell (i, j) of a d x d heatmap at zoom 1, as [r, g, b]. */
async function cellColour(heatmap: Locator, d: number, i: number, j: number): Promise<number[]> {
  return heatmap.getByTestId('heatmap-cells').evaluate(
    (canvas: HTMLCanvasElement, { d, i, j }) => {
      const x = Math.floor(((j + 0.5) / d) * canvas.width);
      const y = Math.floor(((i + 0.5) / d) * canvas.height);
      return Array.from(canvas.getContext('2d')!.getImageData(x, y, 1, 1).data.slice(0, 3));
    },
    { d, i, j },
  );
}
/** How far a colour is from white (0 = white). */
const ink = ([r, g, b]: number[]) => 765 - r! - g! - b!;

test('the seed demo heatmap shows x1, x2 and x3 apart from the other coordinates in its default scale', async ({
  page,
}) => {
  await openApp(page);
  await waitForStatus(page, 'finished');
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toHaveAttribute('data-scale', 'symlog');
  await expect(page.getByRole('combobox', { name: 'colour scale' })).toHaveValue('symlog');
  const diagonal = [];
  for (let i = 0; i < 10; i++) diagonal.push(ink(await cellColour(heatmap, 10, i, i)));
  const relevant = diagonal.slice(0, 3);
  const others = diagonal.slice(3);
  // x1, x2, x3 clearly coloured; every other coordinate much paler than the palest of them.
  expect(Math.min(...relevant)).toBeGreaterThan(150);
  expect(Math.max(...others)).toBeLessThan(Math.min(...relevant) / 2);

  // The normalised scale puts every diagonal entry at 1: x3 and x9 look the same there.
  await page.getByRole('combobox', { name: 'colour scale' }).selectOption('corr');
  await expect(heatmap).toHaveAttribute('data-scale', 'corr');
  expect(await cellColour(heatmap, 10, 2, 2)).toEqual(await cellColour(heatmap, 10, 8, 8));
});

test('a d = 200 heatmap zooms, still names the entry under the pointer, and shows its top coordinates', async ({
  page,
}) => {
  await openApp(page, { d: 200, n: 300, ntest: 100, iters: 1, spectrum: 8 });
  await waitForStatus(page, 'finished');
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toHaveAttribute('data-d', '200');

  await heatmap.getByRole('button', { name: 'zoom in' }).click();
  await heatmap.getByRole('button', { name: 'zoom in' }).click();
  await expect(heatmap).toHaveAttribute('data-zoom', '4');
  // At zoom 4 the square shows 50 x 50 entries around the centre: hover its top-left corner.
  const cells = heatmap.getByTestId('heatmap-cells');
  const box = (await cells.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 2);
  await expect(heatmap.getByTestId('heatmap-tooltip')).toContainText('M[x76, x76]');
  await heatmap.getByRole('button', { name: 'reset zoom' }).click();
  await expect(heatmap).toHaveAttribute('data-zoom', '1');

  await page.getByRole('combobox', { name: 'coordinates shown' }).selectOption('10');
  await expect(heatmap).toHaveAttribute('data-d', '10');
  await expect(page.getByText('M at iteration 1: top 10 coordinates')).toBeVisible();
  // The block is labelled by the original coordinates; x1 (the target's cubic term) is among them.
  const label = await heatmap.locator('svg').getAttribute('aria-label');
  expect(label).toContain('top 10 coordinates');
  await expect(heatmap.locator('svg .tick text').filter({ hasText: /^x1$/ }).first()).toBeVisible();
});
