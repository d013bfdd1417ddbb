/**
 * The Average Gradient Outer Product of the kernel predictor f(x) = sum_j alpha_j K_M(x, x_j).
 *
 * grad f_k(x_i) = M u_ik with u_ik = sum_j W_ij alpha_jk (x_j - x_i)
 *              = (W diag(alpha_k) X)_i - (W alpha_k)_i x_i,
 * so G = sum_ik M u_ik u_ik^T M = M (U^T U) M needs only matrix products. Rows are processed in
 * batches and outputs in groups so no n x n x d tensor (nor an n x n one) is ever materialised.
 * Centring subtracts the mean gradient per output: sum_i (u - mean)(u - mean)^T = U^T U - N mean mean^T.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelFunction } from './kernels';
import { rowSquaredDistances, type MetricPoints } from './distance';

/** Floats allowed in one batch's largest intermediate (64 MiB of float32). */
const BATCH_FLOATS = 16 * 1024 * 1024;

export interface AgopInput {
  kernel: KernelFunction;
  /** Training points under the current M. */
  points: MetricPoints;
  /** [n, c] */
  alpha: tf.Tensor2D;
  /** Row indices (into the training points) at which gradients are taken. */
  rows: Int32Array;
  centering: boolean;
  /** Awaited between batches: lets the caller yield, report progress or cancel. */
  betweenBatches?: (fractionDone: number) => Promise<void>;
}

/**
 * Returns U^T U (centred if asked) as a row-major float64 [d, d] matrix, before the M (.) M sandwich.
 * The caller applies M on both sides (see `sandwich`).
 */
export async function gradientOuterProductSum(input: AgopInput): Promise<Float64Array> {
  const { kernel, points, alpha, rows, centering, betweenBatches } = input;
  const [n, d] = points.x.shape;
  const c = alpha.shape[1];
  const outputsPerGroup = Math.max(1, Math.min(c, Math.floor(BATCH_FLOATS / (n * d))));
  const rowsPerBatch = Math.max(1, Math.min(rows.length, Math.floor(BATCH_FLOATS / Math.max(n, outputsPerGroup * d))));

  let gram = tf.zeros([d, d]) as tf.Tensor2D;
  const gradientSums: tf.Tensor2D[] = [];
  for (let k0 = 0; k0 < c; k0 += outputsPerGroup) {
    const g = Math.min(outputsPerGroup, c - k0);
    // alphaX[j, k * d + l] = alpha[j, k0 + k] * X[j, l]
    const alphaGroup = tf.slice(alpha, [0, k0], [n, g]);
    const alphaX = tf.tidy(() =>
      tf.reshape(tf.mul(tf.reshape(alphaGroup, [n, g, 1]), tf.reshape(points.x, [n, 1, d])), [n, g * d]),
    );
    let groupSum = tf.zeros([g, d]) as tf.Tensor2D;
    for (let r0 = 0; r0 < rows.length; r0 += rowsPerBatch) {
      const b = Math.min(rowsPerBatch, rows.length - r0);
      const next = tf.tidy(() => {
        const rowIndices = tf.tensor1d(rows.subarray(r0, r0 + b), 'int32');
        const d2 = rowSquaredDistances(points, rowIndices);
        const w = kernel.gradientWeight(kernel.value(d2), d2);
        const weighted = tf.reshape(tf.matMul(w, alphaX), [b, g, d]);
        const rowSums = tf.reshape(tf.matMul(w, alphaGroup), [b, g, 1]);
        const xRows = tf.reshape(tf.gather(points.x, rowIndices), [b, 1, d]);
        const u = tf.reshape(tf.sub(weighted, tf.mul(rowSums, xRows)), [b * g, d]);
        return {
          gram: tf.add(gram, tf.matMul(u, u, true, false)) as tf.Tensor2D,
          sum: tf.add(groupSum, tf.sum(tf.reshape(u, [b, g, d]), 0)) as tf.Tensor2D,
        };
      });
      gram.dispose();
      groupSum.dispose();
      gram = next.gram;
      groupSum = next.sum;
      await betweenBatches?.((k0 * rows.length + g * (r0 + b)) / (c * rows.length));
    }
    alphaGroup.dispose();
    alphaX.dispose();
    gradientSums.push(groupSum);
  }
  const gramValues = Float64Array.from((await gram.data()) as Float32Array);
  gram.dispose();
  if (centering) {
    for (const sum of gradientSums) {
      const s = (await sum.data()) as Float32Array;
      for (let k = 0; k < s.length / d; k++) {
        for (let i = 0; i < d; i++) {
          const si = s[k * d + i]! / rows.length;
          for (let j = 0; j < d; j++) gramValues[i * d + j] = gramValues[i * d + j]! - si * s[k * d + j]!;
        }
      }
    }
  }
  gradientSums.forEach((t) => t.dispose());
  return gramValues;
}

/** M A M for symmetric row-major [d, d] matrices, in float64. */
export function sandwich(m: Float64Array, a: Float64Array, d: number): Float64Array {
  const am = multiply(a, m, d);
  return multiply(m, am, d);
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
