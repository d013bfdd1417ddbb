/**
 * The float64 symmetric eigensolver (linalg/symmetricEigen.ts: Householder + implicit QL) on matrices with known spectra,
 * and on random ones through the identities A V = V diag(lambda), V^T V = I. Float64 throughout: tolerances
 * are ~1e3 ulp of the matrix norm.
 */
import { describe, expect, it } from 'vitest';
import { symmetricEigen, symmetricSqrt } from './linalg/symmetricEigen';
import { createRandom } from './random';

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs((actual[i] as number) - (expected[i] as number))).toBeLessThan(tolerance);
}

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

/** max |A V - V diag(values)| and max |V^T V - I|. */
function residuals(a: Float64Array, d: number): { eigen: number; orthogonality: number } {
  const { values, vectors } = symmetricEigen(a, d);
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
      eigen = Math.max(eigen, Math.abs(av - vectors[i * d + k]! * values[k]!));
      orthogonality = Math.max(orthogonality, Math.abs(vtv - (i === k ? 1 : 0)));
    }
  return { eigen, orthogonality };
}

describe('symmetricEigen', () => {
  it('finds 3 and 1 for [[2, 1], [1, 2]] with eigenvectors (1, 1) and (1, -1) over sqrt 2', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expectClose(values, [3, 1]);
    const s = Math.SQRT1_2;
    expectClose([Math.abs(vectors[0]!), Math.abs(vectors[2]!)], [s, s]);
    expect(Math.sign(vectors[0]!)).toBe(Math.sign(vectors[2]!));
    expect(Math.sign(vectors[1]!)).toBe(-Math.sign(vectors[3]!));
  });

  it('sorts a diagonal matrix descending and permutes the unit vectors with it', () => {
    const { values, vectors } = symmetricEigen([1, 0, 0, 0, 5, 0, 0, 0, -2], 3);
    expectClose(values, [5, 1, -2]);
    expectClose(vectors.map(Math.abs), [0, 1, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('gives 2 - 2 cos(k pi / (n + 1)) for the [-1, 2, -1] tridiagonal matrix', () => {
    const n = 12;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2;
      if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
    }
    const expected = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((n - k) * Math.PI) / (n + 1)));
    expectClose(symmetricEigen(a, n).values, expected);
  });

  it('finds ||u||^2 and zeros for the rank-one matrix u u^T', () => {
    const u = [1, 2, -2, 4];
    const a = Float64Array.from({ length: 16 }, (_, i) => u[Math.floor(i / 4)]! * u[i % 4]!);
    expectClose(symmetricEigen(a, 4).values, [25, 0, 0, 0], 1e-12 * 25);
  });

  it('returns an orthonormal basis for repeated eigenvalues', () => {
    const { values } = symmetricEigen([1, 0, 0, 0, 1, 0, 0, 0, 1], 3);
    expectClose(values, [1, 1, 1]);
    expect(residuals(Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]), 3).orthogonality).toBeLessThan(1e-14);
  });

  it.each([1, 2, 7, 30, 64])('satisfies A V = V diag(lambda) and V^T V = I for a random %i x %i matrix', (d) => {
    const a = randomSymmetric(d, d);
    const { eigen, orthogonality } = residuals(a, d);
    const norm = Math.sqrt(a.reduce((s, v) => s + v * v, 0));
    expect(eigen).toBeLessThan(1e-13 * norm * d);
    expect(orthogonality).toBeLessThan(1e-13 * d);
    const { values } = symmetricEigen(a, d);
    for (let i = 1; i < d; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    const trace = Array.from({ length: d }, (_, i) => a[i * d + i]!).reduce((s, v) => s + v, 0);
    expect(Math.abs(values.reduce((s, v) => s + v, 0) - trace)).toBeLessThan(1e-12 * norm * d);
  });

  it('satisfies the identities for a rank-5 Gram matrix of side 30 (25 zero eigenvalues)', () => {
    const random = createRandom(4);
    const [d, r] = [30, 5];
    const b = Float64Array.from({ length: r * d }, () => random.normal());
    const a = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) for (let k = 0; k < r; k++) a[i * d + j]! += b[k * d + i]! * b[k * d + j]!;
    const { eigen, orthogonality } = residuals(a, d);
    const { values } = symmetricEigen(a, d);
    expect(eigen).toBeLessThan(1e-12 * values[0]!);
    expect(orthogonality).toBeLessThan(1e-12);
    for (let i = r; i < d; i++) expect(Math.abs(values[i]!)).toBeLessThan(1e-12 * values[0]!);
  });

  it('uses only the symmetric part of its input', () => {
    expectClose(symmetricEigen([2, 3, -1, 2], 2).values, symmetricEigen([2, 1, 1, 2], 2).values);
  });

  it('handles the zero matrix and the empty matrix', () => {
    expectClose(symmetricEigen(new Float64Array(9), 3).values, [0, 0, 0]);
    expect(symmetricEigen([], 0).values.length).toBe(0);
  });
});

describe('symmetricSqrt', () => {
  it('squares back to a positive semi-definite matrix', () => {
    const d = 6;
    const r = randomSymmetric(d, 3);
    const a = new Float64Array(d * d); // R R^T is PSD
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) a[i * d + j]! += r[i * d + k]! * r[j * d + k]!;
    const root = symmetricSqrt(a, d);
    const square = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) square[i * d + j]! += root[i * d + k]! * root[k * d + j]!;
    expectClose(square, a, 1e-11);
  });

  it('clips negative eigenvalues: sqrt of diag(4, -9) is diag(2, 0)', () => {
    expectClose(symmetricSqrt([4, 0, 0, -9], 2), [2, 0, 0, 0]);
  });
});
