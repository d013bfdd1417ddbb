import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../../protocol/messages';
import { sweepChartData, sweepMetric, sweepSummary, sweepXScale, topCoordinates } from './sweepChartData';

function point(value: number, final: number, baseline: number, accuracy: [number, number] | null = null): SweepPoint {
  return {
    value,
    baselineTestMse: baseline,
    finalTestMse: final,
    bestTestMse: final / 2,
    bestIteration: 1,
    baselineTestAccuracy: accuracy?.[0] ?? null,
    finalTestAccuracy: accuracy?.[1] ?? null,
    M: Float64Array.of(1, 0, 0, 3),
    d: 2,
  };
}

describe('sweepMetric', () => {
  it('uses accuracy when every point has one, test MSE otherwise', () => {
    expect(sweepMetric([point(1, 0.2, 0.4, [0.5, 0.9])])).toBe('accuracy');
    expect(sweepMetric([point(1, 0.2, 0.4)])).toBe('mse');
    expect(sweepMetric([])).toBe('mse');
  });
});

describe('sweepXScale', () => {
  it('is log for a log-scale parameter with positive values, linear otherwise', () => {
    expect(sweepXScale('lambda', [point(1e-3, 1, 1)])).toBe('log');
    expect(sweepXScale('lambda', [point(0, 1, 1)])).toBe('linear');
    expect(sweepXScale('d', [point(5, 1, 1)])).toBe('linear');
  });
});

describe('sweepChartData', () => {
  it('draws RFM final, RFM best and the baseline against the swept value', () => {
    const data = sweepChartData([point(5, 0.1, 1), point(10, 0.2, 4)], 'mse', null);
    expect(data.series.map((s) => s.id)).toEqual(['rfm', 'best', 'baseline']);
    expect(data.series[0]!.points).toEqual([
      { x: 5, y: 0.1 },
      { x: 10, y: 0.2 },
    ]);
    expect(data.series[2]!.points.at(-1)).toEqual({ x: 10, y: 4 });
    expect(data.annotations).toEqual([]);
  });

  it('draws accuracy for RFM and the baseline, and marks the point shown', () => {
    const data = sweepChartData([point(5, 0.1, 1, [0.6, 0.95])], 'accuracy', 5);
    expect(data.series.map((s) => [s.id, s.points[0]!.y])).toEqual([
      ['rfm', 0.95],
      ['baseline', 0.6],
    ]);
    expect(data.annotations).toEqual([{ x: 5, label: 'M shown' }]);
  });
});

describe('sweepSummary', () => {
  it('reads RFM and the baseline at the largest swept value, whatever the order', () => {
    expect(sweepSummary([point(80, 2, 9), point(5, 0.1, 0.2)], 'mse')).toEqual({ value: 80, rfm: 2, baseline: 9 });
    expect(sweepSummary([], 'mse')).toBeNull();
  });
});

describe('topCoordinates', () => {
  it('names the coordinates with the largest diagonal entries of M first', () => {
    expect(topCoordinates(Float64Array.of(1, 0, 0, 3), 2, undefined)).toBe('x2, x1');
    expect(topCoordinates(Float64Array.of(1, 0, 0, 3), 2, ['a', 'b'], 1)).toBe('b');
  });
});
