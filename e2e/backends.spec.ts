/**
 * The same run on the webgpu backend (SwiftShader here, a real GPU elsewhere) and on wasm gives the same
 * numbers to 1e-3 relative. Kept small because SwiftShader WebGPU is slow.
 */
import { expect, test } from '@playwright/test';
import { openApp, readMetrics, waitForStatus, type RowMetrics } from './helpers';

const SMALL_RUN = { d: 5, n: 200, ntest: 100, iters: 2, seed: 3 };

async function runOn(page: import('@playwright/test').Page, backend: string): Promise<RowMetrics[]> {
  await openApp(page, { ...SMALL_RUN, backend });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend, { timeout: 60_000 });
  await waitForStatus(page, 'finished', 170_000);
  await expect(page.getByTestId('metrics-row-0')).toContainText(backend);
  return readMetrics(page);
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-30);

test('webgpu and wasm agree on every iteration to 1e-3 relative', async ({ page }) => {
  test.setTimeout(400_000);
  const wasm = await runOn(page, 'wasm');
  const hasWebGpu = await page.evaluate(async () => Boolean(await navigator.gpu?.requestAdapter()));
  test.skip(!hasWebGpu, 'this Chromium has no WebGPU adapter');
  const webgpu = await runOn(page, 'webgpu');
  expect(webgpu).toHaveLength(wasm.length);
  for (const [i, a] of wasm.entries()) {
    const b = webgpu[i]!;
    expect(relative(a.testMse, b.testMse), `test MSE at iteration ${i}`).toBeLessThan(1e-3);
    expect(relative(a.trainMse, b.trainMse), `train MSE at iteration ${i}`).toBeLessThan(1e-3);
  }
});
