/**
 * The ConvRFM preset (docs/convrfm.md), spread into PRESETS (presets.ts): a job of kind `convrfm`
 * (model = convrfm) on the digits. The CLI's `rfm preset convrfm` runs the same values.
 */
import type { Preset } from './presets';
import { defaultParams, type Params } from './schema';

export const CONV_PRESET_NAMES = ['convrfm'] as const;
export type ConvPresetName = (typeof CONV_PRESET_NAMES)[number];

export const CONV_PRESETS: Record<ConvPresetName, Preset> = {
  convrfm: {
    name: 'convrfm',
    title: 'ConvRFM on digits',
    caption:
      'MNIST digits pooled to 14 × 14, a Gaussian patch kernel (L = 1) over 3 × 3 patches with one M shared by every position. Iteration 0 is the fixed convolutional kernel; the plain RFM on the flattened pixels of the same images is the comparison. Watch M’s top eigenvectors, drawn as 3 × 3 filters, become a blob and oriented edges; a second layer of 4 random filters drawn from N(0, M) then trains ConvRFM on their ReLU maps (deep ConvRFM).',
    params: {
      data: 'digits',
      task: 'classification',
      model: 'convrfm',
      px: 14,
      patch: 3,
      n: 300,
      ntest: 500,
      std: false,
      kernel: 'gaussian',
      L: 1,
      lambda: 1e-3,
      iters: 3,
      deep: 4,
    },
  },
};

export function isConvPreset(name: string): name is ConvPresetName {
  return (CONV_PRESET_NAMES as readonly string[]).includes(name);
}

/** The full parameter set of a ConvRFM preset: defaults, then the preset's values. */
export function convPresetParams(name: ConvPresetName): Params {
  return { ...defaultParams(), ...CONV_PRESETS[name].params, preset: name };
}
