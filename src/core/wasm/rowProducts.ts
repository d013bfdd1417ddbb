/**
 * A x in float64 for a float32 matrix A [n, n] and a float64 X [n, c]: the O(n^2 c) part of the solve's
 * residual (docs/algorithm.md, step 2). The WebAssembly SIMD kernel (kernels.wat) does two multiply-adds per
 * instruction; plain loops are the fallback where the kernel cannot be compiled. Measured at n = 1861, c = 61
 * in Node: ~50 ms per product in the kernel (four rows per pass; one row per pass took ~120 ms), 360-490 ms
 * in the loops.
 */
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from './kernels';

export interface RowProducts {
  /** A x for x [n, c] row-major; returns [n, c] row-major. */
  multiply(x: Float64Array, c: number): Float64Array;
}

/** Rows of A copied into the kernel's memory at a time: bounded, so the copy never rivals A itself (4 MiB). */
const ROW_BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Products with A (row-major [n, n], float32); `useKernel: false` forces the plain loops. The kernel takes
 * A in blocks of rows, in an instance of its own (freed with the returned object).
 */
export function prepareRowProducts(a: Float32Array, n: number, useKernel = true): RowProducts {
  const wasm = useKernel ? instantiateEngineKernels() : null;
  return wasm ? kernelProducts(wasm, a, n) : loopProducts(a, n);
}

function kernelProducts(wasm: EngineKernels, a: Float32Array, n: number): RowProducts {
  const blockRows = Math.max(1, Math.min(n, Math.floor(ROW_BLOCK_BYTES / (n * 4))));
  const scratchAt = 0;
  const aAt = aligned(4 * n * 8); // after the scratch of four widened rows
  const xAt = aligned(aAt + blockRows * n * 4);
  return {
    multiply(x, c) {
      const outAt = aligned(xAt + n * c * 8);
      const buffer = reserveMemory(wasm, outAt + n * c * 8);
      const xT = new Float64Array(buffer, xAt, n * c);
      for (let j = 0; j < n; j++) for (let k = 0; k < c; k++) xT[k * n + j] = x[j * c + k]!;
      const rows = new Float32Array(buffer, aAt, blockRows * n);
      for (let r0 = 0; r0 < n; r0 += blockRows) {
        const count = Math.min(blockRows, n - r0);
        rows.set(a.subarray(r0 * n, (r0 + count) * n));
        wasm.rowProducts(aAt, xAt, outAt + r0 * c * 8, scratchAt, n, c, count);
      }
      return new Float64Array(buffer, outAt, n * c).slice();
    },
  };
}

/**
 * The fallback: runs over x transposed, four outputs per pass over a row of A (~3x faster in V8 than one
 * output, or all outputs, per pass).
 */
function loopProducts(a: Float32Array, n: number): RowProducts {
  return {
    multiply(x, c) {
      const xT = new Float64Array(n * c);
      for (let j = 0; j < n; j++) for (let k = 0; k < c; k++) xT[k * n + j] = x[j * c + k]!;
      const ax = new Float64Array(n * c);
      for (let i = 0; i < n; i++) {
        const row = i * n;
        let k = 0;
        for (; k + 4 <= c; k += 4) {
          const o0 = k * n;
          const o1 = o0 + n;
          const o2 = o1 + n;
          const o3 = o2 + n;
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          let s3 = 0;
          for (let j = 0; j < n; j++) {
            const aij = a[row + j]!;
            s0 += aij * xT[o0 + j]!;
            s1 += aij * xT[o1 + j]!;
            s2 += aij * xT[o2 + j]!;
            s3 += aij * xT[o3 + j]!;
          }
          ax[i * c + k] = s0;
          ax[i * c + k + 1] = s1;
          ax[i * c + k + 2] = s2;
          ax[i * c + k + 3] = s3;
        }
        for (; k < c; k++) {
          const o = k * n;
          let sum = 0;
          for (let j = 0; j < n; j++) sum += a[row + j]! * xT[o + j]!;
          ax[i * c + k] = sum;
        }
      }
      return ax;
    },
  };
}
