/**
 * The one float64 Cholesky of the engine (docs/architecture.md, numeric tiers): factorisation, triangular
 * inversion and solves of small symmetric positive (semi-)definite systems on the CPU.
 *
 * The blocked solver (solve.ts) and the spectrum factor each diagonal block here (at most a few hundred
 * rows) and do the O(n^3) work as matrix products on the tfjs backend; there the factor and the inverse run
 * in the engine's WebAssembly SIMD kernels (wasm/kernels.wat) where they load, else in the plain loops
 * below. lin-RFM's many small systems (a row's k x k block of M, a K x K Woodbury core, sparse regression's
 * n x n system) use the in-place forms with work buffers passed in, so a loop over thousands of rows
 * allocates nothing. Everything is row-major, so the inner loops run over contiguous memory.
 */
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from '../wasm/kernels';

let kernel: EngineKernels | null | undefined;

function loadKernel(useKernel: boolean): EngineKernels | null {
  if (!useKernel) return null;
  if (kernel === undefined) kernel = instantiateEngineKernels();
  return kernel;
}

/**
 * Runs a kernel that reads a [b, b] float64 matrix and writes another one, zeroed first, into its memory;
 * returns the output, or null when the kernel reports failure.
 */
function inKernel(
  wasm: EngineKernels,
  input: Float64Array,
  b: number,
  run: (inputAt: number, outputAt: number) => boolean,
): Float64Array | null {
  const outputAt = aligned(b * b * 8);
  const buffer = reserveMemory(wasm, outputAt + b * b * 8);
  new Float64Array(buffer, 0, b * b).set(input.subarray(0, b * b));
  new Float64Array(buffer, outputAt, b * b).fill(0);
  return run(0, outputAt) ? new Float64Array(buffer, outputAt, b * b).slice() : null;
}

/** sum_l A[a + l] B[b + l] for l < len, four running sums (about 1.5x faster in V8 than one). */
export function dot(A: Float64Array, a: number, B: Float64Array, b: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let l = 0;
  for (; l + 3 < len; l += 4) {
    s0 += A[a + l]! * B[b + l]!;
    s1 += A[a + l + 1]! * B[b + l + 1]!;
    s2 += A[a + l + 2]! * B[b + l + 2]!;
    s3 += A[a + l + 3]! * B[b + l + 3]!;
  }
  for (; l < len; l++) s0 += A[a + l]! * B[b + l]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * Factors the lower triangle of S [k, k] (row-major, read only) plus `jitter` on the diagonal into L
 * (lower triangle written); false when a pivot is not positive.
 */
export function choleskyInto(S: Float64Array, L: Float64Array, k: number, jitter = 0): boolean {
  for (let j = 0; j < k; j++) {
    const rj = j * k;
    const d = S[rj + j]! + jitter - dot(L, rj, L, rj, j);
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    L[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < k; i++) {
      const ri = i * k;
      L[ri + j] = (S[ri + j]! - dot(L, ri, L, rj, j)) * inv;
    }
  }
  return true;
}

/**
 * Lower Cholesky factor L of the row-major symmetric [b, b] matrix `a` (lower triangle read, upper
 * triangle of L zero), or null when a pivot is not positive (not numerically positive definite).
 */
export function choleskyLower(a: Float64Array, b: number, useKernel = true): Float64Array | null {
  const wasm = loadKernel(useKernel);
  if (wasm) return inKernel(wasm, a, b, (at, outAt) => wasm.cholesky(at, outAt, b) === 1);
  const L = new Float64Array(b * b);
  return choleskyInto(a, L, b, 0) ? L : null;
}

/** Inverse of a row-major lower-triangular [b, b] matrix (itself lower triangular). */
export function invertLower(L: Float64Array, b: number, useKernel = true): Float64Array {
  const wasm = loadKernel(useKernel);
  if (wasm) {
    const inverse = inKernel(wasm, L, b, (at, outAt) => {
      wasm.invertLower(at, outAt, b);
      return true;
    });
    if (inverse) return inverse;
  }
  const inv = new Float64Array(b * b);
  // Row i of L X = I: X[i, :] = (e_i - sum_{k<i} L[i, k] X[k, :]) / L[i, i], where X[k, :] ends at column k.
  for (let i = 0; i < b; i++) {
    const rowI = i * b;
    for (let k = 0; k < i; k++) {
      const lik = L[rowI + k]!;
      if (lik === 0) continue;
      const rowK = k * b;
      for (let j = 0; j <= k; j++) inv[rowI + j] = inv[rowI + j]! - lik * inv[rowK + j]!;
    }
    const scale = 1 / L[rowI + i]!;
    for (let j = 0; j < i; j++) inv[rowI + j] = inv[rowI + j]! * scale;
    inv[rowI + i] = scale;
  }
  return inv;
}

/** Solves L L^T x = y with the factor from choleskyInto; x may be y. */
export function solveFactored(L: Float64Array, k: number, y: Float64Array, x: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let s = y[i]!;
    const ri = i * k;
    for (let l = 0; l < i; l++) s -= L[ri + l]! * x[l]!;
    x[i] = s / L[ri + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let l = i + 1; l < k; l++) s -= L[l * k + i]! * x[l]!;
    x[i] = s / L[i * k + i]!;
  }
}

/**
 * Solves S x = y (S's lower triangle read) into x by Cholesky in the work buffer L (>= k * k); if a
 * pivot is not positive, retries with jitter on the diagonal from 1e-12 of the mean diagonal, growing
 * tenfold. Returns the jitter used.
 */
export function solveSpd(S: Float64Array, k: number, y: Float64Array, x: Float64Array, L: Float64Array): number {
  let meanDiagonal = 0;
  for (let a = 0; a < k; a++) meanDiagonal += S[a * k + a]!;
  meanDiagonal = Math.max(meanDiagonal / Math.max(k, 1), Number.MIN_VALUE);
  let jitter = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    if (choleskyInto(S, L, k, jitter)) {
      solveFactored(L, k, y, x);
      return jitter;
    }
    jitter = jitter === 0 ? 1e-12 * meanDiagonal : jitter * 10;
  }
  throw new Error('lin-RFM: a row system stayed singular after adding jitter');
}

/** Allocating form for one-off systems: x = S^{-1} y and the jitter used. */
export function choleskySolveWithJitter(
  S: Float64Array,
  k: number,
  y: Float64Array,
): { x: Float64Array; jitter: number } {
  const x = new Float64Array(k);
  const jitter = solveSpd(S, k, y, x, new Float64Array(k * k));
  return { x, jitter };
}
