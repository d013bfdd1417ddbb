/**
 * The embed's panels at the widths articles give them (a 700 px column, a 390 px phone), where buttons and
 * disclosures are touch-sized: nothing covers a caption and no empty band opens between a panel's
 * "How to read this" and "Show values". Screenshots of the panels go to the test's output folder.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { waitForRunState } from './helpers';
import { replayed } from './replay';

replayed(test);

/** p = 23 > 20: the a-b block is large enough to get its zoom buttons. */
const GROKKING = 'preset=grokking&p=23&frac=0.6&iters=2';

type Box = { top: number; bottom: number; left: number; right: number };

/** The box of the words of `text` inside `scope` (not of the element around them). */
async function wordsBox(scope: Locator, text: string): Promise<Box> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const { top, bottom, left, right } = range.getBoundingClientRect();
      return { top, bottom, left, right };
    }
    throw new Error(`no text "${wanted}"`);
  }, text);
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function checkPanels(page: Page, name: string, disclosures = true): Promise<void> {
  for (const panel of await page.locator('[data-panel]').all()) {
    if (!disclosures) break;
    const id = await panel.getAttribute('data-panel');
    await panel.screenshot({ path: test.info().outputPath(`${name}-${id}.png`) });
    const read = await wordsBox(panel, 'How to read this');
    const values = await wordsBox(panel, 'Show values');
    // Before: 40-50 px of nothing between the two lines of words at 700 px.
    expect.soft(values.top - read.bottom, `${id}: the space between the two disclosures`).toBeLessThanOrEqual(12);
  }
  const buttons = page.locator('[data-panel="ab"] .rfm-heatmap-zoom');
  await expect(buttons).toBeVisible();
  const caption = page.getByTestId('ab-block-caption');
  // Before: the touch-sized buttons reached 30 px into the caption under the heatmap.
  expect
    .soft(overlap((await buttons.boundingBox().then(toBox))!, (await caption.boundingBox().then(toBox))!))
    .toBe(false);
}

const toBox = (b: { x: number; y: number; width: number; height: number } | null): Box | null =>
  b && { top: b.y, bottom: b.y + b.height, left: b.x, right: b.x + b.width };

test('in a 700 px embed the zoom buttons leave the caption free and the disclosures sit together', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto(`/?embed&${GROKKING}&panels=ab,accuracy`);
  await waitForRunState(page, 'finished');
  await checkPanels(page, 'embed-700');
});

test('on a 390 px phone the same holds for the embed', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?embed&${GROKKING}&panels=ab,accuracy`);
  await waitForRunState(page, 'finished');
  await checkPanels(page, 'embed-390');
});

test('on a 390 px phone the full app keeps the a-b caption clear of the zoom buttons', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?${GROKKING}`);
  await waitForRunState(page, 'finished');
  await page.locator('[data-panel="ab"]').screenshot({ path: test.info().outputPath('app-390-ab.png') });
  await checkPanels(page, 'app-390', false);
});
