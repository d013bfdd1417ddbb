/** Sweeps: the values a range asks for, a run summarised as a point, and a real sweep over d. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IterationRecord } from '../core';
import { recordForTests } from '../core/testing/recordForTests';
import { useBackend } from '../core/testing/backends';
import { defaultParams, type Params } from '../params/schema';
import { runSweep, summarizeRun, sweepValues } from './sweep';

describe('sweepValues', () => {
  it('spaces the values of a linear parameter evenly, ends included', () => {
    expect(sweepValues('d', 5, 80, 6)).toEqual([5, 20, 35, 50, 65, 80]);
  });

  it('spaces the values of a log-scale parameter geometrically', () => {
    expect(sweepValues('n', 100, 10000, 3)).toEqual([100, 1000, 10000]);
    expect(sweepValues('lambda', 1e-6, 1, 4)).toEqual([1e-6, 1e-4, 0.01, 1]);
  });

  it('spaces a log-scale range that starts at 0 linearly', () => {
    expect(sweepValues('lambda', 0, 1, 3)).toEqual([0, 0.5, 1]);
  });

  it('rounds integer parameters and drops the repeats that rounding makes', () => {
    expect(sweepValues('d', 1, 3, 5)).toEqual([1, 2, 3]);
  });

  it('rounds other parameters to 4 significant digits', () => {
    expect(sweepValues('noise', 0, 1, 4)).toEqual([0, 0.3333, 0.6667, 1]);
  });

  it("keeps every value inside the parameter's range", () => {
    expect(sweepValues('n', 1, 100, 3)).toEqual([10, 100]);
    expect(sweepValues('d', 400, 1000, 3)).toEqual([400, 700, 800]);
  });

  it('runs downwards when from is above to, and gives one value for one step', () => {
    expect(sweepValues('d', 20, 5, 4)).toEqual([20, 15, 10, 5]);
    expect(sweepValues('d', 7, 9, 1)).toEqual([7]);
  });
});

function record(iteration: number, testMse: number | null, testAccuracy: number | null = null): IterationRecord {
  return recordForTests({
    iteration,
    d: 2,
    M: Float64Array.of(iteration + 1, 0, 0, 1),
    mEigenvalues: new Float64Array(2),
    testMse,
    testAccuracy,
  });
}

describe('summarizeRun', () => {
  it('takes the baseline from iteration 0, the final error from the last and the best from the lowest', () => {
    const point = summarizeRun(30, [record(0, 4), record(1, 0.5), record(2, 0.25), record(3, 0.3)]);
    expect(point).toMatchObject({
      value: 30,
      baselineTestMse: 4,
      finalTestMse: 0.3,
      bestTestMse: 0.25,
      bestIteration: 2,
    });
  });

  it('keeps the final M and its dimension', () => {
    const point = summarizeRun(1, [record(0, 1), record(1, 0.5)]);
    expect(point.d).toBe(2);
    expect(Array.from(point.M)).toEqual([2, 0, 0, 1]);
  });

  it('keeps the baseline and final test accuracy of a classification run', () => {
    const point = summarizeRun(1, [record(0, 0.8, 0.5), record(1, 0.2, 0.75), record(2, 0.3, 0.9)]);
    expect(point.baselineTestAccuracy).toBe(0.5);
    expect(point.finalTestAccuracy).toBe(0.9);
  });

  it('names iteration 0 the best when the errors never fall', () => {
    expect(summarizeRun(1, [record(0, 1), record(1, 2)]).bestIteration).toBe(0);
  });

  it('reports no test error for a run without a test set', () => {
    const point = summarizeRun(1, [record(0, null), record(1, null)]);
    expect(point).toMatchObject({ baselineTestMse: null, finalTestMse: null, bestTestMse: null, bestIteration: 0 });
  });

  it('refuses a run without iterations', () => {
    expect(() => summarizeRun(1, [])).toThrow('no iterations');
  });
});

describe('runSweep', () => {
  beforeAll(() => useBackend('cpu'));
  const params: Params = { ...defaultParams(), n: 60, ntest: 30, iters: 1 };

  it('gives one point per value of d, each with finite test errors and its own M', async () => {
    const points = [];
    for await (const point of runSweep(params, {}, { param: 'd', values: [3, 6] })) points.push(point);
    expect(points.map((p) => [p.value, p.d, p.M.length])).toEqual([
      [3, 3, 9],
      [6, 6, 36],
    ]);
    for (const p of points) {
      for (const mse of [p.baselineTestMse, p.finalTestMse, p.bestTestMse]) expect(Number.isFinite(mse)).toBe(true);
    }
  });

  it('stops when a checkpoint throws (how the worker cancels a sweep)', async () => {
    const cancelled = new Error('cancelled');
    const checkpoint = () => Promise.reject(cancelled);
    const sweep = runSweep(params, {}, { param: 'd', values: [3, 6] }, { checkpoint });
    await expect(sweep.next()).rejects.toBe(cancelled);
  });
});
