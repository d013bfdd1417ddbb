/**
 * What the AGOP's two strategies (agopDense.ts, agopOneHot.ts) share: the interface the batch loop in
 * agop.ts drives, the running sum U^T U on the backend, and the exact combination of per-batch centred
 * sums (BatchMeans).
 */
import * as tf from '@tensorflow/tfjs';

/** One batch of rows at which gradients are taken. */
export interface AgopBatch {
  /** Row indices (into the training points), ascending. */
  rows: Int32Array;
  /** W for the batch's rows [b, n] (reusing K and the distances of all pairs when they are held). Call inside tidy. */
  weights: (rowIndices: tf.Tensor1D) => tf.Tensor2D;
  /** The batch is every training row in order (the points need no gather). */
  allRows: boolean;
}

/**
 * A way to form the gradients u_ik of a batch and add sum_ik u_ik u_ik^T to the running sum: dense
 * products on the backend, or sums by value over one-hot groups on the CPU.
 */
export interface AgopStrategy {
  /** Outputs whose gradients one batch holds at once (sets how many rows fit in a batch). */
  outputsPerGroup: number;
  /** Adds the batch's outer products to `gram` and, when centring, its per-output sums to `means`. */
  addBatch(batch: AgopBatch, gram: GramSum, means: BatchMeans | null): Promise<void>;
}

/** The running U^T U [d, d] on the backend; every product added is freed with the previous sum. */
export class GramSum {
  private sum: tf.Tensor2D;
  constructor(d: number) {
    this.sum = tf.zeros([d, d]) as tf.Tensor2D;
  }

  /** Adds `product()` (made inside a tidy; the new sum is kept, so this may be called inside another tidy). */
  add(product: () => tf.Tensor2D): void {
    const next = tf.keep(tf.tidy(() => tf.add(this.sum, product()) as tf.Tensor2D));
    this.sum.dispose();
    this.sum = next;
  }

  async values(): Promise<Float64Array> {
    return Float64Array.from((await this.sum.data()) as Float32Array);
  }

  dispose(): void {
    this.sum.dispose();
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
export class BatchMeans {
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
