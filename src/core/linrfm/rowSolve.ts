/**
 * Every row's minimum-norm interpolation in the metric M = c I + V diag(g) V^T (float64, on the CPU):
 *   w_i = M[:, O_i] alpha_i,   M[O_i, O_i] alpha_i = y_i[O_i],
 * kept in the form W = S + B V^T (sparsePlusLowRank.ts) with s_i = c alpha_i on the observed entries and
 * B[i] = g * (V[O_i]^T alpha_i). Two exact routes to alpha_i, chosen per iteration by cost:
 * - direct: Cholesky of the k x k block M[O_i, O_i] gathered from a dense M (k^3 / 6 per row);
 * - Woodbury (c > 0, K active columns fewer than the mean k): with C = diag(c / g) + V_O^T V_O (K x K),
 *   z = C^{-1} V_O^T y and then c alpha = y - V_O z and B[i] = z exactly (g V_O^T alpha = z), so a row
 *   costs k K^2 / 2 + K^3 / 6 and nothing is divided by the small c.
 * Only columns with g > 0 are kept (the others add nothing to M - c I).
 */
import { dot, solveSpd } from '../linalg/cholesky';
import type { Metric } from './metric';
import type { ObservedRows, SparsePlusLowRank } from './sparsePlusLowRank';

export interface RowSolvePlan {
  mode: 'direct' | 'woodbury';
  c: number;
  /** Active basis [n, K] and its g. */
  V: Float64Array;
  g: Float64Array;
  K: number;
  /** Dense M [n, n] for the direct route, else null. */
  M: Float64Array | null;
  /** Work buffers sized for the largest system. */
  work: { S: Float64Array; L: Float64Array; y: Float64Array; x: Float64Array; T: Float64Array };
}

/** M = c I + V diag(g) V^T as a dense row-major [n, n] matrix (n^2 K / 2 flops). */
export function denseMetric(n: number, c: number, V: Float64Array, g: Float64Array): Float64Array {
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

/** `force` picks a route regardless of cost (for tests; Woodbury needs c > 0). */
export function planRowSolve(metric: Metric, rows: ObservedRows, force?: RowSolvePlan['mode']): RowSolvePlan {
  const { n, c } = metric;
  const K0 = metric.g.length;
  const active: number[] = [];
  for (let j = 0; j < K0; j++) if (metric.g[j]! > 0) active.push(j);
  const K = active.length;
  const V = new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let a = 0; a < K; a++) V[i * K + a] = metric.V[i * K0 + active[a]!]!;
  const g = Float64Array.from(active, (j) => metric.g[j]!);
  let kMax = 0;
  for (let i = 0; i < rows.m; i++) kMax = Math.max(kMax, rows.start[i + 1]! - rows.start[i]!);
  const kMean = rows.start[rows.m]! / Math.max(rows.m, 1);
  const mode = force ?? (c > 0 && K < kMean ? 'woodbury' : 'direct');
  const side = mode === 'woodbury' ? K : kMax;
  return {
    mode,
    c,
    V,
    g,
    K,
    M: mode === 'direct' ? denseMetric(n, c, V, g) : null,
    work: {
      S: new Float64Array(side * side),
      L: new Float64Array(side * side),
      y: new Float64Array(Math.max(side, kMax)),
      x: new Float64Array(Math.max(side, kMax)),
      T: new Float64Array(mode === 'woodbury' ? K * kMax : 0),
    },
  };
}

/** A W = S + B V^T with zero values, shaped for the plan. */
export function emptySolution(plan: RowSolvePlan, rows: ObservedRows): SparsePlusLowRank {
  return {
    rows,
    s: new Float64Array(rows.cols.length),
    B: new Float64Array(rows.m * plan.K),
    V: plan.V,
    K: plan.K,
  };
}

/** Solves rows [from, to) into W; returns the largest jitter used. */
export function solveRowBlock(plan: RowSolvePlan, W: SparsePlusLowRank, from: number, to: number): number {
  let maxJitter = 0;
  for (let i = from; i < to; i++) {
    const jitter = plan.mode === 'woodbury' ? woodburyRow(plan, W, i) : directRow(plan, W, i);
    maxJitter = Math.max(maxJitter, jitter);
  }
  return maxJitter;
}

function directRow(plan: RowSolvePlan, W: SparsePlusLowRank, i: number): number {
  const { rows, s, B } = W;
  const { c, V, g, K, work } = plan;
  const M = plan.M!;
  const n = rows.n;
  const e0 = rows.start[i]!;
  const k = rows.start[i + 1]! - e0;
  B.fill(0, i * K, (i + 1) * K);
  if (k === 0) return 0;
  const { S, L, y, x } = work;
  for (let a = 0; a < k; a++) {
    const ma = rows.cols[e0 + a]! * n;
    for (let b = 0; b <= a; b++) S[a * k + b] = M[ma + rows.cols[e0 + b]!]!;
    y[a] = rows.values[e0 + a]!;
  }
  const jitter = solveSpd(S, k, y, x, L);
  const bi = i * K;
  for (let a = 0; a < k; a++) {
    const alpha = x[a]!;
    s[e0 + a] = c * alpha;
    const va = rows.cols[e0 + a]! * K;
    for (let l = 0; l < K; l++) B[bi + l]! += alpha * V[va + l]!;
  }
  for (let l = 0; l < K; l++) B[bi + l]! *= g[l]!;
  return jitter;
}

function woodburyRow(plan: RowSolvePlan, W: SparsePlusLowRank, i: number): number {
  const { rows, s, B } = W;
  const { c, V, g, K, work } = plan;
  const e0 = rows.start[i]!;
  const k = rows.start[i + 1]! - e0;
  const bi = i * K;
  const { S: C, L, y: b, x: z, T } = work;
  // T = V[O_i]^T [K, k], contiguous per basis column, so C = diag(c / g) + T T^T and b = T y are dots.
  for (let a = 0; a < k; a++) {
    const va = rows.cols[e0 + a]! * K;
    for (let p = 0; p < K; p++) T[p * k + a] = V[va + p]!;
  }
  const y = rows.values;
  for (let p = 0; p < K; p++) {
    b[p] = dot(T, p * k, y, e0, k);
    for (let q = 0; q <= p; q++) C[p * K + q] = dot(T, p * k, T, q * k, k);
  }
  for (let p = 0; p < K; p++) C[p * K + p]! += c / g[p]!;
  const jitter = K > 0 ? solveSpd(C, K, b, z, L) : 0;
  for (let a = 0; a < k; a++) s[e0 + a] = y[e0 + a]! - dot(V, rows.cols[e0 + a]! * K, z, 0, K);
  for (let p = 0; p < K; p++) B[bi + p] = z[p]!;
  return jitter;
}
