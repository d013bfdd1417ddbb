/**
 * Squared Mahalanobis distances ||z_i - x_j||_M^2 = ||z_i||_M^2 + ||x_j||_M^2 - 2 z_i^T M x_j, clamped at 0.
 *
 * The expansion in float32 leaves self-distances of ~1e-4, so where Z is X the self pairs are set to
 * exactly 0 by index (a threshold would not find them).
 */
import * as tf from '@tensorflow/tfjs';

/** Points prepared for distance computations under a fixed M: X M and the squared norms. */
export interface MetricPoints {
  /** [n, d], owned by the caller. */
  x: tf.Tensor2D;
  /** X M: [n, d] */
  xm: tf.Tensor2D;
  /** ||x_i||_M^2: [n, 1] */
  sqNorms: tf.Tensor2D;
}

/** Prepares X for distances under M; xm and sqNorms are new tensors (free them with disposeMetricPoints). */
export function prepareMetricPoints(x: tf.Tensor2D, m: tf.Tensor2D): MetricPoints {
  return tf.tidy(() => {
    const xm = tf.matMul(x, m) as tf.Tensor2D;
    const sqNorms = tf.sum(tf.mul(x, xm), 1, true) as tf.Tensor2D;
    return { x, xm, sqNorms };
  });
}

export function disposeMetricPoints(p: MetricPoints): void {
  p.xm.dispose();
  p.sqNorms.dispose();
}

/** d2 [rows, n] from rows z [rows, d] with their squared norms [rows, 1]; call inside tidy. */
function expandedSquaredDistances(z: tf.Tensor2D, zNorms: tf.Tensor2D, x: MetricPoints): tf.Tensor2D {
  const cross = tf.matMul(z, x.xm, false, true);
  return tf.relu(tf.sub(tf.add(zNorms, tf.transpose(x.sqNorms)), tf.mul(cross, 2))) as tf.Tensor2D;
}

/** Zeroes the entries (r, rowIndices[r]) of d2 [rows, n]; call inside tidy. */
function zeroSelfPairs(d2: tf.Tensor2D, rowIndices: tf.Tensor1D): tf.Tensor2D {
  const [rows, n] = d2.shape;
  const isSelf = tf.equal(tf.reshape(rowIndices, [rows, 1]), tf.reshape(tf.range(0, n, 1, 'int32'), [1, n]));
  return tf.where(isSelf, tf.zerosLike(d2), d2);
}

/** All squared distances [m, n] from the points z to the points x; `zIsX` zeroes the diagonal. */
export function pairwiseSquaredDistances(z: MetricPoints, x: MetricPoints, zIsX: boolean): tf.Tensor2D {
  return tf.tidy(() => {
    const d2 = expandedSquaredDistances(z.x, z.sqNorms, x);
    return zIsX ? zeroSelfPairs(d2, tf.range(0, z.x.shape[0], 1, 'int32')) : d2;
  });
}

/** Squared distances [rows, n] from the points of x at `rowIndices` (int32) to all of x, self pairs zeroed. */
export function rowSquaredDistances(x: MetricPoints, rowIndices: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => {
    const d2 = expandedSquaredDistances(tf.gather(x.x, rowIndices), tf.gather(x.sqNorms, rowIndices), x);
    return zeroSelfPairs(d2, rowIndices);
  });
}
