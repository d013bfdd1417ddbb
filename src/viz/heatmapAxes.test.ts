import { describe, expect, it } from 'vitest';
import { visibleFeatureIndices } from './heatmapAxes';

describe('visibleFeatureIndices', () => {
  it('marks round feature numbers across all of a large M at zoom 1', () => {
    const marked = visibleFeatureIndices(200, 500, 1, 0, 200);
    expect(marked.length).toBeGreaterThan(2);
    expect(marked.length).toBeLessThan(20);
  });

  it('marks every feature in view once zoomed in far enough, and none outside', () => {
    expect(visibleFeatureIndices(200, 500, 25, 40, 48)).toEqual([40, 41, 42, 43, 44, 45, 46, 47]);
  });
});
