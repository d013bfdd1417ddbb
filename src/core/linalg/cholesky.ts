/**
 * Dense Cholesky factorisation and triangular inversion of small blocks in float64 on the CPU.
 *
 * The blocked solver factors each diagonal block here (at most a few hundred rows) and does the
 * O(n^3) work as matrix products on the tfjs backend. Both run in the engine's WebAssembly SIMD kernels
 * (wasm/kernels.wat) where they load, else in the plain loops below; both read and write whole rows
 * (row-major), so the inner loops run over contiguous memory.
 */
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from '../wasm/kernels';

let kernel: EngineKernels | null | undefined;

function loadKernel(useKernel: boolean): EngineKernels | null {
  if (!useKernel) return null;
  if (kernel === undefined) kernel = instantiateEngineKernels();
  return kernel;
}

/**
 * Lower Cholesky factor L of the row-major symmetric [b, b] matrix `a` (lower triangle read),
 * or null when a pivot is not positive (the matrix is not numerically positive definite).
 */
export function choleskyLower(a: Float64Array, b: number, useKernel = true): Float64Array | null {
  const wasm = loadKernel(useKernel);
  if (wasm) {
    const lAt = aligned(b * b * 8);
    const buffer = reserveMemory(wasm, lAt + b * b * 8);
    new Float64Array(buffer, 0, b * b).set(a.subarray(0, b * b));
    new Float64Array(buffer, lAt, b * b).fill(0);
    return wasm.cholesky(0, lAt, b) === 1 ? new Float64Array(buffer, lAt, b * b).slice() : null;
  }
  const L = new Float64Array(b * b);
  for (let i = 0; i < b; i++) {
    const rowI = i * b;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * b;
      let s = a[rowI + j]!;
      for (let k = 0; k < j; k++) s -= L[rowI + k]! * L[rowJ + k]!;
      if (j < i) L[rowI + j] = s / L[rowJ + j]!;
      else if (s > 0) L[rowI + i] = Math.sqrt(s);
      else return null;
    }
  }
  return L;
}

/** Inverse of a row-major lower-triangular [b, b] matrix (itself lower triangular). */
export function invertLower(L: Float64Array, b: number, useKernel = true): Float64Array {
  const wasm = loadKernel(useKernel);
  if (wasm) {
    const invAt = aligned(b * b * 8);
    const buffer = reserveMemory(wasm, invAt + b * b * 8);
    new Float64Array(buffer, 0, b * b).set(L.subarray(0, b * b));
    new Float64Array(buffer, invAt, b * b).fill(0);
    wasm.invertLower(0, invAt, b);
    return new Float64Array(buffer, invAt, b * b).slice();
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
