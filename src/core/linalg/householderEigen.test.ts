/**
 * The contiguous-layout eigensolver (linalg/householderEigen.ts) against the identities A V = V diag(lambda),
 * V^T V = I, and against symmetricEigen.ts's eigenvalues, on random, rank-deficient and diagonal matrices.
 */
import { describe, expect, it } from 'vitest';
import { householderEigen } from './householderEigen';
import { symmetricEigen } from './symmetricEigen';
import { createRandom } from '../random';

function randomSymmetric(d: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const a = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) {
      const v = random.normal();
      a[i * d + j] = v;
      a[j * d + i] = v;
    }
  return a;
}

/** B^T B for a random [r, d] B: positive semi-definite of rank r. */
function lowRankGram(d: number, r: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const b = Float64Array.from({ length: r * d }, () => random.normal());
  const a = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < r; k++) s += b[k * d + i]! * b[k * d + j]!;
      a[i * d + j] = s;
    }
  return a;
}

function maxResiduals(a: Float64Array, d: number): { eigen: number; orthogonality: number; scale: number } {
  const { values, vectors } = householderEigen(a, d);
  let eigen = 0;
  let orthogonality = 0;
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) {
      let av = 0;
      let vtv = 0;
      for (let j = 0; j < d; j++) {
        av += a[i * d + j]! * vectors[j * d + k]!;
        vtv += vectors[j * d + i]! * vectors[j * d + k]!;
      }
      eigen = Math.max(eigen, Math.abs(av - values[k]! * vectors[i * d + k]!));
      orthogonality = Math.max(orthogonality, Math.abs(vtv - (i === k ? 1 : 0)));
    }
  return { eigen, orthogonality, scale: Math.max(...values.map(Math.abs)) };
}

describe('householderEigen', () => {
  it.each([
    ['random d = 1', randomSymmetric(1, 1), 1],
    ['random d = 2', randomSymmetric(2, 2), 2],
    ['random d = 40', randomSymmetric(40, 3), 40],
    ['rank 5 of 30', lowRankGram(30, 5, 4), 30],
  ])('satisfies A V = V diag(lambda) and V^T V = I (%s)', (_name, a, d) => {
    const { eigen, orthogonality, scale } = maxResiduals(a, d);
    expect(eigen).toBeLessThan(1e-12 * Math.max(1, scale));
    expect(orthogonality).toBeLessThan(1e-12);
  });

  it('gives the eigenvalues of symmetricEigen in descending order', () => {
    const a = lowRankGram(25, 12, 5);
    const ours = householderEigen(a, 25).values;
    const theirs = symmetricEigen(a, 25).values;
    for (let i = 0; i < 25; i++) expect(Math.abs(ours[i]! - theirs[i]!)).toBeLessThan(1e-11 * theirs[0]!);
    for (let i = 1; i < 25; i++) expect(ours[i]!).toBeLessThanOrEqual(ours[i - 1]!);
  });

  it('returns a diagonal matrix unchanged, its values sorted', () => {
    const a = new Float64Array(9);
    [2, -1, 5].forEach((v, i) => (a[i * 3 + i] = v));
    const { values, vectors } = householderEigen(a, 3);
    expect(Array.from(values)).toEqual([5, 2, -1]);
    expect(Math.abs(vectors[0 * 3 + 1]!)).toBe(1); // the eigenvector of 2 is e_0
  });
});
