import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../../core';
import type { NnEpochRecord } from '../../../core/nn/networkTypes';
import { comparisonCharts, correlationChart, correlationFinding } from './nfaChartData';

const rfm = [
  { iteration: 0, testMse: 0.8, testAccuracy: null },
  { iteration: 1, testMse: 0.1, testAccuracy: null },
] as IterationRecord[];
const nn = [
  {
    epoch: 0,
    testMse: 1.3,
    testAccuracy: null,
    nfaCorr: 0.77,
    nfaCorrCentred: NaN,
    nfaCorrW0: 0.77,
    nfaCorrOffdiag: 0.14,
    nfaCorrOffdiagW0: 0.14,
  },
  {
    epoch: 5,
    testMse: 0.05,
    testAccuracy: null,
    nfaCorr: 0.98,
    nfaCorrCentred: 0.95,
    nfaCorrW0: 0.39,
    nfaCorrOffdiag: 0.75,
    nfaCorrOffdiagW0: -0.09,
  },
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
    expect(chart.series.find((s) => s.id === 'w0')!.points.map((p) => p.y)).toEqual([0.77, 0.39]);
    expect(chart.series.find((s) => s.id === 'rfm')!.points).toEqual([]);
  });

  it('states the run against epoch 0 (the network at initialisation with its own AGOP), and names the W0 control for what it is', () => {
    const text = correlationFinding(nn)!;
    expect(text).toContain('0.98 at epoch 5 against 0.77 at epoch 0');
    expect(text).toContain('off the diagonal 0.75 against 0.14');
    expect(text).toContain('W₀ᵀW₀ against the final √AGOP: 0.39');
    expect(text).not.toMatch(/about 0\.9|initiali[sz]ation baseline/);
    expect(correlationFinding(nn.slice(0, 1))).toBeNull();
  });
});
