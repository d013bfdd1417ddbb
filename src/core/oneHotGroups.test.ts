import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { gradientOuterProductSum } from './agop';
import { disposeMetricPoints, prepareMetricPoints } from './distance';
import { createKernel } from './kernels/kernelRegistry';
import { findOneHotGroups, oneHotGradientsTransposed } from './oneHotGroups';
import { engineKernelsAvailable } from './wasm/kernels';
import { ENGINE_KERNELS_WASM } from './wasm/kernelsBinary';
import { prepareGroupSums } from './wasm/oneHotSums';
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

describe('the group sums', () => {
  it('are the same from the SIMD kernel and from the plain loops', () => {
    const p = 13;
    const n = 90;
    const c = 7; // not a multiple of 4: the kernel pads its rows
    const d = 2 * p;
    const groups = findOneHotGroups(oneHotPairs(p, n), n, d, [p, p])!;
    const random = createRandom(11);
    const b = 5;
    const w = Float32Array.from({ length: b * n }, () => (random.int(4) === 0 ? 0 : random.normal()));
    const alpha = Float32Array.from({ length: n * c }, () => random.normal());
    const rows = Int32Array.from([0, 3, 17, 40, 89]);
    expect(engineKernelsAvailable()).toBe(true);
    const input = { w, alpha, n, c, groups };
    const kernel = oneHotGradientsTransposed(prepareGroupSums(input, true), rows, 0, b, c, groups);
    const loops = oneHotGradientsTransposed(prepareGroupSums(input, false), rows, 0, b, c, groups);
    // A chunk of the batch's rows (1 and 2) is that chunk's columns of the whole.
    const chunk = oneHotGradientsTransposed(prepareGroupSums(input, true), rows, 1, 2, c, groups);
    chunk.forEach((v, at) => {
      const [l, column] = [Math.floor(at / (2 * c)), at % (2 * c)];
      expect(v).toBe(kernel[l * b * c + c + column]);
    });
    let largest = 0;
    loops.forEach((v, i) => {
      largest = Math.max(largest, Math.abs(v));
      expect(Math.abs(kernel[i]! - v)).toBeLessThan(1e-5 * (1 + Math.abs(v)));
    });
    expect(largest).toBeGreaterThan(0.1);
    // Direct check of one entry: u[l, i c + k] for gradient row i = 1 (training row 3), output k = 2.
    const i = 1;
    const k = 2;
    const l = groups[1]!.offset + 4;
    let expected = 0;
    for (let j = 0; j < n; j++) {
      const xj = groups[1]!.hot[j] === 4 ? 1 : 0;
      const xi = groups[1]!.hot[rows[i]!] === 4 ? 1 : 0;
      expected += w[i * n + j]! * alpha[j * c + k]! * (xj - xi);
    }
    expect(loops[l * b * c + i * c + k]).toBeCloseTo(expected, 5);
  });

  it('come from a kernel built from the committed kernels.wat', async () => {
    const { assembleEngineKernels } = await import('../../scripts/assembleWasm.mjs');
    const { readFile } = await import('node:fs/promises');
    const bytes = (await assembleEngineKernels(readFile)) as Uint8Array;
    expect(Buffer.from(bytes).toString('base64')).toBe(ENGINE_KERNELS_WASM);
  });
});
