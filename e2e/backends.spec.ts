/**
 * The backends, trained for real on one small run: wasm, then webgpu (SwiftShader here, a real GPU elsewhere).
 * On each, no iteration leaks (live tensors, and on webgpu the buffer pool's bytes, are flat over 20
 * iterations), and webgpu gives wasm's numbers on every iteration to 1e-3 relative. One run serves both
 * checks because SwiftShader compiles every shader afresh in each page (iteration 0 takes seconds). That the
 * page never loads the engine is checked on the default demo, in firstPicture.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, readMetrics, waitForStatus, type RowMetrics } from './helpers';

/** After the pool fills (iterations 0-2), 17 iterations that must not grow it. */
const ITERATIONS = 20;
const RUN = { d: 3, n: 40, ntest: 10, iters: ITERATIONS, spectrum: 8, seed: 3 };

/**
 * On webgpu the predictor panel is left out (`panels=`): its evaluations run between two iterations when their
 * request arrives and add a buffer size to the pool at an iteration that depends on the machine's load (+2,080
 * bytes at iteration 3, 6 or 17, +12,800 at 17, flat before and after), and each of its shaders is one more
 * SwiftShader compile. On wasm it stays, so that its evaluations are in the tensor count.
 */
const WEBGPU_PANELS = 'm,error,spectrum,table';

async function trainOn(page: Page, backend: 'wasm' | 'webgpu'): Promise<RowMetrics[]> {
  await openApp(page, { ...RUN, backend, ...(backend === 'webgpu' ? { panels: WEBGPU_PANELS } : {}) });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend, { timeout: 60_000 });
  await waitForStatus(page, 'finished', 280_000);
  await expect(page.getByTestId('metrics-row-0')).toContainText(backend);
  const metrics = await readMetrics(page);
  expect(metrics).toHaveLength(ITERATIONS + 1);
  expect(new Set(metrics.map((m) => m.tensors)).size, 'distinct live tensor counts by iteration').toBe(1);
  return metrics;
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-30);

test.describe.serial('one run on each backend', () => {
  let wasm: RowMetrics[] = [];

  test(`tensors stay flat over ${ITERATIONS} iterations on wasm`, async ({ page }) => {
    wasm = await trainOn(page, 'wasm');
  });

  test(`webgpu gives wasm's numbers on every iteration to 1e-3, and its tensors and GPU bytes stay flat over ${ITERATIONS} iterations`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.goto('/?autoplay=0');
    const hasWebGpu = await page.evaluate(async () => Boolean(await navigator.gpu?.requestAdapter()));
    test.skip(!hasWebGpu, 'this Chromium has no WebGPU adapter');
    const webgpu = await trainOn(page, 'webgpu');
    for (const [i, a] of wasm.entries()) {
      const b = webgpu[i]!;
      expect(relative(a.testMse, b.testMse), `test MSE at iteration ${i}`).toBeLessThan(1e-3);
      expect(relative(a.trainMse, b.trainMse), `train MSE at iteration ${i}`).toBeLessThan(1e-3);
    }
    // The buffer pool fills during the first iterations (the first AGOP comes after iteration 0); from
    // iteration 2 on, with no predictor evaluations between iterations (WEBGPU_PANELS), it must not change.
    const pool = webgpu.slice(2).map((m) => m.gpuBytes!);
    const series = webgpu.map((m, i) => `${i}: ${m.gpuBytes}`).join(', ');
    expect(pool[0]).toBeGreaterThan(0);
    expect(new Set(pool).size, `distinct WebGPU pool sizes from iteration 2 on (by iteration: ${series})`).toBe(1);
  });
});
