import { describe, expect, it } from 'vitest';
import { checkRunFits, estimateRunBytes, largestFittingN } from './memory';

const WASM = { backend: 'wasm', maxTensorBytes: 2 ** 31, maxTotalBytes: 3.5 * 2 ** 30 };
const SWIFTSHADER = { backend: 'webgpu', maxTensorBytes: 2 ** 30, maxTotalBytes: 64 * 2 ** 30 };

describe('the memory check before a run', () => {
  it('estimates about five n x n float32 matrices at the peak', () => {
    const { peakBytes, largestTensorBytes } = estimateRunBytes({ n: 1000, nTest: 0, d: 10, c: 1 });
    expect(largestTensorBytes).toBe(4e6);
    expect(peakBytes).toBeGreaterThanOrEqual(2e7);
    expect(peakBytes).toBeLessThan(2.1e7);
  });

  it('lets the largest benchmark case (n = 8000, d = 100) run on wasm', () => {
    expect(() => checkRunFits({ n: 8000, nTest: 1000, d: 100, c: 1 }, WASM)).not.toThrow();
  });

  it('refuses a size that cannot fit and names the largest n that would', () => {
    const shape = { n: 30000, nTest: 1000, d: 100, c: 1 };
    expect(() => checkRunFits(shape, WASM)).toThrow(/n = 30000 .*do not fit.*largest n that fits is about 13\d{3}/);
    const largest = largestFittingN(shape, WASM);
    expect(() => checkRunFits({ ...shape, n: largest }, WASM)).not.toThrow();
    expect(() => checkRunFits({ ...shape, n: largest + 1 }, WASM)).toThrow();
  });

  it('blames the one-buffer limit when the kernel matrix alone is too large for a WebGPU binding', () => {
    expect(() => checkRunFits({ n: 20000, nTest: 0, d: 10, c: 1 }, SWIFTSHADER)).toThrow(
      /limit for one buffer.*about 16384/,
    );
  });
});
