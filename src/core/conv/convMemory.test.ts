import { describe, expect, it } from 'vitest';
import { cpuBackendLimits } from '../memory';
import { checkConvRunFits, convMultiplyAdds } from './convMemory';

describe('the ConvRFM guards', () => {
  const wasm = cpuBackendLimits('wasm');
  it('let 28 x 28 digits with 3 x 3 patches train at n = 500 (P = 676)', () => {
    const shape = { n: 500, nTest: 500, c: 10, positions: 676, features: 9 };
    expect(convMultiplyAdds(shape)).toBe(22_477_000_000);
    expect(() => checkConvRunFits(shape, wasm)).not.toThrow();
  });

  it('refuse a run whose iteration would take minutes, with the numbers and the largest n', () => {
    expect(() => checkConvRunFits({ n: 5000, nTest: 500, c: 10, positions: 676, features: 9 }, wasm)).toThrow(
      /^ConvRFM with n = 5000 training images does not fit: one iteration is about 2080 billion multiply-adds .* The largest n that fits is about 1884\.$/,
    );
  });

  it('refuse a kernel matrix over the one-buffer limit', () => {
    expect(() => checkConvRunFits({ n: 30000, nTest: 0, c: 2, positions: 1, features: 1 }, wasm)).toThrow(
      /its largest kernel matrix alone is 3.35 GB, over the wasm backend's 2.00 GB limit/,
    );
  });
});
