/**
 * The Deep RFM preset (docs/deeprfm.md), spread into PRESETS (presets.ts): the app's neural-collapse row and
 * `rfm preset neural-collapse` read the same values.
 */
import type { Preset } from './presets';

export const DEEP_PRESETS = {
  'neural-collapse': {
    name: 'neural-collapse',
    title: 'Neural collapse (Deep RFM)',
    caption:
      'Deep RFM on 50 MNIST digits per class: each of 6 layers normalises the points, takes one RFM step (M = AGOP / n), multiplies by M^½ and applies a random ReLU layer of width 512. Watch NC1 (spread within classes over spread between them) fall layer by layer while the same stack without the AGOP does not collapse, and the class blocks appear in the Gram matrix.',
    // n = 500, width 512: the size of the speed target (docs/deeprfm.md, "Speed").
    params: { model: 'deep-rfm', data: 'digits', n: 500, px: 28, depth: 6, rwidth: 512, L: 2, lambda: 1e-3, seed: 1 },
  },
} satisfies Record<string, Preset>;
