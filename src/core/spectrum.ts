/**
 * Top-k eigenvalues of a symmetric PSD kernel matrix by randomised subspace iteration with
 * Rayleigh-Ritz: only n x (k + p) products on the backend, a (k + p)-sized eigenproblem on the CPU.
 * Never a full n x n eigendecomposition.
 */
import * as tf from '@tensorflow/tfjs';
import { symmetricEigen } from './linalg/symmetricEigen';
import type { Random } from './random';

const OVERSAMPLE = 10;
const POWER_STEPS = 4;

/**
 * Orthonormal basis of the columns of y [n, s] via the eigendecomposition of y^T y; directions with
 * negligible energy are dropped. Returns a new tensor [n, s'] (s' <= s).
 */
async function orthonormalize(y: tf.Tensor2D): Promise<tf.Tensor2D> {
  const s = y.shape[1];
  const gramTensor = tf.matMul(y, y, true, false);
  const gram = (await gramTensor.data()) as Float32Array;
  gramTensor.dispose();
  const { values, vectors } = symmetricEigen(gram, s);
  const largest = Math.max(values[0] ?? 0, 0);
  const keep: number[] = [];
  for (let i = 0; i < s; i++) if (values[i]! > largest * 1e-10 && values[i]! > 0) keep.push(i);
  const t = new Float32Array(s * keep.length);
  keep.forEach((col, idx) => {
    const scale = 1 / Math.sqrt(values[col]!);
    for (let r = 0; r < s; r++) t[r * keep.length + idx] = vectors[r * s + col]! * scale;
  });
  return tf.tidy(() => tf.matMul(y, tf.tensor2d(t, [s, keep.length])) as tf.Tensor2D);
}

/** The top `count` eigenvalues of K [n, n] (symmetric, not consumed), descending. */
export async function topKernelEigenvalues(k: tf.Tensor2D, count: number, random: Random): Promise<Float64Array> {
  const n = k.shape[0];
  const wanted = Math.min(count, n);
  const width = Math.min(n, wanted + OVERSAMPLE);
  const start = new Float32Array(n * width);
  for (let i = 0; i < start.length; i++) start[i] = random.normal();
  let y = tf.tidy(() => tf.matMul(k, tf.tensor2d(start, [n, width])) as tf.Tensor2D);
  for (let step = 0; step <= POWER_STEPS; step++) {
    const q = await orthonormalize(y);
    y.dispose();
    if (step === POWER_STEPS) {
      // Rayleigh-Ritz: eigenvalues of Q^T K Q.
      const small = tf.tidy(() => tf.matMul(q, tf.matMul(k, q), true, false));
      const s = small.shape[0];
      const values = (await small.data()) as Float32Array;
      small.dispose();
      q.dispose();
      const eig = symmetricEigen(values, s).values;
      return eig.slice(0, Math.min(wanted, s)).map((v) => Math.max(v, 0));
    }
    y = tf.tidy(() => tf.matMul(k, q) as tf.Tensor2D);
    q.dispose();
  }
  throw new Error('unreachable');
}
