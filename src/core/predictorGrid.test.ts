import { describe, expect, it } from 'vitest';
import {
  buildPredictorGrid,
  checkGridSpec,
  coordinateMeans,
  coordinateRange,
  evenlySpaced,
  projectPoints,
  shownValues,
} from './predictorGrid';

// Three training points in d = 3 and one test point.
const train = { x: Float32Array.from([0, 10, 1, 2, 20, 1, 4, 30, 1]), n: 3 };
const test = { x: Float32Array.from([6, 0, 1]), n: 1 };

describe('the predictor grid', () => {
  it('spans each axis over the training and test points, widened by 5% on each side', () => {
    const close = ([low, high]: [number, number], expected: [number, number]) => {
      expect(low).toBeCloseTo(expected[0], 10);
      expect(high).toBeCloseTo(expected[1], 10);
    };
    close(coordinateRange([train, test], 3, 0), [-0.3, 6.3]);
    close(coordinateRange([train, test], 3, 1), [-1.5, 31.5]);
  });

  it('widens a coordinate that never varies to +-1 around its value', () => {
    expect(coordinateRange([train, test], 3, 2)).toEqual([0, 2]);
  });

  it('holds the coordinates it does not vary at their training means', () => {
    const grid = buildPredictorGrid({ axes: [0], resolution: 5 }, train, test, 3);
    expect(Array.from(grid.fixed)).toEqual([2, 20, 1]);
    expect(grid.rows).toBe(5);
    for (let r = 0; r < 5; r++) {
      expect(grid.inputs[r * 3]).toBeCloseTo(-0.3 + (6.6 * r) / 4, 5);
      expect(grid.inputs[r * 3 + 1]).toBe(20);
      expect(grid.inputs[r * 3 + 2]).toBe(1);
    }
  });

  it('lets the first of two axes vary fastest', () => {
    const grid = buildPredictorGrid({ axes: [1, 0], resolution: 3 }, train, test, 3);
    expect(grid.rows).toBe(9);
    const point = (r: number) => [grid.inputs[r * 3 + 1], grid.inputs[r * 3]];
    expect(point(1)).toEqual([grid.axisValues[0]![1], grid.axisValues[1]![0]]);
    expect(point(3)).toEqual([grid.axisValues[0]![0], grid.axisValues[1]![1]]);
    expect(grid.inputs[8 * 3 + 2]).toBe(1);
  });

  it('refuses axes that are not two different coordinates', () => {
    expect(() => checkGridSpec({ axes: [0, 0], resolution: 4 }, 3)).toThrow(/two different/);
    expect(() => checkGridSpec({ axes: [3], resolution: 4 }, 3)).toThrow(/not coordinates/);
    expect(() => checkGridSpec({ axes: [0, 1, 2], resolution: 4 }, 3)).toThrow(/1 or 2 axes/);
    expect(() => checkGridSpec({ axes: [0], resolution: 1 }, 3)).toThrow(/under 2/);
  });

  it('includes both ends when spacing values evenly', () => {
    expect(Array.from(evenlySpaced(-1, 1, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('averages each column and projects points onto the chosen axes', () => {
    expect(Array.from(coordinateMeans(train.x, 3, 3))).toEqual([2, 20, 1]);
    expect(Array.from(projectPoints(train.x, 3, 3, [2, 0]))).toEqual([1, 0, 1, 2, 1, 4]);
  });

  it('draws the output itself for regression and the largest output for classes', () => {
    const outputs = Float32Array.from([0.1, 0.7, 0.2, 0.9, -1, 0]);
    expect(Array.from(shownValues(outputs, 2, 3, true))).toEqual([1, 0]);
    expect(Array.from(shownValues(Float32Array.from([0.5, -2]), 2, 1, false))).toEqual([0.5, -2]);
  });
});
