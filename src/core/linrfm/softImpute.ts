/**
 * The nuclear-norm baseline for matrix completion: soft-impute (Mazumder, Hastie and Tibshirani 2010).
 * Each sweep fills the unobserved entries with the current estimate Z, then shrinks the singular values
 * of the filled matrix X by lambda: Z <- U max(Sigma - lambda, 0) V^T. lambda follows a decreasing path,
 * lambda_t = sigma_1(P_O(Y)) * max(0.9^t, 1e-4), warm-started, so it approaches the minimum nuclear-norm
 * interpolant. Sweep 0 is Z = P_O(Y) (zero fill), the same point as lin-RFM's iteration 0. The SVD comes
 * from the eigenpairs of X^T X, exact or the top K (the usual rank cap of soft-impute for large matrices).
 * Z is kept as factors L R^T, so X = P_O(Y - Z) + Z is sparse plus low rank (the paper's own trick) and
 * its products cost nnz K + (m + n) r K.
 */
import type { Random } from '../random';
import { gramEigen, type SubspaceState } from './gramEigen';
import { densify, productsOf, type ObservedRows, type SparsePlusLowRank } from './sparsePlusLowRank';

export interface SoftImputeState {
  /** Z = L R^T with L [m, r], R [n, r]; r = 0 before the first sweep. */
  L: Float64Array;
  R: Float64Array;
  r: number;
  /** sigma_1(P_O(Y)), fixed at the first sweep. */
  lambdaScale: number;
  subspace: SubspaceState;
}

export function startSoftImpute(): SoftImputeState {
  return {
    L: new Float64Array(0),
    R: new Float64Array(0),
    r: 0,
    lambdaScale: Number.NaN,
    subspace: { basis: null, warmSteps: 1 },
  };
}

export function softImputeLambda(scale: number, sweep: number): number {
  return scale * Math.max(0.9 ** sweep, 1e-4);
}

/** The filled matrix X = P_O(Y - Z) + Z as sparse plus low rank, and ||X||_F^2. */
function filled(state: SoftImputeState, rows: ObservedRows): { X: SparsePlusLowRank; trace: number } {
  const { L, R, r } = state;
  const { m, n, start, cols, values } = rows;
  const s = new Float64Array(values.length);
  // ||X||^2 = ||Z||^2 + sum over observed of (y^2 - z^2); ||Z||^2 = trace((L^T L)(R^T R)).
  let trace = 0;
  for (let i = 0; i < m; i++)
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      let z = 0;
      for (let l = 0; l < r; l++) z += L[i * r + l]! * R[cols[e]! * r + l]!;
      s[e] = values[e]! - z;
      trace += values[e]! ** 2 - z * z;
    }
  const gl = new Float64Array(r * r);
  const gr = new Float64Array(r * r);
  for (let i = 0; i < m; i++)
    for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) gl[a * r + b]! += L[i * r + a]! * L[i * r + b]!;
  for (let j = 0; j < n; j++)
    for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) gr[a * r + b]! += R[j * r + a]! * R[j * r + b]!;
  for (let a = 0; a < r * r; a++) trace += gl[a]! * gr[a]!;
  return { X: { rows, s, B: L, V: R, K: r }, trace };
}

/** One sweep (sweep >= 1): Z <- SVT_lambda(P_O(Y) + P_O-complement(Z)). */
export function softImputeSweep(
  state: SoftImputeState,
  rows: ObservedRows,
  exact: boolean,
  K: number,
  sweep: number,
  random: Random,
): void {
  const { m, n } = rows;
  const { X, trace } = filled(state, rows);
  const op = productsOf(X, trace);
  const eig = gramEigen(exact, () => densify(X), op, K, state.subspace, random);
  const sigma = eig.values.map((v) => Math.sqrt(Math.max(v, 0)));
  if (Number.isNaN(state.lambdaScale)) state.lambdaScale = sigma[0] ?? 0;
  const lambda = softImputeLambda(state.lambdaScale, sweep);
  const Kc = sigma.length;
  const kept = Array.from({ length: Kc }, (_, j) => j).filter((j) => sigma[j]! > lambda);
  const r = kept.length;
  // R = V[:, kept], L = X R diag((sigma - lambda) / sigma).
  const R = new Float64Array(n * r);
  for (let j = 0; j < n; j++) for (let a = 0; a < r; a++) R[j * r + a] = eig.vectors[j * Kc + kept[a]!]!;
  const L = r > 0 ? op.right(R, r) : new Float64Array(0);
  for (let a = 0; a < r; a++) {
    const shrink = (sigma[kept[a]!]! - lambda) / sigma[kept[a]!]!;
    for (let i = 0; i < m; i++) L[i * r + a]! *= shrink;
  }
  Object.assign(state, { L, R, r });
}

/** Z = L R^T densely into `out` (m n r flops). */
export function softImputeEstimate(state: SoftImputeState, rows: ObservedRows, out: Float64Array): Float64Array {
  const none = new Float64Array(rows.cols.length);
  return densify({ rows, s: none, B: state.L, V: state.R, K: state.r }, out);
}
