/**
 * M^(1/2) for Deep RFM: M = Q T Q^T and T = Z diag(lambda) Z^T in float64 on the CPU
 * (linalg/symmetricEigen.ts), then V = Q Z (linalg/blockReflectors.ts) and V diag(sqrt(max(lambda, 0))) V^T
 * as products on the backend.
 *
 * The eigenproblem is made smaller where that is exact. A feature that is 0 at every point (a constant
 * input, standardised) has a zero row and column in M: it is left out. And every gradient of the kernel
 * machine, sum_j W_ij alpha_jk (x_j - x_i), lies in the row space of X, so M = B (B^T M B) B^T for an
 * orthonormal basis B of that space: with fewer points than features (n <= d / 2), B comes from the
 * eigenvectors of X X^T [n, n] and the eigenproblem is B^T M B [r, r], r = rank X. At 10 digits per class
 * (n = 100, d = 784) that is two 100 x 100 problems instead of one 784 x 784.
 */
import * as tf from '@tensorflow/tfjs';
import { applyReflectorsToRows } from '../linalg/blockReflectors';
import { symmetricEigen, tridiagonalEigen } from '../linalg/symmetricEigen';

export interface FeatureRoot {
  /** M's eigenvalues, descending (d of them). */
  eigenvalues: Float64Array;
  /** M^(1/2) [d, d] float32; the caller owns it. */
  root: tf.Tensor2D;
}

/** Directions of X with sigma^2 below this share of the largest are treated as outside its row space. */
const RANK_TOLERANCE = 1e-14;

/**
 * m: symmetric positive semi-definite row-major [d, d] float64; x: the points [n, d] whose kernel machine
 * gave m. Eigenvalues below 0 (rounding) count as 0 in the root.
 */
export async function featureRoot(m: Float64Array, d: number, x: ArrayLike<number>, n: number): Promise<FeatureRoot> {
  const active: number[] = [];
  for (let i = 0; i < d; i++) if (m[i * d + i]! > 0) active.push(i);
  const a = active.length;
  const ma = new Float64Array(a * a);
  active.forEach((i, p) => active.forEach((j, q) => (ma[p * a + q] = m[i * d + j]!)));
  // basis: [a, r] orthonormal columns spanning M's range (identity when not reduced).
  let basis: Float64Array | null = null;
  let r = a;
  if (n <= a / 2) {
    const xa = new Float64Array(n * a);
    for (let i = 0; i < n; i++) active.forEach((j, q) => (xa[i * a + q] = x[i * d + j] as number));
    ({ basis, rank: r } = rowSpaceBasis(xa, n, a));
  }
  const small = basis ? projected(ma, basis, a, r) : ma;
  const { values, zt, reflectors, betas } = tridiagonalEigen(small, r);
  const eigenvalues = new Float64Array(d);
  eigenvalues.set(values);
  eigenvalues.sort().reverse(); // the d - r zeros among any rounding below 0
  const roots = Float32Array.from(values, (v) => Math.sqrt(Math.max(v, 0)));
  const rootActive = tf.tidy(() => {
    // Rows: M's eigenvectors over the active features [r, a].
    let vt: tf.Tensor2D = applyReflectorsToRows(zt, r, reflectors, betas, r);
    if (basis) vt = tf.matMul(vt, tf.tensor2d(transposed(basis, a, r), [r, a]));
    const scaled = tf.mul(vt, tf.tensor2d(roots, [r, 1]));
    return tf.matMul(tf.transpose(vt), scaled) as tf.Tensor2D; // V diag(sqrt(lambda)) V^T [a, a]
  });
  if (a === d) return { eigenvalues, root: rootActive };
  let values32: Float32Array;
  try {
    values32 = (await rootActive.data()) as Float32Array;
  } finally {
    rootActive.dispose();
  }
  const full = new Float32Array(d * d);
  active.forEach((i, p) => active.forEach((j, q) => (full[i * d + j] = values32[p * a + q]!)));
  return { eigenvalues, root: tf.tensor2d(full, [d, d]) };
}

/** A [p, q] as row-major [q, p] float32. */
function transposed(m: Float64Array, p: number, q: number): Float32Array {
  const out = new Float32Array(p * q);
  for (let i = 0; i < p; i++) for (let j = 0; j < q; j++) out[j * p + i] = m[i * q + j]!;
  return out;
}

/** B = X^T P diag(1 / sigma) [a, r] from X X^T = P diag(sigma^2) P^T, keeping sigma^2 above the tolerance. */
function rowSpaceBasis(x: Float64Array, n: number, a: number): { basis: Float64Array; rank: number } {
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < a; k++) s += x[i * a + k]! * x[j * a + k]!;
      gram[i * n + j] = s;
      gram[j * n + i] = s;
    }
  const { values, vectors } = symmetricEigen(gram, n);
  let rank = 0;
  while (rank < n && values[rank]! > RANK_TOLERANCE * values[0]!) rank++;
  // P_r diag(1 / sigma) [n, rank], then X^T times it.
  const scaled = new Float64Array(n * rank);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < rank; k++) scaled[i * rank + k] = vectors[i * n + k]! / Math.sqrt(values[k]!);
  const xt = new Float64Array(a * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < a; k++) xt[k * n + i] = x[i * a + k]!;
  return { basis: multiply(xt, scaled, a, n, rank), rank };
}

/** B^T M B [r, r] for M [a, a], B [a, r]. */
function projected(m: Float64Array, basis: Float64Array, a: number, r: number): Float64Array {
  const mb = multiply(m, basis, a, a, r);
  const bt = new Float64Array(r * a);
  for (let i = 0; i < a; i++) for (let k = 0; k < r; k++) bt[k * a + i] = basis[i * r + k]!;
  return multiply(bt, mb, r, a, r);
}

/** A [p, q] times B [q, s], row-major float64 (i-k-j order: the inner loop runs along rows). */
function multiply(a: Float64Array, b: Float64Array, p: number, q: number, s: number): Float64Array {
  const out = new Float64Array(p * s);
  for (let i = 0; i < p; i++) {
    const row = i * s;
    for (let k = 0; k < q; k++) {
      const aik = a[i * q + k]!;
      if (aik === 0) continue;
      const bk = k * s;
      for (let j = 0; j < s; j++) out[row + j] = out[row + j]! + aik * b[bk + j]!;
    }
  }
  return out;
}
