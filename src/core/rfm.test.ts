/**
 * Behaviour of the RFM loop that the golden fixtures do not cover: tensor lifetime when the consumer stops
 * early or cancels, input validation, runs without a test set, and AGOP subsampling.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { DEFAULT_RFM_OPTIONS, trainRfm } from './rfm';
import { describeEachBackend } from './testing/backends';
import { randomPoints } from './testing/data';
import type { Dataset, IterationRecord, RfmOptions } from './types';

function smallDataset(nTest = 20): Dataset {
  const n = 60;
  const d = 4;
  const all = randomPoints(n + nTest, d, 5);
  const y = Float32Array.from({ length: n + nTest }, (_, i) => all[i * d]! * all[i * d + 1]! + all[i * d + 2]!);
  return {
    xTrain: all.slice(0, n * d),
    yTrain: y.slice(0, n),
    xTest: all.slice(n * d),
    yTest: y.slice(n),
    nTrain: n,
    nTest,
    d,
    c: 1,
    accuracy: 'none',
  };
}

const OPTIONS: RfmOptions = { ...DEFAULT_RFM_OPTIONS, iterations: 3, spectrumSize: 8 };

async function collect(data: Dataset, options: RfmOptions): Promise<IterationRecord[]> {
  const records: IterationRecord[] = [];
  for await (const record of trainRfm(data, options)) records.push(record);
  return records;
}

describeEachBackend('trainRfm', () => {
  it('frees every tensor when the consumer stops after the first record', async () => {
    const before = tf.memory().numTensors;
    for await (const record of trainRfm(smallDataset(), OPTIONS)) {
      expect(record.iteration).toBe(0);
      break;
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops with the checkpoint error and frees every tensor when a checkpoint throws', async () => {
    const before = tf.memory().numTensors;
    const cancelled = new Error('cancelled');
    const run = async (): Promise<void> => {
      for await (const _ of trainRfm(smallDataset(), OPTIONS, {
        checkpoint: async ({ iteration, phase }) => {
          if (iteration === 1 && phase === 'agop') throw cancelled;
        },
      }));
    };
    await expect(run()).rejects.toBe(cancelled);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options and inconsistent or non-finite data before it starts', async () => {
    const data = smallDataset();
    await expect(collect(data, { ...OPTIONS, ridge: -1 })).rejects.toThrow('invalid ridge');
    await expect(collect(data, { ...OPTIONS, iterations: 1.5 })).rejects.toThrow('invalid iterations');
    await expect(collect(data, { ...OPTIONS, bandwidth: 0 })).rejects.toThrow('invalid bandwidth');
    await expect(collect({ ...data, nTrain: 59 }, OPTIONS)).rejects.toThrow('xTrain');
    const nan = { ...data, yTrain: Float32Array.from(data.yTrain, (v, i) => (i === 3 ? NaN : v)) };
    await expect(collect(nan, OPTIONS)).rejects.toThrow('training targets');
  });

  it('runs without a test set and records null test metrics', async () => {
    const records = await collect(smallDataset(0), { ...OPTIONS, iterations: 1 });
    expect(records.map((r) => r.testMse)).toEqual([null, null]);
    expect(records.every((r) => Number.isFinite(r.trainMse))).toBe(true);
  });

  it('uses at most agopSampleSize training points for the AGOP, reproducibly for a seed', async () => {
    const data = smallDataset();
    const full = await collect(data, { ...OPTIONS, iterations: 1 });
    const sampledA = await collect(data, { ...OPTIONS, iterations: 1, agopSampleSize: 20, seed: 7 });
    const sampledB = await collect(data, { ...OPTIONS, iterations: 1, agopSampleSize: 20, seed: 7 });
    expect(Array.from(sampledA[1]!.M)).toEqual(Array.from(sampledB[1]!.M));
    expect(Array.from(sampledA[1]!.M)).not.toEqual(Array.from(full[1]!.M));
    const everyPoint = await collect(data, { ...OPTIONS, iterations: 1, agopSampleSize: data.nTrain });
    expect(Array.from(everyPoint[1]!.M)).toEqual(Array.from(full[1]!.M));
  });
});
