/**
 * One split of the AGOP tree (docs/trees.md): fit an RFM on a sample of the node's rows, take the top
 * eigenvector of its M (the AGOP of the last update, normalised), project the node's rows on it and cut at
 * the median. The direction is the one the target varies along most, so the two halves differ where the
 * target does; xRFM splits the same way.
 */
import { symmetricEigen } from '../linalg/symmetricEigen';
import { createRandom, permutation } from '../random';
import { trainRfm, type TrainHooks } from '../rfm';
import type { Dataset, RfmOptions } from '../types';
import { subsetDataset } from './leafData';
import { project } from './route';
import type { TreeOptions } from './treeTypes';

export interface SplitDirection {
  /** Unit vector [d], largest entry positive (so the same M always gives the same sign). */
  direction: Float64Array;
  /** Top eigenvalue over the trace of M. */
  dominance: number;
}

/** The top eigenvector of a symmetric [d, d] M, with its share of the trace. */
export function topDirection(m: Float64Array, d: number): SplitDirection {
  const { values, vectors } = symmetricEigen(m, d);
  const direction = new Float64Array(d);
  let largest = 0;
  for (let k = 0; k < d; k++) {
    direction[k] = vectors[k * d]!;
    if (Math.abs(direction[k]!) > Math.abs(largest)) largest = direction[k]!;
  }
  if (largest < 0) for (let k = 0; k < d; k++) direction[k] = -direction[k]!;
  let trace = 0;
  for (let k = 0; k < d; k++) trace += m[k * d + k]!;
  return { direction, dominance: trace > 0 ? values[0]! / trace : 0 };
}

/** Fits the split's RFM on at most splitSampleSize of `rows` (seeded) and returns M's top direction. */
export async function splitDirection(
  data: Dataset,
  rows: Int32Array,
  options: RfmOptions,
  tree: TreeOptions,
  seed: number,
  hooks: TrainHooks,
): Promise<SplitDirection> {
  const size = Math.min(rows.length, tree.splitSampleSize);
  const order = permutation(rows.length, createRandom(seed));
  const sample = Int32Array.from(order.subarray(0, size), (r) => rows[r]!).sort();
  const sampleData = subsetDataset(data, sample, []);
  const splitOptions: RfmOptions = {
    ...options,
    iterations: Math.max(1, Math.min(options.iterations, tree.splitIterations)),
    validationFraction: 0,
    earlyStopping: false,
    spectrumSize: 1,
    seed,
  };
  let m: Float64Array | null = null;
  for await (const record of trainRfm(sampleData, splitOptions, { checkpoint: hooks.checkpoint })) m = record.M;
  if (!m) throw new Error('the split RFM produced no iteration');
  return topDirection(m, data.d);
}

/**
 * The median of the rows' projections as a threshold that leaves both sides non-empty: rows <= it go left.
 * Null when every projection is the same (no threshold can split them).
 */
export function medianThreshold(projections: Float64Array): number | null {
  const sorted = Float64Array.from(projections).sort();
  const n = sorted.length;
  const median = sorted[Math.floor((n - 1) / 2)]!;
  if (median < sorted[n - 1]!) return median;
  // Ties at the top: cut just below them instead (the largest value under the maximum), if there is one.
  let below = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (sorted[i]! < median) {
      below = i;
      break;
    }
  }
  return below >= 0 ? sorted[below]! : null;
}

/** The node's rows projected on `direction`, [rows.length]. */
export function projectRows(x: Float32Array, d: number, rows: Int32Array, direction: Float64Array): Float64Array {
  return Float64Array.from(rows, (i) => project(x, i * d, direction));
}
