/**
 * Shapes shared by the lin-RFM engine (docs/linrfm.md): the two problems it solves, its options and what
 * each iteration records. lin-RFM is RFM with the linear kernel K(x, z) = x^T M z, whose AGOP is W^T W:
 * with the power s = 1/2 it is iteratively reweighted least squares for the nuclear norm (matrix
 * completion) or the l1 norm (sparse regression, with M kept diagonal).
 */

/** Matrix completion: Y [rows, cols] seen only on a mask. */
export interface CompletionProblem {
  rows: number;
  cols: number;
  /** The matrix to recover, row-major [rows, cols] (used only to measure the recovery error). */
  truth: Float64Array;
  /** Observed values (truth plus noise where observed, 0 elsewhere), row-major [rows, cols]. */
  observed: Float64Array;
  /** 1 where an entry is observed, row-major [rows, cols]. */
  mask: Uint8Array;
}

/** Sparse regression: y = X beta + noise with n < d and few non-zeros in beta. */
export interface SparseProblem {
  n: number;
  d: number;
  /** X [n, d], row-major. */
  X: Float64Array;
  /** y [n]. */
  y: Float64Array;
  /** The true coefficients [d] (used only to measure the recovery error and the support). */
  beta: Float64Array;
}

/**
 * lin-RFM stops when its estimate changes by less than this (relative, ||W_t - W_{t-1}||_F / ||W_t||_F):
 * the nuclear-norm baseline's own stopping rule (nuclearNorm.ts), so the two are compared converged.
 */
export const LINRFM_TOLERANCE = 1e-7;

export interface LinRfmOptions {
  /**
   * At most this many M updates T (T + 1 solves; iteration 0: M = I, the min-norm baseline): the run stops
   * earlier once the estimate has converged (`tolerance`).
   */
  iterations: number;
  /** Stop after the first iteration whose relative change of the estimate is below this. */
  tolerance: number;
  /** Power of the update M <- (AGOP + eps I)^s; 1/2 is IRLS for the nuclear (or l1) norm. */
  power: number;
  /** eps_t = max(epsStart * epsDecay^t, epsFloor), relative to the mean eigenvalue of the AGOP. */
  epsStart: number;
  epsDecay: number;
  epsFloor: number;
  /** Matrix completion: M is exact (all its eigenpairs, dense float64) when cols is at most this. */
  exactUpTo: number;
  /**
   * Above exactUpTo, M is kept as its top `basisSize` eigenvectors plus one value for the rest of the
   * spectrum (see docs/linrfm.md): a rank cap, like soft-impute's, that must exceed the rank sought.
   */
  basisSize: number;
  /** Seeds the random start of the subspace iteration. */
  seed: number;
  /** Run the converged nuclear-norm baseline (soft-impute to convergence, nuclearNorm.ts) beside lin-RFM. */
  softImpute: boolean;
}

export const DEFAULT_LINRFM_OPTIONS: LinRfmOptions = {
  iterations: 40,
  tolerance: LINRFM_TOLERANCE,
  power: 0.5,
  epsStart: 1,
  epsDecay: 0.8,
  epsFloor: 1e-10,
  exactUpTo: 128,
  basisSize: 32,
  seed: 1,
  softImpute: true,
};

/** Whether matrix completion keeps M exact for `cols` columns (else truncated to basisSize). */
export function exactMetric(options: LinRfmOptions, cols: number): boolean {
  return cols <= Math.max(options.exactUpTo, options.basisSize);
}

/** The eps of iteration t's update (relative to the AGOP's mean eigenvalue). */
export function epsAt(options: LinRfmOptions, t: number): number {
  return Math.max(options.epsStart * options.epsDecay ** t, options.epsFloor);
}

export interface CompletionRecord {
  iteration: number;
  /** ||W - Y||_F / ||Y||_F. */
  recoveryError: number;
  /** ||W_t - W_{t-1}||_F / ||W_t||_F (null at iteration 0); below the tolerance the run stops here. */
  change: number | null;
  /**
   * The same for the nuclear-norm minimum (soft-impute run to convergence on a lambda path, computed once
   * before iteration 1): null at iteration 0 and when the baseline is off.
   */
  softImputeError: number | null;
  /** Sweeps (SVDs) the nuclear-norm baseline took, and whether it converged within its budget. */
  softImputeSweeps: number | null;
  softImputeConverged: boolean | null;
  /** ||P_O(W - observed)||_F / ||P_O(observed)||_F: 0 up to round-off (W interpolates). */
  observedResidual: number;
  /** Singular values of W, descending (all of them when M is exact, else the top basisSize). */
  singularValues: Float64Array;
  /** The n eigenvalues of the M this iteration's solve used, descending. */
  mSpectrum: Float64Array;
  /** Whether M's spectrum is truncated to a basis (see exactMetric). */
  truncated: boolean;
  /** The eps used for the next M (relative). */
  eps: number;
  /** A preview of W for display: `previewRows` x `previewCols` entries on a regular grid, row-major. */
  preview: Float32Array;
  timings: { solve: number; update: number; baseline: number };
}

export interface SparseRecord {
  iteration: number;
  /** ||beta_hat - beta||_2 / ||beta||_2. */
  recoveryError: number;
  /** ||beta_t - beta_{t-1}||_2 / ||beta_t||_2 (null at iteration 0); below the tolerance the run stops here. */
  change: number | null;
  /** Estimated coefficients [d]. */
  estimate: Float64Array;
  /** Diagonal of the M this iteration's solve used [d]. */
  mDiagonal: Float64Array;
  /** Indices where |beta_hat| > 1e-3 max |beta_hat|, ascending. */
  support: Int32Array;
  eps: number;
  timings: { solve: number; update: number };
}

/** Whether a record's change says the run has converged (and so stops after it). */
export function hasConverged(change: number | null, options: Pick<LinRfmOptions, 'tolerance'>): boolean {
  return change !== null && change < options.tolerance;
}
