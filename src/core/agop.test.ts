/**
 * The AGOP against a finite-difference gradient of the kernel predictor f(z) = sum_j alpha_j K_M(z, x_j),
 * evaluated in float64 with direct differences (no expansion), at the training points themselves.
 *
 * At z = x_i the self term K(z, x_i) is even in z - x_i, so a central difference sees no gradient from it:
 * the same convention as W_ii = 0 (docs/algorithm.md, step 4). With h = 1e-4 the finite differences are good to
 * ~1e-8 relative; the engine works in float32 and forms u_i as the difference of two sums, so its AGOP is off
 * by ~1e-7 relative [measured <= 1e-7 on cpu and wasm]; the tolerance is 1e-5. Centring and row subsets are
 * checked the same way; M is a non-diagonal SPD matrix so that the M (.) M sandwich is exercised.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { gradientOuterProductSum, sandwich } from './agop';
import { disposeMetricPoints, prepareMetricPoints } from './distance';
import { createKernel } from './kernels/kernelRegistry';
import { describeEachBackend } from './testing/backends';
import { directSquaredDistance, randomMetric, randomPoints } from './testing/data';
import { relativeError } from './testing/fixtures';
import type { KernelName } from './types';

const TOLERANCE = 1e-5;
const n = 40;
const d = 4;
const c = 2;
const x = randomPoints(n, d, 11);
const alpha = randomPoints(n, c, 12);
const metric = randomMetric(d, 13);
const metric64 = Float64Array.from(metric);

const CASES: { name: KernelName; bandwidth: number; exponent: number }[] = [
  { name: 'laplace', bandwidth: 3, exponent: 1 },
  { name: 'gaussian', bandwidth: 2, exponent: 1 },
  { name: 'laplace-q', bandwidth: 3, exponent: 1.5 },
];

/** K(r2) in float64 for the kernels of docs/algorithm.md. */
function kernelValue(name: KernelName, bandwidth: number, q: number, r2: number): number {
  if (name === 'laplace') return Math.exp(-Math.sqrt(r2) / bandwidth);
  if (name === 'gaussian') return Math.exp(-r2 / (2 * bandwidth * bandwidth));
  return Math.exp(-((Math.sqrt(r2) / bandwidth) ** q));
}

/** Central-difference gradients [c][rows.length][d] of the predictor at the training points `rows`. */
function finiteDifferenceGradients(name: KernelName, bandwidth: number, q: number, rows: number[]): number[][][] {
  const h = 1e-4;
  const f = (z: Float64Array): number[] => {
    const out = new Array<number>(c).fill(0);
    for (let j = 0; j < n; j++) {
      const k = kernelValue(name, bandwidth, q, Math.max(directSquaredDistance(z, 0, x, j, metric, d), 0));
      for (let o = 0; o < c; o++) out[o]! += k * alpha[j * c + o]!;
    }
    return out;
  };
  const grads = Array.from({ length: c }, () => rows.map(() => new Array<number>(d).fill(0)));
  rows.forEach((i, r) => {
    for (let l = 0; l < d; l++) {
      const plus = Float64Array.from(x.subarray(i * d, (i + 1) * d));
      const minus = Float64Array.from(plus);
      plus[l]! += h;
      minus[l]! -= h;
      const fp = f(plus);
      const fm = f(minus);
      for (let o = 0; o < c; o++) grads[o]![r]![l] = (fp[o]! - fm[o]!) / (2 * h);
    }
  });
  return grads;
}

/** sum over outputs and rows of g g^T (after subtracting each output's mean gradient when centring). */
function outerProductSum(grads: number[][][], centering: boolean): Float64Array {
  const g = new Float64Array(d * d);
  for (const perOutput of grads) {
    const mean = new Array<number>(d).fill(0);
    if (centering) for (const v of perOutput) v.forEach((value, l) => (mean[l]! += value / perOutput.length));
    for (const v of perOutput) {
      const u = v.map((value, l) => value - mean[l]!);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) g[a * d + b]! += u[a]! * u[b]!;
    }
  }
  return g;
}

async function engineAgop(name: KernelName, bandwidth: number, q: number, rows: number[], centering: boolean) {
  const kernel = createKernel(name, bandwidth, q);
  const xt = tf.tensor2d(x, [n, d]);
  const mt = tf.tensor2d(metric, [d, d]);
  const at = tf.tensor2d(alpha, [n, c]);
  const points = prepareMetricPoints(xt, mt);
  try {
    const gram = await gradientOuterProductSum({ kernel, points, alpha: at, rows: Int32Array.from(rows), centering });
    return sandwich(metric64, gram, d);
  } finally {
    disposeMetricPoints(points);
    tf.dispose([xt, mt, at]);
  }
}

const ALL_ROWS = Array.from({ length: n }, (_, i) => i);
const SOME_ROWS = [1, 4, 5, 11, 20, 33, 39];

describeEachBackend('the AGOP', () => {
  describe.each(CASES)('of the $name predictor', ({ name, bandwidth, exponent }) => {
    it.each([
      { rows: ALL_ROWS, centering: false, label: 'all rows' },
      { rows: ALL_ROWS, centering: true, label: 'all rows, centred' },
      { rows: SOME_ROWS, centering: false, label: 'a subset of rows' },
      { rows: SOME_ROWS, centering: true, label: 'a subset of rows, centred' },
    ])('matches finite differences of the predictor ($label)', async ({ rows, centering }) => {
      const expected = outerProductSum(finiteDifferenceGradients(name, bandwidth, exponent, rows), centering);
      const actual = await engineAgop(name, bandwidth, exponent, rows, centering);
      expect(relativeError(actual, expected)).toBeLessThan(TOLERANCE);
    });
  });

  it('would notice a gradient weight off by 1% (the tolerance can fail)', async () => {
    const expected = outerProductSum(finiteDifferenceGradients('laplace', 3, 1, ALL_ROWS), false);
    const actual = await engineAgop('laplace', 3 * 1.01, 1, ALL_ROWS, false);
    expect(relativeError(actual, expected)).toBeGreaterThan(10 * TOLERANCE);
  });

  it('would notice a missing centring', async () => {
    const expected = outerProductSum(finiteDifferenceGradients('gaussian', 2, 1, ALL_ROWS), true);
    const actual = await engineAgop('gaussian', 2, 1, ALL_ROWS, false);
    expect(relativeError(actual, expected)).toBeGreaterThan(10 * TOLERANCE);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await engineAgop('laplace', 3, 1, ALL_ROWS, true);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('sandwich', () => {
  it('computes M A M', () => {
    const m = Float64Array.from([2, 1, 1, 3]);
    const a = Float64Array.from([1, -1, -1, 4]);
    // M A = [[1, 2], [-2, 11]]; (M A) M = [[4, 7], [7, 31]].
    expect(Array.from(sandwich(m, a, 2))).toEqual([4, 7, 7, 31]);
  });
});
