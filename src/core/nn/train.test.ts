/**
 * Training the network beside the RFM: no leaked tensors (the count is flat from one record to the next and
 * back to where it started once training ends, also when the consumer stops early), the same seed gives
 * the same run, and bad options are refused with a message.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { useBackend } from '../testing/backends';
import type { Dataset } from '../types';
import { trainNetwork } from './train';
import type { NnEpochRecord, NnOptions } from './networkTypes';

function productData(n: number, nTest: number, d: number, seed: number): Dataset {
  const random = createRandom(seed);
  const make = (rows: number) => {
    const x = Float32Array.from({ length: rows * d }, () => random.normal());
    const y = Float32Array.from({ length: rows }, (_, i) => x[i * d]! * x[i * d + 1]!);
    return { x, y };
  };
  const train = make(n);
  const test = make(nTest);
  return {
    xTrain: train.x,
    yTrain: train.y,
    xTest: test.x,
    yTest: test.y,
    nTrain: n,
    nTest,
    d,
    c: 1,
    accuracy: 'none',
  };
}

const OPTIONS: NnOptions = {
  hidden: [16, 8],
  activation: 'tanh',
  learningRate: 1e-2,
  weightDecay: 1e-2,
  batchSize: 16,
  epochs: 6,
  initScale: 1,
  seed: 3,
};

async function collect(data: Dataset, options: NnOptions): Promise<NnEpochRecord[]> {
  const records: NnEpochRecord[] = [];
  for await (const record of trainNetwork(data, options)) records.push(record);
  return records;
}

describe('training the network', () => {
  beforeAll(() => useBackend('cpu'));
  const data = productData(60, 20, 5, 7);

  it('keeps the tensor count flat across epochs and frees everything at the end', async () => {
    const before = tf.memory().numTensors;
    const records = await collect(data, OPTIONS);
    expect(records.map((r) => r.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Adam's moment variables appear with the first step; from then on the count does not move.
    const counts = records.slice(1).map((r) => r.tensors);
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees everything when the consumer stops early', async () => {
    const before = tf.memory().numTensors;
    for await (const record of trainNetwork(data, OPTIONS)) if (record.epoch === 2) break;
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same run for the same seed, and another for another seed', async () => {
    const a = await collect(data, { ...OPTIONS, epochs: 2 });
    const b = await collect(data, { ...OPTIONS, epochs: 2 });
    const c = await collect(data, { ...OPTIONS, epochs: 2, seed: 4 });
    expect(b.at(-1)!.trainLoss).toBe(a.at(-1)!.trainLoss);
    expect(Array.from(b.at(-1)!.WtW)).toEqual(Array.from(a.at(-1)!.WtW));
    expect(c.at(-1)!.trainLoss).not.toBe(a.at(-1)!.trainLoss);
  });

  it('learns: the training loss falls', async () => {
    const records = await collect(data, { ...OPTIONS, epochs: 20 });
    expect(records.at(-1)!.trainLoss).toBeLessThan(records[0]!.trainLoss * 0.7);
  });

  it('records at epoch 0 the network at initialisation against its own AGOP, where the W0 control coincides with it', async () => {
    const [first] = await collect(data, { ...OPTIONS, epochs: 0 });
    expect(first!.epoch).toBe(0);
    expect(first!.nfaCorr).toBeCloseTo(first!.nfaCorrW0, 12);
    expect(first!.nfaCorrCentred).toBeNaN(); // W - W0 is zero at initialisation
  });

  it('refuses bad options with a message', async () => {
    const run = (options: Partial<NnOptions>) => collect(data, { ...OPTIONS, ...options });
    await expect(run({ hidden: [] })).rejects.toThrow(/hidden layers/);
    await expect(run({ hidden: [4, 4, 4] })).rejects.toThrow(/hidden layers/);
    await expect(run({ learningRate: 0 })).rejects.toThrow(/learning rate/);
    await expect(run({ weightDecay: 1000 })).rejects.toThrow(/weight decay/);
    await expect(run({ batchSize: 0 })).rejects.toThrow(/batch size/);
  });
});
