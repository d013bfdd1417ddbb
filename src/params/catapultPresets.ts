/**
 * The catapults preset (docs/catapults.md), spread into PRESETS (presets.ts): a job of kind `catapults`
 * (model = catapults). The app's preset row and `rfm preset catapults` run the same values and the same
 * sweep over batch size (experiments/catapultPlan.ts).
 */
import type { Preset } from './presets';
import { defaultParams, type Params } from './schema';

export const CATAPULT_PRESET_NAMES = ['catapults'] as const;
export type CatapultPresetName = (typeof CATAPULT_PRESET_NAMES)[number];

/** The batch sizes the preset sweeps at its large learning rate, and the small step it is set against. */
export const CATAPULT_SWEEP = { batchSizes: [512, 128, 32, 8], smallLrScale: 0.5, smallBatchSize: 32 } as const;

export const CATAPULT_PRESETS: Record<CatapultPresetName, Preset> = {
  catapults: {
    name: 'catapults',
    title: 'Catapults',
    caption:
      'A two-layer ReLU network (width 256) learns f(x) = x₁x₂ in d = 10 by plain SGD at 1.5 × its edge of stability (2 / λmax of the tangent kernel), one run per batch size (512, 128, 32, 8), beside batch 32 at 0.5 × the edge. Watch the training loss spike (a catapult, marked), the kernel’s top eigenvalue fall below 2 / lr, and the alignment of the network’s AGOP with the true one jump. The paper says smaller batches give more catapults and lower test error; the caption says whether this run does.',
    // x1 x2 in d = 10 (a low-rank target), a 256-wide two-layer ReLU network, plain SGD at 1.5x the edge.
    params: {
      model: 'catapults',
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
  return { ...defaultParams(), ...CATAPULT_PRESETS[name].params, preset: name };
}
