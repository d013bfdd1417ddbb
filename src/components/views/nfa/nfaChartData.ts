/**
 * The numbers behind the NFA panels, from run and network records, kept apart from React and d3 so they can
 * be tested in Node: the error and accuracy series of the RFM (by iteration) and the network (by epoch) with
 * the Laplace-kernel baseline and one shared y extent, and the correlation series by epoch.
 */
import type { IterationRecord } from '../../../core';
import type { NnEpochRecord } from '../../../core/nn/networkTypes';
import type { LineChartData, LineSeries } from '../../../viz/lineChart';

type Metric = 'mse' | 'accuracy';

function points<R>(records: readonly R[], x: (r: R) => number, y: (r: R) => number | null) {
  return records.flatMap((r) => {
    const value = y(r);
    return value === null || !Number.isFinite(value) ? [] : [{ x: x(r), y: value }];
  });
}

const rfmValue = (metric: Metric) => (r: IterationRecord) => (metric === 'mse' ? r.testMse : r.testAccuracy);
const nnValue = (metric: Metric) => (r: NnEpochRecord) => (metric === 'mse' ? r.testMse : r.testAccuracy);

/** The baseline (iteration 0: the plain kernel, M = I) as a flat dashed line over [0, xMax]. */
function baselineSeries(
  records: readonly IterationRecord[],
  metric: Metric,
  xMax: number,
  label = 'kernel baseline (M = I)',
): LineSeries[] {
  const y = records[0] ? rfmValue(metric)(records[0]) : null;
  if (y === null || y === undefined || !Number.isFinite(y)) return [];
  return [
    {
      id: 'baseline',
      label,
      points: [
        { x: 0, y },
        { x: Math.max(1, xMax), y },
      ],
      dashed: true,
      color: '#888',
    },
  ];
}

/** Both charts of one metric (test MSE or test accuracy): RFM by iteration, network by epoch, one y axis. */
export function comparisonCharts(
  rfm: readonly IterationRecord[],
  nn: readonly NnEpochRecord[],
  metric: Metric,
  /** The kernel's name, for the baseline's label (the seed article's baseline is the Laplace kernel). */
  kernel = 'laplace',
): { rfm: LineChartData; nn: LineChartData } {
  const baselineLabel = `${kernel} kernel baseline (M = I)`;
  const label = metric === 'mse' ? 'test MSE' : 'test accuracy';
  const rfmPoints = points(rfm, (r) => r.iteration, rfmValue(metric));
  const nnPoints = points(nn, (r) => r.epoch, nnValue(metric));
  const yExtent = [...rfmPoints, ...nnPoints, ...baselineSeries(rfm, metric, 1).flatMap((s) => s.points)].map(
    (p) => p.y,
  );
  const lastIteration = rfm.at(-1)?.iteration ?? 1;
  const lastEpoch = nn.at(-1)?.epoch ?? 1;
  return {
    rfm: {
      series: [
        { id: 'rfm', label: `RFM ${label}`, points: rfmPoints },
        ...baselineSeries(rfm, metric, lastIteration, baselineLabel),
      ],
      yExtent,
    },
    nn: {
      series: [
        { id: 'nn', label: `network ${label}`, points: nnPoints, color: '#e15759' },
        ...baselineSeries(rfm, metric, lastEpoch, baselineLabel),
      ],
      yExtent,
    },
  };
}

/** The NFA correlations by epoch, with their controls: the initialisation baseline and the off-diagonal figure. */
export function correlationChart(nn: readonly NnEpochRecord[]): LineChartData {
  const at = (y: (r: NnEpochRecord) => number | null) => points(nn, (r) => r.epoch, y);
  return {
    series: [
      { id: 'nfa', label: 'corr(WᵀW, √AGOP)', points: at((r) => r.nfaCorr) },
      { id: 'centred', label: 'centred (W−W₀)ᵀ(W−W₀)', points: at((r) => r.nfaCorrCentred) },
      { id: 'offdiag', label: 'off-diagonal only', points: at((r) => r.nfaCorrOffdiag) },
      { id: 'rfm', label: 'corr(WᵀW, RFM’s M)', points: at((r) => r.nfaCorrWithRfmM) },
      { id: 'init', label: 'baseline: W₀ᵀW₀ (init)', points: at((r) => r.nfaCorrInit), dashed: true, color: '#888' },
      {
        id: 'offdiag-init',
        label: 'off-diagonal baseline (init)',
        points: at((r) => r.nfaCorrOffdiagInit),
        dashed: true,
        color: '#bbb',
      },
    ],
    yExtent: [0, 1],
  };
}
