/**
 * Every row's minimum-norm interpolation in the metric M (float64, on the CPU):
 *   w_i = M[:, O_i] (M[O_i, O_i])^{-1} y_i[O_i]
 * where O_i are the observed columns of row i. M is formed densely once per iteration from its
 * eigen-form c I + V diag(g) V^T (n^2 K / 2 flops); then each row gathers its k x k block M[O_i, O_i]
 * (k = |O_i|), factors it by Cholesky (k^3 / 3) and forms w_i from k rows of M (n k), so a row costs no
 * more than its own solve. Rows are solved in blocks so a caller can yield between blocks.
 */
import type { Metric } from './metric';

/** M = c I + V diag(g) V^T as a dense row-major [n, n] matrix. */
export function denseMetric({ n, c, V, g }: Metric): Float64Array {
  const K = g.length;
  const M = new Float64Array(n * n);
  const scaled = new Float64Array(n * K);
  for (let i = 0; i < n * K; i++) scaled[i] = V[i]! * g[i % K]!;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += scaled[i * K + l]! * V[j * K + l]!;
      M[i * n + j] = s;
      M[j * n + i] = s;
    }
    M[i * n + i]! += c;
  }
  return M;
}

/** Solves rows [from, to) into W (row-major [m, n]) with the dense metric M [n, n]; returns the largest jitter used. */
export function solveRowBlock(
  observed: Float64Array,
  mask: Uint8Array,
  M: Float64Array,
  W: Float64Array,
  from: number,
  to: number,
): number {
  const n = Math.round(Math.sqrt(M.length));
  const cols = new Int32Array(n);
  let maxJitter = 0;
  for (let i = from; i < to; i++) {
    let k = 0;
    for (let j = 0; j < n; j++) if (mask[i * n + j]) cols[k++] = j;
    const row = i * n;
    W.fill(0, row, row + n);
    if (k === 0) continue;
    const S = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      const ma = cols[a]! * n;
      for (let b = 0; b <= a; b++) S[a * k + b] = M[ma + cols[b]!]!;
    }
    const y = new Float64Array(k);
    for (let a = 0; a < k; a++) y[a] = observed[row + cols[a]!]!;
    const { x: alpha, jitter } = choleskySolveWithJitter(S, k, y);
    maxJitter = Math.max(maxJitter, jitter);
    // w = sum_a alpha_a M[O_a, :] (M is symmetric, so rows serve as columns).
    for (let a = 0; a < k; a++) {
      const al = alpha[a]!;
      const ma = cols[a]! * n;
      for (let j = 0; j < n; j++) W[row + j]! += al * M[ma + j]!;
    }
  }
  return maxJitter;
}

/**
 * Solves S x = y for a symmetric positive (semi-)definite S [k, k] (lower triangle read) by Cholesky;
 * if a pivot is not positive, retries with jitter on the diagonal, starting at 1e-12 of the mean diagonal
 * and growing tenfold.
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
    const L = choleskyFactor(S, k, jitter);
    if (L) return { x: solveWithFactor(L, k, y), jitter };
    jitter = jitter === 0 ? 1e-12 * meanDiagonal : jitter * 10;
  }
  throw new Error('lin-RFM: a row system stayed singular after adding jitter');
}

function choleskyFactor(S: Float64Array, k: number, jitter: number): Float64Array | null {
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
