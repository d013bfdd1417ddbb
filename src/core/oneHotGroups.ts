/**
 * Inputs made of one-hot groups (modular arithmetic: one-hot(a) ++ one-hot(b); text: k one-hot
 * characters). For them the AGOP's T[i, k, l] = sum_j W_ij alpha_jk X_jl only sums over the rows j whose
 * group takes value l, so gathering W's columns by value and one batched matmul per group costs
 * ~2 n^2 c flops per group instead of 2 n^2 c d for the dense product, with the same terms summed.
 */
import * as tf from '@tensorflow/tfjs';

export interface OneHotGroup {
  /** First input coordinate of the group. */
  offset: number;
  /** Number of values (coordinates) in the group. */
  size: number;
  /** Most training rows sharing one value; member lists are padded to this length. */
  maxCount: number;
  /** [size * maxCount]: for each value, the rows taking it, padded with n (an all-zero row). */
  members: Int32Array;
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
    const rowsOf: number[][] = Array.from({ length: size }, () => []);
    for (let j = 0; j < n; j++) {
      let hot = -1;
      for (let v = 0; v < size; v++) {
        const value = x[j * d + offset + v]!;
        if (value === 1 && hot === -1) hot = v;
        else if (value !== 0) return null;
      }
      if (hot === -1) return null;
      rowsOf[hot]!.push(j);
    }
    const maxCount = Math.max(1, ...rowsOf.map((r) => r.length));
    const members = new Int32Array(size * maxCount).fill(n);
    rowsOf.forEach((rows, v) => members.set(rows, v * maxCount));
    groups.push({ offset, size, maxCount, members });
    offset += size;
  }
  return groups;
}

/**
 * Measured costs on the wasm backend (n ~ 2000, 2 cores): a gather moves ~30M elements/s, the batched
 * matmul of the one-hot path reaches ~1.4 GFLOP/s, a dense matmul ~20 GFLOP/s.
 */
const SECONDS_PER_GATHERED = 1 / 30e6;
const SECONDS_PER_BATCHED_FLOP = 1 / 1.4e9;
const SECONDS_PER_DENSE_FLOP = 1 / 20e9;

/**
 * Whether the one-hot path is cheaper than the dense product for `rows` rows of W, n training points and
 * c outputs. Member lists are padded to the most frequent value, so skewed groups (text, where a space
 * is ~18% of characters) can make it dearer than the dense product despite its fewer nominal flops.
 */
export function oneHotIsCheaper(groups: readonly OneHotGroup[], rows: number, n: number, c: number): boolean {
  const d = groups.reduce((sum, g) => sum + g.size, 0);
  let oneHot = 0;
  for (const { size, maxCount } of groups) {
    oneHot += rows * size * maxCount * SECONDS_PER_GATHERED + 2 * size * rows * maxCount * c * SECONDS_PER_BATCHED_FLOP;
  }
  const dense = 2 * rows * n * c * d * SECONDS_PER_DENSE_FLOP;
  return oneHot < dense;
}

/**
 * T [b, g, d] with T[i, k, l] = sum_j W_ij alpha_jk X_jl, for W [b, n] and alpha [n, g], using the
 * one-hot groups of X. Call inside tidy.
 */
export function oneHotWeightedSums(w: tf.Tensor2D, alpha: tf.Tensor2D, groups: readonly OneHotGroup[]): tf.Tensor3D {
  const [b] = w.shape;
  const g = alpha.shape[1];
  // A zero column of W and a zero row of alpha at index n absorb the padding of the member lists.
  const wPadded = tf.concat([w, tf.zeros([b, 1])], 1);
  const alphaPadded = tf.concat([alpha, tf.zeros([1, g])], 0);
  const parts = groups.map(({ size, maxCount, members }) => {
    const index = tf.tensor1d(members, 'int32');
    const wByValue = tf.transpose(tf.reshape(tf.gather(wPadded, index, 1), [b, size, maxCount]), [1, 0, 2]);
    const alphaByValue = tf.reshape(tf.gather(alphaPadded, index), [size, maxCount, g]);
    // [size, b, g] -> [b, g, size]
    return tf.transpose(tf.matMul(wByValue, alphaByValue), [1, 2, 0]);
  });
  return tf.concat(parts, 2) as tf.Tensor3D;
}
