/**
 * Kernels and Mahalanobis distances against float64 formulas written out here (docs/algorithm.md, Kernels and
 * step 4). Float32 exp, sqrt and pow are accurate to a few ulp, hence relative tolerances of 5e-6; distances
 * by the expansion lose up to ~eps32 x (||z||_M^2 + ||x||_M^2) in absolute terms, hence 1e-5 of that scale.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { disposeMetricPoints, pairwiseSquaredDistances, prepareMetricPoints, rowSquaredDistances } from './distance';
import { createKernel } from './kernels/kernelRegistry';
import { describeEachBackend } from './testing/backends';
import { directSquaredDistance, randomMetric, randomPoints } from './testing/data';
import { maxElementwiseRelativeError } from './testing/fixtures';

const D2 = [1e-6, 0.01, 0.25, 1, 4, 30, 100];
const L = 2.5;

/** Float64 reference: K and W from a squared distance r2 > 0. */
const REFERENCE = {
  laplace: (r2: number) => {
    const k = Math.exp(-Math.sqrt(r2) / L);
    return { k, w: k / (L * Math.sqrt(r2)) };
  },
  gaussian: (r2: number) => {
    const k = Math.exp(-r2 / (2 * L * L));
    return { k, w: k / (L * L) };
  },
  'laplace-q': (r2: number, q = 1.5) => {
    const r = Math.sqrt(r2);
    const k = Math.exp(-((r / L) ** q));
    return { k, w: (q * k * r ** (q - 2)) / L ** q };
  },
};

async function evaluate(name: 'laplace' | 'gaussian' | 'laplace-q', d2: number[], exponent = 1.5, bandwidth = L) {
  const kernel = createKernel(name, bandwidth, exponent);
  const t = tf.tensor1d(d2);
  const k = kernel.value(t);
  const w = kernel.gradientWeight(k, t);
  const out = { k: Array.from(await k.data()), w: Array.from(await w.data()) };
  tf.dispose([t, k, w]);
  return out;
}

function squaredNorm(v: Float32Array, i: number, m: Float32Array, d: number): number {
  return directSquaredDistance(v, i, new Float32Array(d), 0, m, d);
}

describeEachBackend('kernels', () => {
  it.each(['laplace', 'gaussian', 'laplace-q'] as const)('%s: K and W match the float64 formulas', async (name) => {
    const { k, w } = await evaluate(name, D2);
    const ref = D2.map((r2) => REFERENCE[name](r2));
    expect(
      maxElementwiseRelativeError(
        k,
        ref.map((r) => r.k),
      ),
    ).toBeLessThan(5e-6);
    expect(
      maxElementwiseRelativeError(
        w,
        ref.map((r) => r.w),
      ),
    ).toBeLessThan(5e-6);
  });

  it('gives no gradient weight to self pairs for laplace and laplace-q, K/L^2 for gaussian', async () => {
    expect(await evaluate('laplace', [0])).toEqual({ k: [1], w: [0] });
    expect(await evaluate('laplace-q', [0])).toEqual({ k: [1], w: [0] });
    const g = await evaluate('gaussian', [0]);
    expect(g.k).toEqual([1]);
    expect(g.w[0]).toBeCloseTo(1 / (L * L), 7);
  });

  it('laplace-q with q = 1 is laplace, with q = 2 it is gaussian at bandwidth L / sqrt(2)', async () => {
    const q1 = await evaluate('laplace-q', D2, 1);
    const lap = await evaluate('laplace', D2);
    expect(maxElementwiseRelativeError(q1.k, lap.k)).toBeLessThan(5e-6);
    expect(maxElementwiseRelativeError(q1.w, lap.w)).toBeLessThan(5e-6);
    const q2 = await evaluate('laplace-q', D2, 2);
    const gauss = await evaluate('gaussian', D2, 1, L / Math.SQRT2);
    expect(maxElementwiseRelativeError(q2.k, gauss.k)).toBeLessThan(5e-6);
    expect(maxElementwiseRelativeError(q2.w, gauss.w)).toBeLessThan(5e-6);
  });

  it('rejects unknown kernels, bad bandwidths and bad exponents', () => {
    expect(() => createKernel('cosine' as never, 1)).toThrow('invalid kernel: cosine');
    for (const bandwidth of [0, -1, NaN, Infinity])
      expect(() => createKernel('laplace', bandwidth)).toThrow(/bandwidth/);
    for (const q of [0, -1, 2.5]) expect(() => createKernel('laplace-q', 1, q)).toThrow(/exponent/);
  });
});

describeEachBackend('Mahalanobis distances', () => {
  const n = 30;
  const m = 20;
  const d = 5;
  const x = randomPoints(n, d, 1);
  const z = randomPoints(m, d, 2);
  const metric = randomMetric(d, 3);

  async function withPoints<T>(
    fn: (train: ReturnType<typeof prepareMetricPoints>, other: ReturnType<typeof prepareMetricPoints>) => Promise<T>,
  ) {
    const xt = tf.tensor2d(x, [n, d]);
    const zt = tf.tensor2d(z, [m, d]);
    const mt = tf.tensor2d(metric, [d, d]);
    const train = prepareMetricPoints(xt, mt);
    const other = prepareMetricPoints(zt, mt);
    try {
      return await fn(train, other);
    } finally {
      disposeMetricPoints(train);
      disposeMetricPoints(other);
      tf.dispose([xt, zt, mt]);
    }
  }

  it('match direct differences (z - x)^T M (z - x) between two point sets', async () => {
    const d2 = await withPoints(async (train, other) => {
      const t = pairwiseSquaredDistances(other, train, false);
      const v = await t.data();
      t.dispose();
      return v;
    });
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        const exact = directSquaredDistance(z, i, x, j, metric, d);
        const scale = squaredNorm(z, i, metric, d) + squaredNorm(x, j, metric, d);
        expect(Math.abs(d2[i * n + j]! - exact)).toBeLessThan(1e-5 * scale);
      }
  });

  it('are exactly 0 on the diagonal when the points are the training set, and never negative', async () => {
    const d2 = await withPoints(async (train) => {
      const t = pairwiseSquaredDistances(train, train, true);
      const v = await t.data();
      t.dispose();
      return v;
    });
    for (let i = 0; i < n; i++) expect(d2[i * n + i]).toBe(0);
    expect(Math.min(...d2)).toBeGreaterThanOrEqual(0);
  });

  it('for selected rows equal the rows of the full matrix, with the self pairs zeroed', async () => {
    const rows = [3, 0, 17, 29];
    const { full, part } = await withPoints(async (train) => {
      const f = pairwiseSquaredDistances(train, train, true);
      const idx = tf.tensor1d(rows, 'int32');
      const p = rowSquaredDistances(train, idx);
      const out = { full: await f.data(), part: await p.data() };
      tf.dispose([f, idx, p]);
      return out;
    });
    rows.forEach((row, r) => {
      expect(part[r * n + row]).toBe(0);
      for (let j = 0; j < n; j++) expect(part[r * n + j]).toBeCloseTo(full[row * n + j]!, 4);
    });
  });

  it('leave no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await withPoints(async (train, other) => {
      tf.dispose([pairwiseSquaredDistances(other, train, false), pairwiseSquaredDistances(train, train, true)]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
