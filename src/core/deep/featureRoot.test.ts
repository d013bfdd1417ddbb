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
    ['more than two blocks of reflectors (d = 150)', 160, 150, 0],
  ])('gives the square root and the spectrum of M: %s', async (_name, n, d, zeros) => {
    const { x, m } = problem(n, d, zeros, 7);
    const tensorsBefore = tf.memory().numTensors;
    const { eigenvalues, root } = await featureRoot(m, d, x, n);
    const values = root.dataSync();
    root.dispose();
    const expected = symmetricSqrt(m, d);
    const scale = Math.max(...expected.map(Math.abs));
    for (let i = 0; i < d * d; i++) expect(Math.abs(values[i]! - expected[i]!)).toBeLessThan(1e-5 * scale);
    const reference = symmetricEigen(m, d).values;
    for (let i = 0; i < d; i++) expect(Math.abs(eigenvalues[i]! - reference[i]!)).toBeLessThan(1e-9 * reference[0]!);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe('featureRoot on a nearly decoupled M', () => {
  it('stays finite when a Householder column is tiny (beta ~ 1e80 would overflow float32)', async () => {
    const d = 8;
    const { m: big } = problem(12, 4, 0, 11);
    const { m: tiny } = problem(12, 4, 0, 12);
    const m = new Float64Array(d * d);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        m[i * d + j] = big[i * 4 + j]!;
        m[(i + 4) * d + j + 4] = 1e-40 * tiny[i * 4 + j]!;
      }
    m[3 * d + 4] = m[4 * d + 3] = 1e-41; // couples the blocks just enough to need reflectors there
    const { root } = await featureRoot(m, d, new Float64Array(40 * d), 40);
    const values = await root.data();
    root.dispose();
    const expected = symmetricSqrt(m, d);
    for (let i = 0; i < d * d; i++) expect(Math.abs(values[i]! - expected[i]!)).toBeLessThan(1e-5 * expected[0]!);
  });
});
