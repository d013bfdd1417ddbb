import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { gradientOuterProductSum } from './agop';
import { disposeMetricPoints, prepareMetricPoints } from './distance';
import { createKernel } from './kernels/kernelRegistry';
import { findOneHotGroups } from './oneHotGroups';
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
  it('lists, for each value of each group, the rows that take it', () => {
    // rows: (a=1, b=0), (a=0, b=1), (a=1, b=1) with p = 2
    const x = Float32Array.from([0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
    const groups = findOneHotGroups(x, 3, 4, [2, 2])!;
    expect(groups.map((g) => [g.offset, g.size, g.maxCount])).toEqual([
      [0, 2, 2],
      [2, 2, 2],
    ]);
    // a = 0: row 1 (padded with n = 3); a = 1: rows 0 and 2
    expect(Array.from(groups[0]!.members)).toEqual([1, 3, 0, 2]);
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
        // Both sum the same float32 terms in a different order.
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
