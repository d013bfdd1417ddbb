/**
 * The nuclear-norm baseline for matrix completion: soft-impute (Mazumder, Hastie and Tibshirani 2010).
 * Each sweep fills the unobserved entries with the current estimate Z, then shrinks the singular values
 * of the filled matrix X by lambda: Z <- U max(Sigma - lambda, 0) V^T. lambda follows a decreasing path,
 * lambda_t = sigma_1(P_O(Y)) * max(0.9^t, 1e-4), warm-started, so it approaches the minimum nuclear-norm
 * interpolant. Sweep 0 is Z = P_O(Y) (zero fill), the same point as lin-RFM's iteration 0. The SVD comes
 * from the eigenpairs of X^T X, exact or the top K (the usual rank cap of soft-impute for large matrices).
 */
import type { Random } from '../random';
import { gramEigen, type SubspaceState } from './gramEigen';

export interface SoftImputeState {
  Z: Float64Array;
  /** sigma_1(P_O(Y)), fixed at the start. */
  lambdaScale: number;
  subspace: SubspaceState;
}

export function startSoftImpute(observed: Float64Array, mask: Uint8Array): SoftImputeState {
  const Z = new Float64Array(observed.length);
  for (let i = 0; i < Z.length; i++) Z[i] = mask[i] ? observed[i]! : 0;
  return { Z, lambdaScale: Number.NaN, subspace: { basis: null } };
}

export function softImputeLambda(scale: number, sweep: number): number {
  return scale * Math.max(0.9 ** sweep, 1e-4);
}

/** One sweep (sweep >= 1): Z <- SVT_lambda(P_O(Y) + P_O-complement(Z)). */
export async function softImputeSweep(
  state: SoftImputeState,
  observed: Float64Array,
  mask: Uint8Array,
  m: number,
  n: number,
  K: number,
  sweep: number,
  random: Random,
): Promise<void> {
  const X = new Float64Array(m * n);
  for (let i = 0; i < X.length; i++) X[i] = mask[i] ? observed[i]! : state.Z[i]!;
  const eig = await gramEigen(X, m, n, K, state.subspace, random);
  const sigma = eig.values.map((v) => Math.sqrt(Math.max(v, 0)));
  if (Number.isNaN(state.lambdaScale)) state.lambdaScale = sigma[0] ?? 0;
  const lambda = softImputeLambda(state.lambdaScale, sweep);
  const Kc = sigma.length;
  const V = eig.vectors;
  const shrink = sigma.map((s) => (s > lambda ? (s - lambda) / s : 0));
  // Z = (X V diag(shrink)) V^T, only over the columns of V that survive the threshold.
  const kept = Array.from({ length: Kc }, (_, j) => j).filter((j) => shrink[j]! > 0);
  const XV = new Float64Array(m * kept.length);
  for (let i = 0; i < m; i++) {
    for (let b = 0; b < n; b++) {
      const x = X[i * n + b]!;
      if (x === 0) continue;
      for (let a = 0; a < kept.length; a++) XV[i * kept.length + a]! += x * V[b * Kc + kept[a]!]!;
    }
  }
  for (let a = 0; a < kept.length; a++) {
    const s = shrink[kept[a]!]!;
    for (let i = 0; i < m; i++) XV[i * kept.length + a]! *= s;
  }
  const Z = state.Z;
  for (let i = 0; i < m; i++) {
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let a = 0; a < kept.length; a++) s += XV[i * kept.length + a]! * V[b * Kc + kept[a]!]!;
      Z[i * n + b] = s;
    }
  }
}
