/**
 * solveKernelSystem against float64 solutions (scripts/make_fixtures.py, `solve` fixture): a laplace kernel
 * matrix with n = 300 (three 128-row blocks, the last one partial) and condition numbers 1.7e5 (lambda = 1e-3)
 * and 5.6e5 (lambda = 0). The fixture's K holds float32 values, so engine and reference solve the very same
 * system and the spec's bound applies directly: 1e-4 relative error in alpha (docs/algorithm.md, step 2).
 * A plain float32 Cholesky solve would be off by up to cond x eps32 ~ 3e-2; the measured error after
 * refinement is <= 5.4e-8 on cpu and 1.1e-10 on wasm (one and two refinement steps).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRandom } from './random';
import { jitterSchedule, solveKernelSystem } from './solve';
import { describeEachBackend } from './testing/backends';
import { flat32, flat64, loadSolveFixture, relativeError } from './testing/fixtures';

/** docs/algorithm.md: the solution must match a float64 solve to 1e-4 relative error on the project's fixtures. */
const SPEC_TOLERANCE = 1e-4;

const fixture = loadSolveFixture();

/** Relative error of each column of a row-major [n, c] array. */
function columnErrors(a: Float64Array, b: Float64Array, c: number): number[] {
  return Array.from({ length: c }, (_, k) => {
    const col = (v: Float64Array): Float64Array => v.filter((_, i) => i % c === k);
    return relativeError(col(a), col(b));
  });
}

describeEachBackend('solveKernelSystem', () => {
  let k: tf.Tensor2D;
  let y: tf.Tensor2D;
  beforeAll(() => {
    k = tf.tensor2d(flat32(fixture.K), [fixture.n, fixture.n]);
    y = tf.tensor2d(flat32(fixture.Y), [fixture.n, fixture.c]);
  });
  afterAll(() => {
    k.dispose();
    y.dispose();
  });

  it.each(fixture.systems)(
    'matches the float64 solution to 1e-4 on an ill-conditioned laplace system (lambda = $ridge)',
    async ({ ridge, alpha }) => {
      const solution = await solveKernelSystem(k, y, ridge);
      solution.alpha.dispose();
      expect(solution.jitter).toBe(0);
      for (const error of columnErrors(solution.alphaValues, flat64(alpha), fixture.c))
        expect(error).toBeLessThanOrEqual(SPEC_TOLERANCE);
      expect(solution.relativeResidual).toBeLessThan(1e-10);
    },
  );

  it('has a tolerance that a 1e-3 change of the ridge would exceed', () => {
    // The two fixture systems differ only in lambda (1e-3 vs 0).
    const [a, b] = fixture.systems;
    expect(relativeError(flat64(a!.alpha), flat64(b!.alpha))).toBeGreaterThan(100 * SPEC_TOLERANCE);
  });

  it('returns the float32 alpha tensor that agrees with its float64 values', async () => {
    const solution = await solveKernelSystem(k, y, 1e-3);
    const values = Float64Array.from(await solution.alpha.data());
    solution.alpha.dispose();
    expect(solution.alpha.shape).toEqual([fixture.n, fixture.c]);
    expect(relativeError(values, solution.alphaValues)).toBeLessThan(1e-7);
  });

  it('solves a small SPD system to float64 accuracy', async () => {
    // A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]], x = [1, -2, 3] and [0.5, 0, -1]: Y = A x.
    const a = tf.tensor2d([4, 1, 0, 1, 3, 1, 0, 1, 2], [3, 3]);
    const x = [1, 0.5, -2, 0, 3, -1];
    const rhs = tf.tensor2d([2, 2, -2, -0.5, 4, -2], [3, 2]);
    const solution = await solveKernelSystem(a, rhs, 0);
    solution.alpha.dispose();
    a.dispose();
    rhs.dispose();
    expect(relativeError(solution.alphaValues, x)).toBeLessThan(1e-12);
    expect(solution.jitter).toBe(0);
  });

  it('adds the ridge to the diagonal', async () => {
    // (I + 0.5 I) alpha = y  =>  alpha = y / 1.5.
    const eye = tf.eye(4) as tf.Tensor2D;
    const rhs = tf.tensor2d([3, -1.5, 0.75, 6], [4, 1]);
    const solution = await solveKernelSystem(eye, rhs, 0.5);
    solution.alpha.dispose();
    eye.dispose();
    rhs.dispose();
    expect(relativeError(solution.alphaValues, [2, -1, 0.5, 4])).toBeLessThan(1e-12);
  });

  it('adds the smallest jitter that works, from 1e-6 of the mean diagonal of K, and says so', async () => {
    // K = 1 1^T (rank one, 5 x 5): the factorisation fails at lambda = 0 and succeeds with the first jitter,
    // 1e-6 x mean diag(K) = 1e-6 (the spec's starting point; it used to be 1% of the row sum, 0.05).
    const ones = tf.ones([5, 5]) as tf.Tensor2D;
    const rhs = tf.tensor2d([1, 2, 3, 4, 5], [5, 1]);
    const solution = await solveKernelSystem(ones, rhs, 0);
    solution.alpha.dispose();
    ones.dispose();
    rhs.dispose();
    expect(solution.jitter).toBeCloseTo(1e-6, 18);
    // (1 1^T + j I) alpha = y has the solution alpha = (y - s 1) / j with s = 1^T y / (5 + j).
    const j = 1e-6;
    const s = 15 / (5 + j);
    const expected = [1, 2, 3, 4, 5].map((v) => (v - s) / j);
    // Measured 3e-10: K + j I has condition 5e6, and refinement runs against float32 K.
    expect(relativeError(solution.alphaValues, expected)).toBeLessThan(1e-6);
  });

  it('grows the jitter tenfold from 1e-6 of the mean diagonal up to 1% of the largest absolute row sum', () => {
    const k = Float32Array.from([2, 1, 1, 1, 2, 1, 1, 1, 2]); // mean diagonal 2, largest row sum 4
    const schedule = jitterSchedule(k, 3, 4);
    expect(schedule[0]).toBeCloseTo(2e-6, 18);
    for (let i = 1; i + 1 < schedule.length; i++) expect(schedule[i]! / schedule[i - 1]!).toBeCloseTo(10, 9);
    expect(schedule.at(-1)).toBe(0.04);
    expect(schedule.length).toBe(6); // 2e-6 ... 2e-2, then the ceiling 0.04
  });

  it('solves a large system (256-row blocks) to a float64-level residual', async () => {
    // A laplace kernel on 1600 seeded points: above 1500 rows the factor uses 256-row blocks. A wrong
    // factor would leave refinement stuck far above this residual, measured in float64 against K itself.
    const n = 1600;
    const random = createRandom(11);
    const points = tf.tensor2d(
      Float32Array.from({ length: n * 3 }, () => random.normal()),
      [n, 3],
    );
    const big = tf.tidy(() => {
      const sq = tf.sum(tf.square(points), 1, true);
      const d2 = tf.relu(tf.sub(tf.add(sq, tf.transpose(sq)), tf.mul(tf.matMul(points, tf.transpose(points)), 2)));
      return tf.exp(tf.neg(tf.div(tf.sqrt(d2), 2))) as tf.Tensor2D;
    });
    const rhs = tf.tensor2d(
      Float32Array.from({ length: n }, () => random.normal()),
      [n, 1],
    );
    const solution = await solveKernelSystem(big, rhs, 1e-3);
    solution.alpha.dispose();
    [points, big, rhs].forEach((t) => t.dispose());
    expect(solution.jitter).toBe(0);
    expect(solution.relativeResidual).toBeLessThan(1e-10);
  });

  it('consumes neither input and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const solution = await solveKernelSystem(k, y, 1e-3);
    expect(tf.memory().numTensors).toBe(before + 1);
    solution.alpha.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(k.isDisposed || y.isDisposed).toBe(false);
  });
});
