/**
 * Deep RFM's inputs: every feature standardised on the training points (mean 0, variance 1 with the 1/n
 * convention; a constant feature becomes 0), targets one-hot in {-1, +1}, and rows scaled to unit norm
 * (a zero row stays zero).
 */
import * as tf from '@tensorflow/tfjs';

/**
 * x [n, d] standardised per column, in float64 then rounded to float32. A column is constant when its
 * values are all equal (not when its computed variance is 0: rounding leaves ~1e-32 there, and dividing by
 * its root would blow the rounding up to O(1) values).
 */
export function standardiseColumns(x: Float32Array, n: number, d: number): Float32Array {
  const out = new Float32Array(n * d);
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + j]!;
      sum += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!(hi > lo)) continue;
    const mean = sum / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i * d + j]! - mean) ** 2;
    const sd = Math.sqrt(variance / n);
    for (let i = 0; i < n; i++) out[i * d + j] = (x[i * d + j]! - mean) / sd;
  }
  return out;
}

/** Y [n, classes]: +1 at the row's class, -1 elsewhere. */
export function signedOneHot(labels: Int32Array, classes: number): Float32Array {
  const y = new Float32Array(labels.length * classes).fill(-1);
  labels.forEach((c, i) => (y[i * classes + c] = 1));
  return y;
}

/** Rows of x scaled to unit Euclidean norm; zero rows stay zero. Call inside tidy. */
export function unitRows(x: tf.Tensor2D): tf.Tensor2D {
  const norms = tf.sqrt(tf.sum(tf.square(x), 1, true));
  const safe = tf.where(tf.greater(norms, 0), norms, tf.onesLike(norms));
  return tf.div(x, safe) as tf.Tensor2D;
}
