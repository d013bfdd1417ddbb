/** The points the Deep RFM Gram view draws (deepRun.ts gramSample). */
import { describe, expect, it } from 'vitest';
import { gramSample } from './deepRun';

describe('gramSample', () => {
  it('keeps every point up to the limit', () => {
    expect(Array.from(gramSample(5, 10))).toEqual([0, 1, 2, 3, 4]);
  });

  it('spreads the limit evenly over more points, so classes in order keep their share', () => {
    const sample = gramSample(1000, 100);
    expect(sample.length).toBe(100);
    expect(Array.from(sample.slice(0, 3))).toEqual([0, 10, 20]);
    // 10 classes of 100 points in order: 10 sampled from each.
    const perClass = new Array(10).fill(0);
    for (const i of sample) perClass[Math.floor(i / 100)]++;
    expect(perClass).toEqual(new Array(10).fill(10));
  });
});
