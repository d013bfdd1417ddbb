/**
 * The AGOP's dense strategy (agopBatches.ts): for each group of outputs, u = W diag(alpha_k) X - (W alpha_k) x_i
 * as products on the backend, holding alpha (x) X [n, g d] per group; groups are sized to the batch budget.
 */
import * as tf from '@tensorflow/tfjs';
import { matMulTransposeA } from './linalg/products';
import type { AgopBatch, AgopStrategy, BatchMeans, GramSum } from './agopBatches';
import { directWeightedDifferences } from './directDifferences';
import type { MetricPoints } from './distance';

export function denseStrategy(
  points: MetricPoints,
  alpha: tf.Tensor2D,
  centering: boolean,
  batchFloats: number,
): AgopStrategy {
  const x = points.x;
  const [n, d] = x.shape;
  const c = alpha.shape[1];
  const outputsPerGroup = Math.max(1, Math.min(c, Math.floor(batchFloats / (n * d))));
  const groupCount = Math.ceil(c / outputsPerGroup);
  return {
    outputsPerGroup,
    async addBatch({ rows, weights, allRows }: AgopBatch, gram: GramSum, means: BatchMeans | null) {
      const b = rows.length;
      const batchSums = tf.tidy(() => {
        const rowIndices = tf.tensor1d(rows, 'int32');
        const w = weights(rowIndices);
        const batchX = (allRows ? x : tf.gather(x, rowIndices)) as tf.Tensor2D;
        const xRows = tf.reshape(batchX, [b, 1, d]);
        const sums: tf.Tensor2D[] = [];
        for (let group = 0; group < groupCount; group++) {
          const k0 = group * outputsPerGroup;
          const g = Math.min(outputsPerGroup, c - k0);
          const alphaGroup = g === c ? alpha : tf.slice(alpha, [0, k0], [n, g]);
          // Few coordinates: from direct differences, so close pairs do not cancel (directDifferences.ts).
          let u: tf.Tensor3D = points.xT
            ? directWeightedDifferences(w, alphaGroup, batchX, points.xT)
            : tf.sub(
                denseWeightedSums(w, alphaGroup, x),
                tf.mul(tf.reshape(tf.matMul(w, alphaGroup), [b, g, 1]), xRows),
              );
          if (centering) {
            // Centred on this batch's own mean gradient (per output): the batch means are combined later.
            const sum = tf.sum(u, 0) as tf.Tensor2D;
            sums.push(sum);
            u = tf.sub(u, tf.div(sum, b));
          }
          const flat = tf.reshape(u, [b * g, d]) as tf.Tensor2D;
          gram.add(() => matMulTransposeA(flat, flat));
        }
        return sums.length > 0 ? [tf.concat(sums, 0) as tf.Tensor2D] : [];
      });
      for (const batchSum of batchSums) {
        const values = (await batchSum.data()) as Float32Array;
        batchSum.dispose();
        means?.add(values, b);
      }
    },
  };
}

/** T [b, g, d] with T[i, k, l] = sum_j W_ij alpha_jk X_jl as one dense product. Call inside tidy. */
function denseWeightedSums(w: tf.Tensor2D, alpha: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor3D {
  const [n, d] = x.shape;
  const g = alpha.shape[1];
  // alphaX[j, k * d + l] = alpha[j, k] * X[j, l]
  const alphaX = tf.reshape(tf.mul(tf.reshape(alpha, [n, g, 1]), tf.reshape(x, [n, 1, d])), [n, g * d]);
  return tf.reshape(tf.matMul(w, alphaX), [w.shape[0], g, d]);
}
