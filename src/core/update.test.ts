/**
 * The M update conventions (docs/algorithm.md, step 6) on matrices whose results are known in closed form.
 * Pure float64 on the CPU, so the tolerances are a few ulp.
 */
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './linalg/symmetricEigen';
import { UPDATE_CONVENTIONS, updateFeatureMatrix } from './update';

/** The symmetric [3, 3] matrix V diag(values) V^T for a fixed rotated orthonormal basis V. */
function withEigenvalues(values: number[]): Float64Array {
  const s = Math.SQRT1_2;
  const v = [
    [s, s, 0],
    [-s, s, 0],
    [0, 0, 1],
  ]; // columns are the eigenvectors
  const g = new Float64Array(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) g[i * 3 + j]! += v[i]![k]! * values[k]! * v[j]![k]!;
  return g;
}

function transpose(a: Float64Array, d: number): Float64Array {
  return a.map((_, index) => a[(index % d) * d + Math.floor(index / d)]!);
}

function multiply(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) for (let j = 0; j < d; j++) out[i * d + j]! += a[i * d + k]! * b[k * d + j]!;
  return out;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs((actual[i] as number) - (expected[i] as number))).toBeLessThan(tolerance);
}

const G = Float64Array.from([4, -6, 1, -6, 10, 2, 1, 2, 3]);

describe('updateFeatureMatrix', () => {
  it('mean divides the AGOP sum by the number of points', () => {
    expectClose(
      updateFeatureMatrix(G, 3, 4, 'mean', false),
      G.map((v) => v / 4),
    );
  });

  it('max divides by the largest absolute entry, even a negative one, keeping signs', () => {
    const g = Float64Array.from([1, -12, -12, 6]);
    expectClose(updateFeatureMatrix(g, 2, 7, 'max', false), [1 / 12, -1, -1, 0.5]);
  });

  it('max leaves a zero AGOP at zero rather than dividing by 0', () => {
    expect(Array.from(updateFeatureMatrix(new Float64Array(4), 2, 3, 'max', false))).toEqual([0, 0, 0, 0]);
  });

  it('sqrt returns the symmetric square root of G / n', () => {
    const g = withEigenvalues([8, 2, 0.5]);
    const root = updateFeatureMatrix(g, 3, 2, 'sqrt', false);
    expectClose(
      multiply(root, root, 3),
      g.map((v) => v / 2),
    );
    expectClose(root, transpose(root, 3));
    expectClose(symmetricEigen(root, 3).values, [2, 1, 0.5]);
  });

  it('sqrt clips negative eigenvalues at 0', () => {
    const root = updateFeatureMatrix(withEigenvalues([8, 2, -1]), 3, 2, 'sqrt', false);
    expectClose(root, withEigenvalues([2, 1, 0]));
  });

  it.each(UPDATE_CONVENTIONS)('diagonal mode keeps only diag(G) (%s)', (convention) => {
    const m = updateFeatureMatrix(G, 3, 4, convention, true);
    const expectedDiagonal = { mean: [1, 2.5, 0.75], max: [0.4, 1, 0.3], sqrt: [1, Math.sqrt(2.5), Math.sqrt(0.75)] }[
      convention
    ];
    expectClose(m, [expectedDiagonal[0]!, 0, 0, 0, expectedDiagonal[1]!, 0, 0, 0, expectedDiagonal[2]!]);
  });

  it('diagonal sqrt clips a negative diagonal entry at 0', () => {
    const g = Float64Array.from([4, 1, 1, -2]);
    expectClose(updateFeatureMatrix(g, 2, 1, 'sqrt', true), [2, 0, 0, 0]);
  });

  it('does not modify its input', () => {
    const copy = Float64Array.from(G);
    for (const convention of UPDATE_CONVENTIONS) updateFeatureMatrix(G, 3, 4, convention, true);
    expect(Array.from(G)).toEqual(Array.from(copy));
  });

  it('rejects an unknown convention', () => {
    expect(() => updateFeatureMatrix(G, 3, 4, 'median' as never, false)).toThrow('invalid update convention: median');
  });
});
