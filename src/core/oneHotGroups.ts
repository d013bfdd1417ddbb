import { engineKernelsAvailable } from './wasm/kernels';

/**
 * Inputs made of one-hot groups (modular arithmetic: one-hot(a) ++ one-hot(b); text: k one-hot
 * characters). For them the AGOP's sums T[i, k, l] = sum_j W_ij alpha_jk X_jl need no n x n x d product:
 * in each group, row j adds W_ij alpha_j into the one coordinate it takes, so a group costs n c
 * multiply-adds per gradient row instead of the dense product's n c d (see docs/algorithm.md, step 5).
 *
 * The sums run on the CPU (wasm/oneHotSums.ts: a small SIMD kernel). On the wasm backend the tensor ops
 * they would take (a gather of W's columns by value and a batched product per value) ran at ~13 M
 * elements/s and ~1 GFLOP/s (measured in Node at p = 61: 2.4 s of CPU time per AGOP).
 */

export interface OneHotGroup {
  /** First input coordinate of the group. */
  offset: number;
  /** Number of values (coordinates) in the group. */
  size: number;
  /** [n]: the value (0 .. size - 1) each training row takes in this group. */
  hot: Int32Array;
}

/**
 * The one-hot groups of X [n, d] (row-major) with the given group sizes, or null when X is not exactly
 * one-hot in those groups (then the dense path is used).
 */
export function findOneHotGroups(
  x: Float32Array,
  n: number,
  d: number,
  sizes: readonly number[],
): OneHotGroup[] | null {
  if (sizes.reduce((a, b) => a + b, 0) !== d || sizes.some((s) => s < 1)) return null;
  const groups: OneHotGroup[] = [];
  let offset = 0;
  for (const size of sizes) {
    const hot = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      let value = -1;
      for (let v = 0; v < size; v++) {
        const entry = x[j * d + offset + v]!;
        if (entry === 1 && value === -1) value = v;
        else if (entry !== 0) return null;
      }
      if (value === -1) return null;
      hot[j] = value;
    }
    groups.push({ offset, size, hot });
    offset += size;
  }
  return groups;
}

/**
 * Measured rates (Node, one core): the group sums run at ~3e9 multiply-adds/s in the SIMD kernel and ~3e8
 * in the plain loops; a dense matmul on the wasm backend reaches ~20 GFLOP/s on 2 cores.
 */
const SECONDS_PER_KERNEL_MULTIPLY_ADD = 1 / 3e9;
const SECONDS_PER_LOOP_MULTIPLY_ADD = 1 / 3e8;
const SECONDS_PER_DENSE_FLOP = 1 / 20e9;

/**
 * Whether the one-hot sums are cheaper than the dense product for `rows` gradient rows, n training points
 * and c outputs: with the kernel, when the groups average more than ~3 values.
 */
export function oneHotIsCheaper(groups: readonly OneHotGroup[], rows: number, n: number, c: number): boolean {
  const d = groups.reduce((sum, g) => sum + g.size, 0);
  const perMultiplyAdd = engineKernelsAvailable() ? SECONDS_PER_KERNEL_MULTIPLY_ADD : SECONDS_PER_LOOP_MULTIPLY_ADD;
  const oneHot = rows * n * c * groups.length * perMultiplyAdd;
  const dense = 2 * rows * n * c * d * SECONDS_PER_DENSE_FLOP;
  return oneHot < dense;
}
