/**
 * Distances and gradient sums from direct coordinate differences, for inputs of low dimension.
 *
 * The expansion ||z||_M^2 + ||x||_M^2 - 2 z^T M x (distance.ts) rounds to ~eps32 (||z||_M^2 + ||x||_M^2) in
 * absolute terms, so a close pair's distance is lost: with n points in d dimensions the nearest pairs sit at
 * ~n^(-1/d) of the data's spread (closer still at random), and the Laplace weight 1/r blows the error up. At
 * d = 1, n = 200, y = sin 3x, L = 0.01 the engine's M reached 2.4e5 against 1.6e4 in float64
 * (docs/algorithm.md, Distances in low dimension). Here each coordinate difference x_j,a - z_i,a is formed
 * first (exact for close values) and the quadratic form sum_ab M_ab D_a D_b is summed from them, so the
 * error is relative to the pair's own distance. It costs ~3 elementwise passes per entry of M's upper
 * triangle, where the expansion is one matrix product: worth it only for few coordinates. At n = 2,000 the
 * expansion's worst nearest-pair distance error measured 25x at d = 1, 8e-3 at d = 2, 2e-3 at d = 3 and
 * 3e-5 at d = 4, where direct differences already cost ~5x as much (docs/algorithm.md, Distances).
 *
 * Gradient sums follow the same reasoning: u_i = sum_j W_ij alpha_j (x_j - x_i) by the expansion
 * (W diag(alpha) X)_i - (W alpha)_i x_i cancels terms of size |x| / r; per coordinate from D_a it does not.
 */
import * as tf from '@tensorflow/tfjs';

/** Inputs with at most this many coordinates get direct differences (docs/algorithm.md, Distances). */
export const DIRECT_DIFFERENCE_MAX_DIMENSION = 3;

/** [m, n] differences x_j,a - z_i,a of coordinate a, from z [m, d] and xT [d, n]. */
function coordinateDifference(z: tf.Tensor2D, xT: tf.Tensor2D, a: number): tf.Tensor2D {
  return tf.tidy(() => tf.sub(tf.slice(xT, [a, 0], [1, -1]), tf.slice(z, [0, a], [-1, 1])) as tf.Tensor2D);
}

/**
 * ||z_i - x_j||_M^2 [m, n] = sum_a M_aa D_a^2 + 2 sum_{a<b} M_ab D_a D_b, clamped at 0, with at most four
 * m x n tensors alive at once. z: [m, d], xT: [d, n], m: [d, d] symmetric.
 */
export function directSquaredDistances(z: tf.Tensor2D, xT: tf.Tensor2D, m: tf.Tensor2D): tf.Tensor2D {
  const d = z.shape[1];
  let sum: tf.Tensor2D | null = null;
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const term = tf.tidy(() => {
        const da = coordinateDifference(z, xT, a);
        const product = a === b ? tf.square(da) : tf.mul(da, coordinateDifference(z, xT, b));
        const coefficient = tf.slice(m, [a, b], [1, 1]);
        return tf.mul(product, a === b ? coefficient : tf.mul(coefficient, 2)) as tf.Tensor2D;
      });
      if (sum === null) sum = term;
      else {
        const next: tf.Tensor2D = tf.add(sum, term);
        tf.dispose([sum, term]);
        sum = next;
      }
    }
  }
  if (sum === null) throw new Error('directSquaredDistances needs at least one coordinate');
  const clamped = tf.relu(sum) as tf.Tensor2D;
  sum.dispose();
  return clamped;
}

/**
 * U [b, g, d] with U[i, k, a] = sum_j W_ij alpha_jk (x_j,a - x_i,a), from w [b, n], alpha [n, g], the batch's
 * points xRows [b, d] and all points transposed, xT [d, n]. Call inside tidy.
 */
export function directWeightedDifferences(
  w: tf.Tensor2D,
  alpha: tf.Tensor2D,
  xRows: tf.Tensor2D,
  xT: tf.Tensor2D,
): tf.Tensor3D {
  const d = xRows.shape[1];
  const columns: tf.Tensor2D[] = [];
  for (let a = 0; a < d; a++)
    columns.push(
      tf.tidy(() => {
        const weighted = tf.mul(w, coordinateDifference(xRows, xT, a));
        return tf.matMul(weighted, alpha);
      }),
    );
  return tf.stack(columns, 2) as tf.Tensor3D;
}
