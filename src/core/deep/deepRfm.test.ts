/**
 * Deep RFM's engine (deepRfm.ts) on a small Gaussian mixture, on every Node backend: what it yields, in what
 * order, and that it leaves no tensor behind: after a full run, after the consumer stops early, and after a
 * checkpoint throws (a cancelled run).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { describeEachBackend } from '../testing/backends';
import { trainDeepRfm } from './deepRfm';
import type { DeepData, DeepLayerRecord, DeepRfmOptions } from './deepTypes';

function mixture(perClass: number, classes: number, d: number, seed: number): DeepData {
  const random = createRandom(seed);
  const centres = Array.from({ length: classes * d }, () => 2 * random.normal());
  const n = perClass * classes;
  const x = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % classes;
    for (let j = 0; j < d; j++) x[i * d + j] = centres[labels[i]! * d + j]! + random.normal();
  }
  return { x, n, d, labels, classes };
}

const OPTIONS: DeepRfmOptions = { depth: 3, width: 24, bandwidth: 2, ridge: 1e-3, seed: 3 };

async function collect(data: DeepData, options = OPTIONS): Promise<DeepLayerRecord[]> {
  const records: DeepLayerRecord[] = [];
  for await (const record of trainDeepRfm(data, options)) records.push(record);
  return records;
}

describeEachBackend('Deep RFM', () => {
  const data = mixture(12, 3, 10, 1);

  it('yields every layer of the AGOP stack, then every layer of the control', async () => {
    const records = await collect(data);
    expect(records.map((r) => `${r.stack} ${r.layer} ${r.d}`)).toEqual([
      'agop 1 10',
      'agop 2 24',
      'agop 3 24',
      'control 1 10',
      'control 2 24',
      'control 3 24',
    ]);
    for (const r of records) {
      if (r.stack === 'control') {
        expect(r.mEigenvalues).toBeNull();
        expect(r.collapse.sqrtM_X).toEqual(r.collapse.X);
      } else {
        expect(r.mEigenvalues).toHaveLength(r.d);
        expect(r.mEigenvalues![0]!).toBeGreaterThan(0);
      }
    }
    // Both stacks start from the same points and draw the same W_1.
    expect(records[3]!.collapse.X.nc1).toBe(records[0]!.collapse.X.nc1);
  });

  it('collapses the classes more with the AGOP than without it', async () => {
    const records = await collect(data);
    const last = (stack: string) => records.filter((r) => r.stack === stack).at(-1)!.collapse.next.nc1;
    expect(last('agop')).toBeLessThan(last('control') / 10);
  });

  it('leaves no tensor behind after a full run', async () => {
    await collect(data); // warm-up: backends keep a few tensors of their own on first use
    const before = tf.memory().numTensors;
    await collect(data);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves no tensor behind when the consumer stops early or a checkpoint throws', async () => {
    const before = tf.memory().numTensors;
    for await (const record of trainDeepRfm(data, OPTIONS)) {
      expect(record.layer).toBe(1);
      break;
    }
    expect(tf.memory().numTensors).toBe(before);
    let layers = 0;
    const cancelled = (async () => {
      for await (const _ of trainDeepRfm(data, OPTIONS, {
        checkpoint: async (_stack, layer) => {
          if (layer === 2) throw new Error('cancelled');
        },
      }))
        layers++;
    })();
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(layers).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hands each stage of each layer to the features hook', async () => {
    const seen: string[] = [];
    for await (const _ of trainDeepRfm(
      data,
      { ...OPTIONS, depth: 1 },
      {
        features: (stack, layer, stage, x, d) => seen.push(`${stack} ${layer} ${stage} ${x.length / d}`),
      },
    ));
    expect(seen).toEqual([
      'agop 1 X 36',
      'agop 1 sqrtM_X 36',
      'agop 1 next 36',
      'control 1 X 36',
      'control 1 sqrtM_X 36',
      'control 1 next 36',
    ]);
  });
});

describe('Deep RFM input checks', () => {
  it('refuses an empty class and a depth of 0', async () => {
    const data = mixture(4, 2, 3, 2);
    const noOnes = { ...data, labels: new Int32Array(data.n) };
    await expect(collect(noOnes)).rejects.toThrow(/class 1 has no points/);
    await expect(collect(data, { ...OPTIONS, depth: 0 })).rejects.toThrow(/depth must be/);
  });
});
