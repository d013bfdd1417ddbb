/** The split's pieces: the top direction of M with a fixed sign, and a median that always splits. */
import { describe, expect, it } from 'vitest';
import { plannedLeaves } from './treeLimits';
import { medianThreshold, topDirection } from './split';

describe('topDirection', () => {
  it('returns the top eigenvector with its largest entry positive and its share of the trace', () => {
    // M = 3 v v^T + I with v = -(1, 2, 2) / 3: eigenvalues 4, 1, 1 (trace 6).
    const v = [-1 / 3, -2 / 3, -2 / 3];
    const m = Float64Array.from({ length: 9 }, (_, k) => 3 * v[Math.floor(k / 3)]! * v[k % 3]! + (k % 4 === 0 ? 1 : 0));
    const { direction, dominance } = topDirection(m, 3);
    Array.from(direction).forEach((value, k) => expect(value).toBeCloseTo(-v[k]!, 10));
    expect(dominance).toBeCloseTo(4 / 6, 10);
  });
});

describe('medianThreshold', () => {
  it('cuts at the lower median, so an even count splits in halves', () => {
    expect(medianThreshold(Float64Array.of(4, 1, 3, 2))).toBe(2);
  });

  it('cuts below tied top values so that neither side is empty', () => {
    expect(medianThreshold(Float64Array.of(1, 5, 5, 5))).toBe(1);
  });

  it('gives null when every projection is the same', () => {
    expect(medianThreshold(Float64Array.of(2, 2, 2))).toBeNull();
  });
});

describe('plannedLeaves', () => {
  it('is the power of two that halving reaches: 100,000 rows in leaves of 4,000 make 32', () => {
    expect(plannedLeaves(100_000, 4000)).toBe(32);
    expect(plannedLeaves(4000, 4000)).toBe(1);
  });
});
