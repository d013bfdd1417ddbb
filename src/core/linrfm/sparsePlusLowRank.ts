/**
 * Matrices of the form X = S + B V^T (m x n) with S sparse on the observed mask and B [m, K], V [n, K]
 * (docs/linrfm.md). lin-RFM's W is one: row i is M[:, O_i] alpha_i with M = c I + V G V^T, so
 * W = c P(alpha) + (P(alpha) V G) V^T. So is soft-impute's filled matrix P_O(Y - Z) + Z with Z low rank.
 * Products with X then cost nnz K' + (m + n) K K' instead of m n K', and nothing dense is needed but
 * for display and the recovery error. All float64.
 */
import { dot } from '../linalg/cholesky';

/** The observed entries in compressed rows: row i owns entries start[i] .. start[i + 1] - 1. */
export interface ObservedRows {
  m: number;
  n: number;
  start: Int32Array;
  cols: Int32Array;
  /** The observed values, aligned with cols. */
  values: Float64Array;
}

export function observedRows(observed: Float64Array, mask: Uint8Array, m: number, n: number): ObservedRows {
  const start = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) {
    let k = 0;
    for (let j = 0; j < n; j++) k += mask[i * n + j]!;
    start[i + 1] = start[i]! + k;
  }
  const cols = new Int32Array(start[m]!);
  const values = new Float64Array(start[m]!);
  let e = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++)
      if (mask[i * n + j]) {
        cols[e] = j;
        values[e++] = observed[i * n + j]!;
      }
  return { m, n, start, cols, values };
}

/** X = S + B V^T; S has the pattern of `rows` with values `s`; B [m, K] and V [n, K] row-major. */
export interface SparsePlusLowRank {
  rows: ObservedRows;
  s: Float64Array;
  B: Float64Array;
  V: Float64Array;
  K: number;
}

/** X as a dense row-major [m, n] array (m n K flops), written into `out` when given. */
export function densify(X: SparsePlusLowRank, out?: Float64Array): Float64Array {
  const { rows, s, B, V, K } = X;
  const { m, n, start, cols } = rows;
  const D = out ?? new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const base = i * n;
    const bi = i * K;
    for (let j = 0; j < n; j++) D[base + j] = dot(B, bi, V, j * K, K);
    for (let e = start[i]!; e < start[i + 1]!; e++) D[base + cols[e]!]! += s[e]!;
  }
  return D;
}

/** A^T C for A [r, p] and C [r, q] (row-major): [p, q]. */
export function transposeTimes(A: Float64Array, C: Float64Array, r: number, p: number, q: number): Float64Array {
  const out = new Float64Array(p * q);
  for (let i = 0; i < r; i++) {
    for (let a = 0; a < p; a++) {
      const x = A[i * p + a]!;
      if (x === 0) continue;
      const o = a * q;
      const c = i * q;
      for (let b = 0; b < q; b++) out[o + b]! += x * C[c + b]!;
    }
  }
  return out;
}

/** A C for A [r, p] and C [p, q] (row-major): [r, q], added into `out` when given. */
export function times(
  A: Float64Array,
  C: Float64Array,
  r: number,
  p: number,
  q: number,
  out?: Float64Array,
): Float64Array {
  const result = out ?? new Float64Array(r * q);
  for (let i = 0; i < r; i++) {
    const o = i * q;
    for (let a = 0; a < p; a++) {
      const x = A[i * p + a]!;
      if (x === 0) continue;
      const c = a * q;
      for (let b = 0; b < q; b++) result[o + b]! += x * C[c + b]!;
    }
  }
  return result;
}

/** X Q for Q [n, q]: [m, q]. */
export function applyRight(X: SparsePlusLowRank, Q: Float64Array, q: number): Float64Array {
  const { rows, s, B, V, K } = X;
  const { m, n, start, cols } = rows;
  const out = K > 0 ? times(B, transposeTimes(V, Q, n, K, q), m, K, q) : new Float64Array(m * q);
  for (let i = 0; i < m; i++) {
    const o = i * q;
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const x = s[e]!;
      const c = cols[e]! * q;
      for (let b = 0; b < q; b++) out[o + b]! += x * Q[c + b]!;
    }
  }
  return out;
}

/** X^T Z for Z [m, q]: [n, q]. */
export function applyLeft(X: SparsePlusLowRank, Z: Float64Array, q: number): Float64Array {
  const { rows, s, B, V, K } = X;
  const { m, n, start, cols } = rows;
  const out = K > 0 ? times(V, transposeTimes(B, Z, m, K, q), n, K, q) : new Float64Array(n * q);
  for (let i = 0; i < m; i++) {
    const z = i * q;
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const x = s[e]!;
      const o = cols[e]! * q;
      for (let b = 0; b < q; b++) out[o + b]! += x * Z[z + b]!;
    }
  }
  return out;
}

/** X with its products, as subspace iteration takes it (gramEigen.ts); trace is ||X||_F^2. */
export function productsOf(X: SparsePlusLowRank, trace: number) {
  return {
    m: X.rows.m,
    n: X.rows.n,
    right: (Q: Float64Array, q: number) => applyRight(X, Q, q),
    left: (Z: Float64Array, q: number) => applyLeft(X, Z, q),
    trace,
  };
}
