/**
 * Top-k eigenvalues of a symmetric PSD kernel matrix by randomised subspace iteration with
 * Rayleigh-Ritz: only n x (k + p) products on the backend, a (k + p)-sized eigenproblem on the CPU.
 * Never a full n x n eigendecomposition.
 */
import * as tf from '@tensorflow/tfjs';
import { choleskyLower, invertLower } from './linalg/cholesky';
import { matMulTransposeA } from './linalg/products';
import { symmetricEigen } from './linalg/symmetricEigen';
import type { Random } from './random';

const OVERSAMPLE = 10;
const POWER_STEPS = 3;

/**
 * Orthonormal basis of the columns of y [n, s]: Cholesky-QR (Q = Y R^{-1} with R^T R = Y^T Y, one small
 * Cholesky on the CPU), applied twice so that orthogonality lost to rounding in the first pass is
 * restored (CholQR2). Where the Gram matrix is numerically singular, falls back to its eigenvectors and
 * drops directions with negligible energy. Returns a new tensor [n, s'] (s' <= s).
 */
async function orthonormalize(y: tf.Tensor2D): Promise<tf.Tensor2D> {
  const once = await choleskyQr(y);
  if (!once) return orthonormalizeByEigen(y);
  const twice = await choleskyQr(once);
  if (!twice) {
    once.dispose();
    return orthonormalizeByEigen(y);
  }
  once.dispose();
  return twice;
}

async function gramOf(y: tf.Tensor2D): Promise<Float64Array> {
  const gramTensor = tf.tidy(() => matMulTransposeA(y, y));
  const gram = Float64Array.from((await gramTensor.data()) as Float32Array);
  gramTensor.dispose();
  return gram;
}

/** Y R^{-1} where R^T R = Y^T Y, or null when the Cholesky factorisation fails. */
async function choleskyQr(y: tf.Tensor2D): Promise<tf.Tensor2D | null> {
  const s = y.shape[1];
  const lower = choleskyLower(await gramOf(y), s);
  if (!lower) return null;
  // R^{-1} = (L^T)^{-1} = (L^{-1})^T, uploaded as a plain [s, s] matrix.
  const inverse = invertLower(lower, s);
  const rInverse = new Float32Array(s * s);
  for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) rInverse[i * s + j] = inverse[j * s + i]!;
  return tf.tidy(() => tf.matMul(y, tf.tensor2d(rInverse, [s, s])) as tf.Tensor2D);
}

async function orthonormalizeByEigen(y: tf.Tensor2D): Promise<tf.Tensor2D> {
  const s = y.shape[1];
  const { values, vectors } = symmetricEigen(await gramOf(y), s);
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
      const small = tf.tidy(() => matMulTransposeA(q, tf.matMul(k, q)));
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
