import { describe, expect, it } from 'vitest';
import { featureMaps, randomFilters } from './deepConv';

describe('Deep ConvRFM features', () => {
  it('draws filters with covariance M: w = M^(1/2) z', () => {
    // M = diag(4, 0): every filter is (2 z_1, 0).
    const w = randomFilters(Float64Array.from([4, 0, 0, 0]), 2, 2000, 7);
    const first = Array.from(w.subarray(0, 2000));
    const variance = first.reduce((s, v) => s + v * v, 0) / 2000;
    expect(variance).toBeGreaterThan(3.6);
    expect(variance).toBeLessThan(4.4);
    expect(Array.from(w.subarray(2000)).every((v) => v === 0)).toBe(true);
  });

  it('maps each patch through ReLU(patch . w_k), channels last', () => {
    // One 2 x 3 image, 2 x 2 patches: 1 x 2 maps with 2 channels; filters sum and minus-sum of the patch.
    const image = [1, 2, 3, 4, 5, 6];
    const filters = Float64Array.from([1, -1, 1, -1, 1, -1, 1, -1]);
    const { maps, shape } = featureMaps(image, 1, { height: 2, width: 3, channels: 1 }, 2, filters, 2);
    expect(shape).toEqual({ height: 1, width: 2, channels: 2 });
    expect(Array.from(maps)).toEqual([12, 0, 16, 0]);
  });
});
