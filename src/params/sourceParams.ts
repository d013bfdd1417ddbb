/**
 * The parameters of the data sources other than the synthetic one: modular arithmetic (p, op, frac), text
 * (k, corpus), tables (target, task, std, split) and digits (px).
 * Spread into PARAMS (./schema.ts) in this order; same spec kinds, same parser (./specs.ts).
 */
import { choice, flag, num, type StringSpec } from './specs';

export const SOURCE_PARAMS = {
  p: num({
    key: 'p',
    label: 'modulus p',
    help: 'A prime: inputs are residues 0..p-1.',
    defaultValue: 61,
    min: 3,
    max: 199,
    scale: 'linear',
    integer: true,
  }),
  op: choice({
    key: 'op',
    label: 'operation',
    help: '(a op b) mod p; / is multiplication by the inverse.',
    defaultValue: '+',
    options: ['+', '-', '*', '/'] as const,
  }),
  frac: num({
    key: 'frac',
    label: 'training fraction',
    help: 'Share of all pairs (a, b) used for training; the rest is the test set.',
    defaultValue: 0.5,
    min: 0.05,
    max: 0.95,
    scale: 'linear',
    integer: false,
  }),
  k: num({
    key: 'k',
    label: 'context k',
    help: 'Characters of context the model sees.',
    defaultValue: 8,
    min: 1,
    max: 32,
    scale: 'linear',
    integer: true,
  }),
  corpus: choice({
    key: 'corpus',
    label: 'corpus',
    help: 'Moby Dick (bundled), or text you paste or upload.',
    defaultValue: 'moby',
    options: ['moby', 'custom'] as const,
  }),
  target: {
    kind: 'string',
    key: 'target',
    label: 'target column',
    help: 'The CSV column(s) to predict, comma-separated.',
    defaultValue: '',
    maxLength: 200,
  } satisfies StringSpec,
  task: choice({
    key: 'task',
    label: 'task',
    help: 'Regression predicts numbers; classification one-hot encodes the labels.',
    defaultValue: 'regression',
    options: ['regression', 'classification'] as const,
  }),
  std: flag({
    key: 'std',
    aliases: ['standardise'],
    label: 'standardise',
    help: 'Scale each feature to mean 0 and variance 1 (statistics of the training split).',
    defaultValue: true,
  }),
  split: num({
    key: 'split',
    label: 'test share',
    help: 'Share of rows held out for testing.',
    defaultValue: 0.2,
    min: 0.05,
    max: 0.9,
    scale: 'linear',
    integer: false,
  }),
  px: num({
    key: 'px',
    label: 'image side',
    help: 'Digits are downsampled to px x px pixels.',
    defaultValue: 14,
    min: 4,
    max: 28,
    scale: 'linear',
    integer: true,
  }),
} as const;
