/**
 * Shift invariance: every kernel depends on x - z only, so shifting every feature by one offset must not move
 * the run. The fixture (scripts/make_fixtures.py, shifted.json) holds the seed fixture's data and the float64
 * reference's results at offsets 0, 1e2, 1e3 and 1e4; the test adds each offset to the float32 inputs.
 *
 * Before the engine centred its inputs, the seed example's test MSE after 4 updates went from 0.14 (the
 * reference at every offset) to 1.2 at +100 and 10 at +1000, with jitter replacing lambda from iteration 2.
 * Tolerances are the golden ones (rfm.golden.test.ts): test MSE 5e-4 relative [measured 5.5e-6], M 2e-4
 * relative Frobenius [measured 1.0e-5], over all offsets on cpu and wasm; no jitter.
 */
import { describe, expect, it } from 'vitest';
import { trainRfm } from './rfm';
import { describeEachBackend } from './testing/backends';
import { flat32, flat64, loadShiftedFixture, relativeError } from './testing/fixtures';
import type { Dataset, IterationRecord } from './types';

const fixture = loadShiftedFixture();
const report = process.env.RFM_GOLDEN_REPORT === '1';

function shiftedDataset(offset: number): Dataset {
  const { data } = fixture;
  const shift = (rows: number[][]) => Float32Array.from(rows.flat(), (v) => Math.fround(v + offset));
  return {
    xTrain: shift(data.xTrain),
    yTrain: flat32(data.yTrain),
    xTest: shift(data.xTest),
    yTest: flat32(data.yTest),
    nTrain: data.nTrain,
    nTest: data.nTest,
    d: data.d,
    c: data.c,
    accuracy: data.accuracy,
  };
}

describeEachBackend('the engine on shifted inputs', (backend) => {
  describe.each(fixture.runs)('with every feature shifted by $offset', ({ offset, testMse, M }) => {
    it('gives the float64 reference results, without jitter', async () => {
      const records: IterationRecord[] = [];
      for await (const record of trainRfm(shiftedDataset(offset), fixture.options)) records.push(record);
      expect(records).toHaveLength(testMse.length);
      records.forEach((record, t) => {
        const mseError = Math.abs(record.testMse! - testMse[t]!) / testMse[t]!;
        const mError = relativeError(record.M, flat64(M[t]!));
        if (report)
          console.log(
            `[shift] ${backend} +${offset} t = ${t}: test MSE ${mseError.toExponential(1)}, M ${mError.toExponential(1)}`,
          );
        expect(mseError, `test MSE at t = ${t}`).toBeLessThanOrEqual(5e-4);
        expect(mError, `M at t = ${t}`).toBeLessThanOrEqual(2e-4);
        expect(record.jitter).toBe(0);
      });
    });
  });
});
