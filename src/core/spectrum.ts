/**
 * Top-k eigenvalues of a symmetric PSD kernel matrix by randomised subspace iteration with
 * Rayleigh-Ritz: only n x (k + p) products on the backend, a (k + p)-sized eigenproblem on the CPU.
 * Never a full n x n eigendecomposition.
 *
 * The RFM's kernel changes a little from one iteration to the next, so the iteration can start from the
 * previous kernel's Ritz vectors instead of a random block (docs/algorithm.md, "What each iteration
 * records"). From there it stops as soon as the top Ritz values settle. Measured against 12 power steps
 * from a random start, over iterations 1-5 of bench cases A (n = 1000) and D (grokking, p = 61), 64
 * eigenvalues asked for: the products with K fell from 5 per iteration to 3-5 (20 instead of 25 over the
 * five), and the accuracy rose where the spectrum is flat: on D the top 10 were off by 1.3-1.8% from a
 * random start, and from the previous iteration's vectors by 1.9e-3 at iteration 1 (right after M = I) and
 * 2-8e-5 from iteration 2 on (ranks 10-64: 5-6% -> 0.5-3%); on A the top 10 stay at ~1e-6.
 */
import * as tf from '@tensorflow/tfjs';
import { choleskyLower, invertLower } from './linalg/cholesky';
import { matMulTransposeA } from './linalg/products';
import { symmetricEigen } from './linalg/symmetricEigen';
import type { Random } from './random';

const OVERSAMPLE = 10;
/** Power steps at most; a random start takes them all. */
const POWER_STEPS = 3;
/** A warm start stops when the top SETTLE_COUNT Ritz values change by less than this, relatively, in a step. */
const SETTLE_TOLERANCE = 1e-4;
const SETTLE_COUNT = 10;

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

export interface KernelSpectrum {
  /** The top eigenvalues, descending, non-negative. */
  values: Float64Array;
  /** The Ritz vectors [n, count + oversampling], to start the next kernel's iteration from; the caller frees it. */
  basis: tf.Tensor2D;
}

/**
 * The top `count` eigenvalues of K [n, n] (symmetric, not consumed), descending. `start`: the basis of a
 * previous call on a kernel of the same size (not consumed); without it, or when it has another number of
 * rows, the iteration starts from a random block.
 */
export async function kernelSpectrum(
  k: tf.Tensor2D,
  count: number,
  random: Random,
  start?: tf.Tensor2D | null,
): Promise<KernelSpectrum> {
  const n = k.shape[0];
  const wanted = Math.min(count, n);
  const width = Math.min(n, wanted + OVERSAMPLE);
  const warm = start != null && start.shape[0] === n && start.shape[1] <= width;
  let y = tf.tidy(() => {
    // A basis narrower than the block (directions of negligible energy were dropped) is filled up at random.
    const columns = warm ? start.shape[1] : 0;
    const block = columns === 0 ? randomBlock(n, width, random) : start!;
    const full =
      columns > 0 && columns < width ? tf.concat([block, randomBlock(n, width - columns, random)], 1) : block;
    return tf.matMul(k, full) as tf.Tensor2D;
  });
  let previous: Float64Array | null = null;
  for (let step = 0; ; step++) {
    const q = await orthonormalize(y);
    y.dispose();
    const last = step === POWER_STEPS;
    if (!warm && !last) {
      y = tf.tidy(() => tf.matMul(k, q) as tf.Tensor2D);
      q.dispose();
      continue;
    }
    // Rayleigh-Ritz: eigenvalues of Q^T K Q; K Q is also the next power step's product.
    const kq = tf.tidy(() => tf.matMul(k, q) as tf.Tensor2D);
    const small = tf.tidy(() => matMulTransposeA(q, kq));
    const s = small.shape[0];
    const ritz = symmetricEigen((await small.data()) as Float32Array, s);
    small.dispose();
    if (last || (previous !== null && settled(ritz.values, previous, Math.min(SETTLE_COUNT, wanted)))) {
      kq.dispose();
      const basis = tf.tidy(() => tf.matMul(q, tf.tensor2d(Float32Array.from(ritz.vectors), [s, s])) as tf.Tensor2D);
      q.dispose();
      return { values: ritz.values.slice(0, Math.min(wanted, s)).map((v) => Math.max(v, 0)), basis };
    }
    previous = ritz.values;
    q.dispose();
    y = kq;
  }
}

/** The top `count` eigenvalues of K [n, n] (symmetric, not consumed), descending, from a random start. */
export async function topKernelEigenvalues(k: tf.Tensor2D, count: number, random: Random): Promise<Float64Array> {
  const { values, basis } = await kernelSpectrum(k, count, random);
  basis.dispose();
  return values;
}

function randomBlock(n: number, width: number, random: Random): tf.Tensor2D {
  const values = new Float32Array(n * width);
  for (let i = 0; i < values.length; i++) values[i] = random.normal();
  return tf.tensor2d(values, [n, width]);
}

/** Whether the top `count` values moved by less than SETTLE_TOLERANCE (relative) since the previous step. */
function settled(values: Float64Array, previous: Float64Array, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const scale = Math.abs(values[i]!);
    if (!(Math.abs(values[i]! - previous[i]!) <= SETTLE_TOLERANCE * scale)) return false;
  }
  return true;
}
