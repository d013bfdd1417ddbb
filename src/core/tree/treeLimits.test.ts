/** The tree's size checks: 1,000,000 rows are refused with the figures; a leaf must fit one kernel. */
import { describe, expect, it } from 'vitest';
import { cpuBackendLimits } from '../memory';
import { MAX_TREE_ROWS, checkTreeFits, estimateTreeIterationSeconds, needsTree } from './treeLimits';

const WASM = cpuBackendLimits('wasm');

describe('checkTreeFits', () => {
  it('takes 100,000 rows x 20 features in leaves of 4,000', () => {
    expect(() => checkTreeFits({ n: 100_000, nTest: 10_000, d: 20, c: 1 }, 4000, WASM)).not.toThrow();
  });

  it('refuses 1,000,000 rows with the leaves they would make and the minutes per iteration', () => {
    expect(() => checkTreeFits({ n: 1_000_000, nTest: 0, d: 20, c: 1 }, 4000, WASM)).toThrow(
      /^n = 1,000,000 training rows are more than a tree trains here \(at most 250,000\): leaves of 4,000 rows would make 256 leaves and about 14 minutes per iteration on wasm\./,
    );
    expect(MAX_TREE_ROWS).toBe(250_000);
  });

  it('refuses a leaf that does not fit one kernel, naming the largest that does', () => {
    expect(() => checkTreeFits({ n: 200_000, nTest: 0, d: 20, c: 1 }, 20_000, WASM)).toThrow(
      /^a leaf of 20,000 training rows does not fit the wasm backend's memory .* the largest leaf size that fits is about 1\d,\d{3}\.$/,
    );
  });
});

describe('needsTree and the time estimate', () => {
  it('trains a tree only over the leaf size, and never with leaf 0', () => {
    expect(needsTree(4001, 4000)).toBe(true);
    expect(needsTree(4000, 4000)).toBe(false);
    expect(needsTree(1_000_000, 0)).toBe(false);
  });

  it('scales the measured leaf time by the leaves and the cube of their rows', () => {
    // 32 leaves of 3,125 rows: 32 x 3.5 x (3125 / 4000)^3 = 53.4 s.
    expect(estimateTreeIterationSeconds(100_000, 4000)).toBeCloseTo(53.4, 1);
  });
});
