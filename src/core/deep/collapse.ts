/**
 * Neural collapse measures of labelled points, in float64 on the CPU (docs/deeprfm.md):
 *   NC1 = tr(Sigma_W) / tr(Sigma_B), Sigma_W = (1/n) sum_i (x_i - mu_c(i))(x_i - mu_c(i))^T,
 *         Sigma_B = (1/K) sum_c (mu_c - mu_G)(mu_c - mu_G)^T, mu_G the mean of all n points;
 *   NC2 = mean over the K x K entries of (U U^T - E)^2, U the rows mu_c - mu_G scaled to unit length and
 *         E = (1 + 1/(K-1)) I - 11^T/(K-1), the Gram matrix of a simplex equiangular tight frame.
 * (The Deep RFM authors' code divides Sigma_W by K n instead of n: its NC1 is K times smaller.)
 */
import type { CollapseMeasures } from './deepTypes';

/**
 * x: [n, d] row-major; labels: class of each row in 0 .. classes - 1. Also returns U U^T [K, K], the
 * cosines between the centred class means, which NC2 compares with the simplex (a Deep RFM view draws it).
 */
export function neuralCollapse(
  x: ArrayLike<number>,
  n: number,
  d: number,
  labels: Int32Array,
  classes: number,
): CollapseMeasures & { meanCosines: Float64Array } {
  const means = new Float64Array(classes * d);
  const counts = new Float64Array(classes);
  const global = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    counts[c] = counts[c]! + 1;
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j] as number;
      means[c * d + j] = means[c * d + j]! + v;
      global[j] = global[j]! + v;
    }
  }
  for (let j = 0; j < d; j++) global[j] = global[j]! / n;
  for (let c = 0; c < classes; c++) {
    if (counts[c] === 0) throw new Error(`class ${c} has no points: neural collapse needs every class`);
    for (let j = 0; j < d; j++) means[c * d + j] = means[c * d + j]! / counts[c]!;
  }
  let within = 0;
  for (let i = 0; i < n; i++) {
    const row = labels[i]! * d;
    for (let j = 0; j < d; j++) within += ((x[i * d + j] as number) - means[row + j]!) ** 2;
  }
  within /= n;
  const centred = new Float64Array(classes * d);
  let between = 0;
  for (let c = 0; c < classes; c++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = means[c * d + j]! - global[j]!;
      centred[c * d + j] = v;
      norm += v * v;
    }
    between += norm;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < d; j++) centred[c * d + j] = centred[c * d + j]! * scale;
  }
  between /= classes;
  const cosines = unitGram(centred, classes, d);
  let nc2 = 0;
  for (let a = 0; a < classes; a++)
    for (let b = 0; b < classes; b++) nc2 += (cosines[a * classes + b]! - simplexEntry(a, b, classes)) ** 2;
  return { nc1: within / between, nc2: nc2 / (classes * classes), meanCosines: cosines };
}

/** Entry (a, b) of the simplex ETF Gram matrix of K points: 1 on the diagonal, -1/(K-1) off it. */
export const simplexEntry = (a: number, b: number, classes: number): number => (a === b ? 1 : -1 / (classes - 1));

/** U U^T [K, K] for rows U [K, d] (already at unit length, or 0). */
function unitGram(u: Float64Array, rows: number, d: number): Float64Array {
  const gram = new Float64Array(rows * rows);
  for (let a = 0; a < rows; a++)
    for (let b = 0; b < rows; b++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += u[a * d + j]! * u[b * d + j]!;
      gram[a * rows + b] = dot;
    }
  return gram;
}
