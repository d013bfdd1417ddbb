/**
 * The parameters that say what a run is about: the preset, the data source, the synthetic target and its
 * sample sizes, and the seed of the data and the run.
 * Spread into PARAMS (./schema.ts) in this order; same spec kinds, same parser (./specs.ts).
 */
import { choice, num, type StringSpec } from './specs';

/** The experiments of the papers, one click each (see presets.ts); 'seed' is the default demo. */
export const PRESET_NAMES = [
  'seed',
  'scaling',
  'grokking',
  'text',
  'lowrank',
  'boston',
  'iris',
  'digits',
  'csv',
  'nfa-grokking',
  'nfa-tabular',
  'matrix-completion',
  'matrix-completion-schatten',
  'sparse-recovery',
  'neural-collapse',
  'convrfm',
  'interpolation',
  'catapults',
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Where a run's data comes from. */
export const DATA_KINDS = ['synthetic', 'lowrank', 'modular', 'text', 'csv', 'boston', 'iris', 'digits'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const DATA_PARAMS = {
  preset: choice({
    key: 'preset',
    label: 'experiment',
    help: "A preset sets data, model and views for one of the papers' experiments.",
    defaultValue: 'seed',
    options: PRESET_NAMES,
  }),
  data: choice({
    key: 'data',
    label: 'data',
    help: 'Where the training data comes from.',
    defaultValue: 'synthetic',
    options: DATA_KINDS,
  }),
  expr: {
    kind: 'string',
    key: 'expr',
    label: 'target f(x)',
    help: 'The function to learn, in x1 ... xd. Operators + - * / ^ and sin cos exp log sqrt abs tanh.',
    defaultValue: '5*x1^3 + 10*x2^2 + 2*x3',
    maxLength: 500,
  } satisfies StringSpec,
  d: num({
    key: 'd',
    label: 'dimension d',
    help: 'Number of input coordinates.',
    defaultValue: 10,
    min: 1,
    max: 800,
    scale: 'linear',
    integer: true,
  }),
  n: num({
    key: 'n',
    label: 'n train',
    help: 'Training points.',
    defaultValue: 800,
    min: 10,
    max: 20000,
    scale: 'log',
    integer: true,
  }),
  ntest: num({
    key: 'ntest',
    label: 'n test',
    help: 'Held-out test points.',
    defaultValue: 500,
    // A log slider needs min > 0; 0 (no test set) is allowed besides the range.
    min: 1,
    max: 20000,
    scale: 'log',
    integer: true,
    allowZero: true,
  }),
  dist: choice({
    key: 'dist',
    label: 'inputs',
    help: 'Distribution of each input coordinate: uniform on [-1, 1] or standard normal.',
    defaultValue: 'uniform',
    options: ['normal', 'uniform'] as const,
  }),
  noise: num({
    key: 'noise',
    label: 'noise',
    help: 'Standard deviation of noise added to the training targets.',
    defaultValue: 0,
    min: 0,
    max: 100,
    scale: 'linear',
    integer: false,
  }),
  seed: num({
    key: 'seed',
    label: 'seed',
    help: 'Seeds the data and the run: the same seed gives the same result.',
    defaultValue: 1,
    min: 0,
    max: 2 ** 31 - 1,
    scale: 'linear',
    integer: true,
  }),
} as const;
