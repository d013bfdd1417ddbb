/**
 * Every row's minimum-norm interpolation in the metric M (float64, on the CPU):
 *   w_i = M[:, O_i] (M[O_i, O_i])^{-1} y_i[O_i]
 * where O_i are the observed columns of row i. With M = c I + V diag(g) V^T and P = V[O_i, :] diag(sqrt g),
 * M[O_i, O_i] = c I + P P^T (k x k for k = |O_i|) is factored by Cholesky, and
 * M[:, O_i] a = c a (on O_i) + V diag(sqrt g) P^T a, so nothing n x n is ever formed.
 * Rows are solved in blocks so a caller can yield between blocks (pause, cancel, progress).
 */
import type { Metric } from './metric';

/** Solves rows [from, to) into W (row-major [m, n]); returns the largest diagonal jitter used. */
export function solveRowBlock(
  observed: Float64Array,
  mask: Uint8Array,
  metric: Metric,
  W: Float64Array,
  from: number,
  to: number,
): number {
  const { n, c, V, g } = metric;
  const K = g.length;
  const sqrtG = g.map(Math.sqrt);
  const cols = new Int32Array(n);
  let maxJitter = 0;
  for (let i = from; i < to; i++) {
    let k = 0;
    for (let j = 0; j < n; j++) if (mask[i * n + j]) cols[k++] = j;
    W.fill(0, i * n, (i + 1) * n);
    if (k === 0) continue;
    // P = V[O, :] diag(sqrt g), [k, K].
    const P = new Float64Array(k * K);
    for (let a = 0; a < k; a++) {
      const src = cols[a]! * K;
      for (let l = 0; l < K; l++) P[a * K + l] = V[src + l]! * sqrtG[l]!;
    }
    const S = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let l = 0; l < K; l++) s += P[a * K + l]! * P[b * K + l]!;
        S[a * k + b] = s;
      }
      S[a * k + a]! += c;
    }
    const y = new Float64Array(k);
    for (let a = 0; a < k; a++) y[a] = observed[i * n + cols[a]!]!;
    const { x: alpha, jitter } = choleskySolveWithJitter(S, k, y);
    maxJitter = Math.max(maxJitter, jitter);
    // u = diag(sqrt g) P^T alpha, [K]; w = c alpha (on O) + V u.
    const u = new Float64Array(K);
    for (let a = 0; a < k; a++) {
      const al = alpha[a]!;
      for (let l = 0; l < K; l++) u[l]! += P[a * K + l]! * al;
    }
    for (let l = 0; l < K; l++) u[l]! *= sqrtG[l]!;
    const row = i * n;
    if (K > 0) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        const vj = j * K;
        for (let l = 0; l < K; l++) s += V[vj + l]! * u[l]!;
        W[row + j] = s;
      }
    }
    for (let a = 0; a < k; a++) W[row + cols[a]!]! += c * alpha[a]!;
  }
  return maxJitter;
}

/**
 * Solves S x = y for a symmetric positive (semi-)definite S [k, k] (lower triangle read) by an in-place
 * Cholesky factorisation; if a pivot is not positive, retries with jitter on the diagonal, starting at
 * 1e-12 of the mean diagonal and growing tenfold.
 */
export function choleskySolveWithJitter(
  S: Float64Array,
  k: number,
  y: Float64Array,
): { x: Float64Array; jitter: number } {
  let meanDiagonal = 0;
  for (let a = 0; a < k; a++) meanDiagonal += S[a * k + a]!;
  meanDiagonal = Math.max(meanDiagonal / k, Number.MIN_VALUE);
  let jitter = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    const L = choleskyInPlace(S, k, jitter);
    if (L) return { x: solveWithFactor(L, k, y), jitter };
    jitter = jitter === 0 ? 1e-12 * meanDiagonal : jitter * 10;
  }
  throw new Error('lin-RFM: a row system stayed singular after adding jitter');
}

function choleskyInPlace(S: Float64Array, k: number, jitter: number): Float64Array | null {
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    const rj = j * k;
    let d = S[rj + j]! + jitter;
    for (let l = 0; l < j; l++) d -= L[rj + l]! * L[rj + l]!;
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    L[rj + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      const ri = i * k;
      let s = S[ri + j]!;
      for (let l = 0; l < j; l++) s -= L[ri + l]! * L[rj + l]!;
      L[ri + j] = s / ljj;
    }
  }
  return L;
}

function solveWithFactor(L: Float64Array, k: number, y: Float64Array): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = y[i]!;
    for (let l = 0; l < i; l++) s -= L[i * k + l]! * z[l]!;
    z[i] = s / L[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let l = i + 1; l < k; l++) s -= L[l * k + i]! * z[l]!;
    z[i] = s / L[i * k + i]!;
  }
  return z;
}
