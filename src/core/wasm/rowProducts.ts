/**
 * A x in float64 for a float32 matrix A [n, n] and a float64 X [n, c]: the O(n^2 c) part of the solve's
 * residual (docs/algorithm.md, step 2). The WebAssembly SIMD kernel (kernels.wat) does two multiply-adds per
 * instruction with A copied into its memory once per solve; plain loops are the fallback where the kernel
 * cannot be compiled. Measured at n = 1861, c = 61 in Node: ~250-340 ms per product in the loops.
 */
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from './kernels';

export interface RowProducts {
  /** A x for x [n, c] row-major; returns [n, c] row-major. */
  multiply(x: Float64Array, c: number): Float64Array;
}

let kernel: EngineKernels | null | undefined;

/** Products with A (row-major [n, n], float32); `useKernel: false` forces the plain loops. */
export function prepareRowProducts(a: Float32Array, n: number, useKernel = true): RowProducts {
  if (useKernel && kernel === undefined) kernel = instantiateEngineKernels();
  const wasm = useKernel ? kernel : null;
  return wasm ? kernelProducts(wasm, a, n) : loopProducts(a, n);
}

function kernelProducts(wasm: EngineKernels, a: Float32Array, n: number): RowProducts {
  const aAt = 0;
  const scratchAt = aligned(n * n * 4);
  const xAt = aligned(scratchAt + n * 8);
  new Float32Array(reserveMemory(wasm, xAt), aAt, n * n).set(a);
  return {
    multiply(x, c) {
      const outAt = aligned(xAt + n * c * 8);
      const buffer = reserveMemory(wasm, outAt + n * c * 8);
      const xT = new Float64Array(buffer, xAt, n * c);
      for (let j = 0; j < n; j++) for (let k = 0; k < c; k++) xT[k * n + j] = x[j * c + k]!;
      wasm.rowProducts(aAt, xAt, outAt, scratchAt, n, c, n);
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
