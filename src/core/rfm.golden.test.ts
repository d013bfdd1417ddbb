/**
 * Golden tests: the float32 engine against an independent float64 reference of the same algorithm
 * (scripts/rfm_reference.py, numpy only), on the fixtures of src/core/fixtures, on every Node backend.
 * The fixtures carry their own float32 inputs, so both sides start from identical numbers; everything
 * after that (kernel, solve, AGOP, update) is float32 on the engine's side.
 *
 * Tolerances, and why. Measured maxima over all fixtures on cpu and wasm are given in brackets; each
 * tolerance leaves a margin of 5x or more, and each is far below what a one-iteration shift or a 2% bandwidth
 * error produces (checked below, so these tests can fail).
 *  - M_t, relative Frobenius error, 2e-4 [4e-5]. M_{t+1} is linear in the AGOP, whose inputs are the float32
 *    kernel (entries off by ~1e-7 relative, more for near pairs through the expanded distance) and alpha.
 *    alpha's error is at most cond(K) x that, cond(K) <= 2.5e5 here, but in practice ~1e-4 (below), and
 *    the AGOP averages it over n points. Errors compound over T <= 3 updates.
 *  - alpha_t in a single step from the reference M_t, relative Frobenius, 1e-3 [1.5e-4, gaussian-classes at
 *    cond 2.5e5]: the solve itself is refined to float64 accuracy against the float32 K (solve.test.ts), so
 *    what remains is K's own float32 rounding amplified by the conditioning.
 *  - M_{t+1} from one step, 2e-4 [4e-5].
 *  - Test MSE, relative, 5e-4 [6e-5]: predictions are float32 matrix products of O(1) kernel rows.
 *  - Train MSE, relative with a floor of 1e-5 mean(Y^2), 2e-2 [3.5e-3]. With lambda = 1e-3 the training
 *    residual is lambda alpha, tiny next to the float32 rounding of K alpha; with lambda = 0 the reference's
 *    train MSE is ~1e-28 and the engine's is pure rounding, hence the floor (a train RMSE of 0.3% of RMS(Y)).
 *  - Top-10 kernel eigenvalues, each relative to itself, 5e-4 [3e-5]. The engine is asked for 32 and the
 *    first 10 are compared: the randomised subspace iteration has converged there (see spectrum.test.ts).
 *  - Test accuracy: at most one test point may flip (a float32 argmax near a tie) [none flips].
 *
 * Set RFM_GOLDEN_REPORT=1 to print the measured errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from './testing/backends';
import { loadRfmFixture, relativeError, flat64, RFM_FIXTURE_NAMES, type RfmFixture } from './testing/fixtures';
import {
  eigenvalueError,
  runEngine,
  stepErrors,
  trajectoryErrors,
  type EngineRun,
  type StepErrors,
  type TrajectoryErrors,
} from './testing/golden';

const TOLERANCE = {
  M: 2e-4,
  alpha: 1e-3,
  nextM: 2e-4,
  testMse: 5e-4,
  trainMse: 2e-2,
  kernelEigenvalues: 5e-4,
};

const report = process.env.RFM_GOLDEN_REPORT === '1';

/** Every comparison of a trajectory that exceeds its tolerance, as readable lines (empty: all pass). */
function violations(fixture: RfmFixture, errors: TrajectoryErrors[]): string[] {
  const out: string[] = [];
  const accuracyTolerance = 1 / Math.max(1, fixture.data.nTest) + 1e-12;
  for (const e of errors) {
    const check = (what: string, value: number, tolerance: number): void => {
      if (!(value <= tolerance)) out.push(`t = ${e.iteration}: ${what} error ${value.toExponential(2)} > ${tolerance}`);
    };
    check('M', e.M, TOLERANCE.M);
    check('train MSE', e.trainMse, TOLERANCE.trainMse);
    check('test MSE', e.testMse, TOLERANCE.testMse);
    check('kernel eigenvalue', e.kernelEigenvalues, TOLERANCE.kernelEigenvalues);
    check('test accuracy', e.testAccuracy, accuracyTolerance);
  }
  return out;
}

function stepViolations(steps: StepErrors[]): string[] {
  const out: string[] = [];
  for (const s of steps) {
    if (!(s.alpha <= TOLERANCE.alpha)) out.push(`t = ${s.iteration}: alpha error ${s.alpha.toExponential(2)}`);
    if (!(s.testMse <= TOLERANCE.testMse)) out.push(`t = ${s.iteration}: test MSE error ${s.testMse.toExponential(2)}`);
    if (!Number.isNaN(s.nextM) && !(s.nextM <= TOLERANCE.nextM))
      out.push(`t = ${s.iteration}: M_{t+1} error ${s.nextM.toExponential(2)}`);
  }
  return out;
}

function printReport(backend: string, name: string, errors: TrajectoryErrors[], steps: StepErrors[]): void {
  const max = (values: number[]): string => Math.max(...values.filter((v) => !Number.isNaN(v))).toExponential(1);
  console.log(
    `[golden] ${backend} ${name}: M ${max(errors.map((e) => e.M))}, train MSE ${max(errors.map((e) => e.trainMse))}, ` +
      `test MSE ${max(errors.map((e) => e.testMse))}, eigenvalues ${max(errors.map((e) => e.kernelEigenvalues))}, ` +
      `accuracy ${max(errors.map((e) => e.testAccuracy))}; one step: alpha ${max(steps.map((s) => s.alpha))}, ` +
      `test MSE ${max(steps.map((s) => s.testMse))}, M_t+1 ${max(steps.map((s) => s.nextM))}`,
  );
}

describeEachBackend('the RFM engine against the float64 reference', (backend) => {
  describe.each(RFM_FIXTURE_NAMES)('on the %s fixture', (name) => {
    const fixture = loadRfmFixture(name);
    const reference = fixture.iterations;
    let run: EngineRun;
    let errors: TrajectoryErrors[];
    let steps: StepErrors[];

    beforeAll(async () => {
      run = await runEngine(fixture);
      errors = trajectoryErrors(fixture, run.records);
      steps = [];
      for (let t = 0; t < reference.length; t++) steps.push(await stepErrors(fixture, t));
      if (report) printReport(backend, name, errors, steps);
    });

    it('makes T + 1 solves, the first one with M = I, without jitter', () => {
      expect(run.records.map((r) => r.iteration)).toEqual(reference.map((r) => r.iteration));
      expect(Array.from(run.records[0]!.M)).toEqual(reference[0]!.M.flat());
      expect(run.records.map((r) => r.jitter)).toEqual(reference.map(() => 0));
      expect(run.records.every((r) => r.backend === backend)).toBe(true);
    });

    it('reproduces M_t at every iteration', () => {
      for (const e of errors) expect(e.M, `t = ${e.iteration}`).toBeLessThanOrEqual(TOLERANCE.M);
    });

    it('reproduces the train and test MSE at every iteration', () => {
      for (const e of errors) {
        expect(e.trainMse, `train, t = ${e.iteration}`).toBeLessThanOrEqual(TOLERANCE.trainMse);
        expect(e.testMse, `test, t = ${e.iteration}`).toBeLessThanOrEqual(TOLERANCE.testMse);
      }
    });

    it('reproduces the top kernel eigenvalues and the test accuracy', () => {
      for (const e of errors) {
        expect(e.kernelEigenvalues, `t = ${e.iteration}`).toBeLessThanOrEqual(TOLERANCE.kernelEigenvalues);
        expect(e.testAccuracy, `t = ${e.iteration}`).toBeLessThanOrEqual(1 / fixture.data.nTest + 1e-12);
      }
      expect(violations(fixture, errors)).toEqual([]);
    });

    it('reproduces alpha_t, the test MSE and M_{t+1} in one step from the reference M_t', () => {
      expect(stepViolations(steps)).toEqual([]);
    });

    it('keeps the tensor count flat from one iteration to the next and frees everything at the end', () => {
      expect(new Set(run.tensorsAtYield).size).toBe(1);
      expect(run.tensorsAfter).toBe(run.tensorsBefore);
    });

    it('has tolerances that a result one iteration off would exceed', () => {
      // The reference at t + 1 stands in for an engine that is one iteration ahead (or one update wrong).
      for (let t = 0; t + 1 < reference.length; t++) {
        const now = reference[t]!;
        const next = reference[t + 1]!;
        expect(relativeError(flat64(next.M), flat64(now.M))).toBeGreaterThan(10 * TOLERANCE.M);
        expect(relativeError(flat64(next.alpha), flat64(now.alpha))).toBeGreaterThan(10 * TOLERANCE.alpha);
        expect(Math.abs(next.testMse! - now.testMse!) / now.testMse!).toBeGreaterThan(5 * TOLERANCE.testMse);
        expect(eigenvalueError(next.kernelEigenvalues, now.kernelEigenvalues)).toBeGreaterThan(
          5 * TOLERANCE.kernelEigenvalues,
        );
      }
    });

    it('would catch a 2% bandwidth error', async () => {
      const wrong = await runEngine(fixture, { bandwidth: fixture.options.bandwidth * 1.02 });
      const found = violations(fixture, trajectoryErrors(fixture, wrong.records));
      // Every iteration is caught, by its kernel eigenvalues at least.
      for (const e of reference) expect(found.some((v) => v.startsWith(`t = ${e.iteration}:`))).toBe(true);
    });
  });
});
