/**
 * Line-chart series built from per-iteration records: one number per iteration as a curve (recordSeries),
 * or one line per iteration over an index, coloured light to dark by iteration (iterationLines: the
 * kernel spectrum, the lin-RFM spectra, the text panel's position shares).
 */
import type { IterationRecord } from '../../core';
import { iterationColor } from '../../viz/colors';
import type { LineSeries } from '../../viz/lineChart';

/** Line-chart series of one per-iteration number of the records (points where it is null are skipped). */
export function recordSeries(
  records: readonly IterationRecord[],
  id: string,
  label: string,
  value: (r: IterationRecord) => number | null,
  dashed = false,
) {
  return {
    id,
    label,
    dashed,
    points: records.flatMap((r) => {
      const y = value(r);
      return y === null ? [] : [{ x: r.iteration, y }];
    }),
  };
}

export interface IterationLinesOptions<R> {
  iteration: (item: R) => number;
  /** The line's y values, drawn at x = 1, 2, ... (or at x(i)). */
  values: (item: R) => ArrayLike<number>;
  /** The colour ramp spans this many iterations (at least the number of items). */
  planned: number;
  dark?: boolean;
  /** What iteration 0 is, for its label: 'baseline', 'M = I'. */
  baseline: string;
  x?: (index: number) => number;
}

/** One line per item (an iteration), labelled and coloured by its iteration. */
export function iterationLines<R>(items: readonly R[], options: IterationLinesOptions<R>): LineSeries[] {
  const total = Math.max(options.planned, items.length);
  const x = options.x ?? ((i: number) => i + 1);
  return items.map((item) => {
    const t = options.iteration(item);
    return {
      id: `t${t}`,
      label: t === 0 ? `iteration 0 (${options.baseline})` : `iteration ${t}`,
      color: iterationColor(t, total, options.dark),
      points: Array.from(options.values(item), (y, i) => ({ x: x(i), y })),
    };
  });
}
