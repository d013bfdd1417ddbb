/**
 * The operands that give one position's patch distances in a single plain matrix product
 * (docs/convrfm.md): with x_i the patch of image i at position p (centred, below) and m_i = ||x_i||_M^2,
 *   left_i = s [-2 x_i M, m_i, 1],   right_j = [x_j, 1, m_j],   left_i . right_j = s ||x_i - x_j||_M^2.
 * For the Gaussian kernel s = -1/(2 L^2), so the product is log K_p and one exp gives the kernel; otherwise
 * s = 1 and the product is the squared distance. One [n, f + 2] x [f + 2, n] product per position: tfjs-wasm
 * runs plain 2-D products through XNNPACK, while its batched (3-D) product is a slow generic loop, and
 * broadcasting the norms over n x n would cost two more passes per position. The operands are built on
 * the CPU (P n f^2 multiply-adds, a few ms) and held as one small tensor per position: tf.slice out of a
 * [P, n, f + 2] tensor cost ~10 ms per call on tfjs-wasm (measured), more than the position's own product.
 *
 * For the Gaussian the patches are centred by the training images' mean patch at the same position: the
 * kernel and the AGOP see only differences of patches at one position, so this changes nothing exactly, and
 * it keeps the float32 expansion accurate when pixels sit far from 0 (docs/algorithm.md). Kernels that are
 * not smooth at 0 (Laplace) keep raw patches, so identical blank patches sit at exactly 0; other identical
 * pairs sit at ~1e-7 of their norms, which a 1/r gradient weight turns into huge weights, so squared
 * distances below 1e-5 of the two squared norms are set to exactly 0 (a genuine pair that close is ~3e-3 of
 * the patch norm apart).
 */
import * as tf from '@tensorflow/tfjs';

const ROUNDING_FLOOR = 1e-5;

/** One image set's centred patches, constant over a run. */
export interface CentredPatches {
  positions: number;
  n: number;
  f: number;
  /** [P, n, f] row-major, centred. */
  values: Float32Array;
  /** Per position [n, f]. */
  x: tf.Tensor2D[];
}

/** One image set's operands under the current M (rebuilt every iteration), one tensor per position. */
export interface PatchOperands {
  patches: CentredPatches;
  /** [n, f + 2] per position */
  left: tf.Tensor2D[];
  /** [f + 2, n] per position, only for the set used on the right (the training images). */
  right: tf.Tensor2D[] | null;
  /** [n, 1] squared M-norms per position, only where distances are floored. */
  norms: tf.Tensor2D[] | null;
  /** [1, n] the same as a row (right-hand set only). */
  normsRow: tf.Tensor2D[] | null;
}

export interface OperandOptions {
  /** The product's scale s (see above). */
  scale: number;
  /** Also build the right-hand operand. */
  right: boolean;
  /** Keep the norms for flooring (kernels not smooth at 0). */
  floor: boolean;
}

/** Mean patch per position [P, f] of raw patches [P, n, f]. */
export function meanPatches(raw: Float32Array, positions: number, n: number, f: number): Float64Array {
  const mean = new Float64Array(positions * f);
  for (let p = 0; p < positions; p++)
    for (let i = 0; i < n; i++)
      for (let l = 0; l < f; l++) mean[p * f + l] = mean[p * f + l]! + raw[(p * n + i) * f + l]! / n;
  return mean;
}

/** Subtracts the per-position mean [P, f] from raw patches [P, n, f] (in place) and uploads them. */
export function centrePatches(
  raw: Float32Array,
  positions: number,
  n: number,
  f: number,
  mean: Float64Array,
): CentredPatches {
  for (let p = 0; p < positions; p++)
    for (let i = 0; i < n; i++)
      for (let l = 0; l < f; l++) raw[(p * n + i) * f + l] = raw[(p * n + i) * f + l]! - mean[p * f + l]!;
  const x = Array.from({ length: positions }, (_, p) => tf.tensor2d(raw.subarray(p * n * f, (p + 1) * n * f), [n, f]));
  return { positions, n, f, values: raw, x };
}

export function disposePatches(patches: CentredPatches): void {
  tf.dispose(patches.x);
}

/** m: row-major [f, f] float64. */
export function prepareOperands(patches: CentredPatches, m: Float64Array, options: OperandOptions): PatchOperands {
  const { positions, n, f, values } = patches;
  const width = f + 2;
  const out: PatchOperands = {
    patches,
    left: [],
    right: options.right ? [] : null,
    norms: options.floor ? [] : null,
    normsRow: options.floor && options.right ? [] : null,
  };
  const xm = new Float64Array(f);
  for (let p = 0; p < positions; p++) {
    const left = new Float32Array(n * width);
    const right = options.right ? new Float32Array(width * n) : null;
    const norms = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const row = (p * n + i) * f;
      let squared = 0;
      for (let a = 0; a < f; a++) {
        let sum = 0;
        for (let b = 0; b < f; b++) sum += values[row + b]! * m[b * f + a]!;
        xm[a] = sum;
        squared += sum * values[row + a]!;
      }
      norms[i] = squared;
      for (let a = 0; a < f; a++) left[i * width + a] = -2 * options.scale * xm[a]!;
      left[i * width + f] = options.scale * squared;
      left[i * width + f + 1] = options.scale;
      if (right) {
        for (let a = 0; a < f; a++) right[a * n + i] = values[row + a]!;
        right[f * n + i] = 1;
        right[(f + 1) * n + i] = squared;
      }
    }
    out.left.push(tf.tensor2d(left, [n, width]));
    if (right) out.right!.push(tf.tensor2d(right, [width, n]));
    if (out.norms) out.norms.push(tf.tensor2d(norms, [n, 1]));
    if (out.normsRow) out.normsRow.push(tf.tensor2d(norms, [1, n]));
  }
  return out;
}

export function disposeOperands(operands: PatchOperands): void {
  for (const list of [operands.left, operands.right, operands.norms, operands.normsRow]) if (list) tf.dispose(list);
}

/**
 * left . right at position p: [na, nb], s times the squared distances (log K for the Gaussian). With `floor`,
 * the distances clamped at 0 and floored as above. Call inside tidy.
 */
export function positionProduct(a: PatchOperands, b: PatchOperands, p: number, floor: boolean): tf.Tensor2D {
  if (!b.right) throw new Error('the right-hand patch set has no right operand');
  const product = tf.matMul(a.left[p]!, b.right[p]!) as tf.Tensor2D;
  if (!floor) return product as tf.Tensor2D;
  const sum = tf.add(a.norms![p]!, b.normsRow![p]!);
  const d2 = tf.relu(product);
  return tf.mul(d2, tf.step(tf.sub(d2, tf.mul(sum, ROUNDING_FLOOR)))) as tf.Tensor2D;
}
