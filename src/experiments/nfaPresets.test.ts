/**
 * The two NFA presets reach the published behaviour in CI-sized versions (smaller n, p, width and epochs
 * than the presets themselves; the full presets' figures are in docs/nfa.md):
 * - nfa-tabular (x1 x2 in d = 20): the network's W^T W correlates with its sqrt(AGOP) above 0.85; epoch 0
 *   (the same network with its own AGOP) already scores well above the W_0-against-final-AGOP control, and
 *   the informative gain is off the diagonal; W^T W comes to resemble the RFM's M.
 * - nfa-grokking ((a + b) mod 17 from 80% of the pairs, width 256): the network groks (test accuracy near 0
 *   for many epochs, then >= 95%) and its centred W^T W correlates with sqrt(AGOP) above 0.9.
 * The grokking case takes 1,200 optimiser steps. Measured here with the machine loaded ~10x (load average
 * ~22 on 2 cores): 26 s for nfa-tabular and 106 s for nfa-grokking (records every 10th epoch); a quiet
 * machine should take a fraction of that.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainRfm, type IterationRecord } from '../core';
import { trainNetwork } from '../core/nn/train';
import type { NnEpochRecord } from '../core/nn/networkTypes';
import { useBackend } from '../core/testing/backends';
import { datasetFromParams } from '../data/sources/registry';
import { presetParams } from '../params/presets';
import type { Params, PresetName } from '../params/schema';
import { nnOptionsFromParams } from './nnOptions';
import { optionsFromParams } from './options';

async function runBoth(preset: PresetName, overrides: Partial<Params>, withRfm: boolean, recordEvery?: number) {
  const params = { ...presetParams(preset), ...overrides };
  const data = await datasetFromParams(params);
  const rfm: IterationRecord[] = [];
  if (withRfm) for await (const record of trainRfm(data, optionsFromParams(params))) rfm.push(record);
  const nn: NnEpochRecord[] = [];
  const options = { ...nnOptionsFromParams(params), ...(recordEvery ? { recordEvery } : {}) };
  for await (const record of trainNetwork(data, options, { rfmM: rfm.at(-1)?.M ?? null })) nn.push(record);
  return { rfm, nn };
}

describe('the NFA presets in CI size', () => {
  beforeAll(() => useBackend('wasm'));

  it('nfa-tabular: W^T W correlates with sqrt(AGOP) above 0.85, gains off the diagonal over epoch 0, and approaches M', async () => {
    const { nn } = await runBoth('nfa-tabular', { n: 400, ntest: 200, iters: 2, nnepochs: 12 }, true);
    const first = nn[0]!;
    const last = nn.at(-1)!;
    expect(last.epoch).toBe(12);
    expect(last.nfaCorr).toBeGreaterThan(0.85);
    expect(last.nfaCorrW0).toBeLessThan(0.6);
    // Epoch 0 against its own AGOP is not the W0-against-final-AGOP control: it scores far higher.
    expect(first.nfaCorr).toBeGreaterThan(last.nfaCorrW0 + 0.1);
    expect(last.nfaCorrOffdiag - first.nfaCorrOffdiag).toBeGreaterThan(0.3);
    expect(last.nfaCorrOffdiag).toBeGreaterThan(0.8);
    expect(last.nfaCorrWithRfmM!).toBeGreaterThan(first.nfaCorrWithRfmM! + 0.2);
    expect(last.testMse!).toBeLessThan(first.testMse! * 0.8);
    // The features concentrate on x1 and x2: the two largest diagonal entries of W^T W.
    const d = last.d;
    const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => last.WtW[b * d + b]! - last.WtW[a * d + a]!);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
  }, 240_000);

  it('nfa-grokking: the network groks and its centred W^T W correlates with sqrt(AGOP) above 0.9', async () => {
    const { nn } = await runBoth('nfa-grokking', { p: 17, frac: 0.8, nnwidth: 256, nnepochs: 150 }, false);
    const accuracies = nn.map((r) => r.testAccuracy!);
    expect(
      accuracies.slice(1, 20).every((a) => a < 0.2),
      `test accuracy ${accuracies.join(', ')}`,
    ).toBe(true);
    const last = nn.at(-1)!;
    expect(last.trainAccuracy).toBe(1);
    expect(last.testAccuracy!).toBeGreaterThanOrEqual(0.95);
    expect(last.nfaCorrCentred).toBeGreaterThan(0.9);
    expect(last.nfaCorr).toBeGreaterThan(0.9);
    expect(last.nfaCorrOffdiag).toBeGreaterThan(last.nfaCorrOffdiagW0);
    expect(tf.memory().numTensors).toBeLessThan(50);
  }, 600_000);
});
