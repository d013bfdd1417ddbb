/**
 * The numbers the sweep panels draw, kept apart from the DOM so they can be tested in Node: which metric
 * the points carry (test MSE, or accuracy for classification), one line per model against the swept
 * value, and the summary at the largest swept value.
 */
import { PARAMS } from '../../../params/schema';
import type { SweepPoint, SweepSpec } from '../../../protocol/messages';
import type { LineChartData, LineSeries } from '../../../viz/lineChart';

export type SweepMetric = 'mse' | 'accuracy';

/** Accuracy for classification points (they carry it), test MSE otherwise. */
export function sweepMetric(points: readonly SweepPoint[]): SweepMetric {
  return points.length > 0 && points.every((p) => p.finalTestAccuracy !== null) ? 'accuracy' : 'mse';
}

export const METRIC_LABEL: Record<SweepMetric, string> = { mse: 'test MSE', accuracy: 'test accuracy' };

/** A log x axis where the parameter lives on a log scale and every swept value can sit on it. */
export function sweepXScale(param: SweepSpec['param'], points: readonly SweepPoint[]): 'linear' | 'log' {
  return PARAMS[param].scale === 'log' && points.every((p) => p.value > 0) ? 'log' : 'linear';
}

/** The series of the chart, in drawing order; a model without a value at a point leaves that point out. */
export function sweepChartData(
  points: readonly SweepPoint[],
  metric: SweepMetric,
  selectedValue: number | null,
): LineChartData {
  const series = (
    id: string,
    label: string,
    value: (p: SweepPoint) => number | null,
    style: Partial<LineSeries> = {},
  ): LineSeries => ({
    id,
    label,
    ...style,
    points: points.flatMap((p) => {
      const y = value(p);
      return y === null ? [] : [{ x: p.value, y }];
    }),
  });
  const lines =
    metric === 'accuracy'
      ? [
          series('rfm', 'RFM (final iteration)', (p) => p.finalTestAccuracy, { color: RFM_COLOR }),
          series('baseline', 'baseline (plain kernel, M = I)', (p) => p.baselineTestAccuracy, {
            color: BASELINE_COLOR,
          }),
        ]
      : [
          series('rfm', 'RFM (final iteration)', (p) => p.finalTestMse, { color: RFM_COLOR }),
          series('best', 'RFM (best iteration)', (p) => p.bestTestMse, {
            color: RFM_COLOR,
            dashed: true,
            opacity: 0.6,
          }),
          series('baseline', 'baseline (plain kernel, M = I)', (p) => p.baselineTestMse, { color: BASELINE_COLOR }),
        ];
  return {
    series: lines,
    annotations: selectedValue === null ? [] : [{ x: selectedValue, label: 'M shown' }],
  };
}

const RFM_COLOR = '#e8710a';
const BASELINE_COLOR = '#4e79a7';

export interface SweepSummary {
  /** The largest swept value. */
  value: number;
  rfm: number | null;
  baseline: number | null;
}

/** RFM and the baseline at the largest swept value (null before the first point). */
export function sweepSummary(points: readonly SweepPoint[], metric: SweepMetric): SweepSummary | null {
  let largest: SweepPoint | null = null;
  for (const p of points) if (!largest || p.value > largest.value) largest = p;
  if (!largest) return null;
  return metric === 'accuracy'
    ? { value: largest.value, rfm: largest.finalTestAccuracy, baseline: largest.baselineTestAccuracy }
    : { value: largest.value, rfm: largest.finalTestMse, baseline: largest.baselineTestMse };
}

export { topCoordinates } from '../../panels/topCoordinates';
