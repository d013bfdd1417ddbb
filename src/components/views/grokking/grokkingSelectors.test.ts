import { describe, expect, it } from 'vitest';
import type { GrokkingPoint } from '../../../core/analysis/grokking';
import { deviationReading } from './grokkingSelectors';

const point = (iteration: number, circulantDeviation: number | null): GrokkingPoint => ({
  iteration,
  circulantDeviation,
  naturalCirculantDeviation: circulantDeviation,
  alignment: 0,
  blockAlignment: 0,
});

describe('the circulant deviation read against 1/p', () => {
  it('gives the latest measured value and its multiple of 1/p', () => {
    expect(deviationReading([point(0, null), point(1, 0.018), point(20, 4.1e-4)], 31)).toBe(
      'Latest (iteration 20): 4.1e-4, 0.013 × 1/p.',
    );
  });

  it('says nothing at iteration 0, where M = I has no a-b block to measure', () => {
    expect(deviationReading([point(0, null)], 31)).toBeNull();
  });
});
