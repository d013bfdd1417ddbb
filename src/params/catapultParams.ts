/**
 * The parameters of the catapults experiment (docs/catapults.md) beyond the network's own (nnwidth, nnbatch,
 * seed: nnParams.ts): the SGD learning rate relative to the edge of stability, and the number of steps.
 * Spread into PARAMS (schema.ts); same spec kinds, same parser.
 */
import { num } from './specs';

export const CATAPULT_PARAMS = {
  lrx: num({
    key: 'lrx',
    label: 'SGD step / edge',
    help: 'The SGD learning rate as a multiple of 2 / λmax of the network’s tangent kernel at initialisation: above 1, gradient descent is past its edge of stability and the loss can spike (a catapult).',
    defaultValue: 1.5,
    min: 0.05,
    max: 20,
    scale: 'log',
    integer: false,
  }),
  sgdsteps: num({
    key: 'sgdsteps',
    label: 'SGD steps',
    help: 'Plain SGD steps of the catapults experiment, one minibatch each.',
    defaultValue: 300,
    min: 1,
    max: 5000,
    scale: 'log',
    integer: true,
  }),
};
