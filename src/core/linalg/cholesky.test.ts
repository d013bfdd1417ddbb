import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { choleskyLower, choleskySolveWithJitter, invertLower } from './cholesky';

/** A random SPD matrix B B^T / b + I, row-major [b, b]. */
function spd(b: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const m = Float64Array.from({ length: b * b }, () => random.normal());
  const a = new Float64Array(b * b);
  for (let i = 0; i < b; i++)
    for (let j = 0; j < b; j++) {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < b; k++) s += (m[i * b + k]! * m[j * b + k]!) / b;
      a[i * b + j] = s;
    }
  return a;
}

describe.each([true, false])('Cholesky and triangular inverse (SIMD kernel: %s)', (useKernel) => {
  it.each([1, 2, 5, 64, 129])('factor and invert a %i x %i SPD matrix to float64 accuracy', (b) => {
    const a = spd(b, b);
    const l = choleskyLower(a, b, useKernel)!;
    const inv = invertLower(l, b, useKernel);
    for (let i = 0; i < b; i++)
      for (let j = 0; j < b; j++) {
        let llt = 0;
        let linv = 0;
        for (let k = 0; k < b; k++) {
          llt += l[i * b + k]! * l[j * b + k]!;
          linv += l[i * b + k]! * inv[k * b + j]!;
        }
        expect(Math.abs(llt - a[i * b + j]!)).toBeLessThan(1e-12);
        expect(Math.abs(linv - (i === j ? 1 : 0))).toBeLessThan(1e-12);
        if (j > i) expect(l[i * b + j]).toBe(0);
      }
  });

  it('refuses a matrix with a non-positive pivot', () => {
    // [[1, 2], [2, 1]] is symmetric but indefinite: the second pivot is 1 - 4 < 0.
    expect(choleskyLower(Float64Array.from([1, 2, 2, 1]), 2, useKernel)).toBeNull();
  });
});

it('gives the same factor from the kernel and the loops', () => {
  const a = spd(40, 3);
  const kernel = choleskyLower(a, 40, true)!;
  const loops = choleskyLower(a, 40, false)!;
  kernel.forEach((v, i) => expect(Math.abs(v - loops[i]!)).toBeLessThan(1e-13));
});

describe('the in-place solves (lin-RFM)', () => {
  it('solve an SPD system to float64 accuracy without jitter', () => {
    const a = spd(7, 11);
    const y = Float64Array.from({ length: 7 }, (_, i) => i - 3);
    const { x, jitter } = choleskySolveWithJitter(a, 7, y);
    expect(jitter).toBe(0);
    for (let i = 0; i < 7; i++) {
      let s = 0;
      for (let j = 0; j < 7; j++) s += a[i * 7 + j]! * x[j]!;
      expect(Math.abs(s - y[i]!)).toBeLessThan(1e-12);
    }
  });

  it('add jitter to a singular (positive semi-definite) system until it factors', () => {
    // [[1, 1], [1, 1]]: rank one, so the second pivot is 0 without jitter.
    const { x, jitter } = choleskySolveWithJitter(Float64Array.from([1, 1, 1, 1]), 2, Float64Array.from([2, 2]));
    expect(jitter).toBeGreaterThan(0);
    expect(x[0]! + x[1]!).toBeCloseTo(2, 6);
  });
});
