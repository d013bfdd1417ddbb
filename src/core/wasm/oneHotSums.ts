/**
 * The one-hot AGOP's gradients, a chunk of a batch's rows at a time (docs/algorithm.md, step 4): for one-hot X
 * and gradient row i (training row rows[i]),
 *   u[i, k, :] = sum_j W_ij alpha_jk (x_j - x_i),
 * where the first term, in each one-hot group, is the group sum S[l, k] = sum of W_ij alpha_jk over the rows j
 * whose value in the group is l, and the second subtracts r_ik = sum_j W_ij alpha_jk (the sum of S over any
 * one group's values, as every j lands in exactly one) from the coordinate x_i takes in each group. u does
 * not depend on a common shift of X, so the one-hot X is used as is.
 *
 * A chunk is stored transposed, [d, count * stride], output k of its row r at column r * stride + k, so that
 * every value's sums land as one run and U^T U is one product. Everything runs in small WebAssembly SIMD
 * kernels (kernels.wat) in an instance of its own: the sums straight into the chunk (four outputs per
 * instruction; the padding of each run past c stays 0), r_ik and the centring. The plain-loop fallback
 * (no SIMD, or a Content-Security-Policy without 'wasm-unsafe-eval'), stride = c, does the same. Measured in
 * Node at p = 61 (n = 1861, c = 61): the group sums at ~0.3 ns per multiply-add in the kernel and ~3 ns in the
 * loops; copying the sums, r_ik and the centring in plain loops and tensor ops cost ~0.2 s per AGOP more.
 */
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from './kernels';

export interface OneHotChunk {
  /** [d, count * stride] row-major, centred per output on the chunk's mean when asked. */
  ut: Float32Array;
  /** The chunk's gradient sums per output before centring, [c, d] (null without centring). */
  sums: Float64Array | null;
}

export interface OneHotChunks {
  /** Row length of one gradient row's run in a chunk: c, padded to whole 4-lane vectors in the kernel. */
  readonly stride: number;
  /**
   * The gradients of batch rows first .. first + count - 1. `ut` may be a view of the kernel's memory that
   * the next call overwrites: use it before asking for the next chunk.
   */
  chunk(first: number, count: number, centre: boolean): OneHotChunk;
}

/**
 * W [b, n] (row-major, row i for training row rows[i]), alpha [n, c] and, per group, its first coordinate, its
 * size and the value each training row takes; d is the sum of the sizes.
 */
export interface OneHotChunksInput {
  w: Float32Array;
  rows: Int32Array;
  alpha: Float32Array;
  n: number;
  c: number;
  d: number;
  groups: readonly { offset: number; size: number; hot: Int32Array }[];
}

/**
 * Prepares the chunks of one batch; `useKernel: false` forces the plain loops (tests compare the two). The
 * kernel works in an instance of its own (its copy of W and the chunks are freed with the returned object).
 */
export function prepareOneHotChunks(input: OneHotChunksInput, useKernel = true): OneHotChunks {
  const wasm = useKernel ? instantiateEngineKernels() : null;
  return wasm ? kernelChunks(wasm, input) : loopChunks(input);
}

function kernelChunks(wasm: EngineKernels, { w, rows, alpha, n, c, d, groups }: OneHotChunksInput): OneHotChunks {
  const stride = Math.ceil(c / 4) * 4;
  const runBytes = stride * 4;
  // Layout (bytes): W | alpha padded to the stride | per group, each training row's byte offset in a chunk |
  // the chunk's sums [d, stride] | their means | r_i [stride] | the chunk.
  const wAt = 0;
  const alphaAt = aligned(wAt + w.length * 4);
  const hotAt = aligned(alphaAt + n * runBytes);
  const sumsAt = aligned(hotAt + groups.length * n * 4);
  const meansAt = sumsAt + d * runBytes;
  const rowSumAt = meansAt + d * runBytes;
  const chunkAt = rowSumAt + runBytes;
  let buffer = reserveMemory(wasm, chunkAt);
  new Float32Array(buffer, wAt, w.length).set(w);
  const alphaPadded = new Float32Array(buffer, alphaAt, n * stride);
  for (let j = 0; j < n; j++) alphaPadded.set(alpha.subarray(j * c, (j + 1) * c), j * stride);
  let offsetsFor = -1;
  return {
    stride,
    chunk(first, count, centre) {
      const width = count * stride;
      buffer = reserveMemory(wasm, chunkAt + d * width * 4);
      if (offsetsFor !== width) {
        // The byte offset of the row a training row's value takes, relative to a gradient row's run.
        const offsets = new Int32Array(buffer, hotAt, groups.length * n);
        groups.forEach(({ offset, hot }, g) => {
          for (let j = 0; j < n; j++) offsets[g * n + j] = (offset + hot[j]!) * width * 4;
        });
        offsetsFor = width;
      }
      new Float32Array(buffer, chunkAt, d * width).fill(0);
      const first0 = groups[0]!;
      for (let r = 0; r < count; r++) {
        const i = first + r;
        const run = chunkAt + r * runBytes;
        groups.forEach((_, g) => wasm.groupSums(wAt + i * n * 4, alphaAt, hotAt + g * n * 4, run, n, runBytes));
        wasm.sumRows(run + first0.offset * width * 4, first0.size, width * 4, runBytes, rowSumAt);
        for (const { offset, hot } of groups)
          wasm.subtractFromRows(run + (offset + hot[rows[i]!]!) * width * 4, 1, 0, runBytes, rowSumAt);
      }
      let sums: Float64Array | null = null;
      if (centre) {
        for (let l = 0; l < d; l++)
          wasm.sumRows(chunkAt + l * width * 4, count, runBytes, runBytes, sumsAt + l * runBytes);
        const chunkSums = new Float32Array(buffer, sumsAt, d * stride);
        const means = new Float32Array(buffer, meansAt, d * stride);
        for (let at = 0; at < d * stride; at++) means[at] = chunkSums[at]! / count;
        for (let l = 0; l < d; l++)
          wasm.subtractFromRows(chunkAt + l * width * 4, count, runBytes, runBytes, meansAt + l * runBytes);
        sums = new Float64Array(c * d);
        for (let l = 0; l < d; l++) for (let k = 0; k < c; k++) sums[k * d + l] = chunkSums[l * stride + k]!;
      }
      return { ut: new Float32Array(buffer, chunkAt, d * width), sums };
    },
  };
}

function loopChunks({ w, rows, alpha, n, c, d, groups }: OneHotChunksInput): OneHotChunks {
  return {
    stride: c,
    chunk(first, count, centre) {
      const width = count * c;
      const ut = new Float32Array(d * width);
      const rowSums = new Float64Array(c);
      for (let r = 0; r < count; r++) {
        const i = first + r;
        for (const { offset, hot } of groups) {
          for (let j = 0; j < n; j++) {
            const wij = w[i * n + j]!;
            if (wij === 0) continue;
            const at = (offset + hot[j]!) * width + r * c;
            for (let k = 0; k < c; k++) ut[at + k] = ut[at + k]! + wij * alpha[j * c + k]!;
          }
        }
        rowSums.fill(0);
        const { offset: offset0, size: size0 } = groups[0]!;
        for (let l = 0; l < size0; l++)
          for (let k = 0; k < c; k++) rowSums[k] = rowSums[k]! + ut[(offset0 + l) * width + r * c + k]!;
        for (const { offset, hot } of groups) {
          const own = (offset + hot[rows[i]!]!) * width + r * c;
          for (let k = 0; k < c; k++) ut[own + k] = ut[own + k]! - rowSums[k]!;
        }
      }
      if (!centre) return { ut, sums: null };
      const sums = new Float64Array(c * d);
      for (let l = 0; l < d; l++) {
        for (let r = 0; r < count; r++)
          for (let k = 0; k < c; k++) sums[k * d + l] = sums[k * d + l]! + ut[l * width + r * c + k]!;
        for (let r = 0; r < count; r++)
          for (let k = 0; k < c; k++) ut[l * width + r * c + k] = ut[l * width + r * c + k]! - sums[k * d + l]! / count;
      }
      return { ut, sums };
    },
  };
}
