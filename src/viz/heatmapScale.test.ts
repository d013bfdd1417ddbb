import { describe, expect, it } from 'vitest';
import {
  MAX_LABELLED_FEATURES,
  axisFeatureIndices,
  cellAt,
  featureLabels,
  heatmapLayout,
  shownExtent,
  symmetricBound,
  truncateLabel,
} from './heatmapScale';

// M [3, 3] with a dominant diagonal.
const M = Float64Array.from([5, 0.2, -0.4, 0.2, 4, 0.1, -0.4, 0.1, 3]);

describe('shownExtent', () => {
  it('spans every entry when the diagonal is shown', () => {
    expect(shownExtent(M, 3, false)).toEqual({ min: -0.4, max: 5 });
  });

  it('spans only the off-diagonal entries when the diagonal is hidden', () => {
    expect(shownExtent(M, 3, true)).toEqual({ min: -0.4, max: 0.2 });
  });

  it('skips non-finite entries', () => {
    expect(shownExtent(Float64Array.from([NaN, 2, -Infinity, 1]), 2, false)).toEqual({ min: 1, max: 2 });
  });

  it('is null when nothing is shown', () => {
    expect(shownExtent(new Float64Array(0), 0, false)).toBeNull();
    expect(shownExtent(Float64Array.from([7]), 1, true)).toBeNull();
    expect(shownExtent(Float64Array.from([NaN]), 1, false)).toBeNull();
  });
});

describe('symmetricBound', () => {
  it('is the largest magnitude shown, so zero is the middle of the colour domain', () => {
    expect(symmetricBound({ min: -0.4, max: 0.2 })).toBe(0.4);
    expect(symmetricBound({ min: 1, max: 5 })).toBe(5);
  });

  it('falls back to 1 when nothing or only zeros are shown', () => {
    expect(symmetricBound(null)).toBe(1);
    expect(symmetricBound({ min: 0, max: 0 })).toBe(1);
  });
});

describe('featureLabels', () => {
  it('numbers features from x1 when no labels are given', () => {
    expect(featureLabels(3)).toEqual(['x1', 'x2', 'x3']);
  });

  it('uses the given labels', () => {
    expect(featureLabels(2, ['age', 'income'])).toEqual(['age', 'income']);
  });
});

describe('cellAt', () => {
  it('finds the row from y and the column from x', () => {
    expect(cellAt(25, 5, 100, 4)).toEqual({ i: 0, j: 1 });
    expect(cellAt(99.9, 99.9, 100, 4)).toEqual({ i: 3, j: 3 });
  });

  it('is null outside the square or for an empty matrix', () => {
    expect(cellAt(-1, 5, 100, 4)).toBeNull();
    expect(cellAt(5, 100, 100, 4)).toBeNull();
    expect(cellAt(5, 5, 100, 0)).toBeNull();
  });
});

describe('axisFeatureIndices', () => {
  it('marks every feature up to the labelled limit', () => {
    expect(axisFeatureIndices(MAX_LABELLED_FEATURES, 400)).toHaveLength(MAX_LABELLED_FEATURES);
  });

  it('marks round feature numbers for large d, as 0-based indices within range', () => {
    const marked = axisFeatureIndices(800, 400);
    expect(marked.length).toBeGreaterThan(1);
    expect(marked.length).toBeLessThanOrEqual(20);
    expect(marked.every((i) => i >= 0 && i < 800)).toBe(true);
    expect(marked).toContain(99); // x100
  });
});

describe('truncateLabel', () => {
  it('keeps short labels and cuts long ones in the middle, keeping the ends that tell them apart', () => {
    expect(truncateLabel('x3', 10)).toBe('x3');
    expect(truncateLabel('sepal_length', 9)).toBe('sepa…ngth');
    expect(truncateLabel('sepal_width', 9)).toBe('sepa…idth');
    expect(truncateLabel('feature_12_long', 10)).toHaveLength(10);
  });
});

describe('heatmapLayout', () => {
  const base = { width: 600, hasTitle: false, maxSide: 560, legendWidth: 76 };

  it('gives the cells what the labels and legend leave, up to maxSide', () => {
    const narrow = heatmapLayout({ ...base, d: 5, labels: featureLabels(5) });
    expect(narrow.marginLeft + narrow.side + 76).toBeLessThanOrEqual(600);
    const wide = heatmapLayout({ ...base, width: 2000, d: 5, labels: featureLabels(5) });
    expect(wide.side).toBe(560);
  });

  it('never shrinks the cells below a usable square', () => {
    expect(heatmapLayout({ ...base, width: 10, d: 5, labels: featureLabels(5) }).side).toBeGreaterThanOrEqual(60);
  });

  it('turns column labels upright only when they do not fit across their cells', () => {
    expect(heatmapLayout({ ...base, d: 4, labels: featureLabels(4) }).verticalColumnLabels).toBe(false);
    expect(heatmapLayout({ ...base, d: 30, labels: featureLabels(30) }).verticalColumnLabels).toBe(true);
    expect(heatmapLayout({ ...base, d: 200, labels: featureLabels(200) }).verticalColumnLabels).toBe(false);
  });

  it('makes room for a title only when there is one', () => {
    expect(heatmapLayout({ ...base, d: 4, labels: featureLabels(4) }).titleHeight).toBe(0);
    expect(heatmapLayout({ ...base, hasTitle: true, d: 4, labels: featureLabels(4) }).titleHeight).toBeGreaterThan(0);
  });
});
