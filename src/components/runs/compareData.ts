/**
 * What the comparison shows, derived from the compared runs: one error curve per run in its colour, and
 * one colour domain for all their final M (so equal colours mean equal values across the heatmaps).
 */
import { colourValues, type MatrixScale } from '../../viz/matrixScale';
import { shownExtent, symmetricBound } from '../../viz/heatmapScale';
import { finalMatrix, type KeptRun } from '../../store/runs/keptRun';
import type { LineSeries } from '../../viz/lineChart';

/** Test error (or accuracy) by iteration per run; a sweep point has its baseline and final values only. */
export function compareSeries(runs: readonly KeptRun[], metric: 'testMse' | 'testAccuracy'): LineSeries[] {
  return runs.map((run) => {
    const points = run.records.flatMap((r) => {
      const y = r[metric];
      return y === null ? [] : [{ x: r.iteration, y }];
    });
    if (run.records.length === 0 && run.point) {
      const [first, last] =
        metric === 'testMse'
          ? [run.point.baselineTestMse, run.point.finalTestMse]
          : [run.point.baselineTestAccuracy, run.point.finalTestAccuracy];
      if (first !== null) points.push({ x: 0, y: first });
      if (last !== null) points.push({ x: run.params.iters, y: last });
    }
    return { id: run.id, label: run.name, color: run.color, points };
  });
}

/** Whether any compared run has test accuracy (a classification task). */
export function hasAccuracy(runs: readonly KeptRun[]): boolean {
  return runs.some((r) => r.records.some((rec) => rec.testAccuracy !== null) || r.point?.finalTestAccuracy != null);
}

/** The colour domain half-width shared by the runs' final M on `scale` (1 for correlations). */
export function sharedBound(runs: readonly KeptRun[], scale: MatrixScale, hideDiagonal: boolean): number {
  if (scale === 'corr') return 1;
  let bound = 0;
  for (const run of runs) {
    const m = finalMatrix(run);
    if (!m) continue;
    bound = Math.max(bound, symmetricBound(shownExtent(colourValues(m.M, m.d, scale), m.d, hideDiagonal)));
  }
  return bound > 0 ? bound : 1;
}
