/**
 * Squared Mahalanobis distances ||z_i - x_j||_M^2 = ||z_i||_M^2 + ||x_j||_M^2 - 2 z_i^T M x_j, clamped at 0.
 *
 * The expansion is one matrix product of augmented factors, [z, ||z||_M^2, 1] [-2 x M, 1, ||x||_M^2]^T,
 * so no broadcast passes over the n x n result are needed (and the right factor is stored transposed:
 * a transposed-operand matmul is several times slower on the wasm backend). In float32 the expansion
 * leaves self-distances of ~1e-4, so where Z is X the self pairs are set to exactly 0 by index
 * (a threshold would not find them).
 *
 * Inputs of few coordinates (at most DIRECT_DIFFERENCE_MAX_DIMENSION) take direct coordinate differences
 * instead, so that close pairs keep their distance (directDifferences.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { DIRECT_DIFFERENCE_MAX_DIMENSION, directSquaredDistances } from './directDifferences';

/** Points prepared for distance computations under a fixed M. */
export interface MetricPoints {
  /** [n, d], owned by the caller. */
  x: tf.Tensor2D;
  /** [x, ||x||_M^2, 1]: the left factor, [n, d + 2]. */
  left: tf.Tensor2D;
  /** [-2 x M, 1, ||x||_M^2]^T: the right factor, [d + 2, n]. */
  rightT: tf.Tensor2D;
  /** M [d, d], owned by the caller. */
  m: tf.Tensor2D;
  /** X^T [d, n] when distances are taken by direct differences (few coordinates), else null. */
  xT: tf.Tensor2D | null;
}

/** Whether points of d coordinates take direct differences (directDifferences.ts). */
export function usesDirectDifferences(d: number): boolean {
  return d <= DIRECT_DIFFERENCE_MAX_DIMENSION;
}

/** Prepares X for distances under M (symmetric); free the result with disposeMetricPoints. */
export function prepareMetricPoints(x: tf.Tensor2D, m: tf.Tensor2D): MetricPoints {
  const { left, rightT } = tf.tidy(() => {
    const xm = tf.matMul(x, m);
    const sqNorms = tf.sum(tf.mul(x, xm), 1, true);
    const ones = tf.onesLike(sqNorms);
    return {
      left: tf.concat([x, sqNorms, ones], 1) as tf.Tensor2D,
      rightT: tf.transpose(tf.concat([tf.mul(xm, -2), ones, sqNorms], 1)) as tf.Tensor2D,
    };
  });
  const xT = usesDirectDifferences(x.shape[1]) ? (tf.transpose(x) as tf.Tensor2D) : null;
  return { x, left, rightT, m, xT };
}

export function disposeMetricPoints(p: MetricPoints): void {
  p.left.dispose();
  p.rightT.dispose();
  p.xT?.dispose();
}

/** The rows `start .. start + count` of prepared points. Call inside tidy. */
export function sliceMetricPoints(p: MetricPoints, start: number, count: number): MetricPoints {
  return {
    x: tf.slice(p.x, [start, 0], [count, -1]),
    left: tf.slice(p.left, [start, 0], [count, -1]),
    rightT: p.rightT,
    m: p.m,
    xT: p.xT === null ? null : tf.slice(p.xT, [0, start], [-1, count]),
  };
}

/** Sets d2[r, columns[r]] = 0 for every row r. Call inside tidy. */
function zeroSelfPairs(d2: tf.Tensor2D, columns: tf.Tensor1D): tf.Tensor2D {
  const rows = d2.shape[0];
  const indices = tf.stack([tf.range(0, rows, 1, 'int32'), columns], 1);
  return tf.tensorScatterUpdate(d2, indices, tf.zeros([rows]));
}

/** Squared distances [rows, n] from the points zRows [rows, d] (with factors zLeft) to all of x. */
function squaredDistancesTo(x: MetricPoints, zRows: tf.Tensor2D, zLeft: tf.Tensor2D): tf.Tensor2D {
  if (x.xT !== null) return directSquaredDistances(zRows, x.xT, x.m);
  return tf.relu(tf.matMul(zLeft, x.rightT)) as tf.Tensor2D;
}

/** All squared distances [m, n] from the points z to the points x; `zIsX` zeroes the diagonal. */
export function pairwiseSquaredDistances(z: MetricPoints, x: MetricPoints, zIsX: boolean): tf.Tensor2D {
  return tf.tidy(() => {
    const d2 = squaredDistancesTo(x, z.x, z.left);
    return zIsX ? zeroSelfPairs(d2, tf.range(0, d2.shape[0], 1, 'int32')) : d2;
  });
}

/** Squared distances [rows, n] from the points of x at `rowIndices` (int32) to all of x, self pairs zeroed. */
export function rowSquaredDistances(x: MetricPoints, rowIndices: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => {
    const d2 = squaredDistancesTo(x, tf.gather(x.x, rowIndices), tf.gather(x.left, rowIndices));
    return zeroSelfPairs(d2, rowIndices);
  });
}
