/**
 * The inputs as the engine uses them: the validation split taken off the training set, and every input
 * centred by the mean of the points the model is fitted on.
 *
 * Why centre: every kernel depends on x - z only, so the RFM is invariant to shifting all inputs by one
 * vector, but the float32 expansion ||x||^2 + ||z||^2 - 2 x^T M z loses everything when the features sit far
 * from the origin (years, prices: at an offset of 100 the seed example's test MSE went from 0.14 to 1.2).
 * Centring first makes the result invariant to a common shift to float32 precision (docs/algorithm.md, Kernels).
 */
import { createRandom, permutation } from './random';
import type { Dataset } from './types';

/** Row-major points: x [n, d], y [n, c]. */
export interface Points {
  x: Float32Array;
  y: Float32Array;
  n: number;
}

/** Column means of x [n, d], in float64. */
export function columnMeans(x: Float32Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let l = 0; l < d; l++) mean[l] = mean[l]! + x[i * d + l]!;
  for (let l = 0; l < d; l++) mean[l] = n > 0 ? mean[l]! / n : 0;
  return mean;
}

/** x - mean (each row), rounded to float32 once. */
export function subtractMean(x: Float32Array, mean: Float64Array): Float32Array {
  const d = mean.length;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! - mean[i % d]!;
  return out;
}

/** A seed stream of its own, so that a validation split leaves the AGOP subsample of a seed unchanged. */
const VALIDATION_STREAM = 0x5bd1e995;

/**
 * Splits the training set: round(fraction n) seeded random rows (at least 1 when fraction > 0) are held out
 * for validation, the rest, in their original order, is what the model is fitted on.
 */
export function splitValidation(
  data: Dataset,
  fraction: number,
  seed: number,
): { fit: Points; validation: Points | null } {
  const { nTrain: n, d, c } = data;
  const all = { x: data.xTrain, y: data.yTrain, n };
  if (!(fraction > 0)) return { fit: all, validation: null };
  const held = Math.min(n - 1, Math.max(1, Math.round(fraction * n)));
  if (held < 1) return { fit: all, validation: null };
  const order = permutation(n, createRandom((seed ^ VALIDATION_STREAM) >>> 0));
  const isHeld = new Uint8Array(n);
  for (let r = 0; r < held; r++) isHeld[order[r]!] = 1;
  const pick = (keep: number, rows: number): Points => {
    const x = new Float32Array(rows * d);
    const y = new Float32Array(rows * c);
    let row = 0;
    for (let i = 0; i < n; i++) {
      if (isHeld[i] !== keep) continue;
      x.set(data.xTrain.subarray(i * d, (i + 1) * d), row * d);
      y.set(data.yTrain.subarray(i * c, (i + 1) * c), row * c);
      row++;
    }
    return { x, y, n: rows };
  };
  return { fit: pick(0, n - held), validation: pick(1, held) };
}
