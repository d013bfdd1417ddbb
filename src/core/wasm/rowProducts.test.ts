import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { prepareRowProducts } from './rowProducts';

describe('the float64 row products of the residual', () => {
  it.each([
    [5, 3],
    [64, 1],
    [33, 7], // odd n: the kernel's last column is summed on its own; 33 rows: a short last group of rows
    [1101, 2], // two blocks of rows (4 MiB at most each): 952 rows, then 149 ending in a short group
  ])('match a direct float64 sum (n = %i, c = %i), from the SIMD kernel and the loops', (n, c) => {
    const random = createRandom(n + c);
    const a = Float32Array.from({ length: n * n }, () => random.normal());
    const x = Float64Array.from({ length: n * c }, () => random.normal() * 1e3);
    const expected = new Float64Array(n * c);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < c; k++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += a[i * n + j]! * x[j * c + k]!;
        expected[i * c + k] = sum;
      }
    for (const useKernel of [true, false]) {
      const products = prepareRowProducts(a, n, useKernel);
      const ax = products.multiply(x, c);
      // Twice: the kernel keeps A in its memory between products.
      const again = products.multiply(x, c);
      expected.forEach((v, i) => {
        expect(Math.abs(ax[i]! - v)).toBeLessThan(1e-9 * (1 + Math.abs(v)));
        expect(again[i]).toBe(ax[i]);
      });
    }
  });
});
