/**
 * The group sums of the one-hot AGOP: for gradient row i and one group,
 *   S[l, k] = sum over the training rows j whose value in the group is l of W_ij alpha_jk,
 * computed by a small WebAssembly SIMD kernel (kernels.wat, four outputs per instruction), or by plain
 * loops where WebAssembly cannot be compiled (no SIMD, or a Content-Security-Policy without
 * 'wasm-unsafe-eval'). Measured in Node at p = 61 (n = 1861, c = 61): ~3 ns per multiply-add in the loops,
 * ~0.3 ns in the kernel.
 */
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from './kernels';

export interface GroupSums {
  /** Row length of the arrays `sumsOf` returns (c, or c padded to whole 4-lane vectors). */
  readonly stride: number;
  /**
   * Gradient row i's sums for group g: S[l, k] at [l * stride + k] for the group's values l and outputs k.
   * A view that the next call overwrites.
   */
  sumsOf(i: number, g: number): Float32Array;
}

/**
 * W [b, n] (row-major), alpha [n, c] and, per group, its first coordinate, its size and the value each
 * training row takes.
 */
export interface GroupSumsInput {
  w: Float32Array;
  alpha: Float32Array;
  n: number;
  c: number;
  groups: readonly { offset: number; size: number; hot: Int32Array }[];
}

/**
 * Prepares the sums; `useKernel: false` forces the plain loops (tests compare the two). The kernel works in
 * an instance of its own (its copy of W and the gradients are freed with the returned object).
 */
export function prepareGroupSums(input: GroupSumsInput, useKernel = true): GroupSums {
  const wasm = useKernel ? instantiateEngineKernels() : null;
  return wasm ? kernelSums(wasm, input) : loopSums(input);
}

function kernelSums(wasm: EngineKernels, { w, alpha, n, c, groups }: GroupSumsInput): GroupSums {
  // alpha's rows padded to whole 4-lane vectors; the kernel writes those zero lanes past each run of c
  // outputs too (adding 0).
  const stride = Math.ceil(c / 4) * 4;
  const largestGroup = Math.max(...groups.map((g) => g.size));
  // Layout (bytes): W | alpha padded to the stride | per group, each row's byte offset in the sums | the
  // sums: one padded row per value of a group, a few kB that stay in the L1 cache.
  const wAt = 0;
  const alphaAt = aligned(wAt + w.length * 4);
  const hotAt = aligned(alphaAt + n * stride * 4);
  const sumsAt = aligned(hotAt + groups.length * n * 4);
  const buffer = reserveMemory(wasm, sumsAt + largestGroup * stride * 4);
  new Float32Array(buffer, wAt, w.length).set(w);
  const alphaPadded = new Float32Array(buffer, alphaAt, n * stride);
  alphaPadded.fill(0);
  for (let j = 0; j < n; j++) alphaPadded.set(alpha.subarray(j * c, (j + 1) * c), j * stride);
  const rowOffsets = new Int32Array(buffer, hotAt, groups.length * n);
  groups.forEach(({ hot }, g) => {
    for (let j = 0; j < n; j++) rowOffsets[g * n + j] = hot[j]! * stride * 4;
  });
  const sums = new Float32Array(buffer, sumsAt, largestGroup * stride);
  return {
    stride,
    sumsOf(i, g) {
      const size = groups[g]!.size * stride;
      sums.fill(0, 0, size);
      wasm.groupSums(wAt + i * n * 4, alphaAt, hotAt + g * n * 4, sumsAt, n, stride * 4);
      return sums.subarray(0, size);
    },
  };
}

function loopSums({ w, alpha, n, c, groups }: GroupSumsInput): GroupSums {
  const sums = new Float32Array(Math.max(...groups.map((g) => g.size)) * c);
  return {
    stride: c,
    sumsOf(i, g) {
      const { size, hot } = groups[g]!;
      sums.fill(0, 0, size * c);
      const wRow = i * n;
      for (let j = 0; j < n; j++) {
        const wij = w[wRow + j]!;
        if (wij === 0) continue;
        const at = hot[j]! * c;
        const from = j * c;
        for (let k = 0; k < c; k++) sums[at + k] = sums[at + k]! + wij * alpha[from + k]!;
      }
      return sums.subarray(0, size * c);
    },
  };
}
