/**
 * How much memory a run needs, checked before it starts against what the backend can hold, so a size
 * that cannot fit is refused with a message (and the largest n that would fit) instead of crashing.
 *
 * Peak memory is dominated by n x n float32 matrices: the squared distances and K (kept for the AGOP), K's
 * values on the CPU (for the float64 residuals), the solve's finished columns (a CPU copy) and the panels of
 * its factor: about 5 n^2 floats at most.
 * The largest single tensor is one n x n matrix (a WebGPU buffer binding limit applies to it).
 */

export interface RunShape {
  n: number;
  nTest: number;
  d: number;
  c: number;
}

export interface MemoryLimits {
  /** Which backend, for the message. */
  backend: string;
  /** Largest single tensor in bytes (WebGPU: min(maxStorageBufferBindingSize, maxBufferSize)). */
  maxTensorBytes: number;
  /** All live tensors together, in bytes. */
  maxTotalBytes: number;
}

const GIB = 2 ** 30;

/**
 * Limits of the backends that run without a GPU (wasm, cpu), in the worker and in the CLI alike. The wasm
 * backend's heap is 32-bit (at most 4 GiB, some of it the module's own); the cpu backend keeps each tensor in
 * one JS typed array.
 */
export function cpuBackendLimits(backend: string): MemoryLimits {
  if (backend === 'wasm') return { backend, maxTensorBytes: 2 * GIB, maxTotalBytes: 3.5 * GIB };
  return { backend, maxTensorBytes: 2 * GIB, maxTotalBytes: 2 * GIB };
}

const FLOAT = 4;
const SQUARE_MATRICES_AT_PEAK = 5;

export function estimateRunBytes({ n, nTest, d, c }: RunShape): { peakBytes: number; largestTensorBytes: number } {
  const square = n * n * FLOAT;
  const vectors = (n + nTest) * (d + c) * FLOAT * 4;
  return { peakBytes: SQUARE_MATRICES_AT_PEAK * square + vectors, largestTensorBytes: square };
}

/** The largest n whose run fits the limits (other sizes as given). */
export function largestFittingN(shape: RunShape, limits: MemoryLimits): number {
  let lo = 1;
  let hi = 1_000_000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits({ ...shape, n: mid }, limits)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function fits(shape: RunShape, limits: MemoryLimits): boolean {
  const { peakBytes, largestTensorBytes } = estimateRunBytes(shape);
  return peakBytes <= limits.maxTotalBytes && largestTensorBytes <= limits.maxTensorBytes;
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 2 : 1)} GB`;

/** Throws an Error whose message says what does not fit and the largest n that would. */
export function checkRunFits(shape: RunShape, limits: MemoryLimits): void {
  if (fits(shape, limits)) return;
  const { peakBytes, largestTensorBytes } = estimateRunBytes(shape);
  const largest = largestFittingN(shape, limits);
  const reason =
    largestTensorBytes > limits.maxTensorBytes
      ? `its ${shape.n} x ${shape.n} kernel matrix alone is ${gib(largestTensorBytes)}, over the ${limits.backend} backend's ${gib(limits.maxTensorBytes)} limit for one buffer`
      : `it needs about ${gib(peakBytes)} at its peak, more than the ${limits.backend} backend can hold (about ${gib(limits.maxTotalBytes)})`;
  // A tree of RFMs (core/tree/, the leaf parameter) trains data of any size in leaves that do fit.
  throw new Error(
    `n = ${shape.n} training points do not fit: ${reason}. The largest n that fits is about ${largest}; ` +
      `a leaf size (leaf, e.g. 4000) trains larger data as a tree of RFMs, one kernel per leaf.`,
  );
}
