/**
 * ConvRFM's bookkeeping: patches land where the layout says, no tensor outlives an iteration (also when a run
 * is cancelled mid-AGOP), the filters are M's eigenvectors and M keeps trace f.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { loadConvFixture } from './convFixtures';
import { trainConvRfm } from './convRfm';
import { extractPatches, patchGrid } from './patches';

describe('extractPatches', () => {
  it('lays out q x q patches position-major, rows of the patch first, channels last', () => {
    // One 3 x 4 image with 2 channels: value = 100 r + 10 c + k.
    const image = { height: 3, width: 4, channels: 2 };
    const pixels = [];
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 4; c++) for (let k = 0; k < 2; k++) pixels.push(100 * r + 10 * c + k);
    expect(patchGrid(image, 2)).toEqual({ positions: 6, features: 8 });
    const patches = extractPatches(pixels, 1, image, 2);
    // Position 4 is row 1, column 1.
    expect(Array.from(patches.subarray(4 * 8, 5 * 8))).toEqual([110, 111, 120, 121, 210, 211, 220, 221]);
    const transposed = extractPatches(pixels, 1, image, 2, true);
    expect(Array.from(transposed)).toEqual(Array.from(patches));
  });

  it('refuses a patch larger than the image', () => {
    expect(() => patchGrid({ height: 4, width: 5, channels: 1 }, 5)).toThrow('patch size 5 does not fit a 4 x 5 image');
  });
});

describeEachBackend('trainConvRfm', () => {
  it('holds the same number of tensors at every iteration and none after the run', async () => {
    const { data, options } = loadConvFixture('gaussian-7x7');
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const traces: number[] = [];
    for await (const record of trainConvRfm(data, { ...options, iterations: 3 })) {
      counts.push(record.numTensors);
      traces.push(Array.from({ length: record.f }, (_, i) => record.M[i * record.f + i]!).reduce((s, v) => s + v, 0));
      // Each filter is a unit eigenvector: M v = lambda v.
      for (const { eigenvalue, values } of record.filters) {
        for (let i = 0; i < record.f; i++) {
          let mv = 0;
          for (let j = 0; j < record.f; j++) mv += record.M[i * record.f + j]! * values[j]!;
          expect(mv).toBeCloseTo(eigenvalue * values[i]!, 10);
        }
      }
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThan(before);
    for (const trace of traces) expect(trace).toBeCloseTo(9, 10);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees everything when a checkpoint cancels the run inside the AGOP', async () => {
    const { data, options } = loadConvFixture('laplace-7x7');
    const before = tf.memory().numTensors;
    const run = trainConvRfm(data, options, {
      checkpoint: async ({ phase, fraction }) => {
        if (phase === 'agop' && fraction > 0.3) throw new Error('cancelled');
      },
    });
    await expect(
      (async () => {
        for await (const record of run) void record;
      })(),
    ).rejects.toThrow('cancelled');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses images whose size does not match the shape', async () => {
    const { data, options } = loadConvFixture('gaussian-7x7');
    const run = trainConvRfm(data, { ...options, image: { height: 6, width: 8, channels: 1 } });
    await expect(run.next()).rejects.toThrow('the images have 49 values each, not 6 x 8 = 48');
  });
});
