/**
 * The catapults experiment at CI size (x1 x2 in d = 10, n = 256, width 128, 60 SGD steps at batch 32): past
 * the edge of stability the loss spikes, the NTK's top eigenvalue falls and the AGOP alignment is higher 20
 * steps after the spike than before it; at half the edge there is no spike. Measured on wasm (seed 1):
 * 1.5 x the edge, one spike (steps 3-7, peak loss 101 from 1.1), alignment 0.30 -> 0.75, top eigenvalue 23.9
 * -> 5.1, final alignment 0.90, test MSE 0.60; 0.5 x the edge, no spike, final alignment 0.85, test MSE 0.77.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { useBackend } from '../core/testing/backends';
import { defaultParams } from '../params/schema';
import { catapultCaption, expressionAgop, runCatapult } from './catapultExperiment';

const params = {
  ...defaultParams(),
  expr: 'x1*x2',
  d: 10,
  n: 256,
  ntest: 256,
  dist: 'normal' as const,
  noise: 0,
  nnwidth: 128,
  sgdsteps: 60,
  seed: 1,
};

it('computes the true AGOP of x1 x2 from its gradient (x2, x1, 0, ...)', () => {
  const x = Float32Array.from([1, 2, 5, -3, 0.5, 7]);
  const agop = expressionAgop('x1*x2', x, 2, 3);
  // Rows (1, 2) and (-3, 0.5): gradients (2, 1, 0) and (0.5, -3, 0).
  const expected = [(4 + 0.25) / 2, (2 - 1.5) / 2, 0, (2 - 1.5) / 2, (1 + 9) / 2, 0, 0, 0, 0];
  expected.forEach((v, k) => expect(agop[k]).toBeCloseTo(v, 6));
});

it('spikes past the edge of stability, with the alignment higher after the spike, and not at half the edge', async () => {
  await useBackend('wasm');
  const large = await runCatapult(params, 32, 1.5);
  expect(large.lr).toBeCloseTo(1.5 * large.criticalLr, 10);
  expect(large.spikes.length).toBeGreaterThanOrEqual(1);
  const spike = large.spikes[0]!;
  expect(spike.peakLoss).toBeGreaterThan(10 * spike.lossBefore);
  expect(spike.eigenvalueAfter).toBeLessThan(0.5 * spike.eigenvalueBefore);
  expect(spike.alignmentAfter - spike.alignmentBefore).toBeGreaterThan(0.2);

  const small = await runCatapult(params, 32, 0.5);
  expect(small.spikes).toEqual([]);
  expect(small.steps).toHaveLength(61);

  const caption = catapultCaption([large, small]);
  expect(caption).toContain(
    `batch 32 at 1.5 x the edge (lr ${large.lr.toPrecision(2)}): 1 spike (largest alignment jump +`,
  );
  expect(caption).toContain('batch 32 at 0.5 x the edge');
  expect(caption).toContain(': 0 spikes, final alignment');
});

it('hands each step to the app as it is measured, and leaves no tensor when a checkpoint stops the run', async () => {
  await useBackend('wasm');
  const small = { ...params, n: 64, ntest: 32, nnwidth: 16, sgdsteps: 10 };
  const before = tf.memory().numTensors;
  const seen: number[] = [];
  const stopped = runCatapult(small, 32, 1.5, {
    step: (step) => seen.push(step.step),
    // The app's cancel throws at a checkpoint between steps.
    checkpoint: async () => {
      if (seen.length === 3) throw new Error('cancelled');
    },
  });
  await expect(stopped).rejects.toThrow('cancelled');
  expect(seen).toEqual([0, 1, 2]);
  expect(tf.memory().numTensors).toBe(before);
});

it('refuses data without an expression to take the true gradient of', async () => {
  await expect(runCatapult({ ...params, data: 'digits' }, 32, 1.5)).rejects.toThrow(
    'catapults train on the synthetic target (data=synthetic, expr), not data=digits',
  );
});
