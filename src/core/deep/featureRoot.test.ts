/**
 * M^(1/2) (featureRoot.ts) with its reductions (features that are 0 everywhere left out; the row space of
 * X when there are fewer points than features) against the plain float64 square root of symmetricEigen.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { symmetricEigen, symmetricSqrt } from '../linalg/symmetricEigen';
import { createRandom } from '../random';
import { featureRoot } from './featureRoot';

/** X [n, d] with `zeros` columns that are 0 everywhere, and M = X^T H X / n for a random PSD H [n, n]. */
function problem(n: number, d: number, zeros: number, seed: number): { x: Float64Array; m: Float64Array } {
  const random = createRandom(seed);
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = zeros; j < d; j++) x[i * d + j] = random.normal();
  const c = Float64Array.from({ length: n * n }, () => random.normal());
  const cx = new Float64Array(n * d); // C X
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++)
      for (let j = 0; j < d; j++) cx[i * d + j] = cx[i * d + j]! + c[i * n + k]! * x[k * d + j]!;
  const m = new Float64Array(d * d); // (C X)^T (C X) / n
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += cx[k * d + i]! * cx[k * d + j]!;
      m[i * d + j] = s / n;
    }
  return { x, m };
}

describe('featureRoot', () => {
  it.each([
    ['fewer points than features (row space)', 6, 20, 3],
    ['more points than features', 30, 8, 2],
  ])('gives the square root and the spectrum of M: %s', (_name, n, d, zeros) => {
    const { x, m } = problem(n, d, zeros, 7);
    const { eigenvalues, root } = featureRoot(m, d, x, n);
    const values = root.dataSync();
    root.dispose();
    const expected = symmetricSqrt(m, d);
    const scale = Math.max(...expected.map(Math.abs));
    for (let i = 0; i < d * d; i++) expect(Math.abs(values[i]! - expected[i]!)).toBeLessThan(1e-5 * scale);
    const reference = symmetricEigen(m, d).values;
    for (let i = 0; i < d; i++) expect(Math.abs(eigenvalues[i]! - reference[i]!)).toBeLessThan(1e-9 * reference[0]!);
    expect(tf.memory().numTensors).toBe(0);
  });
});
