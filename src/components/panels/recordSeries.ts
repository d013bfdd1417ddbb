/** Line-chart series of one per-iteration number of the records (points where it is null are skipped). */
import type { IterationRecord } from '../../core';

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
