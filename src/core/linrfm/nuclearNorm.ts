/**
 * The converged nuclear-norm baseline for matrix completion (docs/linrfm.md): min ||Z||_* subject to Z
 * agreeing with Y on the mask, approached by soft-impute (Mazumder, Hastie and Tibshirani 2010) on a
 * decreasing path of lambda, each stage run to convergence with Nesterov momentum (restarted per stage,
 * as accelerated proximal gradient, Toh and Yun 2010):
 *
 *   lambda_k = sigma_1(P_O(Y)) max(ratio^(k+1), lambdaMin);  per stage, until ||Z+ - Z||_F / ||Z+||_F < tolerance:
 *   B = Z + beta (Z - Z_prev);  Z+ = SVT_lambda(P_O(Y) + P_O-complement(B)).
 *
 * It stops when the last stage (lambda = lambdaMin sigma_1) has converged, or after maxSweeps sweeps, and
 * says which (`converged`). The one-sweep-per-iteration soft-impute it replaces was far from this minimum
 * (0.12 where the minimum is below 1e-6 on the matrix-completion preset). Checked against the same
 * algorithm in float64 numpy (scripts/make_nuclear_fixtures.py).
 */
import type { Random } from '../random';
import { gramEigen, type SubspaceState } from './gramEigen';
import { densify, productsOf, type ObservedRows, type SparsePlusLowRank } from './sparsePlusLowRank';
import { LINRFM_TOLERANCE } from './linrfmTypes';

export interface NuclearNormOptions {
  /** lambda shrinks by this factor from one stage to the next. */
  ratio: number;
  /** The last stage's lambda, relative to sigma_1(P_O(Y)). */
  lambdaMin: number;
  /** A stage ends when ||Z+ - Z||_F / ||Z+||_F falls below this. */
  tolerance: number;
  /** At most this many sweeps (SVDs) in all. */
  maxSweeps: number;
}

export const NUCLEAR_NORM_DEFAULTS: NuclearNormOptions = {
  ratio: 0.25,
  lambdaMin: 1e-7,
  tolerance: LINRFM_TOLERANCE,
  maxSweeps: 3000,
};

export interface NuclearNormResult {
  /** Z, row-major [m, n]. */
  estimate: Float64Array;
  sweeps: number;
  /** The last stage converged (else maxSweeps ran out first). */
  converged: boolean;
  /** The lambda the run ended at, relative to sigma_1(P_O(Y)). */
  lambda: number;
  rank: number;
}

interface Factors {
  L: Float64Array;
  R: Float64Array;
  r: number;
}

/** The filled matrix P_O(Y - B) + B for B = L R^T, as sparse plus low rank. */
function filled(B: Factors, rows: ObservedRows): SparsePlusLowRank {
  const { L, R, r } = B;
  const { m, start, cols, values } = rows;
  const s = new Float64Array(values.length);
  for (let i = 0; i < m; i++)
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      let z = 0;
      for (let l = 0; l < r; l++) z += L[i * r + l]! * R[cols[e]! * r + l]!;
      s[e] = values[e]! - z;
    }
  return { rows, s, B: L, V: R, K: r };
}

/** SVT_lambda of the filled matrix around B; returns Z+ as factors and sigma_1 of the filled matrix. */
function svtSweep(
  B: Factors,
  rows: ObservedRows,
  exact: boolean,
  K: number,
  lambdaOf: (sigma1: number) => number,
  subspace: SubspaceState,
  random: Random,
) {
  const { m, n } = rows;
  const X = filled(B, rows);
  // The step reads only the eigenpairs, never ||X||_F^2 (the trace a GramOperator carries for lin-RFM's
  // metric): computing it took a 12 x 12 phase grid from the CLI 7.9-8.3 s against 7.4-7.6 s without, for nothing.
  const op = productsOf(X, Number.NaN);
  const eig = gramEigen(exact, () => densify(X), op, K, subspace, random);
  const sigma = eig.values.map((v) => Math.sqrt(Math.max(v, 0)));
  const lambda = lambdaOf(sigma[0] ?? 0);
  const Kc = sigma.length;
  const kept = Array.from({ length: Kc }, (_, j) => j).filter((j) => sigma[j]! > lambda);
  const r = kept.length;
  const R = new Float64Array(n * r);
  for (let j = 0; j < n; j++) for (let a = 0; a < r; a++) R[j * r + a] = eig.vectors[j * Kc + kept[a]!]!;
  const L = r > 0 ? op.right(R, r) : new Float64Array(0);
  for (let a = 0; a < r; a++) {
    const shrink = (sigma[kept[a]!]! - lambda) / sigma[kept[a]!]!;
    for (let i = 0; i < m; i++) L[i * r + a]! *= shrink;
  }
  return { Z: { L, R, r }, sigma1: sigma[0] ?? 0 };
}

/** Z + beta (Z - P) as factors [(1 + beta) L_Z, -beta L_P] [R_Z, R_P]^T. */
function extrapolate(Z: Factors, P: Factors, beta: number, m: number, n: number): Factors {
  const r = Z.r + P.r;
  const L = new Float64Array(m * r);
  const R = new Float64Array(n * r);
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < Z.r; a++) L[i * r + a] = (1 + beta) * Z.L[i * Z.r + a]!;
    for (let a = 0; a < P.r; a++) L[i * r + Z.r + a] = -beta * P.L[i * P.r + a]!;
  }
  for (let j = 0; j < n; j++) {
    for (let a = 0; a < Z.r; a++) R[j * r + a] = Z.R[j * Z.r + a]!;
    for (let a = 0; a < P.r; a++) R[j * r + Z.r + a] = P.R[j * P.r + a]!;
  }
  return { L, R, r };
}

export async function minimiseNuclearNorm(
  rows: ObservedRows,
  exact: boolean,
  K: number,
  random: Random,
  options: NuclearNormOptions = NUCLEAR_NORM_DEFAULTS,
  checkpoint: (sweeps: number) => Promise<void> = () => Promise.resolve(),
): Promise<NuclearNormResult> {
  const { m, n } = rows;
  const none = new Float64Array(rows.cols.length);
  const dense = (f: Factors, out: Float64Array) => densify({ rows, s: none, B: f.L, V: f.R, K: f.r }, out);
  const empty: Factors = { L: new Float64Array(0), R: new Float64Array(0), r: 0 };
  const subspace: SubspaceState = { basis: null, warmSteps: 1 };
  let Z = empty;
  let scale = Number.NaN;
  let factor = options.ratio;
  let sweeps = 0;
  let converged = false;
  let current = new Float64Array(m * n);
  let next = new Float64Array(m * n);
  for (;;) {
    let previous = Z;
    let t = 1;
    let change = Infinity;
    while (sweeps < options.maxSweeps) {
      const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      const B = previous === Z ? Z : extrapolate(Z, previous, (t - 1) / tNext, m, n);
      t = tNext;
      const step = svtSweep(
        B,
        rows,
        exact,
        K,
        (sigma1) => {
          if (Number.isNaN(scale)) scale = sigma1; // the first sweep's filled matrix is P_O(Y)
          return scale * factor;
        },
        subspace,
        random,
      );
      sweeps++;
      previous = Z;
      Z = step.Z;
      dense(Z, next);
      let diff = 0;
      let norm = 0;
      for (let k = 0; k < next.length; k++) {
        diff += (next[k]! - current[k]!) ** 2;
        norm += next[k]! ** 2;
      }
      [current, next] = [next, current];
      change = norm > 0 ? Math.sqrt(diff / norm) : 0;
      await checkpoint(sweeps);
      if (change < options.tolerance) break;
    }
    const last = factor <= options.lambdaMin;
    if (change < options.tolerance && last) converged = true;
    if (last || sweeps >= options.maxSweeps) break;
    factor = Math.max(factor * options.ratio, options.lambdaMin);
  }
  return { estimate: current, sweeps, converged, lambda: factor, rank: Z.r };
}
