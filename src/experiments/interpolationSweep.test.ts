/**
 * The interpolation sweep (docs/interpolation.md) at CI size: the engine's ridge-0 numbers in d = 1 agree
 * with a float64 solve on the same points (distances of close points stay exact at small d), and the
 * measured story holds: ridge 0 stays at a large share of the noise variance while the validated ridge
 * falls far below it.
 */
import { expect, it } from 'vitest';
import { useBackend } from '../core/testing/backends';
import { solveSpd } from '../core/linalg/cholesky';
import { presetParams } from '../params/presets';
import {
  gapsAtLargestN,
  interpolationCaption,
  interpolationData,
  runInterpolationSweep,
  type InterpolationPoint,
} from './interpolationSweep';

const params = presetParams('interpolation');
const laplace1d = { kernel: 'laplace' as const, bandwidth: 1, d: 1, expression: 'sin(3*x1)' };

/** Test MSE of the Laplace (L = 1) ridge-0 interpolant, all in float64, on the sweep's own points. */
function float64RidgelessMse(n: number): number {
  const data = interpolationData(params, laplace1d, n);
  const x = Float64Array.from(data.xTrain);
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) k[i * n + j] = Math.exp(-Math.abs(x[i]! - x[j]!));
  const alpha = new Float64Array(n);
  expect(solveSpd(k, n, Float64Array.from(data.yTrain), alpha, new Float64Array(n * n))).toBe(0);
  let sum = 0;
  for (let t = 0; t < data.nTest; t++) {
    let f = 0;
    for (let j = 0; j < n; j++) f += Math.exp(-Math.abs(data.xTest[t]! - x[j]!)) * alpha[j]!;
    sum += (f - data.yTest[t]!) ** 2;
  }
  return sum / data.nTest;
}

async function sweep(ns: number[]): Promise<InterpolationPoint[]> {
  const points: InterpolationPoint[] = [];
  for await (const p of runInterpolationSweep(params, [{ ...laplace1d, ns }])) points.push(p);
  return points;
}

it('matches a float64 solve for the ridge-0 Laplace interpolant in d = 1 (n = 200 and 400)', async () => {
  await useBackend('wasm');
  const points = await sweep([200, 400]);
  for (const n of [200, 400]) {
    const engine = points.find((p) => p.n === n && p.rule === 'ridgeless')!;
    expect(engine.jitter).toBe(0);
    // Measured: 0.17757 (engine 0.1776) at n = 200, 0.14684 (0.1468) at n = 400.
    expect(engine.testMse / float64RidgelessMse(n)).toBeCloseTo(1, 2);
  }
});

it('keeps ridge 0 at a large share of the noise variance while the validated ridge falls far below it', async () => {
  await useBackend('wasm');
  const points = await sweep([50, 200]);
  expect(points.map((p) => `${p.n} ${p.rule}`)).toEqual([
    '50 ridgeless',
    '50 validated',
    '200 ridgeless',
    '200 validated',
  ]);
  const [gap] = gapsAtLargestN(points, params.noise);
  // Measured at n = 200 (sigma = 0.5): ridge 0 0.178 (0.71 sigma^2), validated ridge 1: 0.0053 (0.021 sigma^2).
  expect(gap!.n).toBe(200);
  expect(gap!.ridgelessShare).toBeGreaterThan(0.4);
  expect(gap!.validatedShare).toBeLessThan(0.1);
  expect(gap!.ridgelessTestMse).toBeGreaterThan(10 * gap!.validatedTestMse);
  // The ridge-0 fit passes through the noisy training points (measured train MSE 1.9e-6, float32 K alpha).
  expect(points[2]!.trainMse).toBeLessThan(1e-4 * params.noise ** 2);
  const caption = interpolationCaption([gap!], params.noise);
  expect(caption).toContain(`laplace d=1: ridge 0 ${gap!.ridgelessTestMse.toPrecision(2)}`);
  expect(caption).toContain(`with the validated ridge ${gap!.validatedRidge}`);
});

it('says in the caption when the ridge-0 solve needed jitter', () => {
  const gap = {
    series: 'gaussian d=1',
    n: 400,
    ridgelessTestMse: 0.01,
    validatedTestMse: 0.005,
    validatedRidge: 1,
    ridgelessShare: 0.04,
    validatedShare: 0.02,
    ridgelessJitter: 1e-4,
  };
  expect(interpolationCaption([gap], 0.5)).toBe(
    'Test MSE against the clean f at the largest n (n = 400), noise sigma = 0.5: gaussian d=1: ridge 0 0.010 (0.040 sigma^2; the solve needed jitter 1e-4, so this is no true interpolant) against 0.0050 (0.020 sigma^2) with the validated ridge 1, a gap of 0.0050.',
  );
});
