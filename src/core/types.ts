/**
 * The engine's data and record types: what goes into an RFM run and what each iteration reports.
 * Plain typed arrays only, so records cross the worker boundary (and into JSON) without tensors.
 */

/**
 * The kernels and M-update conventions the engine implements. The parameter schema (src/params) spells the
 * same lists for the UI, the URL and the CLI; src/experiments/options.ts checks at compile time that the
 * two agree (params may import nothing, so it cannot take them from here).
 */
export const KERNEL_NAMES = ['laplace', 'gaussian', 'laplace-q'] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];
export const UPDATE_CONVENTIONS = ['mean', 'max', 'sqrt'] as const;
export type UpdateConvention = (typeof UPDATE_CONVENTIONS)[number];
/** How accuracy is read off predictions: argmax for one-hot targets, sign or 0.5 threshold for c = 1. */
export type AccuracyRule = 'argmax' | 'sign' | 'threshold' | 'none';

/** A train/test split, row-major. */
export interface Dataset {
  /** [nTrain, d] */
  xTrain: Float32Array;
  /** [nTrain, c] */
  yTrain: Float32Array;
  /** [nTest, d] */
  xTest: Float32Array;
  /** [nTest, c] */
  yTest: Float32Array;
  nTrain: number;
  nTest: number;
  d: number;
  c: number;
  accuracy: AccuracyRule;
  /** Names of the d input coordinates (x1, x2, ... by default). */
  featureNames?: string[];
  /** Names of the c classes, for one-hot classification targets. */
  classLabels?: string[];
  /** How the d input coordinates are arranged, so views can reshape M (plain data, no behaviour). */
  layout?: DatasetLayout;
  /** Reference models scored on the same test set (e.g. bigram and trigram models for text). */
  baselines?: BaselineScore[];
}

export interface BaselineScore {
  name: string;
  testAccuracy: number | null;
  testMse: number | null;
  /** Mean negative log-likelihood per test point, in nats, where the model gives probabilities. */
  testCrossEntropy: number | null;
}

export type DatasetLayout =
  /** Coordinates are independent features. */
  | { kind: 'vector' }
  /** one-hot(a) (p coordinates) followed by one-hot(b) (p coordinates); target one-hot((a op b) mod p). */
  | { kind: 'modular'; p: number; op: '+' | '-' | '*' | '/' }
  /** k context positions, each a one-hot character over the vocabulary (position-major: d = k * V). */
  | { kind: 'text'; k: number; vocabulary: string[] }
  /** Row-major pixels of a width x height image. */
  | { kind: 'image'; width: number; height: number };

export interface RfmOptions {
  kernel: KernelName;
  /** Bandwidth L > 0. */
  bandwidth: number;
  /** Exponent q of laplace-q, 0 < q <= 2. */
  exponent: number;
  /** Ridge lambda >= 0. */
  ridge: number;
  /** Number of M updates T; the run makes T + 1 solves. */
  iterations: number;
  convention: UpdateConvention;
  /** Keep M diagonal. */
  diagonal: boolean;
  /** Subtract the mean gradient (per output) before the AGOP. */
  centering: boolean;
  /** Use at most this many training points for the AGOP (0: all). */
  agopSampleSize: number;
  /** Number of top kernel eigenvalues to record. */
  spectrumSize: number;
  /** Seeds the AGOP subsample, the validation split and the spectrum's random start. */
  seed: number;
  /**
   * Share of the training points held out for validation, 0 <= v < 1 (0: none). The model is fitted on the
   * rest; each iteration records the validation MSE and the best iteration so far (docs/algorithm.md, step 7).
   */
  validationFraction: number;
  /** With a validation split: stop once the validation MSE is worse than the best one x 1.1. */
  earlyStopping: boolean;
}

export type Phase = 'agop' | 'kernel' | 'solve' | 'predict' | 'spectrum';
export type PhaseTimings = Record<Phase, number>;

export interface IterationRecord {
  /** t = 0 is the baseline kernel machine with M = I. */
  iteration: number;
  d: number;
  /** M_t, row-major [d, d]. */
  M: Float64Array;
  /** Eigenvalues of M_t, descending. */
  mEigenvalues: Float64Array;
  /** Top eigenvectors of M_t, each of length d. */
  mEigenvectors: Float64Array[];
  trainMse: number;
  testMse: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  trainR2: number | null;
  testR2: number | null;
  /** Top eigenvalues of K_{M_t}(X, X) without the ridge, descending. */
  kernelEigenvalues: Float64Array;
  /** Wall time in ms; `agop` is the time to compute M_t from M_{t-1} (0 at t = 0). */
  timings: PhaseTimings;
  backend: string;
  /** Diagonal jitter that had to be added for the factorisation to succeed (0 when none). */
  jitter: number;
  /** Relative residual of the solve after refinement. */
  solveResidual: number;
  /** MSE and accuracy on the validation split (null without one). */
  validationMse: number | null;
  validationAccuracy: number | null;
  /**
   * The iteration with the lowest validation MSE so far, this one included (null without a validation
   * split). Its model is the one kept for predictions when the run ends.
   */
  bestIteration: number | null;
  /**
   * Set when M_t is degenerate (all distances under M are ~0, so the kernel is constant and the model predicts
   * a constant): a sentence for the user. The run stops after this record.
   */
  featureMatrixProblem: string | null;
  /** For argmax accuracy: counts[true * c + predicted] over the test set, else null. */
  testConfusion: Int32Array | null;
  /** tfjs memory at the end of the iteration: flat from one iteration to the next (no leaks). */
  memory: { tensors: number; bytes: number; gpuBytes: number | null };
}

/** One iteration's model on the CPU: f(z) = sum_j K_M(z - mean, xFit_j) alpha_j. */
export interface IterationSnapshot {
  iteration: number;
  /** M_t, row-major [d, d]. */
  m: Float64Array;
  /** alpha_t in the target's own units, row-major [n, c]. */
  alpha: Float32Array;
  /** The fitted rows centred by `mean`, [n, d] (the same array for every iteration of a run). */
  xFit: Float32Array;
  mean: Float32Array;
  n: number;
}
