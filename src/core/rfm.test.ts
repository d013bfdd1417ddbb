/**
 * Behaviour of the RFM loop that the golden fixtures do not cover: tensor lifetime when the consumer stops
 * early or cancels, input validation, runs without a test set, and AGOP subsampling.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { DEFAULT_RFM_OPTIONS, trainRfm } from './rfm';
import { describeEachBackend } from './testing/backends';
import { randomPoints } from './testing/data';
import type { TrainedModel } from './model';
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

  it('frees every tensor when it is cancelled at any checkpoint, between AGOP batches included', async () => {
    // A small batch size gives 6 AGOP batches per update, so the between-batches checkpoints are exercised
    // (a cancel there used to leak the gram and the group sums).
    const hooks = { agopBatchFloats: 600 };
    const options = { ...OPTIONS, iterations: 2, centering: true };
    const calls: string[] = [];
    for await (const _ of trainRfm(smallDataset(), options, {
      ...hooks,
      checkpoint: async ({ iteration, phase, fraction }) => void calls.push(`${iteration} ${phase} ${fraction}`),
    }));
    expect(calls.filter((c) => c.startsWith('1 agop')).length).toBeGreaterThanOrEqual(6);
    const cancelled = new Error('cancelled');
    for (let stopAt = 0; stopAt < calls.length; stopAt++) {
      const before = tf.memory().numTensors;
      let seen = 0;
      const run = async (): Promise<void> => {
        for await (const _ of trainRfm(smallDataset(), options, {
          ...hooks,
          checkpoint: async () => {
            if (seen++ === stopAt) throw cancelled;
          },
          retainModel: (model) => model.dispose(),
        }));
      };
      await expect(run(), `cancelled at ${calls[stopAt]}`).rejects.toBe(cancelled);
      expect(tf.memory().numTensors, `cancelled at ${calls[stopAt]}`).toBe(before);
    }
  });

  it('keeps M exactly symmetric after every update', async () => {
    for (const convention of ['mean', 'max', 'sqrt'] as const) {
      const records = await collect(smallDataset(), { ...OPTIONS, convention, centering: true });
      for (const { M, d } of records)
        for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(M[i * d + j]).toBe(M[j * d + i]);
    }
  });

  it("records the validation MSE and the best iteration, and keeps the best iteration's model", async () => {
    const data = smallDataset();
    let model: TrainedModel | null = null;
    const records: IterationRecord[] = [];
    const options = { ...OPTIONS, iterations: 4, validationFraction: 0.25 };
    for await (const record of trainRfm(data, options, { retainModel: (m) => (model = m) })) records.push(record);
    const validation = records.map((r) => r.validationMse!);
    expect(validation.every(Number.isFinite)).toBe(true);
    records.forEach((r, t) => {
      const bestSoFar = validation.slice(0, t + 1).indexOf(Math.min(...validation.slice(0, t + 1)));
      expect(r.bestIteration).toBe(bestSoFar);
    });
    const best = records.at(-1)!.bestIteration!;
    // The kept model predicts the test set as the best iteration did.
    const kept = model as TrainedModel | null;
    expect(kept).not.toBeNull();
    const pred = await kept!.predict(data.xTest, data.nTest);
    kept!.dispose();
    let mse = 0;
    pred.forEach((p, i) => (mse += (p - data.yTest[i]!) ** 2 / pred.length));
    expect(Math.abs(mse - records[best]!.testMse!) / records[best]!.testMse!).toBeLessThan(1e-5);
  });

  it('stops early once the validation MSE is worse than the best x 1.1', async () => {
    // Noisy targets and no ridge: RFM overfits after its first update on this data.
    const data = smallDataset();
    const noisy = { ...data, yTrain: data.yTrain.map((v, i) => v + (i % 2 === 0 ? 0.5 : -0.5)) };
    const options = { ...OPTIONS, iterations: 8, validationFraction: 0.3, earlyStopping: true, ridge: 0 };
    const records = await collect(noisy, options);
    const last = records.at(-1)!;
    const best = records[last.bestIteration!]!;
    for (const r of records.slice(0, -1)) expect(r.validationMse!).toBeLessThanOrEqual(best.validationMse! * 1.1);
    if (records.length < options.iterations + 1) expect(last.validationMse!).toBeGreaterThan(best.validationMse! * 1.1);
    const full = await collect(noisy, { ...options, earlyStopping: false });
    const firstBad = full.findIndex(
      (r) => r.validationMse! > Math.min(...full.slice(0, r.iteration + 1).map((q) => q.validationMse!)) * 1.1,
    );
    expect(records).toHaveLength(firstBad === -1 ? full.length : firstBad + 1);
    await expect(collect(data, { ...OPTIONS, earlyStopping: true })).rejects.toThrow(
      'early stopping needs a validation split',
    );
  });

  it('says so and stops when M collapses to zero (a tiny bandwidth)', async () => {
    const records = await collect(smallDataset(), { ...OPTIONS, bandwidth: 0.01 });
    expect(records[0]!.featureMatrixProblem).toBeNull();
    expect(records.at(-1)!.featureMatrixProblem).toMatch(/^M collapsed to zero at iteration \d/);
    expect(records.length).toBeLessThan(OPTIONS.iterations + 1);
    const healthy = await collect(smallDataset(), OPTIONS);
    expect(healthy.every((r) => r.featureMatrixProblem === null)).toBe(true);
  });
});
