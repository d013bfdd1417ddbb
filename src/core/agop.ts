/**
 * The Average Gradient Outer Product of the kernel predictor f(x) = sum_j alpha_j K_M(x, x_j).
 *
 * grad f_k(x_i) = M u_ik with u_ik = sum_j W_ij alpha_jk (x_j - x_i)
 *              = (W diag(alpha_k) X)_i - (W alpha_k)_i x_i,
 * so G = sum_ik M u_ik u_ik^T M = M (U^T U) M needs only matrix products. Rows are processed in
 * batches (W computed once per batch) and outputs in groups, so no n x n x d tensor is ever
 * materialised and memory stays bounded. When the caller still holds K and the squared distances of all
 * training pairs and every row fits in one batch, they are used instead of being computed again.
 * Centring subtracts the mean gradient per output from the gradients themselves (see BatchMeans).
 * u is invariant to a common shift of X (it sums x_j - x_i), so X may be centred by the caller.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelFunction } from './kernels/kernelFunction';
import { directWeightedDifferences } from './directDifferences';
import { rowSquaredDistances, type MetricPoints } from './distance';
import { matMulTransposeA, matMulTransposeB } from './linalg/products';
import type { OneHotGroup } from './oneHotGroups';
import { prepareOneHotChunks } from './wasm/oneHotSums';

/** Floats allowed in one batch's largest intermediate (64 MiB of float32). */
export const BATCH_FLOATS = 16 * 1024 * 1024;

/**
 * Gradient columns (rows x outputs) per product on the one-hot path. U^T U over all of a batch at once,
 * [d, 113,521] at p = 61, took 0.58-0.72 s per AGOP on the wasm backend (~5 GFLOP/s: its long operands
 * streamed from memory for every tile of the product), in chunks of 4,096 columns 0.35-0.43 s (2,048 and
 * 8,192 did as well; Node, one core). Each chunk is also centred on its own mean (combined exactly by
 * BatchMeans), which rounds less: at p = 61 the AGOP's relative error against a float64 sum from the same W
 * and alpha fell from 7e-5 to 2e-6.
 */
const ONE_HOT_CHUNK_COLUMNS = 4096;

export interface AgopInput {
  kernel: KernelFunction;
  /** Training points under the current M. */
  points: MetricPoints;
  /** [n, c] */
  alpha: tf.Tensor2D;
  /** Row indices (into the training points) at which gradients are taken, ascending. */
  rows: Int32Array;
  centering: boolean;
  /** Set when X is made of one-hot groups: the gradients are then summed by value on the CPU (wasm/oneHotSums.ts). */
  oneHotGroups?: readonly OneHotGroup[];
  /** K [n, n] and squared distances [n, n] (self pairs exactly 0) of all training pairs, if still held. */
  allPairs?: { k: tf.Tensor2D; d2: tf.Tensor2D };
  /** Floats allowed in one batch's largest intermediate (default BATCH_FLOATS; lower it to test batching). */
  batchFloats?: number;
  /** Gradient columns per product on the one-hot path (default ONE_HOT_CHUNK_COLUMNS; lower it to test). */
  oneHotChunkColumns?: number;
  /** Awaited between batches: lets the caller yield, report progress or cancel. */
  betweenBatches?: (fractionDone: number) => Promise<void>;
}

/**
 * Returns U^T U (centred if asked) as a row-major float64 [d, d] matrix, before the M (.) M sandwich.
 * The caller applies M on both sides (see `sandwich`). Every tensor it makes is freed, also when
 * `betweenBatches` throws (a cancelled run).
 */
export async function gradientOuterProductSum(input: AgopInput): Promise<Float64Array> {
  const { kernel, points, alpha, rows, centering, allPairs, oneHotGroups, betweenBatches } = input;
  const batchFloats = input.batchFloats ?? BATCH_FLOATS;
  const [n, d] = points.x.shape;
  const c = alpha.shape[1];
  // The dense path holds alpha (x) X [n, g d] per output group; the one-hot path holds no such tensor.
  const outputsPerGroup = oneHotGroups ? c : Math.max(1, Math.min(c, Math.floor(batchFloats / (n * d))));
  const rowsPerBatch = Math.max(1, Math.min(rows.length, Math.floor(batchFloats / Math.max(n, outputsPerGroup * d))));
  const reuseAllPairs = allPairs !== undefined && rows.length === n && rowsPerBatch === n;
  const groupCount = Math.ceil(c / outputsPerGroup);
  const alphaValues = oneHotGroups ? ((await alpha.data()) as Float32Array) : null;

  /** W for the batch's rows [b, n]. Call inside tidy. */
  const batchWeights = (rowIndices: tf.Tensor1D): tf.Tensor2D => {
    if (reuseAllPairs) return kernel.gradientWeight(allPairs.k, allPairs.d2) as tf.Tensor2D;
    const d2 = rowSquaredDistances(points, rowIndices);
    return kernel.gradientWeight(kernel.value(d2), d2) as tf.Tensor2D;
  };
  let gram = tf.zeros([d, d]) as tf.Tensor2D;
  const addToGram = (flat: tf.Tensor2D): void => {
    // Kept: the dense path calls this inside its batch's tidy, and the sum must outlive it.
    const next = tf.keep(tf.tidy(() => tf.add(gram, matMulTransposeA(flat, flat)) as tf.Tensor2D));
    gram.dispose();
    gram = next;
  };
  const centred = new BatchMeans(d);
  try {
    for (let r0 = 0; r0 < rows.length; r0 += rowsPerBatch) {
      const b = Math.min(rowsPerBatch, rows.length - r0);
      const batchRows = rows.subarray(r0, r0 + b);
      if (oneHotGroups && alphaValues) {
        const w = tf.tidy(() => batchWeights(tf.tensor1d(batchRows, 'int32')));
        const wValues = (await w.data()) as Float32Array;
        w.dispose();
        const chunks = prepareOneHotChunks({
          w: wValues,
          rows: batchRows,
          alpha: alphaValues,
          n,
          c,
          d,
          groups: oneHotGroups,
        });
        // The batch's rows in chunks of ~ONE_HOT_CHUNK_COLUMNS gradient columns each (see there).
        const chunkRows = Math.max(1, Math.floor((input.oneHotChunkColumns ?? ONE_HOT_CHUNK_COLUMNS) / c));
        for (let i0 = 0; i0 < b; i0 += chunkRows) {
          const rowsHere = Math.min(chunkRows, b - i0);
          // Centred, as the dense path, on this chunk's own mean gradient per output; combined below.
          const { ut, sums } = chunks.chunk(i0, rowsHere, centering);
          // ut may be a view of the kernel's memory: the product reads it before the next chunk is made.
          const next = tf.tidy(() => {
            const flatTransposed = tf.tensor2d(ut, [d, ut.length / d]);
            return tf.add(gram, matMulTransposeB(flatTransposed, flatTransposed)) as tf.Tensor2D;
          });
          gram.dispose();
          gram = next;
          if (sums) centred.add(sums, rowsHere);
        }
      } else {
        const batchSums = tf.tidy(() => {
          const rowIndices = tf.tensor1d(batchRows, 'int32');
          const w = batchWeights(rowIndices);
          const batchX = (reuseAllPairs ? points.x : tf.gather(points.x, rowIndices)) as tf.Tensor2D;
          const xRows = tf.reshape(batchX, [b, 1, d]);
          const sums: tf.Tensor2D[] = [];
          for (let group = 0; group < groupCount; group++) {
            const k0 = group * outputsPerGroup;
            const g = Math.min(outputsPerGroup, c - k0);
            const alphaGroup = g === c ? alpha : tf.slice(alpha, [0, k0], [n, g]);
            // Few coordinates: from direct differences, so close pairs do not cancel (directDifferences.ts).
            let u: tf.Tensor3D = points.xT
              ? directWeightedDifferences(w, alphaGroup, batchX, points.xT)
              : tf.sub(
                  denseWeightedSums(w, alphaGroup, points.x),
                  tf.mul(tf.reshape(tf.matMul(w, alphaGroup), [b, g, 1]), xRows),
                );
            if (centering) {
              // Centred on this batch's own mean gradient (per output): the batch means are combined below.
              const sum = tf.sum(u, 0) as tf.Tensor2D;
              sums.push(sum);
              u = tf.sub(u, tf.div(sum, b));
            }
            addToGram(tf.reshape(u, [b * g, d]) as tf.Tensor2D);
          }
          return sums.length > 0 ? [tf.concat(sums, 0) as tf.Tensor2D] : [];
        });
        for (const batchSum of batchSums) {
          const values = (await batchSum.data()) as Float32Array;
          batchSum.dispose();
          centred.add(values, b);
        }
      }
      await betweenBatches?.((r0 + b) / rows.length);
    }
    const gramValues = Float64Array.from((await gram.data()) as Float32Array);
    if (centering) centred.addBetweenBatches(gramValues);
    return gramValues;
  } finally {
    gram.dispose();
  }
}

/**
 * Combines per-batch centred sums of outer products into the centred sum over all rows (Chan, Golub and
 * LeVeque's pairwise update): sum_i (u_i - mean)(u_i - mean)^T = sum_b [C_b + n_b (m_b - mean)(m_b - mean)^T]
 * per output, where C_b is batch b's sum centred on its own mean m_b. Each C_b is formed from the centred
 * gradients themselves on the backend; only the small between-batch term is added here, in float64.
 * Subtracting N mean mean^T from an uncentred float32 sum instead loses the digits that the mean shares
 * with every gradient (docs/algorithm.md, step 5).
 */
class BatchMeans {
  private readonly sums: { values: ArrayLike<number>; count: number }[] = [];
  constructor(private readonly d: number) {}

  /** `values`: [c, d] sums of this batch's gradients per output; `count`: rows in the batch. */
  add(values: ArrayLike<number>, count: number): void {
    this.sums.push({ values, count });
  }

  addBetweenBatches(gram: Float64Array): void {
    if (this.sums.length < 2) return; // One batch: already centred on the mean of all rows.
    const d = this.d;
    const outputs = this.sums[0]!.values.length / d;
    const total = this.sums.reduce((s, b) => s + b.count, 0);
    // One term n_b diff diff^T per output and batch, diff = m_b - mean: the rows of `diffs`, and of
    // `scaled` times n_b.
    const terms = outputs * this.sums.length;
    const diffs = new Float64Array(terms * d);
    const scaled = new Float64Array(terms * d);
    let term = 0;
    for (let k = 0; k < outputs; k++) {
      const mean = new Float64Array(d);
      for (const { values } of this.sums) for (let l = 0; l < d; l++) mean[l] = mean[l]! + values[k * d + l]! / total;
      for (const { values, count } of this.sums) {
        for (let l = 0; l < d; l++) {
          const diff = values[k * d + l]! / count - mean[l]!;
          diffs[term * d + l] = diff;
          scaled[term * d + l] = count * diff;
        }
        term++;
      }
    }
    const lower = symmetricSumLower(scaled, diffs, terms, d);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) {
        gram[i * d + j] = gram[i * d + j]! + lower[i * d + j]!;
        gram[j * d + i] = gram[j * d + i]! + lower[i * d + j]!;
      }
      gram[i * d + i] = gram[i * d + i]! + lower[i * d + i]!;
    }
  }
}

/**
 * The lower triangle of sum_t a_t b_t^T (a, b: [terms, d] row-major, a_t b_t^T symmetric for every t), as
 * a row-major [d, d] array. Four terms per pass over the triangle: with one pass per term, the loads and
 * stores of the triangle dominated (at p = 61, 1,708 terms took ~50 ms; ~30 ms now).
 */
function symmetricSumLower(a: Float64Array, b: Float64Array, terms: number, d: number): Float64Array {
  const lower = new Float64Array(d * d);
  let t = 0;
  for (; t + 4 <= terms; t += 4) {
    const r0 = t * d;
    const r1 = r0 + d;
    const r2 = r1 + d;
    const r3 = r2 + d;
    for (let i = 0; i < d; i++) {
      const [a0, a1, a2, a3] = [a[r0 + i]!, a[r1 + i]!, a[r2 + i]!, a[r3 + i]!];
      const row = i * d;
      for (let j = 0; j <= i; j++)
        lower[row + j] = lower[row + j]! + a0 * b[r0 + j]! + a1 * b[r1 + j]! + a2 * b[r2 + j]! + a3 * b[r3 + j]!;
    }
  }
  for (; t < terms; t++) {
    const r0 = t * d;
    for (let i = 0; i < d; i++) {
      const a0 = a[r0 + i]!;
      const row = i * d;
      for (let j = 0; j <= i; j++) lower[row + j] = lower[row + j]! + a0 * b[r0 + j]!;
    }
  }
  return lower;
}

/** T [b, g, d] with T[i, k, l] = sum_j W_ij alpha_jk X_jl as one dense product. Call inside tidy. */
function denseWeightedSums(w: tf.Tensor2D, alpha: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor3D {
  const [n, d] = x.shape;
  const g = alpha.shape[1];
  // alphaX[j, k * d + l] = alpha[j, k] * X[j, l]
  const alphaX = tf.reshape(tf.mul(tf.reshape(alpha, [n, g, 1]), tf.reshape(x, [n, 1, d])), [n, g * d]);
  return tf.reshape(tf.matMul(w, alphaX), [w.shape[0], g, d]);
}

/** M A M for symmetric row-major [d, d] matrices, in float64. */
export function sandwich(m: Float64Array, a: Float64Array, d: number): Float64Array {
  return multiply(m, multiply(a, m, d), d);
}

function multiply(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) {
      const aik = a[i * d + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < d; j++) out[i * d + j] = out[i * d + j]! + aik * b[k * d + j]!;
    }
  }
  return out;
}
