/**
 * No iteration leaks: live tensors and WebGPU buffer-pool bytes are flat over 30 iterations. (That the page
 * never loads the engine is checked on the default demo, in firstPicture.spec.ts.)
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForStatus } from './helpers';

async function memoryByIteration(page: Page): Promise<{ tensors: number; gpuBytes: number | null }[]> {
  return page
    .getByTestId('metrics-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const el = row as HTMLElement;
        return {
          tensors: Number(el.dataset.tensors),
          gpuBytes: el.dataset.gpuBytes ? Number(el.dataset.gpuBytes) : null,
        };
      }),
    );
}

/** Iterations of the leak runs: after the pool fills (iterations 0-2), 27 that must not grow it. */
const LEAK_ITERATIONS = 30;

for (const backend of ['wasm', 'webgpu']) {
  test(`tensors${backend === 'webgpu' ? ' and GPU bytes' : ''} stay flat over ${LEAK_ITERATIONS} iterations on ${backend}`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openApp(page, { backend, d: 3, n: 40, ntest: 10, iters: LEAK_ITERATIONS, spectrum: 8 });
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend, { timeout: 60_000 });
    await waitForStatus(page, 'finished', 280_000);
    const memory = await memoryByIteration(page);
    expect(memory).toHaveLength(LEAK_ITERATIONS + 1);
    const tensors = new Set(memory.map((m) => m.tensors));
    expect([...tensors], 'live tensors by iteration').toHaveLength(1);
    if (backend === 'webgpu') {
      // The buffer pool fills during the first iterations (the first AGOP comes after iteration 0). Work run
      // between two iterations when its request arrives (the predictor panel's evaluations) may add one buffer
      // size once, at an iteration that depends on the machine's load: +2,080 bytes at iteration 3 in two runs
      // and at 17 in another, flat before and after. A leak grows again and again: from iteration 2 on the pool
      // may grow at most once, by less than 64 KiB, and never shrinks.
      const pool = memory.slice(2).map((m) => m.gpuBytes!);
      const series = memory.map((m, i) => `${i}: ${m.gpuBytes}`).join(', ');
      expect(pool[0]).toBeGreaterThan(0);
      const steps = pool.filter((bytes, i) => i > 0 && bytes !== pool[i - 1]);
      expect(steps.length, `changes of the WebGPU pool from iteration 2 on (by iteration: ${series})`).toBeLessThan(2);
      expect(pool.at(-1)! - pool[0]!, `growth from iteration 2 on (${series})`).toBeGreaterThanOrEqual(0);
      expect(pool.at(-1)! - pool[0]!, `growth from iteration 2 on (${series})`).toBeLessThan(65_536);
    }
  });
}
