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

/** One line of the NFA chart: what it measures, its colour, and whether it is a claim or a control. */
export interface CorrelationLine {
  id: string;
  label: string;
  color: string;
  dashed: boolean;
  group: 'claim' | 'control';
  value: (r: NnEpochRecord) => number | null;
}

/**
 * The six lines, in the order drawn and listed: four measures of the ansatz, then the two controls they must
 * beat. Colours are fixed here (Tableau 10 for the measures, greys for the controls) so that the panel's own
 * legend (NfaLegend.tsx, which gives each line's final value) and the chart agree.
 */
export const CORRELATION_LINES: readonly CorrelationLine[] = [
  { id: 'nfa', label: 'corr(WᵀW, √AGOP)', color: '#4e79a7', dashed: false, group: 'claim', value: (r) => r.nfaCorr },
  { id: 'centred', label: 'centred (W−W₀)ᵀ(W−W₀)', color: '#f28e2c', dashed: false, group: 'claim', value: (r) => r.nfaCorrCentred }, // prettier-ignore
  { id: 'offdiag', label: 'off-diagonal only', color: '#e15759', dashed: false, group: 'claim', value: (r) => r.nfaCorrOffdiag }, // prettier-ignore
  { id: 'rfm', label: 'corr(WᵀW, RFM’s M)', color: '#76b7b2', dashed: false, group: 'claim', value: (r) => r.nfaCorrWithRfmM }, // prettier-ignore
  { id: 'w0', label: 'W₀ᵀW₀ vs this epoch’s √AGOP', color: '#888', dashed: true, group: 'control', value: (r) => r.nfaCorrW0 }, // prettier-ignore
  { id: 'offdiag-w0', label: 'the same, off the diagonal', color: '#bbb', dashed: true, group: 'control', value: (r) => r.nfaCorrOffdiagW0 }, // prettier-ignore
];

/**
 * The NFA correlations by epoch, with their controls: the off-diagonal figure (its epoch-0 point is the
 * network at initialisation against its own AGOP) and W_0^T W_0 against each epoch's AGOP (docs/nfa.md).
 */
export function correlationChart(nn: readonly NnEpochRecord[]): LineChartData {
  return {
    series: CORRELATION_LINES.map(({ id, label, color, dashed, value }) => ({
      id,
      label,
      color,
      dashed,
      points: points(nn, (r) => r.epoch, value),
    })),
    yExtent: [0, 1],
  };
}

const two = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2);

/**
 * What this run showed, for the caption: the last epoch against epoch 0 (the same network at
 * initialisation, against its own AGOP), all entries and off the diagonal, and the W_0 control under its
 * own name. Null before the first record after epoch 0.
 */
export function correlationFinding(nn: readonly NnEpochRecord[]): string | null {
  const first = nn[0];
  const last = nn.at(-1);
  if (!first || !last || last.epoch === first.epoch) return null;
  const gain = last.nfaCorrOffdiag - first.nfaCorrOffdiag;
  const verdict = !Number.isFinite(gain)
    ? ''
    : gain > 0.1
      ? ' Training raised the off-diagonal figure: the ansatz holds beyond the diagonal here.'
      : ' Training did not raise the off-diagonal figure much: most of the raw figure was there at initialisation.';
  return (
    `This run: corr(WᵀW, √AGOP) ${two(last.nfaCorr)} at epoch ${last.epoch} against ${two(first.nfaCorr)} at epoch ${first.epoch} ` +
    `(the same network at initialisation, against its own AGOP); off the diagonal ${two(last.nfaCorrOffdiag)} against ` +
    `${two(first.nfaCorrOffdiag)}. Control, W₀ᵀW₀ against the final √AGOP: ${two(last.nfaCorrW0)} ` +
    `(off the diagonal ${two(last.nfaCorrOffdiagW0)}).${verdict}`
  );
}
