/**
 * The catapults preset (docs/catapults.md), CLI-only for now like the ConvRFM presets (convPresets.ts): kept
 * out of PRESET_NAMES, and so out of the app's preset picker, until the SGD network is a job kind of the app.
 */
import { defaultParams, type Params } from './schema';

export const CATAPULT_PRESET_NAMES = ['catapults'] as const;
export type CatapultPresetName = (typeof CATAPULT_PRESET_NAMES)[number];

/** The batch sizes the preset sweeps at its large learning rate, and the small step it is set against. */
export const CATAPULT_SWEEP = { batchSizes: [512, 128, 32, 8], smallLrScale: 0.5, smallBatchSize: 32 } as const;

export const CATAPULT_PRESETS: Record<CatapultPresetName, { title: string; params: Partial<Params> }> = {
  catapults: {
    title: 'Catapults: loss spikes that teach the network features',
    // x1 x2 in d = 10 (a low-rank target), a 256-wide two-layer ReLU network, plain SGD at 1.5x the edge.
    params: {
      data: 'synthetic',
      expr: 'x1*x2',
      d: 10,
      n: 512,
      ntest: 512,
      dist: 'normal',
      noise: 0,
      nnwidth: 256,
      nnbatch: 32,
      lrx: 1.5,
      sgdsteps: 200,
      seed: 1,
    },
  },
};

export function isCatapultPreset(name: string): name is CatapultPresetName {
  return (CATAPULT_PRESET_NAMES as readonly string[]).includes(name);
}

/** The full parameter set of a catapult preset: defaults, then the preset's values. */
export function catapultPresetParams(name: CatapultPresetName): Params {
  return { ...defaultParams(), ...CATAPULT_PRESETS[name].params };
}
