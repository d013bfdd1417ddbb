/**
 * The group sums of the one-hot AGOP: for gradient row i and one group,
 *   S[l, k] = sum over the training rows j whose value in the group is l of W_ij alpha_jk,
 * computed by a small WebAssembly SIMD kernel (kernels.wat, four outputs per instruction), or by plain
 * loops where WebAssembly cannot be compiled (no SIMD, or a Content-Security-Policy without
 * 'wasm-unsafe-eval'). Measured in Node at p = 61 (n = 1861, c = 61): ~3 ns per multiply-add in the loops,
 * ~0.3 ns in the kernel.
 */
import {
  aligned,
  engineKernelsAvailable,
  instantiateEngineKernels,
  reserveMemory,
  type EngineKernels,
} from './kernels';

export interface GroupSums {
  /** Row stride of `sums` (c, or c rounded up to a multiple of 4 for the kernel). */
  readonly stride: number;
  /** S for gradient row i (0 .. b - 1) and group g, [size, stride]; valid until the next call. */
  sums(i: number, g: number): Float32Array | Float64Array;
}

/** W [b, n] (row-major), alpha [n, c] and, per group, its size and the value each training row takes. */
export interface GroupSumsInput {
  w: Float32Array;
  alpha: Float32Array;
  n: number;
  c: number;
  groups: readonly { size: number; hot: Int32Array }[];
}

/** Whether the SIMD kernel is in use (false: the plain loops). */
export function hasOneHotKernel(): boolean {
  return engineKernelsAvailable();
}

/**
 * Prepares the sums; `useKernel: false` forces the plain loops (tests compare the two). The kernel's copy of
 * W lives in an instance of its own, freed with the returned object.
 */
export function prepareGroupSums(input: GroupSumsInput, useKernel = true): GroupSums {
  const wasm = useKernel ? instantiateEngineKernels() : null;
  return wasm ? kernelSums(wasm, input) : loopSums(input);
}

function kernelSums(wasm: EngineKernels, { w, alpha, n, c, groups }: GroupSumsInput): GroupSums {
  const stride = Math.ceil(c / 4) * 4;
  const maxSize = Math.max(...groups.map((g) => g.size));
  // Layout (bytes): W | alpha padded to the stride | each group's byte offsets of hot values | acc.
  const wAt = 0;
  const alphaAt = aligned(wAt + w.length * 4);
  const hotAt = aligned(alphaAt + n * stride * 4);
  const accAt = aligned(hotAt + groups.length * n * 4);
  const buffer = reserveMemory(wasm, accAt + maxSize * stride * 4);
  new Float32Array(buffer, wAt, w.length).set(w);
  const alphaPadded = new Float32Array(buffer, alphaAt, n * stride);
  alphaPadded.fill(0);
  for (let j = 0; j < n; j++) alphaPadded.set(alpha.subarray(j * c, (j + 1) * c), j * stride);
  const hotBytes = new Int32Array(buffer, hotAt, groups.length * n);
  groups.forEach(({ hot }, g) => {
    for (let j = 0; j < n; j++) hotBytes[g * n + j] = hot[j]! * stride * 4;
  });
  const acc = new Float32Array(buffer, accAt, maxSize * stride);
  return {
    stride,
    sums(i, g) {
      const size = groups[g]!.size;
      acc.fill(0, 0, size * stride);
      wasm.groupSums(wAt + i * n * 4, alphaAt, hotAt + g * n * 4, accAt, n, stride * 4);
      return acc.subarray(0, size * stride);
    },
  };
}

function loopSums({ w, alpha, n, c, groups }: GroupSumsInput): GroupSums {
  const acc = new Float64Array(Math.max(...groups.map((g) => g.size)) * c);
  return {
    stride: c,
    sums(i, g) {
      const { size, hot } = groups[g]!;
      acc.fill(0, 0, size * c);
      const wRow = i * n;
      for (let j = 0; j < n; j++) {
        const wij = w[wRow + j]!;
        if (wij === 0) continue;
        const at = hot[j]! * c;
        const from = j * c;
        for (let k = 0; k < c; k++) acc[at + k] = acc[at + k]! + wij * alpha[from + k]!;
      }
      return acc.subarray(0, size * c);
    },
  };
}
