import { describe, expect, it } from 'vitest';
import { filterResponses } from './filterResponses';

describe('filterResponses', () => {
  it('gives a vertical edge filter a positive response where the image turns bright from left to right', () => {
    // 3 x 4 image: dark left half, bright right half.
    const image = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
    const edge = Float64Array.from([-1, 0, 1, -1, 0, 1, -1, 0, 1]);
    const { responses, rows, cols } = filterResponses(image, { height: 3, width: 4, channels: 1 }, 3, [
      { values: edge },
    ]);
    expect([rows, cols]).toEqual([1, 2]);
    // Window at column 0 spans 0,0,1 (edge = 3); at column 1 spans 0,1,1 (edge = 3 too).
    expect(Array.from(responses)).toEqual([3, 3]);
  });

  it('lays out one map per filter, channels last within a patch', () => {
    // 2 x 2 image with 2 channels, 1 x 1 patches: filter picks channel 1, then channel 0 minus channel 1.
    const image = [1, 10, 2, 20, 3, 30, 4, 40];
    const out = filterResponses(image, { height: 2, width: 2, channels: 2 }, 1, [
      { values: Float64Array.from([0, 1]) },
      { values: Float64Array.from([1, -1]) },
    ]);
    expect(Array.from(out.responses)).toEqual([10, 20, 30, 40, -9, -18, -27, -36]);
  });

  it('refuses a filter of the wrong length', () => {
    expect(() =>
      filterResponses([0, 0, 0, 0], { height: 2, width: 2, channels: 1 }, 2, [{ values: new Float64Array(3) }]),
    ).toThrow(/4/);
  });
});
