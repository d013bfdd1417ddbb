/**
 * Classroom mode on a projector: every page of panels shows two whole panels on one screen (the pager at
 * the top of the screen), at 1280 x 720 and at 1024 x 768, from the toggle and from the share dialog's
 * classroom link (which also hides the presets and the controls). Screenshots go to test-results/.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

/** The boxes of the panels on the current page, with the pager scrolled to the top of the screen. */
async function pageBoxes(page: Page) {
  await page.locator('.panels-column').evaluate((column) => column.scrollIntoView({ block: 'start' }));
  return page.locator('.panels > :not([data-paged-out])').evaluateAll((slots) =>
    slots.map((slot) => {
      const box = slot.getBoundingClientRect();
      const name = slot.querySelector('section[aria-label]')?.getAttribute('aria-label') ?? '?';
      return { name, left: box.left, top: box.top, right: box.right, bottom: box.bottom };
    }),
  );
}

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  for (const how of ['toggle', 'classroom link'] as const) {
    test(`classroom mode at ${width} x ${height} (${how}): two whole panels on every page`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const link: Record<string, string | number> =
        how === 'classroom link' ? { classroom: 1, hide: 'presets,data,model,backend' } : {};
      await openApp(page, { n: 300, ntest: 100, iters: 8, ...link });
      await waitForStatus(page, 'finished');
      if (how === 'toggle') await page.getByTestId('classroom-toggle').click();
      const pages = Number((await page.getByTestId('panel-page').textContent())!.match(/of (\d+)/)![1]);
      expect(pages).toBeGreaterThan(1);
      for (let k = 0; k < pages; k++) {
        await expect(page.getByTestId('panel-page')).toContainText(`page ${k + 1} of`);
        const boxes = await pageBoxes(page);
        expect(boxes.map((b) => b.name)).toHaveLength(2);
        for (const box of boxes) {
          expect(box.left, `${box.name}'s left edge on page ${k + 1}`).toBeGreaterThanOrEqual(0);
          expect(box.top, `${box.name}'s top edge on page ${k + 1}`).toBeGreaterThanOrEqual(0);
          expect(box.right, `${box.name}'s right edge on page ${k + 1}`).toBeLessThanOrEqual(width);
          expect(box.bottom, `${box.name}'s bottom edge on page ${k + 1}`).toBeLessThanOrEqual(height);
        }
        // Side by side: no empty half beside a lone panel.
        expect(boxes[0]!.top).toBe(boxes[1]!.top);
        await page.screenshot({
          path: `test-results/classroom-${how.replace(' ', '-')}-${width}x${height}-p${k + 1}.png`,
        });
        await page.getByTestId('next-panels').click();
      }
    });
  }
}
