import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../../core';
import type { NnEpochRecord } from '../../../core/nn/networkTypes';
import { comparisonCharts, correlationChart } from './nfaChartData';

const rfm = [
  { iteration: 0, testMse: 0.8, testAccuracy: null },
  { iteration: 1, testMse: 0.1, testAccuracy: null },
] as IterationRecord[];
const nn = [
  { epoch: 0, testMse: 1.3, testAccuracy: null, nfaCorr: 0.7, nfaCorrCentred: NaN, nfaCorrInit: 0.7 },
  { epoch: 5, testMse: 0.05, testAccuracy: null, nfaCorr: 0.9, nfaCorrCentred: 0.95, nfaCorrInit: 0.45 },
] as NnEpochRecord[];

describe('the NFA chart data', () => {
  it('gives the RFM and the network charts one y extent covering both and the baseline', () => {
    const { rfm: left, nn: right } = comparisonCharts(rfm, nn, 'mse', 'gaussian');
    expect(left.yExtent).toEqual(right.yExtent);
    expect(Math.min(...left.yExtent!)).toBe(0.05);
    expect(Math.max(...left.yExtent!)).toBe(1.3);
    const baseline = right.series.find((s) => s.id === 'baseline')!;
    expect(baseline.label).toBe('gaussian kernel baseline (M = I)');
    expect(baseline.points).toEqual([
      { x: 0, y: 0.8 },
      { x: 5, y: 0.8 },
    ]);
  });

  it('draws no accuracy where the task has none', () => {
    const { rfm: left, nn: right } = comparisonCharts(rfm, nn, 'accuracy');
    expect(left.series.every((s) => s.points.length === 0)).toBe(true);
    expect(right.series.every((s) => s.points.length === 0)).toBe(true);
  });

  it('skips correlations that do not exist (the centred one at initialisation) instead of drawing them at 0', () => {
    const chart = correlationChart(nn);
    expect(chart.series.find((s) => s.id === 'centred')!.points).toEqual([{ x: 5, y: 0.95 }]);
    expect(chart.series.find((s) => s.id === 'init')!.points.map((p) => p.y)).toEqual([0.7, 0.45]);
    expect(chart.series.find((s) => s.id === 'rfm')!.points).toEqual([]);
  });
});
