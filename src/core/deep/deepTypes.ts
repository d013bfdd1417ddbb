/**
 * The types of Deep RFM (docs/deeprfm.md): a stack of "normalise rows, one Laplace-RFM step with M = I,
 * multiply by M^(1/2), random ReLU layer", and its control with M = I, measured layer by layer for neural
 * collapse (NC1, NC2).
 */

export interface DeepRfmOptions {
  /** Number of layers D, each one RFM step and one random ReLU layer. */
  depth: number;
  /** Features after every random layer (rows of W_l). */
  width: number;
  /** L of the Laplace kernel exp(-||x - z|| / L); rows have unit norm, so distances are at most 2. */
  bandwidth: number;
  /** lambda of (K + lambda I) alpha = Y. */
  ridge: number;
  /** Seeds the random layers W_1 .. W_D (the same W_l for both stacks). */
  seed: number;
}

export const DEFAULT_DEEP_RFM_OPTIONS: DeepRfmOptions = { depth: 6, width: 256, bandwidth: 2, ridge: 1e-3, seed: 1 };

/** Labelled points: the engine standardises x itself (deepInputs.ts). */
export interface DeepData {
  /** [n, d] row-major, raw features. */
  x: Float32Array;
  n: number;
  d: number;
  /** Class index of each row, 0 .. classes - 1; every class has at least one row. */
  labels: Int32Array;
  classes: number;
  classLabels?: string[];
}

export interface CollapseMeasures {
  /** tr(Sigma_W) / tr(Sigma_B), Sigma_W = (1/n) sum_i (x_i - mu_c(i))(...)^T, Sigma_B = (1/K) sum_c (mu_c - mu_G)(...)^T. */
  nc1: number;
  /** Mean over the K x K entries of (U U^T - E)^2: U the centred class means at unit length, E the simplex ETF Gram. */
  nc2: number;
}

export type DeepStack = 'agop' | 'control';
/** X_l (rows at unit norm), X_l M_l^(1/2), X_{l+1} = ReLU(X_l M_l^(1/2) W_l^T). */
export type DeepStage = 'X' | 'sqrtM_X' | 'next';
export const DEEP_STAGES: readonly DeepStage[] = ['X', 'sqrtM_X', 'next'];

export interface DeepLayerRecord {
  stack: DeepStack;
  /** 1 .. depth */
  layer: number;
  /** d_l: features entering the layer. */
  d: number;
  collapse: Record<DeepStage, CollapseMeasures>;
  /** Per stage, U U^T [K, K] row-major: cosines of the centred class means (NC2 compares them with the simplex). */
  meanCosines: Record<DeepStage, Float64Array>;
  /** M_l's eigenvalues, descending (the control's M_l = I: null). */
  mEigenvalues: Float64Array | null;
  /** Milliseconds spent on this layer. */
  ms: number;
}
