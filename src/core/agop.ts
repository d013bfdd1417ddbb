/**
 * The Average Gradient Outer Product of the kernel predictor f(x) = sum_j alpha_j K_M(x, x_j).
 *
 * grad f_k(x_i) = M u_ik with u_ik = sum_j W_ij alpha_jk (x_j - x_i)
 *              = (W diag(alpha_k) X)_i - (W alpha_k)_i x_i,
 * so G = sum_ik M u_ik u_ik^T M = M (U^T U) M needs only matrix products. Rows are processed in
 * batches (W computed once per batch) and outputs in groups, so no n x n x d tensor is ever
 * materialised and memory stays bounded. When the caller still holds K and the squared distances of all
 * training pairs and every row fits in one batch, they are used instead of being computed again.
 * Centring subtracts the mean gradient per output: sum_i (u - mean)(u - mean)^T = U^T U - N mean mean^T.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelFunction } from './kernels';
import { rowSquaredDistances, type MetricPoints } from './distance';
import { matMulTransposeA } from './linalg/products';
import { oneHotWeightedSums, type OneHotGroup } from './oneHotGroups';

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
  /** Set when X is made of one-hot groups: the sums over j then only visit the rows in each group value. */
  oneHotGroups?: readonly OneHotGroup[];
  /** K [n, n] and squared distances [n, n] (self pairs exactly 0) of all training pairs, if still held. */
  allPairs?: { k: tf.Tensor2D; d2: tf.Tensor2D };
  /** Awaited between batches: lets the caller yield, report progress or cancel. */
  betweenBatches?: (fractionDone: number) => Promise<void>;
}

/**
 * Returns U^T U (centred if asked) as a row-major float64 [d, d] matrix, before the M (.) M sandwich.
 * The caller applies M on both sides (see `sandwich`).
 */
export async function gradientOuterProductSum(input: AgopInput): Promise<Float64Array> {
  const { kernel, points, alpha, rows, centering, allPairs, oneHotGroups, betweenBatches } = input;
  const [n, d] = points.x.shape;
  const c = alpha.shape[1];
  // The dense path holds alpha (x) X [n, g d] per output group; the one-hot path holds no such tensor.
  const outputsPerGroup = oneHotGroups ? c : Math.max(1, Math.min(c, Math.floor(BATCH_FLOATS / (n * d))));
  const rowsPerBatch = Math.max(1, Math.min(rows.length, Math.floor(BATCH_FLOATS / Math.max(n, outputsPerGroup * d))));
  const reuseAllPairs = allPairs !== undefined && rows.length === n && rowsPerBatch === n;

  let gram = tf.zeros([d, d]) as tf.Tensor2D;
  const groupSums: tf.Tensor2D[] = [];
  for (let k0 = 0; k0 < c; k0 += outputsPerGroup) groupSums.push(tf.zeros([Math.min(outputsPerGroup, c - k0), d]));

  for (let r0 = 0; r0 < rows.length; r0 += rowsPerBatch) {
    const b = Math.min(rowsPerBatch, rows.length - r0);
    const rowIndices = tf.tensor1d(rows.subarray(r0, r0 + b), 'int32');
    const w = tf.tidy(() => {
      if (reuseAllPairs) return kernel.gradientWeight(allPairs.k, allPairs.d2) as tf.Tensor2D;
      const d2 = rowSquaredDistances(points, rowIndices);
      return kernel.gradientWeight(kernel.value(d2), d2) as tf.Tensor2D;
    });
    const xRows = tf.tidy(() => tf.reshape(reuseAllPairs ? points.x : tf.gather(points.x, rowIndices), [b, 1, d]));
    groupSums.forEach((groupSum, group) => {
      const k0 = group * outputsPerGroup;
      const g = groupSum.shape[0];
      const next = tf.tidy(() => {
        const alphaGroup = g === c ? alpha : tf.slice(alpha, [0, k0], [n, g]);
        const weighted = oneHotGroups
          ? oneHotWeightedSums(w, alphaGroup, oneHotGroups)
          : denseWeightedSums(w, alphaGroup, points.x);
        const rowSums = tf.reshape(tf.matMul(w, alphaGroup), [b, g, 1]);
        const u = tf.sub(weighted, tf.mul(rowSums, xRows));
        const flat = tf.reshape(u, [b * g, d]) as tf.Tensor2D;
        return {
          gram: tf.add(gram, matMulTransposeA(flat, flat)) as tf.Tensor2D,
          sum: tf.add(groupSum, tf.sum(u, 0)) as tf.Tensor2D,
        };
      });
      gram.dispose();
      groupSum.dispose();
      gram = next.gram;
      groupSums[group] = next.sum;
    });
    w.dispose();
    xRows.dispose();
    rowIndices.dispose();
    await betweenBatches?.((r0 + b) / rows.length);
  }

  const gramValues = Float64Array.from((await gram.data()) as Float32Array);
  gram.dispose();
  for (const sum of groupSums) {
    if (centering) subtractMeanOuterProducts(gramValues, (await sum.data()) as Float32Array, d, rows.length);
    sum.dispose();
  }
  return gramValues;
}

/** T [b, g, d] with T[i, k, l] = sum_j W_ij alpha_jk X_jl as one dense product. Call inside tidy. */
function denseWeightedSums(w: tf.Tensor2D, alpha: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor3D {
  const [n, d] = x.shape;
  const g = alpha.shape[1];
  // alphaX[j, k * d + l] = alpha[j, k] * X[j, l]
  const alphaX = tf.reshape(tf.mul(tf.reshape(alpha, [n, g, 1]), tf.reshape(x, [n, 1, d])), [n, g * d]);
  return tf.reshape(tf.matMul(w, alphaX), [w.shape[0], g, d]);
}

/** gram -= (1/N) s_k s_k^T for each output k, where s_k [d] is the sum of that output's gradients. */
function subtractMeanOuterProducts(gram: Float64Array, sums: Float32Array, d: number, count: number): void {
  for (let k = 0; k < sums.length / d; k++) {
    for (let i = 0; i < d; i++) {
      const si = sums[k * d + i]! / count;
      for (let j = 0; j < d; j++) gram[i * d + j] = gram[i * d + j]! - si * sums[k * d + j]!;
    }
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
