/**
 * Top eigenpairs of W^T W for W [m, n], in float64 on the CPU: exactly, from the dense W, when n is at
 * most the basis size; otherwise the top K by block subspace iteration, W entering only through its
 * products with thin matrices (cheap for W = sparse + low rank, sparsePlusLowRank.ts).
 * The basis of the previous call starts the next one (W changes little between iterations), so two
 * power steps per call suffice after the first.
 */
import { symmetricEigen } from '../linalg/symmetricEigen';
import type { Random } from '../random';
import type { GramEigen } from './metric';
import { times, transposeTimes } from './sparsePlusLowRank';

/** State carried between calls: the last basis [n, K], and the power steps of a warm-started call. */
export interface SubspaceState {
  basis: Float64Array | null;
  /** Default WARM_POWER_STEPS. */
  warmSteps?: number;
}

const FIRST_POWER_STEPS = 6;
const WARM_POWER_STEPS = 2;
/** Extra basis columns carried beyond the K returned: they make the top K converge much faster. */
const OVERSAMPLING = 8;

export function frobeniusSquared(W: Float64Array): number {
  let s = 0;
  for (let i = 0; i < W.length; i++) s += W[i]! * W[i]!;
  return s;
}

/** Exact eigenpairs of W^T W in float64 (all n of them). */
export function exactGramEigen(W: Float64Array, m: number, n: number): GramEigen {
  const G = new Float64Array(n * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let a = 0; a < n; a++) {
      const wa = W[row + a]!;
      if (wa === 0) continue;
      const ga = a * n;
      for (let b = 0; b <= a; b++) G[ga + b]! += wa * W[row + b]!;
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) G[b * n + a] = G[a * n + b]!;
  const { values, vectors } = symmetricEigen(G, n);
  return { values, vectors, trace: frobeniusSquared(W), truncated: false };
}

/** W as an operator: products with thin matrices and ||W||_F^2, all that subspace iteration needs. */
export interface GramOperator {
  m: number;
  n: number;
  /** W Q for Q [n, q]: [m, q]. */
  right(Q: Float64Array, q: number): Float64Array;
  /** W^T Z for Z [m, q]: [n, q]. */
  left(Z: Float64Array, q: number): Float64Array;
  /** ||W||_F^2. */
  trace: number;
}

/** Top-K eigenpairs of W^T W by subspace iteration in float64 (W only through its products), K < n. */
export function truncatedGramEigen(op: GramOperator, K: number, state: SubspaceState, random: Random): GramEigen {
  const { m, n } = op;
  const keep = K;
  K = Math.min(n, keep + OVERSAMPLING);
  let Q = state.basis;
  let steps = state.warmSteps ?? WARM_POWER_STEPS;
  if (!Q || Q.length !== n * K) {
    Q = new Float64Array(n * K);
    for (let i = 0; i < Q.length; i++) Q[i] = random.normal();
    orthonormalizeColumns(Q, n, K);
    steps = FIRST_POWER_STEPS;
  }
  for (let step = 0; step < steps; step++) {
    const next = op.left(op.right(Q, K), K);
    orthonormalizeColumns(next, n, K);
    Q = next;
  }
  // Rayleigh-Ritz: B = (W Q)^T (W Q) [K, K], its eigenvectors U, Ritz vectors V = Q U.
  const Z = op.right(Q, K);
  const B = transposeTimes(Z, Z, m, K, K);
  const { values, vectors: U } = symmetricEigen(B, K);
  const V = times(Q, U, n, K, K);
  state.basis = V;
  const top = new Float64Array(n * keep);
  for (let i = 0; i < n; i++) top.set(V.subarray(i * K, i * K + keep), i * keep);
  return {
    values: values.slice(0, keep).map((v) => Math.max(v, 0)),
    vectors: top,
    trace: op.trace,
    truncated: true,
  };
}

/** Modified Gram-Schmidt on the columns of A [n, K] (row-major), twice for orthogonality in float64. */
export function orthonormalizeColumns(A: Float64Array, n: number, K: number): void {
  // Work on the transpose so each column is contiguous.
  const T = new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let j = 0; j < K; j++) T[j * n + i] = A[i * K + j]!;
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < K; j++) {
      const cj = j * n;
      for (let l = 0; l < j; l++) {
        const cl = l * n;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += T[cl + i]! * T[cj + i]!;
        for (let i = 0; i < n; i++) T[cj + i]! -= dot * T[cl + i]!;
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += T[cj + i]! ** 2;
      norm = Math.sqrt(norm);
      // A column that vanished (W of rank < K) is replaced by a unit vector orthogonalised next pass.
      if (norm < 1e-300) {
        T[cj + (j % n)] = 1;
        continue;
      }
      for (let i = 0; i < n; i++) T[cj + i]! /= norm;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < K; j++) A[i * K + j] = T[j * n + i]!;
}

/** The eigenpairs of W^T W the update needs: all of them from the dense W when `exact`, else the top K. */
export function gramEigen(
  exact: boolean,
  dense: () => Float64Array,
  op: GramOperator,
  K: number,
  state: SubspaceState,
  random: Random,
): GramEigen {
  return exact ? exactGramEigen(dense(), op.m, op.n) : truncatedGramEigen(op, K, state, random);
}
