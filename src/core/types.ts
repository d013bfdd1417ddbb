/**
 * The engine's data and record types: what goes into an RFM run and what each iteration reports.
 * Plain typed arrays only, so records cross the worker boundary (and into JSON) without tensors.
 */

export type KernelName = 'laplace' | 'gaussian' | 'laplace-q';
export type UpdateConvention = 'mean' | 'max' | 'sqrt';
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
  /** Seeds the AGOP subsample and the spectrum's random start. */
  seed: number;
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
  /** For argmax accuracy: counts[true * c + predicted] over the test set, else null. */
  testConfusion: Int32Array | null;
  /** tfjs memory at the end of the iteration: flat from one iteration to the next (no leaks). */
  memory: { tensors: number; bytes: number; gpuBytes: number | null };
}
