/**
 * The Average Gradient Outer Product of the kernel predictor f(x) = sum_j alpha_j K_M(x, x_j).
 *
 * grad f_k(x_i) = M u_ik with u_ik = sum_j W_ij alpha_jk (x_j - x_i)
 *              = (W diag(alpha_k) X)_i - (W alpha_k)_i x_i,
 * so G = sum_ik M u_ik u_ik^T M = M (U^T U) M needs only matrix products. Rows are processed in
 * batches (W computed once per batch) and outputs in groups, so no n x n x d tensor is ever
 * materialised and memory stays bounded. When the caller still holds K and the squared distances of all
 * training pairs and every row fits in one batch, they are used instead of being computed again.
 * Centring subtracts the mean gradient per output from the gradients themselves (see BatchMeans).
 * u is invariant to a common shift of X (it sums x_j - x_i), so X may be centred by the caller.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelFunction } from './kernels/kernelFunction';
import { rowSquaredDistances, type MetricPoints } from './distance';
import { BatchMeans, GramSum, type AgopBatch } from './agopBatches';
import { denseStrategy } from './agopDense';
import { oneHotStrategy } from './agopOneHot';
import type { OneHotGroup } from './oneHotGroups';

/** Floats allowed in one batch's largest intermediate (64 MiB of float32). */
export const BATCH_FLOATS = 16 * 1024 * 1024;

export interface AgopInput {
  kernel: KernelFunction;
  /** Training points under the current M. */
  points: MetricPoints;
  /** [n, c] */
  alpha: tf.Tensor2D;
  /** Row indices (into the training points) at which gradients are taken, ascending. */
  rows: Int32Array;
  centering: boolean;
  /** Set when X is made of one-hot groups: the gradients are then summed by value on the CPU (wasm/oneHotSums.ts). */
  oneHotGroups?: readonly OneHotGroup[];
  /** K [n, n] and squared distances [n, n] (self pairs exactly 0) of all training pairs, if still held. */
  allPairs?: { k: tf.Tensor2D; d2: tf.Tensor2D };
  /** Floats allowed in one batch's largest intermediate (default BATCH_FLOATS; lower it to test batching). */
  batchFloats?: number;
  /** Gradient columns per product on the one-hot path (default ONE_HOT_CHUNK_COLUMNS; lower it to test). */
  oneHotChunkColumns?: number;
  /** Awaited between batches: lets the caller yield, report progress or cancel. */
  betweenBatches?: (fractionDone: number) => Promise<void>;
}

/**
 * Returns U^T U (centred if asked) as a row-major float64 [d, d] matrix, before the M (.) M sandwich.
 * The caller applies M on both sides (see `sandwich`). The rows go in batches through one of two
 * strategies: dense products (agopDense.ts) or sums over one-hot groups (agopOneHot.ts). Every tensor it
 * makes is freed, also when `betweenBatches` throws (a cancelled run).
 */
export async function gradientOuterProductSum(input: AgopInput): Promise<Float64Array> {
  const { kernel, points, alpha, rows, centering, allPairs, oneHotGroups, betweenBatches } = input;
  const batchFloats = input.batchFloats ?? BATCH_FLOATS;
  const [n, d] = points.x.shape;
  const strategy = oneHotGroups
    ? await oneHotStrategy(points.x, alpha, oneHotGroups, centering, input.oneHotChunkColumns)
    : denseStrategy(points, alpha, centering, batchFloats);
  const rowsPerBatch = Math.max(
    1,
    Math.min(rows.length, Math.floor(batchFloats / Math.max(n, strategy.outputsPerGroup * d))),
  );
  const reuseAllPairs = allPairs !== undefined && rows.length === n && rowsPerBatch === n;
  /** W for the batch's rows [b, n]. Call inside tidy. */
  const weights = (rowIndices: tf.Tensor1D): tf.Tensor2D => {
    if (reuseAllPairs) return kernel.gradientWeight(allPairs.k, allPairs.d2) as tf.Tensor2D;
    const d2 = rowSquaredDistances(points, rowIndices);
    return kernel.gradientWeight(kernel.value(d2), d2) as tf.Tensor2D;
  };
  const gram = new GramSum(d);
  const means = centering ? new BatchMeans(d) : null;
  try {
    for (let r0 = 0; r0 < rows.length; r0 += rowsPerBatch) {
      const b = Math.min(rowsPerBatch, rows.length - r0);
      const batch: AgopBatch = { rows: rows.subarray(r0, r0 + b), weights, allRows: reuseAllPairs };
      await strategy.addBatch(batch, gram, means);
      await betweenBatches?.((r0 + b) / rows.length);
    }
    const gramValues = await gram.values();
    means?.addBetweenBatches(gramValues);
    return gramValues;
  } finally {
    gram.dispose();
  }
}

/** M A M for symmetric row-major [d, d] matrices, in float64. */
export function sandwich(m: Float64Array, a: Float64Array, d: number): Float64Array {
  return multiply(m, multiply(a, m, d), d);
}

function multiply(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) {
      const aik = a[i * d + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < d; j++) out[i * d + j] = out[i * d + j]! + aik * b[k * d + j]!;
    }
  }
  return out;
}
