import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import {
  abBlock,
  circulantDeviation,
  frobeniusCosine,
  grokkingTrajectory,
  jumpIteration,
  maxTestAccuracy,
  reorderMatrix,
} from './grokking';

/** C_ij = c[(j - i) mod p]. */
function circulant(c: readonly number[]): Float64Array {
  const p = c.length;
  const a = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) a[i * p + j] = c[(((j - i) % p) + p) % p]!;
  return a;
}

function randomMatrix(p: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: p * p }, () => random.normal());
}

/** 3 is a primitive root of 7: its powers 1, 3, 2, 6, 4, 5 run through the non-zero residues. */
const LOG_ORDER_7 = [0, 1, 3, 2, 6, 4, 5];

describe('abBlock', () => {
  it('takes the rows of a and the columns of b from M [2p, 2p]', () => {
    const p = 3;
    const m = Float64Array.from({ length: 36 }, (_, k) => k);
    // Row i of M starts at 6 i; the b columns are 3..5.
    expect(Array.from(abBlock(m, p))).toEqual([3, 4, 5, 9, 10, 11, 15, 16, 17]);
  });

  it('refuses a matrix of the wrong size', () => {
    expect(() => abBlock(new Float64Array(10), 3)).toThrow(/not \(2p\)² = 36/);
  });
});

describe('circulantDeviation', () => {
  it('is 0 for a circulant matrix', () => {
    expect(circulantDeviation(circulant([5, -1, 2, 0.5, 3, 7, -4]), 7)).toBeCloseTo(0, 14);
  });

  it('is 0 for a constant matrix and for the zero matrix', () => {
    expect(circulantDeviation(new Float64Array(25).fill(2), 5)).toBe(0);
    expect(circulantDeviation(new Float64Array(25), 5)).toBe(0);
  });

  it('is clearly above 0 for a random matrix, and at most 1/p', () => {
    const p = 31;
    const deviation = circulantDeviation(randomMatrix(p, 3), p);
    expect(deviation).toBeGreaterThan(0.5 / p);
    expect(deviation).toBeLessThanOrEqual(1 / p);
  });

  it('does not call a Hankel matrix (entries depending on i + j) circulant', () => {
    const p = 11;
    const hankel = Float64Array.from({ length: p * p }, (_, k) =>
      Math.cos((2 * Math.PI * ((k % p) + Math.floor(k / p))) / p),
    );
    expect(circulantDeviation(hankel, p)).toBeGreaterThan(0.5 / p);
  });

  it('is invariant to the scale of the matrix', () => {
    const a = randomMatrix(9, 4);
    expect(
      circulantDeviation(
        a.map((v) => 10 * v),
        9,
      ),
    ).toBeCloseTo(circulantDeviation(a, 9), 12);
  });

  it('turns a matrix that is circulant in discrete-log order into deviation 0 when given that order', () => {
    const p = 7;
    const inLogOrder = circulant([1, 4, -2, 3, 0.5, 2, -1]);
    // Scatter it back to natural order: A[order[i], order[j]] = C[i, j].
    const natural = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) natural[LOG_ORDER_7[i]! * p + LOG_ORDER_7[j]!] = inLogOrder[i * p + j]!;
    expect(circulantDeviation(natural, p)).toBeGreaterThan(0.01);
    expect(circulantDeviation(natural, p, LOG_ORDER_7)).toBeCloseTo(0, 14);
  });

  it('measures only the residues an order lists, with the shift modulo its length', () => {
    const p = 7;
    const inner = circulant([2, -1, 0.5, 3, 1, -2]); // [6, 6] over the non-zero residues in log order
    const a = randomMatrix(p, 5); // row and column 0 are noise
    const nonZero = LOG_ORDER_7.slice(1);
    nonZero.forEach((r, i) => nonZero.forEach((s, j) => (a[r * p + s] = inner[i * 6 + j]!)));
    expect(circulantDeviation(a, p, LOG_ORDER_7)).toBeGreaterThan(0.001);
    expect(circulantDeviation(a, p, nonZero)).toBeCloseTo(0, 14);
  });

  it('gives the columns their own order when asked (b negated makes a Hankel matrix circulant)', () => {
    const p = 7;
    const hankel = Float64Array.from({ length: p * p }, (_, k) => ((k % p) + Math.floor(k / p)) % p);
    const negated = Array.from({ length: p }, (_, k) => (p - k) % p);
    expect(circulantDeviation(hankel, p, undefined, negated)).toBeCloseTo(0, 14);
  });
});

describe('reorderMatrix', () => {
  it('puts rows and columns in the given order', () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    expect(Array.from(reorderMatrix(a, 2, [1, 0]))).toEqual([4, 3, 2, 1]);
    expect(Array.from(reorderMatrix(a, 2, [0, 1], [1, 0]))).toEqual([2, 1, 4, 3]);
  });

  it('refuses indices outside the matrix', () => {
    expect(() => reorderMatrix(new Float64Array(4), 2, [0, 2])).toThrow(/outside 0..1/);
  });
});

describe('frobeniusCosine', () => {
  it('is 1 for a matrix with itself and with a positive multiple of itself', () => {
    const a = randomMatrix(6, 1);
    expect(frobeniusCosine(a, a)).toBeCloseTo(1, 14);
    expect(
      frobeniusCosine(
        a,
        a.map((v) => 3 * v),
      ),
    ).toBeCloseTo(1, 14);
  });

  it('is -1 for the negation, 0 for orthogonal matrices and for a zero matrix', () => {
    const a = randomMatrix(4, 2);
    expect(
      frobeniusCosine(
        a,
        a.map((v) => -v),
      ),
    ).toBeCloseTo(-1, 14);
    expect(frobeniusCosine([1, 0, 0, 0], [0, 0, 0, 1])).toBe(0);
    expect(frobeniusCosine(a, new Float64Array(16))).toBe(0);
  });
});

describe('grokkingTrajectory', () => {
  it('measures every record against the last, which aligns perfectly with itself', () => {
    const p = 3;
    const d = 2 * p;
    const identity = Float64Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? 1 : 0));
    const coupled = identity.slice();
    const c = [3, 1, 2];
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        coupled[i * d + p + j] = c[(j - i + p) % p]!;
        coupled[(p + j) * d + i] = c[(j - i + p) % p]!;
      }
    const points = grokkingTrajectory(
      [
        { iteration: 0, M: identity },
        { iteration: 1, M: coupled },
      ],
      p,
    );
    expect(points.map((q) => q.iteration)).toEqual([0, 1]);
    expect(points[0]!.blockAlignment).toBe(0);
    // M = I has no a-b block to measure: no deviation at all, not 0 ("circulant").
    expect(points[0]!.circulantDeviation).toBeNull();
    expect(points[0]!.naturalCirculantDeviation).toBeNull();
    expect(points[0]!.alignment).toBeGreaterThan(0);
    expect(points[1]!.alignment).toBeCloseTo(1, 14);
    expect(points[1]!.blockAlignment).toBeCloseTo(1, 14);
    expect(points[1]!.circulantDeviation).toBeCloseTo(0, 14);
  });

  it('is empty without records', () => {
    expect(grokkingTrajectory([], 5)).toEqual([]);
  });
});

describe('jumpIteration and maxTestAccuracy', () => {
  const records = [0, 0.01, 0.4, 0.995, 1].map((testAccuracy, iteration) => ({ iteration, testAccuracy }));

  it('finds the first iteration with test accuracy >= 0.99', () => {
    expect(jumpIteration(records)).toBe(3);
    expect(jumpIteration(records.slice(0, 3))).toBeNull();
  });

  it('gives the best test accuracy, or null when there is none', () => {
    expect(maxTestAccuracy(records)).toBe(1);
    expect(maxTestAccuracy([{ testAccuracy: null }])).toBeNull();
  });
});
