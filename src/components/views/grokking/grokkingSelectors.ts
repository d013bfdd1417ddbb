/**
 * What the grokking panels derive from the store: the modular layout of the data being trained, the
 * accuracy jump, and the per-iteration structure measures (computed once per new record, shared by the
 * charts that show them).
 */
import type { DatasetLayout, IterationRecord } from '../../../core';
import {
  grokkingTrajectory,
  jumpIteration,
  maxTestAccuracy,
  type GrokkingPoint,
} from '../../../core/analysis/grokking';
import { circulantResidueOrders, discreteLogOrder } from '../../../data/sources/modular';
import type { AppState } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { selectRecords } from '../../../store/selectors';

export type ModularLayout = Extract<DatasetLayout, { kind: 'modular' }>;

/** The layout of the data the current run trains on, when it is modular arithmetic. */
export const selectModularLayout = (s: AppState): ModularLayout | null =>
  s.dataset?.layout.kind === 'modular' ? s.dataset.layout : null;

/** The first iteration with test accuracy >= 99%, or null. */
export const selectJumpIteration = (s: AppState): number | null => jumpIteration(selectRecords(s));

export const selectMaxTestAccuracy = (s: AppState): number | null => maxTestAccuracy(selectRecords(s));

/** Multiplication and division show their structure only with residues in discrete-log order. */
export const usesDiscreteLog = (op: ModularLayout['op']): boolean => op === '*' || op === '/';

const logOrders = new Map<number, Int32Array>();

/** discreteLogOrder(p), computed once per p. */
export function cachedDiscreteLogOrder(p: number): Int32Array {
  let order = logOrders.get(p);
  if (!order) {
    order = discreteLogOrder(p);
    logOrders.set(p, order);
  }
  return order;
}

let cached: { records: IterationRecord[]; layout: ModularLayout; points: GrokkingPoint[] } | null = null;

/**
 * The grokking measures of every record so far, with M_T the latest M and the circulant deviation taken
 * in the residue orders that suit the operation. Cached on the records array, which each new record
 * replaces, so two charts of one update share one computation.
 */
export function grokkingPoints(records: IterationRecord[], layout: ModularLayout): GrokkingPoint[] {
  if (cached && cached.records === records && cached.layout === layout) return cached.points;
  const points = grokkingTrajectory(records, layout.p, circulantResidueOrders(layout.p, layout.op));
  cached = { records, layout, points };
  return points;
}

/**
 * The latest deviation read against its scale, 1/p (a block with no structure scores about 1/p; at most 1/p
 * for any block): "latest (iteration 12): 4.1e-4, 0.025 × 1/p".
 */
export function deviationReading(points: readonly GrokkingPoint[], p: number): string | null {
  const last = [...points].reverse().find((q) => q.circulantDeviation !== null);
  if (!last || last.circulantDeviation === null) return null;
  const v = last.circulantDeviation;
  return `Latest (iteration ${last.iteration}): ${formatValue(v)}, ${formatValue(v * p, 2)} × 1/p.`;
}
