import { describe, expect, it } from 'vitest';
import { findSpikes, matrixCosine } from './spikes';

describe('findSpikes', () => {
  it('finds none in a curve that only falls or wobbles under twice its lowest value', () => {
    expect(findSpikes([4, 3, 2, 1, 0.5, 0.9, 0.6, 0.3])).toEqual([]);
  });

  it('marks each rise above twice the lowest loss so far, with its peak', () => {
    const spikes = findSpikes([1, 0.5, 0.4, 3, 9, 2, 0.3, 0.2, 0.1, 0.5, 0.05]);
    expect(spikes).toEqual([
      { start: 3, end: 5, peak: 4, lossBefore: 0.4, peakLoss: 9 },
      { start: 9, end: 9, peak: 9, lossBefore: 0.1, peakLoss: 0.5 },
    ]);
  });

  it('never starts a spike at the first step', () => {
    expect(findSpikes([10, 1])).toEqual([]);
  });
});

describe('matrixCosine', () => {
  it('is 1 for proportional matrices, 0 for orthogonal ones and for a zero matrix', () => {
    expect(matrixCosine([1, 2, 2, 4], [2, 4, 4, 8])).toBeCloseTo(1, 12);
    expect(matrixCosine([1, 0, 0, 0], [0, 0, 0, 1])).toBe(0);
    expect(matrixCosine([0, 0], [1, 1])).toBe(0);
  });
});
