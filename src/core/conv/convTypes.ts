/**
 * ConvRFM's options and per-iteration record (docs/convrfm.md): the patch kernel
 * K_M(x, z) = (1/P) sum_p k(||x_p - z_p||_M) over the q x q patches of an image, one M shared by all positions.
 * Plain typed arrays only, so records cross the worker boundary and go into JSON as they are.
 */
import type { KernelName } from '../types';

/** Images are stored row-major with channels last: pixel (r, c), channel k is at (r * width + c) * channels + k. */
export interface ImageShape {
  height: number;
  width: number;
  channels: number;
}

export const CONV_KERNELS = ['gaussian', 'laplace'] as const satisfies readonly KernelName[];
export type ConvKernelName = (typeof CONV_KERNELS)[number];

export interface ConvRfmOptions {
  image: ImageShape;
  /** Side q of the square patches (stride 1, no padding). */
  patch: number;
  kernel: ConvKernelName;
  bandwidth: number;
  /** Ridge lambda of the solve (0 interpolates). */
  ridge: number;
  /** Number of M updates; the run makes iterations + 1 solves. */
  iterations: number;
}

export const DEFAULT_CONV_OPTIONS: Omit<ConvRfmOptions, 'image'> = {
  patch: 3,
  kernel: 'gaussian',
  bandwidth: 1,
  ridge: 1e-3,
  iterations: 2,
};

/** One eigenvector of M drawn as a patch: [q][q] for one channel, [channels][q][q] otherwise. */
export interface PatchFilter {
  eigenvalue: number;
  /** Row-major q x q x channels values (channels last), unit length, largest-magnitude entry positive. */
  values: Float64Array;
  /** Sum of the entries: near 0 for an edge (both signs), about +-q for the patch mean. */
  sum: number;
}

export type ConvPhase = 'kernel' | 'solve' | 'predict' | 'agop';

export interface ConvIterationRecord {
  iteration: number;
  /** Features per patch, f = q^2 x channels. */
  f: number;
  /** [f, f] row-major; M_0 = I, trace f after every update. */
  M: Float64Array;
  /** M's eigenvectors as patches, by descending eigenvalue (all f of them). */
  filters: PatchFilter[];
  trainMse: number;
  testMse: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** Milliseconds per phase; agop is the update that made this iteration's M (0 at iteration 0). */
  timings: Record<ConvPhase, number>;
  backend: string;
  jitter: number;
  solveResidual: number;
  /** tf.memory().numTensors when the record was made. */
  numTensors: number;
}
