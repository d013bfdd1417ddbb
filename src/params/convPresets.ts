/**
 * The ConvRFM presets (docs/convrfm.md), CLI-only for now: kept out of PRESET_NAMES, and so out of the app's
 * preset picker, until ConvRFM is a job kind of the app. A preset is parameter values over the defaults and a
 * caption, as in presets.ts.
 */
import { defaultParams, type Params } from './schema';

export interface ConvPreset {
  name: ConvPresetName;
  title: string;
  caption: string;
  params: Partial<Params>;
}

export const CONV_PRESET_NAMES = ['convrfm'] as const;
export type ConvPresetName = (typeof CONV_PRESET_NAMES)[number];

export const CONV_PRESETS: Record<ConvPresetName, ConvPreset> = {
  convrfm: {
    name: 'convrfm',
    title: 'ConvRFM: the patch AGOP on digits',
    caption:
      'MNIST digits pooled to 14 x 14, a Gaussian patch kernel (L = 1) over 3 x 3 patches with one M shared by every position. Iteration 0 is the fixed convolutional kernel; the plain RFM on the flattened pixels of the same images is the comparison.',
    params: {
      data: 'digits',
      task: 'classification',
      px: 14,
      patch: 3,
      n: 300,
      ntest: 500,
      std: false,
      kernel: 'gaussian',
      L: 1,
      lambda: 1e-3,
      iters: 3,
    },
  },
};

export function isConvPreset(name: string): name is ConvPresetName {
  return (CONV_PRESET_NAMES as readonly string[]).includes(name);
}

/** The full parameter set of a ConvRFM preset: defaults, then the preset's values. */
export function convPresetParams(name: ConvPresetName): Params {
  return { ...defaultParams(), ...CONV_PRESETS[name].params };
}
