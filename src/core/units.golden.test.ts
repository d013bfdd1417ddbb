/**
 * Target units: a regression target times 1e-3, 1 or 1e3 must give the same M and the same test MSE in its own
 * units (times the factor squared), matching the float64 reference (scripts/make_fixtures.py, units.json: a
 * target in the hundreds, data no other test uses). The engine trains on the target divided by its RMS
 * (targetScale.ts, docs/algorithm.md, Target units).
 *
 * Before, with the mean convention, M scaled with the square of the target's units: on this data the plain
 * kernel's test MSE 3,946 became 23,840 after 3 updates (the reference's unscaledTestMse), and the target
 * divided by 1e3 gave yet another model. Tolerances are the golden ones (rfm.golden.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { trainRfm } from './rfm';
import { describeEachBackend } from './testing/backends';
import { flat32, flat64, loadUnitsFixture, relativeError } from './testing/fixtures';
import type { Dataset, IterationRecord } from './types';

const fixture = loadUnitsFixture();

function scaledDataset(factor: number): Dataset {
  const { data } = fixture;
  const scale = (rows: number[][]) => Float32Array.from(flat32(rows), (v) => Math.fround(v * factor));
  return {
    xTrain: flat32(data.xTrain),
    yTrain: scale(data.yTrain),
    xTest: flat32(data.xTest),
    yTest: scale(data.yTest),
    nTrain: data.nTrain,
    nTest: data.nTest,
    d: data.d,
    c: data.c,
    accuracy: data.accuracy,
  };
}

describeEachBackend('the engine on a regression target in other units', () => {
  describe.each([1e-3, 1, 1e3])('with the target times %s', (factor) => {
    it('learns the float64 reference M and reports the test MSE in the target units', async () => {
      const records: IterationRecord[] = [];
      for await (const record of trainRfm(scaledDataset(factor), fixture.options)) records.push(record);
      expect(records).toHaveLength(fixture.testMse.length);
      records.forEach((record, t) => {
        const expectedMse = fixture.testMse[t]! * factor * factor;
        expect(Math.abs(record.testMse! - expectedMse) / expectedMse, `test MSE at t = ${t}`).toBeLessThanOrEqual(5e-4);
        expect(relativeError(record.M, flat64(fixture.M[t]!)), `M at t = ${t}`).toBeLessThanOrEqual(2e-4);
      });
    });
  });

  it('is checked against a reference in which RFM beats the unscaled run on this data', () => {
    // The fixture documents what the change buys: the unscaled run is far worse from the first update on.
    const last = fixture.testMse.length - 1;
    expect(fixture.unscaledTestMse[last]!).toBeGreaterThan(3 * fixture.testMse[last]!);
  });
});
