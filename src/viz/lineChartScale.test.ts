import { describe, expect, it } from 'vitest';
import { axisDomain, integerTicksIfIntegral, logTickLabelled, nearestIndex, onAxis, plottable } from './lineChartScale';

describe('plottable', () => {
  it('skips zero, negative and non-finite values on a log axis', () => {
    expect(plottable({ x: 1, y: 0 }, 'linear', 'log')).toBe(false);
    expect(plottable({ x: 1, y: -2 }, 'linear', 'log')).toBe(false);
    expect(plottable({ x: 1, y: 1e-30 }, 'linear', 'log')).toBe(true);
    expect(plottable({ x: 0, y: 1 }, 'log', 'linear')).toBe(false);
  });

  it('keeps zero and negative values on a linear axis but never NaN', () => {
    expect(plottable({ x: 0, y: -2 }, 'linear', 'linear')).toBe(true);
    expect(onAxis(NaN, 'linear')).toBe(false);
    expect(onAxis(Infinity, 'linear')).toBe(false);
  });
});

describe('axisDomain', () => {
  it('spans the values the axis can show', () => {
    expect(axisDomain([0, 1e-6, 0.3, -1], 'log')).toEqual([1e-6, 0.3]);
    expect(axisDomain([0, -1, 2], 'linear')).toEqual([-1, 2]);
  });

  it('widens an empty or single-valued domain so the scale never degenerates', () => {
    expect(axisDomain([], 'linear')).toEqual([0, 1]);
    expect(axisDomain([0, -3], 'log')).toEqual([1, 10]);
    expect(axisDomain([2, 2], 'linear')).toEqual([1, 3]);
    expect(axisDomain([0.5], 'log')).toEqual([0.05, 5]);
  });
});

describe('integerTicksIfIntegral', () => {
  it('drops fractional ticks when every x is an integer', () => {
    expect(integerTicksIfIntegral([0, 0.5, 1, 1.5, 2], [0, 1, 2])).toEqual([0, 1, 2]);
  });

  it('keeps fractional ticks when some x is fractional', () => {
    expect(integerTicksIfIntegral([0, 0.5, 1], [0, 0.25])).toEqual([0, 0.5, 1]);
  });
});

describe('logTickLabelled', () => {
  it('labels every tick when there is room', () => {
    expect([1, 2, 5, 10].every((v) => logTickLabelled(v, 4, 10))).toBe(true);
  });

  it('labels only powers of ten when ticks are crowded', () => {
    const ticks = [
      0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ];
    const labelled = ticks.filter((v) => logTickLabelled(v, ticks.length, 2));
    expect(labelled).toEqual([0.01, 0.1, 1]);
  });
});

describe('nearestIndex', () => {
  it('finds the point nearest the pointer in screen distance', () => {
    expect(nearestIndex([10, 50, 90], [20, 20, 80], 45, 25)).toBe(1);
    expect(nearestIndex([10, 50, 90], [20, 20, 80], 88, 60)).toBe(2);
  });

  it('is -1 when there are no points', () => {
    expect(nearestIndex([], [], 0, 0)).toBe(-1);
  });
});
