/**
 * The warm-started solve (warmSolve.ts) against the fixture's float64 solution (scripts/make_fixtures.py,
 * `solve`: a laplace kernel matrix, n = 300, condition number 1.7e5 at lambda = 1e-3): after a solve of a
 * nearby K, the fixture's K is solved from the old factor and alpha to the same 1e-4 contract as a fresh
 * factorisation; a far K falls back to factoring; nothing leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { solveKernelSystem } from './solve';
import { describeEachBackend } from './testing/backends';
import { flat32, flat64, loadSolveFixture, relativeError } from './testing/fixtures';
import { createWarmStart, disposeWarmStart } from './warmSolve';

const SPEC_TOLERANCE = 1e-4;
const fixture = loadSolveFixture();
const system = fixture.systems.find((s) => s.ridge > 0)!;
const LAMBDA = system.ridge;
const expected = flat64(system.alpha);

/** K with its off-diagonal entries scaled by (1 + eps * pattern): a kernel a small change of M away. */
function nearby(values: Float32Array, n: number, eps: number): Float32Array {
  const out = Float32Array.from(values);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) out[i * n + j] = values[i * n + j]! * (1 + eps * Math.cos(i + j));
  return out;
}

describeEachBackend('warm-started solve', () => {
  let k: tf.Tensor2D;
  let y: tf.Tensor2D;
  let kValues: Float32Array;
  beforeAll(() => {
    kValues = flat32(fixture.K);
    k = tf.tensor2d(kValues, [fixture.n, fixture.n]);
    y = tf.tensor2d(flat32(fixture.Y), [fixture.n, fixture.c]);
  });
  afterAll(() => tf.dispose([k, y]));

  it('solves a nearby K from the old factor and alpha, to the contract, without a factorisation', async () => {
    const n = fixture.n;
    const warm = createWarmStart();
    const before = tf.memory().numTensors;
    const near = tf.tensor2d(nearby(kValues, n, 1e-6), [n, n]);
    const first = await solveKernelSystem(near, y, LAMBDA, undefined, warm);
    expect(first.warmStarted).toBe(false);
    const second = await solveKernelSystem(k, y, LAMBDA, kValues, warm);
    expect(second.warmStarted).toBe(true);
    expect(second.refinementSteps).toBeGreaterThan(0);
    expect(second.relativeResidual).toBeLessThan(1e-10);
    expect(relativeError(second.alphaValues, expected)).toBeLessThan(SPEC_TOLERANCE);
    expect(warm).toMatchObject({ warmSolves: 1, factorisations: 1 });
    tf.dispose([near, first.alpha, second.alpha]);
    disposeWarmStart(warm);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('falls back to a factorisation when the old factor is far from the new K', async () => {
    const n = fixture.n;
    const warm = createWarmStart();
    const before = tf.memory().numTensors;
    const identity = tf.eye(n) as tf.Tensor2D;
    const first = await solveKernelSystem(identity, y, LAMBDA, undefined, warm);
    const second = await solveKernelSystem(k, y, LAMBDA, kValues, warm);
    expect(second.warmStarted).toBe(false);
    expect(relativeError(second.alphaValues, expected)).toBeLessThan(SPEC_TOLERANCE);
    expect(warm).toMatchObject({ warmSolves: 0, factorisations: 2 });
    tf.dispose([identity, first.alpha, second.alpha]);
    disposeWarmStart(warm);
    expect(tf.memory().numTensors).toBe(before);
  });
});
