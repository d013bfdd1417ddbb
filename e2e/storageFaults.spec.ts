/**
 * Kept runs when storage misbehaves or several tabs share it: a reload mid-run keeps the iterations done,
 * a failure to read saved runs stays on screen until dismissed, storage that never opens is reported, and
 * "clear runs" in one tab clears the other. Each test failed before its fix.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';
import { replayed } from './replay';

replayed(test);

const runsRegion = (page: Page) => page.getByRole('region', { name: 'Runs' });
const runItems = (page: Page) => runsRegion(page).getByRole('list').first().getByRole('listitem');

/** How many kept runs the app's IndexedDB store holds, read directly (not through the app, nor getAllKeys). */
async function storedRuns(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('rfm-explorer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('kept')
            .objectStore('kept')
            .count(IDBKeyRange.bound('run:', 'run:\uffff'));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

// Both steps and the reload may fall within a second of the run's start: the snapshot is written at each step
// (a pause), not only after the once-a-second throttle, which had let an immediate reload find nothing.
test('a reload in the middle of a run keeps the iterations finished so far, as switching presets does', async ({
  page,
}) => {
  await openApp(page, { n: 300, ntest: 100, iters: 4, autoplay: 0 });
  await expect(page.getByTestId('backend-name')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('step').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '1');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-records', '2');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  await expect(runItems(page)).toHaveCount(0);
  await page.reload();
  await expect(runItems(page)).toHaveCount(1);
  // Both records (the baseline and one update) came back, not only the first.
  await expect(runItems(page).first()).toContainText('stopped, 1 iteration,');
});

test('a failure to read saved runs stays on screen after later saves succeed, until dismissed', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.getAllKeys = () => {
      throw new DOMException('the disk could not be read', 'UnknownError');
    };
  });
  await openApp(page, { n: 200, ntest: 50, iters: 1 });
  const alert = runsRegion(page).getByRole('alert');
  await expect(alert).toContainText('Could not read saved runs');
  await waitForStatus(page, 'finished');
  await expect(runItems(page)).toHaveCount(1);
  // The finished run is written (a good write) ...
  await expect.poll(() => storedRuns(page)).toBe(1);
  // ... and the read failure is still said.
  await expect(alert).toContainText('Could not read saved runs');
  await alert.getByRole('button', { name: 'dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('storage that never opens is reported instead of saying nothing', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest; // a request that never answers
  });
  await openApp(page, { autoplay: 0 });
  await expect(runsRegion(page).getByRole('alert')).toContainText('did not answer within 10 s', { timeout: 30_000 });
});

test('clear runs in one tab clears them in another, and a deleted run does not come back', async ({ page }) => {
  await openApp(page, { n: 200, ntest: 50, iters: 1 });
  await waitForStatus(page, 'finished');
  await expect(runItems(page)).toHaveCount(1);
  const other = await page.context().newPage();
  await openApp(other, { autoplay: 0 });
  await expect(runItems(other)).toHaveCount(1);

  page.on('dialog', (dialog) => void dialog.accept());
  await runsRegion(page).getByRole('button', { name: 'clear runs' }).click();
  await expect(runItems(page)).toHaveCount(0);
  await expect(runItems(other)).toHaveCount(0);
  await expect.poll(() => storedRuns(other)).toBe(0);
  await other.close();
});
