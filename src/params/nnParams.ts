/**
 * The parameters of the neural network trained beside the RFM (docs/nfa.md): which models a run trains,
 * and the network's architecture and optimiser. Spread into PARAMS (schema.ts); same spec kinds, same parser.
 * This module imports only types.
 */
import type { EnumSpec, NumberSpec } from './specs';

const num = (s: Omit<NumberSpec, 'kind'>): NumberSpec => ({ kind: 'number', ...s });
const choice = <T extends string>(s: Omit<EnumSpec<T>, 'kind'>): EnumSpec<T> => ({ kind: 'enum', ...s });

export const NN_PARAMS = {
  model: choice({
    key: 'model',
    label: 'models',
    help: 'rfm: the RFM only; rfm+nn: also a fully connected network on the same data, to compare their features; deep-rfm: Deep RFM layer by layer and its control without the AGOP (neural collapse, docs/deeprfm.md); convrfm: ConvRFM on q x q patches of images (digits, or a CSV of images), beside the plain RFM on the flattened pixels; catapults: a two-layer network by plain SGD past its edge of stability, one run per batch size (docs/catapults.md).',
    defaultValue: 'rfm',
    options: ['rfm', 'rfm+nn', 'deep-rfm', 'convrfm', 'catapults'] as const,
  }),
  nnwidth: num({
    key: 'nnwidth',
    label: 'network width',
    help: 'Units in each hidden layer.',
    defaultValue: 256,
    min: 1,
    max: 4096,
    scale: 'log',
    integer: true,
  }),
  nndepth: num({
    key: 'nndepth',
    label: 'hidden layers',
    help: 'Number of hidden layers (1 or 2).',
    defaultValue: 1,
    min: 1,
    max: 2,
    scale: 'linear',
    integer: true,
  }),
  nnact: choice({
    key: 'nnact',
    label: 'activation',
    help: 'relu: max(z, 0); quadratic: z²; tanh.',
    defaultValue: 'relu',
    options: ['relu', 'quadratic', 'tanh'] as const,
  }),
  nnlr: num({
    key: 'nnlr',
    label: 'learning rate',
    help: 'AdamW learning rate.',
    defaultValue: 1e-3,
    min: 1e-6,
    max: 1,
    scale: 'log',
    integer: false,
  }),
  nnwd: num({
    key: 'nnwd',
    label: 'weight decay',
    help: 'AdamW decoupled weight decay on the weight matrices (0: plain Adam).',
    defaultValue: 0,
    min: 1e-6,
    max: 100,
    scale: 'log',
    integer: false,
    allowZero: true,
  }),
  nnbatch: num({
    key: 'nnbatch',
    label: 'batch size',
    help: 'Training points per optimiser step.',
    defaultValue: 32,
    min: 1,
    max: 20000,
    scale: 'log',
    integer: true,
  }),
  nnepochs: num({
    key: 'nnepochs',
    label: 'epochs',
    help: 'Passes over the training set.',
    defaultValue: 100,
    // A log slider needs min > 0 (0 gave NaN on any move, as n test did); 0 is allowed besides the range.
    min: 1,
    max: 20000,
    scale: 'log',
    integer: true,
    allowZero: true,
  }),
  nninit: num({
    key: 'nninit',
    label: 'init scale',
    help: 'Multiplies the default initialisation N(0, 1/fan_in) of the weights; small values favour feature learning.',
    defaultValue: 1,
    min: 0.001,
    max: 10,
    scale: 'log',
    integer: false,
  }),
} as const;
