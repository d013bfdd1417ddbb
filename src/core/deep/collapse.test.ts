/** Neural collapse measures (collapse.ts) and Deep RFM's input preparation (deepInputs.ts) on small cases by hand. */
import { describe, expect, it } from 'vitest';
import { neuralCollapse } from './collapse';
import { standardiseColumns, signedOneHot } from './deepInputs';

describe('neuralCollapse', () => {
  it('is 0 for points on the vertices of a simplex (NC1 and NC2)', () => {
    // Three classes at the vertices of an equilateral triangle centred at 0, two copies each.
    const vertices = [0, 1, 2].map((c) => [Math.cos((2 * Math.PI * c) / 3), Math.sin((2 * Math.PI * c) / 3)]);
    const x = [0, 0, 1, 1, 2, 2].flatMap((c) => vertices[c]!);
    const { nc1, nc2 } = neuralCollapse(x, 6, 2, Int32Array.from([0, 0, 1, 1, 2, 2]), 3);
    expect(nc1).toBe(0);
    expect(nc2).toBeLessThan(1e-30);
  });

  it('returns the cosines of the centred class means: the simplex -1/(K-1) off the diagonal when collapsed', () => {
    const vertices = [0, 1, 2].map((c) => [Math.cos((2 * Math.PI * c) / 3), Math.sin((2 * Math.PI * c) / 3)]);
    const x = [0, 0, 1, 1, 2, 2].flatMap((c) => vertices[c]!);
    const { meanCosines } = neuralCollapse(x, 6, 2, Int32Array.from([0, 0, 1, 1, 2, 2]), 3);
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) expect(meanCosines[a * 3 + b]).toBeCloseTo(a === b ? 1 : -0.5, 12);
    // Two means on one axis and one off it: cosine 1 between the first two after centring is not the simplex.
    const skew = neuralCollapse([0, 0, 1, 0, 0, 3], 3, 2, Int32Array.from([0, 1, 2]), 3).meanCosines;
    expect(skew[1]).toBeGreaterThan(-0.5);
  });

  it('divides the within-class variance by n and the between-class one by K', () => {
    // Class 0 at -1 +- 1, class 1 at +1 +- 1 on a line: tr(Sigma_W) = 1, tr(Sigma_B) = (1 + 1) / 2 = 1.
    const { nc1, nc2 } = neuralCollapse([-2, 0, 0, 2], 4, 1, Int32Array.from([0, 0, 1, 1]), 2);
    expect(nc1).toBeCloseTo(1, 14);
    expect(nc2).toBeCloseTo(0, 14); // two opposite means are the 2-class simplex
  });

  it('measures how far the class means are from the simplex (NC2)', () => {
    // Three means along orthogonal axes, centred: cosines -1/2 already; two means on the same axis are not.
    const x = [1, 0, 1, 0, 0, 0];
    const { nc2 } = neuralCollapse(x, 3, 2, Int32Array.from([0, 1, 2]), 3);
    // means (1,0), (1,0), (0,0): centred (1/3,0), (1/3,0), (-2/3,0): U = (1,0), (1,0), (-1,0).
    // U U^T - E: off-diagonal (0,1): 1 + 1/2; (0,2), (1,2): -1 + 1/2; squared sum 2 (9/4 + 1/4 + 1/4) = 5.5.
    expect(nc2).toBeCloseTo(5.5 / 9, 14);
  });

  it('refuses a class without points', () => {
    expect(() => neuralCollapse([1, 2], 2, 1, Int32Array.from([0, 0]), 2)).toThrow(/class 1 has no points/);
  });
});

describe('Deep RFM inputs', () => {
  it('standardises each column with 1/n and sets constant columns to exactly 0', () => {
    const x = Float32Array.from([1, 3, 3, 3, 5, 3]); // column 0: 1, 3, 5; column 1: constant 3
    const z = standardiseColumns(x, 3, 2);
    const sd = Math.sqrt(8 / 3);
    expect(Array.from(z)).toEqual([-2 / sd, 0, 0, 0, 2 / sd, 0].map(Math.fround));
  });

  it('sets a constant column that does not sum exactly to 0', () => {
    const x = new Float32Array(60).fill(3.3);
    expect(standardiseColumns(x, 60, 1).every((v) => v === 0)).toBe(true);
  });

  it('encodes labels one-hot in {-1, +1}', () => {
    expect(Array.from(signedOneHot(Int32Array.from([1, 0]), 3))).toEqual([-1, 1, -1, 1, -1, -1]);
  });
});
