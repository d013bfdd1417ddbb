/**
 * ConvRFM against the independent float64 numpy reference (scripts/convrfm_reference.py) on MNIST digits
 * pooled to 7 x 7 (40 training, 30 test images, 3 x 3 patches, 2 updates), on every Node backend: the
 * per-iteration test MSE and M agree to 1e-3 relative, for the Gaussian both by its log-kernel product and
 * by the general path (squared distances, then the kernel's value and weight).
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { CONV_FIXTURE_NAMES, loadConvFixture } from './convFixtures';
import { trainConvRfm } from './convRfm';
import type { ConvIterationRecord } from './convTypes';

function relativeFrobenius(a: ArrayLike<number>, b: number[]): number {
  let diff = 0;
  let norm = 0;
  b.forEach((v, i) => {
    diff += ((a[i] as number) - v) ** 2;
    norm += v * v;
  });
  return Math.sqrt(diff / norm);
}

describeEachBackend('ConvRFM golden', () => {
  for (const name of CONV_FIXTURE_NAMES) {
    const paths = name.startsWith('gaussian') ? [true, false] : [true];
    for (const gaussianLogProduct of paths) {
      const path = gaussianLogProduct ? '' : ' through squared distances (the general path)';
      it(`matches the float64 reference on ${name}${path}`, async () => {
        const { fixture, data, options } = loadConvFixture(name);
        const records: ConvIterationRecord[] = [];
        const before = tf.memory().numTensors;
        for await (const record of trainConvRfm(data, options, { gaussianLogProduct })) records.push(record);
        expect(tf.memory().numTensors).toBe(before);
        expect(records).toHaveLength(fixture.iterations.length);
        records.forEach((record, t) => {
          const ref = fixture.iterations[t]!;
          expect(relativeFrobenius(record.M, ref.M.flat())).toBeLessThan(1e-3);
          expect(Math.abs(record.testMse! - ref.testMse) / ref.testMse).toBeLessThan(1e-3);
          expect(Math.abs(record.trainMse - ref.trainMse) / Math.max(ref.trainMse, 1e-6)).toBeLessThan(1e-3);
          expect(record.testAccuracy).toBe(ref.testAccuracy);
        });
        // M moved away from I: the test above compares something that changes.
        expect(relativeFrobenius(records.at(-1)!.M, fixture.iterations[0]!.M.flat())).toBeGreaterThan(0.05);
      });
    }
  }
});
