/**
 * The group sums of the one-hot AGOP: for gradient row i and one group,
 *   S[l, k] = sum over the training rows j whose value in the group is l of W_ij alpha_jk,
 * added straight into the transposed gradient array the AGOP multiplies (no copy per row and value),
 * computed by a small WebAssembly SIMD kernel (kernels.wat, four outputs per instruction), or by plain
 * loops where WebAssembly cannot be compiled (no SIMD, or a Content-Security-Policy without
 * 'wasm-unsafe-eval'). Measured in Node at p = 61 (n = 1861, c = 61): ~3 ns per multiply-add in the loops,
 * ~0.3 ns in the kernel.
 */
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from './kernels';

export interface GroupSums {
  /**
   * The transposed gradient array [d, b * c] the sums are added into (zero at first): S[l, k] of row i and a
   * group with first coordinate `offset` lands at ut[(offset + l) * b * c + i * c + k].
   */
  readonly ut: Float32Array;
  /** Adds gradient row i's sums for group g into ut. */
  addInto(i: number, g: number): void;
}

/**
 * W [b, n] (row-major), alpha [n, c] and, per group, its first coordinate, its size and the value each
 * training row takes; d is the sum of the sizes.
 */
export interface GroupSumsInput {
  w: Float32Array;
  alpha: Float32Array;
  n: number;
  c: number;
  d: number;
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

function kernelSums(wasm: EngineKernels, { w, alpha, n, c, d, groups }: GroupSumsInput): GroupSums {
  const b = w.length / n;
  const width = b * c;
  // alpha's rows padded to whole 4-lane vectors; the kernel writes those zero lanes past each run of c
  // outputs too (adding 0), which is why ut ends with a vector's worth of slack.
  const stride = Math.ceil(c / 4) * 4;
  // Layout (bytes): W | alpha padded to the stride | per group, each row's byte offset in ut | ut.
  const wAt = 0;
  const alphaAt = aligned(wAt + w.length * 4);
  const hotAt = aligned(alphaAt + n * stride * 4);
  const utAt = aligned(hotAt + groups.length * n * 4);
  const buffer = reserveMemory(wasm, utAt + (d * width + stride) * 4);
  new Float32Array(buffer, wAt, w.length).set(w);
  const alphaPadded = new Float32Array(buffer, alphaAt, n * stride);
  alphaPadded.fill(0);
  for (let j = 0; j < n; j++) alphaPadded.set(alpha.subarray(j * c, (j + 1) * c), j * stride);
  const rowOffsets = new Int32Array(buffer, hotAt, groups.length * n);
  groups.forEach(({ hot }, g) => {
    for (let j = 0; j < n; j++) rowOffsets[g * n + j] = hot[j]! * width * 4;
  });
  // A fresh instance's memory is zero, so ut starts at 0 as the sums need.
  return {
    ut: new Float32Array(buffer, utAt, d * width),
    addInto(i, g) {
      const start = utAt + (groups[g]!.offset * width + i * c) * 4;
      wasm.groupSums(wAt + i * n * 4, alphaAt, hotAt + g * n * 4, start, n, stride * 4);
    },
  };
}

function loopSums({ w, alpha, n, c, d, groups }: GroupSumsInput): GroupSums {
  const width = (w.length / n) * c;
  const ut = new Float32Array(d * width);
  return {
    ut,
    addInto(i, g) {
      const { offset, hot } = groups[g]!;
      const wRow = i * n;
      for (let j = 0; j < n; j++) {
        const wij = w[wRow + j]!;
        if (wij === 0) continue;
        const at = (offset + hot[j]!) * width + i * c;
        const from = j * c;
        for (let k = 0; k < c; k++) ut[at + k] = ut[at + k]! + wij * alpha[from + k]!;
      }
    },
  };
}
