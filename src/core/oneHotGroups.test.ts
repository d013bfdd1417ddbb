import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { gradientOuterProductSum } from './agop';
import { disposeMetricPoints, prepareMetricPoints } from './distance';
import { createKernel } from './kernels/kernelRegistry';
import { findOneHotGroups } from './oneHotGroups';
import { engineKernelsAvailable } from './wasm/kernels';
import { ENGINE_KERNELS_WASM } from './wasm/kernelsBinary';
import { prepareOneHotChunks, type OneHotChunks } from './wasm/oneHotSums';
import { createRandom } from './random';
import { describeEachBackend } from './testing/backends';

/** Pairs (a, b) of residues mod p as one-hot(a) ++ one-hot(b), in a seeded order. */
function oneHotPairs(p: number, count: number): Float32Array {
  const random = createRandom(3);
  const x = new Float32Array(count * 2 * p);
  for (let i = 0; i < count; i++) {
    x[i * 2 * p + random.int(p)] = 1;
    x[i * 2 * p + p + random.int(p)] = 1;
  }
  return x;
}

describe('findOneHotGroups', () => {
  it('lists, for each group, the value each row takes', () => {
    // rows: (a=1, b=0), (a=0, b=1), (a=1, b=1) with p = 2
    const x = Float32Array.from([0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
    const groups = findOneHotGroups(x, 3, 4, [2, 2])!;
    expect(groups.map((g) => [g.offset, g.size, Array.from(g.hot)])).toEqual([
      [0, 2, [1, 0, 1]],
      [2, 2, [0, 1, 1]],
    ]);
  });

  it('refuses data that is not one-hot in the promised groups', () => {
    expect(findOneHotGroups(Float32Array.from([1, 1, 0, 1]), 1, 4, [2, 2])).toBeNull();
    expect(findOneHotGroups(Float32Array.from([0.5, 0.5, 0, 1]), 1, 4, [2, 2])).toBeNull();
    expect(findOneHotGroups(Float32Array.from([0, 0, 0, 1]), 1, 4, [2, 2])).toBeNull();
    expect(findOneHotGroups(Float32Array.from([1, 0, 0, 1]), 1, 4, [3, 2])).toBeNull();
  });
});

describeEachBackend('the one-hot AGOP path', () => {
  it('gives the same gradient outer products as the dense product', async () => {
    const p = 7;
    const n = 40;
    const c = 3;
    const d = 2 * p;
    const xValues = oneHotPairs(p, n);
    const groups = findOneHotGroups(xValues, n, d, [p, p])!;
    const random = createRandom(5);
    const x = tf.tensor2d(xValues, [n, d]);
    const alpha = tf.tensor2d(
      Float32Array.from({ length: n * c }, () => random.normal()),
      [n, c],
    );
    const m = tf.tensor2d(
      Float32Array.from({ length: d * d }, (_, i) => (i % (d + 1) === 0 ? 1 + (i % 3) : 0.05)),
      [d, d],
    );
    const points = prepareMetricPoints(x, m);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    for (const kernel of [createKernel('gaussian', 2.5), createKernel('laplace', 3)]) {
      for (const centering of [false, true]) {
        const input = { kernel, points, alpha, rows, centering };
        const dense = await gradientOuterProductSum(input);
        const oneHot = await gradientOuterProductSum({ ...input, oneHotGroups: groups });
        let diff = 0;
        let norm = 0;
        dense.forEach((v, i) => {
          diff += (v - oneHot[i]!) ** 2;
          norm += v * v;
        });
        // The same terms, summed in a different order (the one-hot sums in float64).
        expect(Math.sqrt(diff / norm)).toBeLessThan(1e-5);
        expect(norm).toBeGreaterThan(0);
      }
    }
    disposeMetricPoints(points);
    x.dispose();
    alpha.dispose();
    m.dispose();
  });
});

describe('the one-hot gradient chunks', () => {
  const p = 13;
  const n = 90;
  const c = 7; // not a multiple of 4: the kernel pads each run to 8
  const d = 2 * p;
  const groups = findOneHotGroups(oneHotPairs(p, n), n, d, [p, p])!;
  const random = createRandom(11);
  const b = 5;
  const w = Float32Array.from({ length: b * n }, () => (random.int(4) === 0 ? 0 : random.normal()));
  const alpha = Float32Array.from({ length: n * c }, () => random.normal());
  const rows = Int32Array.from([0, 3, 17, 40, 89]);
  const input = { w, rows, alpha, n, c, d, groups };
  /** u[l, row r of the chunk, output k] from a chunk's layout. */
  const entry = (chunks: OneHotChunks, ut: Float32Array, count: number, l: number, r: number, k: number) =>
    ut[l * count * chunks.stride + r * chunks.stride + k]!;
  /** u[l, i, k] straight from the definition: sum_j W_ij alpha_jk (x_jl - x_il). */
  const direct = (l: number, i: number, k: number): number => {
    const group = groups.find((g) => l >= g.offset && l < g.offset + g.size)!;
    const value = l - group.offset;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const xj = group.hot[j] === value ? 1 : 0;
      const xi = group.hot[rows[i]!] === value ? 1 : 0;
      sum += w[i * n + j]! * alpha[j * c + k]! * (xj - xi);
    }
    return sum;
  };

  it('match the definition, from the SIMD kernel (padded runs) and from the plain loops', () => {
    expect(engineKernelsAvailable()).toBe(true);
    for (const useKernel of [true, false]) {
      const chunks = prepareOneHotChunks(input, useKernel);
      expect(chunks.stride).toBe(useKernel ? 8 : 7);
      const { ut, sums } = chunks.chunk(0, b, false);
      expect(sums).toBeNull();
      let largest = 0;
      for (let l = 0; l < d; l++)
        for (let i = 0; i < b; i++)
          for (let k = 0; k < c; k++) {
            const expected = direct(l, i, k);
            largest = Math.max(largest, Math.abs(expected));
            expect(Math.abs(entry(chunks, ut, b, l, i, k) - expected)).toBeLessThan(1e-5 * (1 + Math.abs(expected)));
          }
      expect(largest).toBeGreaterThan(0.1);
      // The padding of each run stays zero, so it adds nothing to U^T U.
      if (useKernel)
        for (let l = 0; l < d; l++) for (let i = 0; i < b; i++) expect(entry(chunks, ut, b, l, i, 7)).toBe(0);
    }
  });

  it('centre a chunk of rows (1 and 2) on its own mean per output, and return its sums before centring', () => {
    for (const useKernel of [true, false]) {
      const chunks = prepareOneHotChunks(input, useKernel);
      const { ut, sums } = chunks.chunk(1, 2, true);
      for (let l = 0; l < d; l++)
        for (let k = 0; k < c; k++) {
          const [u1, u2] = [direct(l, 1, k), direct(l, 2, k)];
          expect(sums![k * d + l]).toBeCloseTo(u1 + u2, 4);
          expect(entry(chunks, ut, 2, l, 0, k)).toBeCloseTo((u1 - u2) / 2, 4);
          expect(entry(chunks, ut, 2, l, 1, k)).toBeCloseTo((u2 - u1) / 2, 4);
        }
    }
  });

  it('come from a kernel built from the committed kernels.wat', async () => {
    const { assembleEngineKernels } = await import('../../scripts/assembleWasm.mjs');
    const { readFile } = await import('node:fs/promises');
    const bytes = (await assembleEngineKernels(readFile)) as Uint8Array;
    expect(Buffer.from(bytes).toString('base64')).toBe(ENGINE_KERNELS_WASM);
  });
});
