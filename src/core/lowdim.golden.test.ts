/**
 * Inputs of one and two coordinates with close pairs (1e-6 .. 1e-3 apart) against a float64 reference that takes
 * direct differences (scripts/make_lowdim_fixtures.py), both kernels, L = 0.01, 0.1 and 1, on every Node backend.
 * The float32 expansion of the distances lost these pairs (docs/algorithm.md, Distances in low dimension): at
 * d = 1, laplace, L = 0.01 the engine's M_3 was off by a factor of ~40 (max |M| 1.6e5 against 6.2e6); with
 * direct differences it agrees to ~1e-6. Tolerances are those of rfm.golden.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from './testing/backends';
import { LOWDIM_FIXTURE_NAMES, loadRfmFixture } from './testing/fixtures';
import { runEngine, stepErrors, trajectoryErrors, type StepErrors, type TrajectoryErrors } from './testing/golden';

const TOLERANCE = { M: 2e-4, testMse: 5e-4, alpha: 1e-3 };
const report = process.env.RFM_GOLDEN_REPORT === '1';

describeEachBackend('low-dimensional inputs with close pairs against the float64 reference', (backend) => {
  describe.each(LOWDIM_FIXTURE_NAMES)('on the %s fixture', (name) => {
    const fixture = loadRfmFixture(name);
    let errors: TrajectoryErrors[];
    let steps: StepErrors[];

    beforeAll(async () => {
      errors = trajectoryErrors(fixture, (await runEngine(fixture)).records);
      steps = [];
      for (let t = 0; t < fixture.iterations.length; t++) steps.push(await stepErrors(fixture, t));
      if (report) {
        const max = (v: number[]) => Math.max(...v.filter((x) => !Number.isNaN(x))).toExponential(1);
        console.log(
          `[lowdim] ${backend} ${name}: M ${max(errors.map((e) => e.M))}, test MSE ${max(errors.map((e) => e.testMse))}, ` +
            `one step: alpha ${max(steps.map((s) => s.alpha))}, M_t+1 ${max(steps.map((s) => s.nextM))}`,
        );
      }
    });

    it('reproduces M_t and the test MSE at every iteration', () => {
      for (const e of errors) {
        expect(e.M, `M, t = ${e.iteration}`).toBeLessThanOrEqual(TOLERANCE.M);
        expect(e.testMse, `test MSE, t = ${e.iteration}`).toBeLessThanOrEqual(TOLERANCE.testMse);
      }
    });

    it('reproduces alpha_t, the test MSE and M_{t+1} in one step from the reference M_t', () => {
      for (const s of steps) {
        expect(s.alpha, `alpha, t = ${s.iteration}`).toBeLessThanOrEqual(TOLERANCE.alpha);
        expect(s.testMse, `test MSE, t = ${s.iteration}`).toBeLessThanOrEqual(TOLERANCE.testMse);
        if (!Number.isNaN(s.nextM)) expect(s.nextM, `M_t+1, t = ${s.iteration}`).toBeLessThanOrEqual(TOLERANCE.M);
      }
    });
  });
});
