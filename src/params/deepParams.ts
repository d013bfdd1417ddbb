/**
 * The parameters of Deep RFM (docs/deeprfm.md): its depth and the width of its random layers. The data
 * (data: digits, iris or csv), n, the bandwidth L, the ridge lambda and the seed are the schema's own keys.
 * Spread into PARAMS (schema.ts); same spec kinds, same parser. Also the neural-collapse preset's values,
 * kept here until Deep RFM becomes a job kind of the app (its PRESETS list does not name it yet).
 */
import { num } from './specs';

export const DEEP_PARAMS = {
  depth: num({
    key: 'depth',
    label: 'layers D',
    help: 'Deep RFM layers: each one RFM step, X M^(1/2), and a random ReLU layer.',
    defaultValue: 6,
    min: 1,
    max: 20,
    scale: 'linear',
    integer: true,
  }),
  // Not 'width': an embed's <rfm-explorer width="..."> attribute would reach the schema as that key.
  rwidth: num({
    key: 'rwidth',
    label: 'random layer width',
    help: 'Features after each random ReLU layer of Deep RFM (rows of W_l).',
    defaultValue: 256,
    min: 2,
    max: 2048,
    scale: 'log',
    integer: true,
    aliases: ['width'],
  }),
} as const;

/** The data kinds Deep RFM takes: points with class labels. */
export const DEEP_DATA_KINDS = ['digits', 'iris', 'csv'] as const;

/**
 * `rfm preset neural-collapse`: 30 digits per class (n = 300), 28 x 28 pixels, 6 layers of width 256,
 * L = 2, lambda = 1e-3: the size of the float64 reference in docs/deeprfm.md.
 */
export const NEURAL_COLLAPSE_PRESET = {
  data: 'digits',
  n: 300,
  px: 28,
  depth: 6,
  rwidth: 256,
  L: 2,
  lambda: 1e-3,
  seed: 1,
} as const;
