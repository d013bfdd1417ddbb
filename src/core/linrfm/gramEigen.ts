/**
 * Top eigenpairs of W^T W for W [m, n] (row-major float64): exactly, in float64 on the CPU, when n is at
 * most the basis size; otherwise the top K by block subspace iteration, the products W^T (W Q) done as
 * tfjs matmuls (float32) and the orthonormalisation and the K x K Rayleigh-Ritz problem in float64.
 * The basis of the previous call starts the next one (W changes little between iterations), so two
 * power steps per call suffice after the first.
 */
import * as tf from '@tensorflow/tfjs';
import { symmetricEigen } from '../linalg/symmetricEigen';
import type { Random } from '../random';
import type { GramEigen } from './metric';

/** State carried between calls: the last basis [n, K]. */
export interface SubspaceState {
  basis: Float64Array | null;
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

/** Top-K eigenpairs of W^T W by subspace iteration (tfjs products, float64 small work), K < n. */
export async function truncatedGramEigen(
  W: Float64Array,
  m: number,
  n: number,
  K: number,
  state: SubspaceState,
  random: Random,
): Promise<GramEigen> {
  const keep = K;
  K = Math.min(n, keep + OVERSAMPLING);
  let Q = state.basis;
  let steps = WARM_POWER_STEPS;
  if (!Q || Q.length !== n * K) {
    Q = new Float64Array(n * K);
    for (let i = 0; i < Q.length; i++) Q[i] = random.normal();
    orthonormalizeColumns(Q, n, K);
    steps = FIRST_POWER_STEPS;
  }
  const w = tf.tensor2d(Float32Array.from(W), [m, n]);
  try {
    for (let step = 0; step < steps; step++) {
      const product = tf.tidy(() => {
        const q = tf.tensor2d(Float32Array.from(Q!), [n, K]);
        return tf.matMul(w, tf.matMul(w, q), true, false);
      });
      const next = Float64Array.from(await product.data());
      product.dispose();
      orthonormalizeColumns(next, n, K);
      Q = next;
    }
    const small = tf.tidy(() => {
      const z = tf.matMul(w, tf.tensor2d(Float32Array.from(Q!), [n, K]));
      return tf.matMul(z, z, true, false);
    });
    const B = await small.data();
    small.dispose();
    const { values, vectors: U } = symmetricEigen(B, K);
    // Ritz vectors V = Q U, [n, K].
    const V = new Float64Array(n * K);
    for (let i = 0; i < n; i++) {
      for (let l = 0; l < K; l++) {
        const q = Q[i * K + l]!;
        if (q === 0) continue;
        for (let j = 0; j < K; j++) V[i * K + j]! += q * U[l * K + j]!;
      }
    }
    state.basis = V;
    const top = new Float64Array(n * keep);
    for (let i = 0; i < n; i++) top.set(V.subarray(i * K, i * K + keep), i * keep);
    return {
      values: values.slice(0, keep).map((v) => Math.max(v, 0)),
      vectors: top,
      trace: frobeniusSquared(W),
      truncated: true,
    };
  } finally {
    w.dispose();
  }
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

/** The eigenpairs of W^T W the update needs: exact when n <= K, else the top K. */
export function gramEigen(
  W: Float64Array,
  m: number,
  n: number,
  K: number,
  state: SubspaceState,
  random: Random,
): Promise<GramEigen> {
  return n <= K ? Promise.resolve(exactGramEigen(W, m, n)) : truncatedGramEigen(W, m, n, K, state, random);
}
